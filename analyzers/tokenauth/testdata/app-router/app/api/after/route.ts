import { NextResponse } from "next/server";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";
import { mintToken } from "@/lib/sw";

export async function POST() {
  const token = await mintToken("pending"); // want "POST mints a SignalWire token"
  // Too late: the token is minted before the session is looked at.
  const session = await getServerSession(authOptions);
  if (!session) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  return NextResponse.json({ token });
}
