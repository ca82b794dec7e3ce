import type { NextApiRequest, NextApiResponse } from "next";
import { mintToken } from "@/lib/signalwire";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const token = await mintToken(String(req.query.reference ?? "guest")); // want `this API route mints a SignalWire token through mintToken \(lib/signalwire.ts\), but the response sets Cache-Control "public, s-maxage=300", so shared caches \(a CDN\) serve every caller the same token: send Cache-Control "private, no-store"`
  res.setHeader("Cache-Control", "public, s-maxage=300");
  res.status(200).json({ token });
}
