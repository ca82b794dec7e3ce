"use client";
import { useSyncExternalStore } from "react";
"use client"; // want `"use client" is repeated after other statements, where it is only a string: remove it`

export function Status() {
  const online = useSyncExternalStore(
    (cb) => {
      window.addEventListener("online", cb);
      return () => window.removeEventListener("online", cb);
    },
    () => navigator.onLine,
    () => true,
  );
  return <span>{online ? "online" : "offline"}</span>;
}
