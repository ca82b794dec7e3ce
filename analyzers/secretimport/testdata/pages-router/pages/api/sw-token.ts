import type { NextApiRequest, NextApiResponse } from "next";
import { mintToken } from "@/lib/sw";

export default async function handler(_req: NextApiRequest, res: NextApiResponse) {
  res.json({ token: await mintToken("guest") });
}
