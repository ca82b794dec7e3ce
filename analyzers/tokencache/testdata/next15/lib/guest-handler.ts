export async function mintGuest() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/guests/tokens`, { method: "POST", cache: "force-cache" }); // want `GET mints a SignalWire token, but the mint fetch has cache: "force-cache", so the Data Cache serves every caller the same token: use cache: "no-store" on the mint fetch`
  return Response.json(await res.json());
}
