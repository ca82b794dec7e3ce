import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

export async function POST() {
  // Fine: the REST API's expire_at is in seconds, and this is no credential result.
  const body = { reference: "user-1", expire_at: Math.floor(Date.now() / 1000) + 3600 };
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  const { token } = await res.json();
  return NextResponse.json({ token });
}
