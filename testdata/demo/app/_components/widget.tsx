"use client";

import "@signalwire/web-components"; // ssrlint demo: effectimport expected here

export function Widget({ token }: { token: string }) {
  return <sw-call-widget token={token} destination="/public/sales" />;
}
