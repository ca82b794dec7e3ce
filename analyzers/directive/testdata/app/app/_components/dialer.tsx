/**
 * Copyright 2026 Example Corp.
 * Licensed under the MIT License.
 */

import { useEffect, useState } from "react";
import { SignalWire } from "@signalwire/js";
"use client"; // want `"use client" is not at the top of the file, so it is only a string: Next ignores it and this module is not a client boundary.*move it above the imports$`

export function Dialer() {
  const [client, setClient] = useState<SignalWire | null>(null);
  useEffect(() => {
    const c = new SignalWire();
    setClient(c);
    return () => void c.disconnect();
  }, []);
  return <button disabled={!client}>Call</button>;
}
