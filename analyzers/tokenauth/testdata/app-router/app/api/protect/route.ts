import { NextResponse } from "next/server";
import { auth } from "@clerk/nextjs/server";
import { mintToken } from "@/lib/sw";

// Clerk v6: auth.protect() throws (or redirects) unless signed in.
export async function POST() {
  await auth.protect();
  return NextResponse.json({ token: await mintToken("member") });
}
