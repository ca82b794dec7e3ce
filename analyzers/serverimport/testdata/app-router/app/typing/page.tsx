// The import was just typed and nothing uses it yet: the compiler would drop
// it, but the first value use brings the SDK onto the server, so it is
// reported now (this is what an editor shows while typing).
import { SignalWire } from "@signalwire/js"; // want `browser-only @signalwire/js is imported by a Server Component, which runs on the server \(unused so far`

export default function Page() {
  return <div />;
}
