import { SignalWire } from "@signalwire/js"; // want `imported by components/call.tsx, which runs on the server via Server Component app/lazy/page.tsx`

export default function Call() {
  return <div>{typeof SignalWire}</div>;
}
