import { NextResponse } from "next/server";
import { createClient } from "@/lib/supabase/server";
import { mintToken } from "@/lib/sw";

// Supabase: the user from the auth server, destructured, then an early 401.
export async function POST() {
  const supabase = await createClient();
  const {
    data: { user },
  } = await supabase.auth.getUser();
  if (!user) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  }
  return NextResponse.json({ token: await mintToken(user.id) });
}
