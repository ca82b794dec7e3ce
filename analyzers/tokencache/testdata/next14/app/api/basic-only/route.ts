const { SIGNALWIRE_PROJECT_ID, SIGNALWIRE_TOKEN } = process.env;

export async function GET() {
  const url = "https://example.signalwire.com/api/fabric/resources";
  const res = await fetch(url, { headers: { Authorization: "Basic " + btoa(SIGNALWIRE_PROJECT_ID + ":" + SIGNALWIRE_TOKEN) } }); // want `GET mints a SignalWire token, but on Next 14 a GET handler that reads no request data`
  return Response.json(await res.json());
}
