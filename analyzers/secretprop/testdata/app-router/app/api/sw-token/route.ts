import { NextResponse } from "next/server";
import { mintToken } from "@/lib/sw";

export const dynamic = "force-dynamic";

// A route handler returns JSON, not props: what it sends is up to it.
export async function POST() {
  return NextResponse.json({ token: await mintToken("guest") });
}
