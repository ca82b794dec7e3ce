import { NextResponse } from "next/server";
import { withSignedIn } from "@/lib/with-auth";
import { mintToken } from "@/lib/sw";

// A first-party wrapper that reads the session cookie.
export const POST = withSignedIn(async () => NextResponse.json({ token: await mintToken("member") }));
