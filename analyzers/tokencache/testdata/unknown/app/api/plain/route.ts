// The next version is unknown, so the rule assumes Next 15 or later, where a
// GET handler is dynamic and fetch uncached by default: not reported.
export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/relay/rest/jwt`, { method: "POST" });
  return Response.json(await res.json());
}
