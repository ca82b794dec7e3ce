import { isBlacklistedKey } from "../edge-config";

export async function keyChecks(key: string) {
  return isBlacklistedKey(key);
}
