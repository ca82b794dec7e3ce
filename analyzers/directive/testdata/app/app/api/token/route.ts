"use client"; // want `this file is a route handler, which runs only on the server: "use client" cannot make it a Client Component; remove the directive`
import { NextResponse } from "next/server";

export async function POST() {
  return NextResponse.json({ token: "t" });
}
