import { SignalWire } from "@signalwire/js"; // want `@signalwire/js is imported by packages/sw/src/index.ts, which runs on the server via Server Component app/page.tsx`

export const make = () => new SignalWire();
