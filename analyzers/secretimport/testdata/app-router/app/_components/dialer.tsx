"use client";

import { useEffect, useState } from "react";
import { SignalWire } from "@signalwire/js";
import { FetchedCredentialProvider } from "@/app/_lib/sw-credentials";
import { formatDuration, swHost } from "@/lib/format";
import { env } from "@/lib/env";
import type { Token } from "@/lib/signalwire";
import { roomAddress } from "@/lib/signalwire"; // want "this import puts lib/signalwire.ts in the browser bundle, but it is server code: it mints SignalWire tokens \\(/api/fabric/subscribers/tokens\\) and it reads the credentials SIGNALWIRE_PROJECT_ID, SIGNALWIRE_SPACE and SIGNALWIRE_TOKEN: import only server-safe code from a \"use client\" module"

export function Dialer({ id, token }: { id: string; token?: Token }) {
  const [client, setClient] = useState<SignalWire | null>(null);
  useEffect(() => {
    const c = new SignalWire(new FetchedCredentialProvider());
    setClient(c);
    return () => {
      void c.disconnect();
    };
  }, []);
  return (
    <button disabled={!client || !token} onClick={() => client?.dial(roomAddress(id), { audio: true })}>
      Join via {swHost || env.NEXT_PUBLIC_SW_HOST} ({formatDuration(0)})
    </button>
  );
}
