import * as sw from "@/lib/signalwire";

export async function POST(req: Request) {
  const { reference } = await req.json();
  return Response.json({ token: await sw.cachedMint(reference) }); // want `POST mints a SignalWire token through cachedMint \(lib/signalwire.ts\), but the mint fetch has cache: "force-cache", so the Data Cache serves every caller the same token: use cache: "no-store" on the mint fetch`
}
