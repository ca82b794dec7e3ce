"use client";

import { useEffect, useState } from "react";

const isMobile = window.innerWidth < 768; // ssrlint demo: moduleglobal expected here

// Fine: the typeof guard keeps the server from calling matchMedia, and the
// value is only used in the effect below, never rendered.
const reducedMotion =
  typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

export function Presence({ name }: { name: string }) {
  const [online, setOnline] = useState(true);

  useEffect(() => {
    document.documentElement.dataset.motion = reducedMotion ? "reduced" : "full";
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  return (
    <p className={isMobile ? "presence compact" : "presence"}>
      {name}: {online ? "online" : "offline"}
    </p>
  );
}
