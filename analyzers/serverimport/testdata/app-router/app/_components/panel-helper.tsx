// Fine: only imported from a "use client" module.
import { SignalWire } from "@signalwire/js";

export function Helper() {
  return <span>{typeof SignalWire}</span>;
}
