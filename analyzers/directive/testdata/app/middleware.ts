import { NextResponse, type NextRequest } from "next/server";

"use client"; // want `this file is middleware, which runs only on the server`

export function middleware(req: NextRequest) {
  return NextResponse.next();
}
