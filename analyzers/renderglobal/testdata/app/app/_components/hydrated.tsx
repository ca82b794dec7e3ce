"use client";

import { useEffect, useState } from "react";

// Fine: the mounted-flag pattern renders browser values only after hydration.
export function Hydrated() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return null;
  return <p>{window.innerWidth}</p>;
}

export function HydratedInline() {
  const [isClient, setIsClient] = useState(false);
  useEffect(() => {
    setIsClient(true);
  }, []);
  return <p>{isClient ? localStorage.getItem("k") : "…"}</p>;
}

// A state flag that no effect sets is no guard.
export function Closed() {
  const [open] = useState(false);
  if (!open) return <p>{window.innerWidth}</p>; // want `window is read in the render body of Closed`
  return null;
}
