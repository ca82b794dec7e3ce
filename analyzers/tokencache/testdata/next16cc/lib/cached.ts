"use cache";

export async function guestToken() {
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/guests/tokens`, { method: "POST" });
  return (await res.json()).token as string;
}
