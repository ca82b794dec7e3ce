"use client";

import { useEffect, useMemo, useState } from "react";
import { SignalWire, StaticCredentialProvider } from "@signalwire/js";

// Fine: the seed document's Dialer creates the client in an effect.
export function Dialer({ token }: { token: string }) {
  const [client, setClient] = useState<SignalWire | null>(null);

  useEffect(() => {
    const c = new SignalWire(new StaticCredentialProvider({ token }));
    setClient(c);
    return () => c.disconnect();
  }, [token]);

  return <button disabled={!client}>Call</button>;
}

export function EagerDialer({ token }: { token: string }) {
  const client = useMemo(() => new SignalWire(new StaticCredentialProvider({ token })), [token]); // want `new SignalWire\(\.\.\.\) from @signalwire/js runs in a useMemo factory of EagerDialer, .*: the SDK needs a browser .*; create it in useEffect and disconnect it in the effect's cleanup`
  return <button onClick={() => client.dial("/public/support")}>Call</button>;
}
