"use client";

import { env } from "@acme/env";

export function Room() {
  return <p>{env.swHost}</p>;
}
