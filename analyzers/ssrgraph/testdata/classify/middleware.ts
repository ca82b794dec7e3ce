export function middleware() {}
