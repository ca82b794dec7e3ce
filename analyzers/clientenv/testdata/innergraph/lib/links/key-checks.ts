import { isBlacklistedKey, isReservedKey } from "@/lib/edge-config";
import { conn } from "@/lib/db";

// Nothing in the browser bundle calls keyChecks, so the edge-config
// functions it calls never run there, although this module is in the
// bundle (lib/db has side effects, so the barrel keeps it).
export async function keyChecks(key: string) {
  if ((await isBlacklistedKey(key)) || (await isReservedKey(key))) {
    return "reserved";
  }
  return conn.execute("SELECT 1 FROM links WHERE key = ?", [key]);
}
