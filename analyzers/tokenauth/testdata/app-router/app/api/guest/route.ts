import { NextResponse } from "next/server";
import { mintGuest } from "@/lib/sw";

export const dynamic = "force-dynamic";

export async function GET() {
  return NextResponse.json({ token: await mintGuest("/public/sales") }); // want "GET mints a SignalWire guest token \\(through mintGuest in lib/sw.ts\\) for any caller"
}
