import "server-only";

export type SessionUser = { id: string };

// Reads the app's session cookie. A real app verifies a signed session
// (NextAuth, iron-session, ...); the demo only needs a stable user id.
export async function getUserFromRequest(req: Request): Promise<SessionUser | null> {
  const cookie = req.headers.get("cookie") ?? "";
  const match = /(?:^|;\s*)session=([^;]+)/.exec(cookie);
  return match ? { id: decodeURIComponent(match[1]) } : null;
}
