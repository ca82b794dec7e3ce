import type { NextApiRequest, NextApiResponse } from "next";
import { mintToken } from "@/lib/sw";

// A cron or a partner calls with a shared secret in the query string.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.query.key !== process.env.PARTNER_API_SECRET) {
    return res.status(401).json({ error: "bad key" });
  }
  res.json({ token: await mintToken("partner") });
}
