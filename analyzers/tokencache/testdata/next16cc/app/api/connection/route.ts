import { connection } from "next/server";

// With cacheComponents a GET runs at request time; connection() makes it
// explicit. The mint fetch is not cached: fine.
export async function GET() {
  await connection();
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/video/room_tokens`, { method: "POST" });
  return Response.json(await res.json());
}
