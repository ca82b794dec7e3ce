import { NextResponse } from "next/server";
import { currentUserId } from "@/lib/auth";
import { mintToken } from "@/lib/sw";

async function viewerId() {
  return currentUserId();
}

// A local helper whose name says nothing, but that reads the cookie
// through lib/auth.ts.
export async function POST() {
  const id = await viewerId();
  if (id === null) throw new Error("unauthorized");
  return NextResponse.json({ token: await mintToken(id) });
}
