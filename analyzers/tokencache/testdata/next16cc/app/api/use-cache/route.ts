async function mint() {
  "use cache";
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/video/room_tokens`, { method: "POST" });
  return res.json();
}

export async function GET() {
  return Response.json(await mint()); // want `GET mints a SignalWire token through mint, but the mint runs inside "use cache", so every caller gets the same cached token: remove "use cache" around the mint \(await connection\(\) keeps the handler at request time\)`
}
