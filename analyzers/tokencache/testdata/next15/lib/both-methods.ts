// Not a route: its GET is only a handler where a route re-exports it, and
// app/api/post-only/route.ts re-exports POST alone. Not reported.
export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/guests/tokens`, { method: "POST", cache: "force-cache" });
  return Response.json(await res.json());
}

export async function POST() {
  return Response.json({ ok: true });
}
