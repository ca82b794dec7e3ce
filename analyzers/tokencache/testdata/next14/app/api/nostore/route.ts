// cache: "no-store" makes the GET dynamic and the fetch uncached: fine.
export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/relay/rest/jwt`, { method: "POST", cache: "no-store" });
  return Response.json(await res.json());
}
