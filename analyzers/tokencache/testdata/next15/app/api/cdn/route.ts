import { NextResponse } from "next/server";
import { mintToken } from "@/lib/signalwire";

export async function POST() {
  const token = await mintToken("guest"); // want `POST mints a SignalWire token through mintToken \(lib/signalwire.ts\), but the response sets Cache-Control "public, max-age=60", so shared caches \(a CDN\) serve every caller the same token: send Cache-Control "private, no-store"`
  return NextResponse.json({ token }, { headers: { "Cache-Control": 'public, max-age=60' } });
}
