import { getGuestToken } from "@/lib/cached-token";

export async function POST() {
  return Response.json({ token: await getGuestToken() }); // want `POST mints a SignalWire token through getGuestToken \(lib/cached-token.ts\), but the mint runs inside unstable_cache`
}
