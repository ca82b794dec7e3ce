// The tRPC client's base URL, as create-t3-app writes it: the browser
// returns before the server variables are read, so they never run there.
export function getBaseUrl() {
  if (typeof window !== "undefined") return "";
  if (process.env.VERCEL_URL) return `https://${process.env.VERCEL_URL}`;
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

// Not behind a check: the browser runs it too.
export function apiHost() {
  return process.env.API_HOST ?? "localhost"; // want `^process\.env\.API_HOST is undefined in the browser`
}
