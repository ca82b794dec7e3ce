const space = process.env.SIGNALWIRE_SPACE;

function basicAuth() {
  return Buffer.from(`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`).toString("base64");
}

export async function mintToken(reference: string): Promise<string> {
  const res = await fetch(`https://${space}/api/fabric/subscribers/tokens`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${basicAuth()}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ reference }),
  });
  const { token } = await res.json();
  return token;
}
