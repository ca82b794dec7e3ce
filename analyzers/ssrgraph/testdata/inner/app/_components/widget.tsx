"use client";

import { shown, aliased as al } from "@/lib/reexp";
import def from "@/lib/def";

const later = () => require("@/lib/required");

export function Widget({ label }: { label: string }) {
  return <p onClick={later}>{label}{shown()}{al()}{def()}</p>;
}

export function notUsedByAnyone() {
  return "MARK_CLIENT_REFERENCE";
}
