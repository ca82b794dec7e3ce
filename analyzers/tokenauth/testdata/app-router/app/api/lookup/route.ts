import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { mintToken } from "@/lib/sw";

// A user looked up by an id the caller sends is not a check of the caller.
export async function POST(req: Request) {
  const { userId } = await req.json();
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) return NextResponse.json({ error: "no such user" }, { status: 404 });
  return NextResponse.json({ token: await mintToken(user.id) }); // want "POST mints a SignalWire token \\(through mintToken in lib/sw.ts\\) for any caller"
}
