export async function mintToken(reference: string) {
  const auth = btoa(`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`);
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`, {
    method: "POST",
    headers: { Authorization: `Basic ${auth}` },
    body: JSON.stringify({ reference }),
  });
  return (await res.json()).token as string;
}
