export const dynamic = "force-dynamic";

// Next 15: dynamic, and fetch is not cached by default. Fine.
export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/video/room_tokens`);
  return Response.json(await res.json());
}
