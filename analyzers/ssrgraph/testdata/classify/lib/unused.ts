export function unusedHelper() { return 1; }
