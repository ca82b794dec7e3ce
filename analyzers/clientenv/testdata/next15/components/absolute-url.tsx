"use client";

import { env } from "@/lib/env.mjs";

export function AbsoluteUrl({ path }: { path: string }) {
  return <a href={`${env.NEXT_PUBLIC_APP_URL}${path}`}>{path}</a>;
}
