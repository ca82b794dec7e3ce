import { mintToken } from "@/lib/signalwire";

export const revalidate = 3600;

export async function GET() {
  return Response.json({ token: await mintToken("guest") }); // want `GET mints a SignalWire token through mintToken \(lib/signalwire.ts\), but revalidate = 3600 caches the route's response, so every caller gets the same token for 3600 s: set revalidate = 0`
}
