export const fetchCache = "force-cache";

export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/video/room_tokens`, { method: "POST", cache: "no-store" }); // want `GET mints a SignalWire token, but fetchCache = "force-cache" puts the mint fetch in the Data Cache, so every caller gets the same token: set fetchCache = "force-no-store"`
  return Response.json(await res.json());
}
