export const dynamic = "force-static";

export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`, {}); // want `GET mints a SignalWire token, but dynamic = "force-static" makes the route static, so the token is minted once and served to every caller \(also: the Data Cache \(no cache: "no-store" on the fetch\)\): set dynamic = "force-dynamic" and add cache: "no-store" to the mint fetch`
  return Response.json(await res.json());
}
