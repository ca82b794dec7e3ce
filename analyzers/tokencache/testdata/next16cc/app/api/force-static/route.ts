// With cacheComponents, segment config exports are build errors: the build
// reports this, and there is no cached token to report.
export const dynamic = "force-static";

export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/video/room_tokens`, { method: "POST" });
  return Response.json(await res.json());
}
