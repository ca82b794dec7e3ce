import { NextResponse } from "next/server";

export async function POST(req: Request) {
  const { reference } = await req.json();
  if (!reference) return NextResponse.json({ error: "reference required" }, { status: 400 });
  if (!process.env.SIGNALWIRE_PROJECT_ID || !process.env.SIGNALWIRE_TOKEN) {
    return NextResponse.json({ error: "not configured" }, { status: 500 });
  }
  const auth = btoa(`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`);
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`, { // want "POST mints a SignalWire token for any caller: nothing checks a session, cookie, header or auth library before the mint.*put // ssrlint-ignore tokenauth -- public guest token on the line before the mint"
    method: "POST",
    headers: { Authorization: `Basic ${auth}`, "Content-Type": "application/json" },
    body: JSON.stringify({ reference }),
    cache: "no-store",
  });
  return NextResponse.json(await res.json());
}
