// A Server Component: next.config env is inlined here too, but server code
// never reaches the browser (the env entry itself is reported).
export default function Page() {
  return <p>{process.env.SIGNALWIRE_PROJECT_ID ? "configured" : "missing"}</p>;
}
