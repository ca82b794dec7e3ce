import { useState } from "react";
"use client";
// The directive above comes after an import, so Next ignores it: still a Server Component.
import { SignalWire } from "@signalwire/js"; // want `by a Server Component`

export default function Page() {
  const [s] = useState(0);
  return <div>{s}{typeof SignalWire}</div>;
}
