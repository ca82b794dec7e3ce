export const shared = 1;
export default function X() { return null; }
