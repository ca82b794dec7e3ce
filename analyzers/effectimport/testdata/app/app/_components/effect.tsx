"use client";

import { useEffect } from "react";

export function Effect() {
  useEffect(() => {
    import("@signalwire/web-components"); // fine: inside an effect
  }, []);
  return <sw-click-to-call />;
}
