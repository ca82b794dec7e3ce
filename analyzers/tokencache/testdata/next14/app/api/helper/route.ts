import { mintToken } from "@/lib/signalwire";

export async function GET() {
  return Response.json({ token: await mintToken("guest") }); // want `GET mints a SignalWire token through mintToken \(lib/signalwire.ts\), but on Next 14 a GET handler that reads no request data`
}

// A POST handler calling the same helper is never static and its fetch skips
// the Data Cache: fine.
export async function POST(req: Request) {
  const { reference } = await req.json();
  return Response.json({ token: await mintToken(reference) });
}
