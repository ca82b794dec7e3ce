import { NextResponse } from "next/server";

export const dynamic = "force-dynamic"; // never cache the token

export async function POST(req: Request) {
  // 1. Authenticate the caller. Read your session cookie / NextAuth
  // session here — whatever your app uses.
  const user = await getUserFromRequest(req);
  if (!user) return NextResponse.json({ error: "unauthorized" }, { status: 401 });

  // 2. Mint a Subscriber Access Token (SAT) via the SignalWire REST API.
  const auth = Buffer.from(
    `${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`
  ).toString("base64");

  const res = await fetch(
    `https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`,
    {
      method: "POST",
      headers: {
        Authorization: `Basic ${auth}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ reference: user.id }),
    }
  );

  if (!res.ok) {
    return NextResponse.json({ error: "token mint failed" }, { status: 502 });
  }

  const { token } = await res.json();
  return NextResponse.json({ token });
}

declare function getUserFromRequest(req: Request): Promise<{ id: string } | null>;
