export async function POST() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/pubsub/tokens`, { // want `POST mints a SignalWire token, but the mint fetch has next: \{ revalidate: false \}, so the Data Cache serves every caller the same token indefinitely: set next.revalidate to 0 on the mint fetch`
    method: "POST",
    next: { revalidate: false },
  });
  return Response.json(await res.json());
}
