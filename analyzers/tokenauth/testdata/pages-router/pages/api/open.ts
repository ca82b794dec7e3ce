import type { NextApiRequest, NextApiResponse } from "next";
import { mintToken } from "@/lib/sw";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "POST") return res.status(405).end();
  const token = await mintToken(String(req.body.reference)); // want "this API route mints a SignalWire token \\(through mintToken in lib/sw.ts\\) for any caller"
  res.status(200).json({ token });
}
