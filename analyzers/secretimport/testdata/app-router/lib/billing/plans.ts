export const plans = ["free", "pro"] as const;

export function planName(p: (typeof plans)[number]) {
  return p === "pro" ? "Pro" : "Free";
}
