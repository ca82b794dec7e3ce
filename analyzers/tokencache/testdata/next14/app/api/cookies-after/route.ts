import { cookies } from "next/headers";

export const dynamic = "force-dynamic";

export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/video/room_tokens`, { method: "POST" }); // want `on Next 14 its mint fetch goes through the Data Cache even with dynamic = "force-dynamic"`
  cookies().set("minted", "1");
  return Response.json(await res.json());
}
