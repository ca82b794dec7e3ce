import { cookies } from "next/headers";

export async function mint() {
  return fetch("https://x.signalwire.com/api/video/room_tokens", { method: "POST" });
}

export async function basic() {
  const auth = btoa(`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`);
  return fetch("https://x.signalwire.com/api/other", { headers: { Authorization: `Basic ${auth}` } });
}

export async function viewer() {
  return (await cookies()).get("sid");
}

export async function status() {
  return fetch("https://x.signalwire.com/api/status");
}
