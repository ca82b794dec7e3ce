// Not a token mint: no token path, no SignalWire credentials. Its caching is
// not this rule's business.
export async function GET() {
  const res = await fetch("https://api.example.com/status", { headers: { Authorization: `Bearer ${process.env.STATUS_TOKEN}` } });
  return Response.json(await res.json());
}
