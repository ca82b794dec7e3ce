import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth/next";
import { mintToken } from "@/lib/sw";

const authOptions = { providers: [] };

// NextAuth in an API route: the session from req and res.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) {
    res.status(401).json({ error: "unauthorized" });
    return;
  }
  res.json({ token: await mintToken(session.user?.email ?? "user") });
}
