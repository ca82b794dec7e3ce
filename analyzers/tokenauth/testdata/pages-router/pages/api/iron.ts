import type { NextApiRequest, NextApiResponse } from "next";
import { withIronSessionApiRoute } from "iron-session/next";
import { mintToken } from "@/lib/sw";

async function handler(req: NextApiRequest & { session: { user?: { id: string } } }, res: NextApiResponse) {
  res.json({ token: await mintToken(req.session.user?.id ?? "guest") });
}

// The wrapper puts the sealed session on req; the route is session-bound.
export default withIronSessionApiRoute(handler, { cookieName: "sid", password: process.env.SESSION_PASSWORD! });
