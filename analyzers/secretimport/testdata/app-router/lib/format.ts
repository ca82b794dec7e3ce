// Safe on both sides: public configuration only.
export const swHost = process.env.NEXT_PUBLIC_SW_HOST ?? "";

export function formatDuration(ms: number) {
  return `${Math.round(ms / 1000)} s`;
}
