import { SignalWire } from "@signalwire/js";

// Only called from effects of client components.
export async function connect(token: string) {
  return SignalWire({ token });
}
