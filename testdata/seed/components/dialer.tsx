import { useEffect } from "react";
import { SignalWire } from "@signalwire/js";
import { FetchedCredentialProvider } from "@/app/_lib/sw-credentials";

export default function Dialer() {
  useEffect(() => {
    const c = new SignalWire(new FetchedCredentialProvider());
    return () => void c.disconnect();
  }, []);
  return null;
}
