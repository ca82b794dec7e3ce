export const lazy = 1;
export default function X() { return null; }
