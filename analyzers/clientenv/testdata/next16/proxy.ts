import { NextResponse, type NextRequest } from "next/server";

// proxy.ts (Next 16) runs on the server only.
export function proxy(req: NextRequest) {
  if (req.headers.get("x-admin") !== process.env.ADMIN_SECRET) {
    return NextResponse.next();
  }
  return NextResponse.next();
}
