"use client";
// Fine: a client page may import the SDK.
import { SignalWire } from "@signalwire/js";

export default function Page() {
  return <div>{typeof SignalWire}</div>;
}
