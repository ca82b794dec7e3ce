import { cachedToken } from "@/lib/cached";

export async function POST() {
  const token = await cachedToken("guest"); // want `POST mints a SignalWire token through cachedToken \(lib/cached.ts\), but the mint runs inside unstable_cache, so every caller gets the same token until the cache entry expires: call the mint directly`
  return Response.json({ token });
}
