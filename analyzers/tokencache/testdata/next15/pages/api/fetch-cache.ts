import type { NextApiRequest, NextApiResponse } from "next";
import { cachedMint } from "@/lib/signalwire";

// The Pages Router has no Data Cache: fetch options do not cache here. Fine.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.json({ token: await cachedMint("guest") });
}
