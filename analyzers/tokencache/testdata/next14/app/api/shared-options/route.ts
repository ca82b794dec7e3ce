const init: RequestInit = { method: "POST", headers: { Authorization: `Basic ${btoa(`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`)}` } };

export const dynamic = "force-dynamic";

// The options live in a variable that other calls may share: advice, no fix.
export async function GET() {
  const res = await fetch("https://example.signalwire.com/api/video/room_tokens", init); // want `Data Cache even with dynamic = "force-dynamic".*: add cache: "no-store" to the mint fetch$`
  return Response.json(await res.json());
}
