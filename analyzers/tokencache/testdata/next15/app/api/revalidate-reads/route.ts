import { headers } from "next/headers";
import { mintToken } from "@/lib/signalwire";

export const revalidate = 3600;

// Reading headers() makes the GET dynamic on Next 15 despite revalidate, and
// fetch is uncached by default: fine.
export async function GET() {
  const user = (await headers()).get("x-user") ?? "guest";
  return Response.json({ token: await mintToken(user) });
}
