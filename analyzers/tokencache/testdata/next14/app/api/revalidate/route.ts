export const revalidate = 600;

export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`, { method: "POST" }); // want `GET mints a SignalWire token, but revalidate = 600 caches the route's response, so every caller gets the same token for 600 s: set revalidate = 0`
  return Response.json(await res.json());
}
