// A Route Handler runs on the server only.
export async function POST() {
  const auth = Buffer.from(`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`).toString("base64");
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`, {
    method: "POST",
    headers: { Authorization: `Basic ${auth}` },
    cache: "no-store",
  });
  return Response.json(await res.json());
}
