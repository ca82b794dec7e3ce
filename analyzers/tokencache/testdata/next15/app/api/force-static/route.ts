import * as sw from "@/lib/signalwire";

export const dynamic = 'force-static';

export async function GET() {
  return Response.json({ token: await sw.mintToken("guest") }); // want `GET mints a SignalWire token through mintToken \(lib/signalwire.ts\), but dynamic = "force-static" makes the route static, so the token is minted once and served to every caller: set dynamic = "force-dynamic"$`
}
