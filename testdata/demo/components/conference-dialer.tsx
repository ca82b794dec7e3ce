import { useEffect, useState } from "react";
import { SignalWire } from "@signalwire/js";
import { FetchedCredentialProvider } from "@/app/_lib/sw-credentials";

// Only ever loaded through next/dynamic with ssr: false (pages/conference.tsx),
// so this static SDK import is evaluated in the browser alone.
export default function ConferenceDialer() {
  const [client, setClient] = useState<SignalWire | null>(null);

  useEffect(() => {
    const c = new SignalWire(new FetchedCredentialProvider());
    setClient(c);
    return () => {
      void c.disconnect();
    };
  }, []);

  return (
    <button disabled={!client} onClick={() => client?.dial("/public/weekly", { video: true, audio: true })}>
      Join the conference
    </button>
  );
}
