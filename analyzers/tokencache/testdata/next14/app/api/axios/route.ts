import axios from "axios";

export async function GET() {
  const { data } = await axios.post( // want `GET mints a SignalWire token, but on Next 14 a GET handler that reads no request data and has no dynamic config is static, so the token is minted once at build time and served to every caller: add export const dynamic = "force-dynamic"`
    `https://${process.env.SIGNALWIRE_SPACE}/api/chat/tokens`,
    { channels: { lobby: { read: true } } },
    { auth: { username: process.env.SIGNALWIRE_PROJECT_ID!, password: process.env.SIGNALWIRE_TOKEN! } },
  );
  return Response.json({ token: data.token });
}
