import { NextResponse } from "next/server";

const auth = Buffer.from(`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`).toString("base64");

export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`, { // want `GET mints a SignalWire token, but on Next 14 a GET handler that reads no request data and has no dynamic config is static, so the token is minted once at build time and served to every caller: add cache: "no-store" to the mint fetch`
    method: "POST",
    headers: { Authorization: `Basic ${auth}`, "Content-Type": "application/json" },
    body: JSON.stringify({ reference: "guest" }),
  });
  const { token } = await res.json();
  return NextResponse.json({ token });
}
