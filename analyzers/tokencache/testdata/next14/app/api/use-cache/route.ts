// Next 14 has no "use cache": the string is a no-op there, and a POST's
// fetch skips the Data Cache. Fine on this app's version.
async function mint() {
  "use cache";
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/video/room_tokens`, { method: "POST" });
  return res.json();
}

export async function POST() {
  return Response.json(await mint());
}
