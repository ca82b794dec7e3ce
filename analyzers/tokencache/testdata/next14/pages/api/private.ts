import type { NextApiRequest, NextApiResponse } from "next";
import { mintToken } from "@/lib/signalwire";

// A private, no-store response is never kept by a shared cache: fine.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const token = await mintToken("guest");
  res.setHeader("Cache-Control", "private, no-store");
  res.status(200).json({ token });
}
