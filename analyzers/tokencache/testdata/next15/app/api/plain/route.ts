import { mintToken } from "@/lib/signalwire";

// On Next 15 a GET handler is dynamic by default and fetch is uncached by
// default: fine.
export async function GET() {
  return Response.json({ token: await mintToken("guest") });
}
