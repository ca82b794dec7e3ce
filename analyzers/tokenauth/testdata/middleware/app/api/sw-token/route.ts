// The middleware authenticates every request (Clerk): the route relies on it.
export async function POST() {
  const auth = btoa(`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`);
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`, {
    method: "POST",
    headers: { Authorization: `Basic ${auth}` },
    body: JSON.stringify({ reference: "member" }),
    cache: "no-store",
  });
  return Response.json(await res.json());
}
