import type { NextApiHandler } from "next";
import { mintToken } from "@/lib/signalwire";

const handler: NextApiHandler = async (req, res) => {
  res.setHeader("CDN-Cache-Control", "max-age=120");
  res.json({ token: await mintToken("guest") });
};

export default withSession(handler); // want `this API route mints a SignalWire token through handler, but the response sets CDN-Cache-Control "max-age=120"`

function withSession(h: NextApiHandler): NextApiHandler {
  return h;
}
