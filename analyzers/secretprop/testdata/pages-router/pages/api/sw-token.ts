import type { NextApiRequest, NextApiResponse } from "next";
import { mintToken } from "@/lib/sw";

// An API route answers with JSON it chooses: not page props.
export default async function handler(_req: NextApiRequest, res: NextApiResponse) {
  res.json({ token: await mintToken("guest") });
}
