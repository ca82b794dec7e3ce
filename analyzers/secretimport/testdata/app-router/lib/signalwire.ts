// SignalWire helpers: token minting (server) and display helpers.
export type Token = { token: string };

export function roomAddress(id: string) {
  return `/public/room-${id}`;
}

export async function mintToken(reference: string): Promise<Token> {
  const auth = Buffer.from(
    `${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`
  ).toString("base64");
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`, {
    method: "POST",
    headers: { Authorization: `Basic ${auth}`, "Content-Type": "application/json" },
    body: JSON.stringify({ reference }),
    cache: "no-store",
  });
  return res.json();
}
