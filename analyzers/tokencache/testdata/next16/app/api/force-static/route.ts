export const dynamic = "force-static";

export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/guests/tokens`, { method: "POST" }); // want `GET mints a SignalWire token, but dynamic = "force-static" makes the route static, so the token is minted once and served to every caller: set dynamic = "force-dynamic"$`
  return Response.json(await res.json());
}
