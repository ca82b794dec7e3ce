import type { NextApiRequest, NextApiResponse } from "next";
import { SignalWire } from "@signalwire/js"; // want `@signalwire/js is imported by an API route`

export default function handler(_req: NextApiRequest, res: NextApiResponse) {
  res.json({ ok: typeof SignalWire });
}
