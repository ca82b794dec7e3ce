const space = process.env.SIGNALWIRE_SPACE;
const credentials = `${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`;

export async function mintToken(reference: string): Promise<string> {
  const res = await fetch(`https://${space}/api/fabric/subscribers/tokens`, {
    method: "POST",
    headers: { Authorization: `Basic ${btoa(credentials)}`, "Content-Type": "application/json" },
    body: JSON.stringify({ reference }),
  });
  return (await res.json()).token;
}

export async function cachedMint(reference: string): Promise<string> {
  const res = await fetch(`https://${space}/api/fabric/subscribers/tokens`, {
    method: "POST",
    cache: "force-cache",
    headers: { Authorization: `Basic ${btoa(credentials)}` },
    body: JSON.stringify({ reference }),
  });
  return (await res.json()).token;
}
