// The seed document's code blocks: none of them may be reported.
"use client";

import { useEffect, useState } from "react";
import { SignalWire, StaticCredentialProvider } from "@signalwire/js";

export function Dialer({ token }: { token: string }) {
  const [client, setClient] = useState<SignalWire | null>(null);

  useEffect(() => {
    const c = new SignalWire(new StaticCredentialProvider({ token }));
    setClient(c);
    return () => c.disconnect();
  }, [token]);

  // ...
}
