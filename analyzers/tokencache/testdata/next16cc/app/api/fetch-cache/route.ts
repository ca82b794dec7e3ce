export async function GET() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/video/room_tokens`, { method: "POST", cache: 'force-cache' }); // want `the mint fetch has cache: "force-cache"`
  return Response.json(await res.json());
}
