// Imported only by getServerSideProps of pages/call.tsx: never in the
// browser bundle.
export async function mintToken() {
  const auth = Buffer.from(`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`).toString("base64");
  const res = await fetch(`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`, {
    method: "POST",
    headers: { Authorization: `Basic ${auth}`, "Content-Type": "application/json" },
    body: JSON.stringify({ reference: "page" }),
  });
  const { token } = await res.json();
  return token as string;
}
