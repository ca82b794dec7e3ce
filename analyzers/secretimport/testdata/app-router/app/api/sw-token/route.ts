import { NextResponse } from "next/server";
import { mintToken } from "@/lib/signalwire";

export const dynamic = "force-dynamic";

// Server-only code importing the minting module: fine.
export async function POST() {
  return NextResponse.json(await mintToken("guest"));
}
