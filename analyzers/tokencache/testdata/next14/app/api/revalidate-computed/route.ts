// Next reads segment config only when it is a literal: this one is ignored,
// and the GET is static.
export const revalidate = 60 * 10;

export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`, { method: "POST" }); // want `on Next 14 a GET handler that reads no request data and has no dynamic config is static`
  return Response.json(await res.json());
}
