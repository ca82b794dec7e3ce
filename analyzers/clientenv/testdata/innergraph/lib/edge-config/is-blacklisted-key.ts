import { get } from "@vercel/edge-config";

export async function isBlacklistedKey(key: string) {
  if (!process.env.NEXT_PUBLIC_IS_DUB || !process.env.EDGE_CONFIG) {
    return false;
  }
  const keys = (await get("keys")) as string[];
  return keys.includes(key);
}
