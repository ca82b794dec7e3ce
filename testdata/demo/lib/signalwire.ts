import { SignalWire, StaticCredentialProvider } from "@signalwire/js"; // ssrlint demo: serverimport expected here

// Helpers around the SignalWire SDK. roomAddress is plain string work, but
// any module importing it also evaluates the SDK import above.
export function roomAddress(id: string): string {
  return `/public/room-${encodeURIComponent(id)}`;
}

export function connect(token: string): SignalWire {
  return new SignalWire(new StaticCredentialProvider({ token }));
}
