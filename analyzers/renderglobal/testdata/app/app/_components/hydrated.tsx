"use client";

import { useEffect, useState } from "react";
import { createPortal } from "react-dom";

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

// State that starts falsy guards only its truthy side: closed, this renders
// on the server.
export function Closed() {
  const [open] = useState(false);
  if (!open) return <p>{window.innerWidth}</p>; // want `window is read in the render body of Closed`
  return null;
}

// A menu positioned from the window, rendered only once a click set its
// state: on the server the state is null, so the portal never renders there.
export function Menu({ items }: { items: string[] }) {
  const [anchor, setAnchor] = useState<DOMRect | null>(null);
  return (
    <div>
      <button onClick={(e) => setAnchor(e.currentTarget.getBoundingClientRect())}>menu</button>
      {anchor &&
        createPortal(
          <ul style={{ left: Math.min(anchor.left, window.innerWidth - 200) }}>
            {items.map((i) => <li key={i}>{i}</li>)}
          </ul>,
          document.body,
        )}
    </div>
  );
}

// State that starts truthy is no guard.
export function Expanded() {
  const [expanded, setExpanded] = useState(true);
  return (
    <div onClick={() => setExpanded(!expanded)}>
      {expanded && <p>{window.innerWidth}</p>} {/* want `window is read in the render body of Expanded` */}
    </div>
  );
}
