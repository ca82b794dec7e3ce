import { NextResponse } from "next/server";
import { requireUser } from "./auth";
import { mintToken } from "./sw";

// The check lives in the helper the route delegates to.
export async function handleMint(req: Request) {
  const user = await requireUser();
  const { room } = await req.json();
  return NextResponse.json({ token: await mintToken(`${user.id}:${room}`) });
}
