import { NextRequest, NextResponse } from "next/server";
import { auth } from "@clerk/nextjs/server";
import { mintToken } from "@/lib/sw";

export async function GET(req: NextRequest) {
  if (req.nextUrl.searchParams.has("verbose")) {
    // Checked on one path only: the mint below runs either way.
    const { userId } = await auth();
    if (!userId) return new NextResponse("unauthorized", { status: 401 });
  }
  return NextResponse.json({ token: await mintToken("anonymous") }); // want "GET mints a SignalWire token"
}
