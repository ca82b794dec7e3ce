export const dynamic = "force-dynamic";

export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/video/room_tokens`); // want `GET mints a SignalWire token, but on Next 14 its mint fetch goes through the Data Cache even with dynamic = "force-dynamic" \(observed on 14.2\), so every caller gets the same token: add cache: "no-store"`
  return Response.json(await res.json());
}
