export const eager = 1;
export default function X() { return null; }
