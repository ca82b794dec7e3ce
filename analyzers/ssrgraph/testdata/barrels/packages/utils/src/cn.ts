export function cn(...xs: string[]) { return xs.join(" "); }
