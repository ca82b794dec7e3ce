import { roomToken } from "@/lib/token";

export async function POST(req: Request) {
  const { room } = await req.json();
  return Response.json({ token: await roomToken(room) }); // want `POST mints a SignalWire token through roomToken \(lib/token.ts\), but the mint runs inside "use cache", so every caller gets the same cached token: remove "use cache" around the mint$`
}
