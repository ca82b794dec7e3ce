import { NextResponse } from "next/server";
import { auth, currentUser } from "@clerk/nextjs/server";
import { mintToken } from "@/lib/sw";

// Clerk: auth() then a positive branch around the mint.
export async function GET() {
  const { userId } = await auth();
  if (userId) {
    const user = await currentUser();
    return NextResponse.json({ token: await mintToken(user?.id ?? userId) });
  }
  return new NextResponse("Unauthorized", { status: 401 });
}
