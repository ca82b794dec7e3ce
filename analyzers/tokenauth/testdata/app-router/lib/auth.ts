import type { NextAuthOptions } from "next-auth";
import { cookies } from "next/headers";

export const authOptions: NextAuthOptions = { providers: [] };

// Reads the session cookie: a check of the caller wherever it is called.
export async function requireUser() {
  const sid = (await cookies()).get("sid")?.value;
  if (!sid) throw new Error("unauthorized");
  return { id: sid };
}

export async function currentUserId() {
  return (await cookies()).get("uid")?.value ?? null;
}
