import { cookies } from "next/headers";

type Handler = (req: Request) => Promise<Response>;

export function withSignedIn(handler: Handler): Handler {
  return async (req) => {
    if (!(await cookies()).get("sid")) return new Response(null, { status: 401 });
    return handler(req);
  };
}
