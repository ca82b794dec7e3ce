"use client";

import { useSyncExternalStore } from "react";

function subscribe(cb: () => void) {
  window.addEventListener("online", cb); // fine: subscribe runs in the browser
  return () => window.removeEventListener("online", cb);
}

export function useOnline() {
  // Fine: getSnapshot is the client snapshot; the server uses getServerSnapshot.
  return useSyncExternalStore(subscribe, () => navigator.onLine, () => true);
}

export function useOnlineWrong() {
  return useSyncExternalStore(subscribe, () => navigator.onLine, () => navigator.onLine); // want `navigator is read in the getServerSnapshot of useSyncExternalStore of useOnlineWrong`
}

export function Online() {
  const online = useOnline();
  const other = useOnlineWrong();
  return <span>{online && other ? "online" : "offline"}</span>;
}
