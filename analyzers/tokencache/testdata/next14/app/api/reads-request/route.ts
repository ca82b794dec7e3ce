import type { NextRequest } from "next/server";

// Reading the Request makes the GET dynamic, and it is read before the mint:
// fine.
export async function GET(request: NextRequest) {
  const room = request.nextUrl.searchParams.get("room") ?? "lobby";
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/video/room_tokens`, {
    method: "POST",
    body: JSON.stringify({ room_name: room }),
  });
  return Response.json(await res.json());
}
