"use client";

import { cookieLabel } from "@/lib/helpers"; // want "this import pulls lib/session.ts into the browser bundle \\(through lib/helpers.ts\\), but it is server code: it imports next/headers, which only works in server code"

export function Panel() {
  return <p>{cookieLabel()}</p>;
}
