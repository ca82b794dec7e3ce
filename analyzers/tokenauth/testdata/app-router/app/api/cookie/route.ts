import { cookies } from "next/headers";
import { mintToken } from "@/lib/sw";

// The session cookie read with next/headers.
export async function GET() {
  const sid = (await cookies()).get("session")?.value;
  if (!sid) return new Response("unauthorized", { status: 401 });
  return Response.json({ token: await mintToken(sid) });
}
