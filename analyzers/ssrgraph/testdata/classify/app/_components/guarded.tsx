export const guarded = 1;
export default function X() { return null; }
