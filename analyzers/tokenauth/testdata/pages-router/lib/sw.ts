export async function mintToken(reference: string): Promise<string> {
  const auth = Buffer.from(`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`).toString("base64");
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/relay/rest/jwt`, {
    method: "POST",
    headers: { Authorization: `Basic ${auth}` },
    body: JSON.stringify({ resource: reference }),
  });
  return (await res.json()).jwt_token;
}
