export async function roomToken(room: string) {
  "use cache";
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/video/room_tokens`, {
    method: "POST",
    body: JSON.stringify({ room_name: room }),
  });
  return (await res.json()).token as string;
}
