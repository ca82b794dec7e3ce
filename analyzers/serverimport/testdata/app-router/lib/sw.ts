import { SignalWire, StaticCredentialProvider } from "@signalwire/js"; // want `browser-only @signalwire/js is imported by lib/sw.ts, which runs on the server via Server Component app/rooms/\[id\]/page.tsx`

export function connect(token: string) {
  return new SignalWire(new StaticCredentialProvider({ token }));
}
