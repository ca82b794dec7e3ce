export async function mint() {
  return fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/video/room_tokens`, { method: "POST" });
}
