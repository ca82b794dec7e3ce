export const ineffect = 1;
export default function X() { return null; }
