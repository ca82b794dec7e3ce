import { useEffect, useState } from "react";
import { SignalWire } from "@signalwire/js"; // ssrlint demo: serverimport expected here
import { FetchedCredentialProvider } from "@/app/_lib/sw-credentials";

export function CallPanel({ destination }: { destination: string }) {
  const [client, setClient] = useState<SignalWire | null>(null);

  useEffect(() => {
    const c = new SignalWire(new FetchedCredentialProvider());
    setClient(c);
    return () => {
      void c.disconnect();
    };
  }, []);

  return (
    <button disabled={!client} onClick={() => client?.dial(destination, { audio: true })}>
      Call {destination}
    </button>
  );
}
