import { NextResponse } from "next/server";

export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/relay/rest/jwt`, { method: "POST", next: { revalidate: 3600 } }); // want `GET mints a SignalWire token, but the mint fetch has next: \{ revalidate: 3600 \}, so the Data Cache serves every caller the same token for 3600 s: set next.revalidate to 0 on the mint fetch`
  return NextResponse.json(await res.json());
}
