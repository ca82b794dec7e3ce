const space = process.env.SIGNALWIRE_SPACE;

function basic() {
  return Buffer.from(`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`).toString("base64");
}

export async function mintToken(reference: string): Promise<string> {
  const res = await fetch(`https://${space}/api/fabric/subscribers/tokens`, {
    method: "POST",
    headers: { Authorization: `Basic ${basic()}`, "Content-Type": "application/json" },
    body: JSON.stringify({ reference }),
    cache: "no-store",
  });
  if (!res.ok) throw new Error(`token mint failed: ${res.status}`);
  return (await res.json()).token;
}

export async function mintGuest(address: string): Promise<string> {
  const res = await fetch(`https://${space}/api/fabric/guests/tokens`, {
    method: "POST",
    headers: { Authorization: `Basic ${basic()}`, "Content-Type": "application/json" },
    body: JSON.stringify({ allowed_addresses: [address] }),
    cache: "no-store",
  });
  return (await res.json()).token;
}
