"use strict";
import { cookies } from "next/headers";

export async function sessionId() {
  return (await cookies()).get("sid")?.value ?? null;
}

export const SESSION_COOKIE = "sid";
