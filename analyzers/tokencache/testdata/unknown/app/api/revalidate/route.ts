export const revalidate = 300;

export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/relay/rest/jwt`, { method: "POST" }); // want `GET mints a SignalWire token, but revalidate = 300 caches the route's response, so every caller gets the same token for 300 s: set revalidate = 0 \(the next version is unknown: assuming Next 15 or later\)`
  return Response.json(await res.json());
}
