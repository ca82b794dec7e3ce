import { useEffect } from "react";
import { SignalWire, StaticCredentialProvider } from "@signalwire/js";

export default function Dialer({ token }: { token: string }) {
  useEffect(() => {
    const c = new SignalWire(new StaticCredentialProvider({ token }));
    return () => {
      void c.disconnect();
    };
  }, [token]);
  return <div id="call" />;
}
