import { guestToken } from "@/lib/cached";

export async function GET() {
  return Response.json({ token: await guestToken() }); // want `GET mints a SignalWire token through guestToken \(lib/cached.ts\), but the mint runs inside "use cache"`
}
