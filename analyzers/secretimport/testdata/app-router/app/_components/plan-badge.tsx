"use client";

import { planName } from "@/lib/billing"; // want "this import pulls 2 server-only modules into the browser bundle \\(through lib/billing/index.ts\\): lib/billing/charges.ts, which reads the credential STRIPE_SECRET_KEY; lib/billing/ledger.ts, which is marked import \"server-only\", so Next fails the build: import only server-safe code from a \"use client\" module: .*, and add import \"server-only\" to lib/billing/charges.ts$"

export function PlanBadge({ plan }: { plan: "free" | "pro" }) {
  return <span>{planName(plan)}</span>;
}
