"use client";

import { useEffect, useState } from "react";

// Rendered only once the browser loaded the sessions (the state starts
// null, and the server renders once, with it null): its window read never
// runs on the server.
function SessionCover() {
  return <p>Sign in to {window.location.origin} on another device</p>;
}

export function SessionList({ load }: { load: () => Promise<string[]> }) {
  const [sessions, setSessions] = useState<string[] | null>(null);
  useEffect(() => {
    load().then(setSessions);
  }, [load]);
  if (!sessions) return null;
  return (
    <>
      {sessions.map((s) => (
        <p key={s}>{s}</p>
      ))}
      {sessions.length === 1 && <SessionCover />}
    </>
  );
}

// Behind a flag once, but also rendered unguarded: the server renders it.
function Origin() {
  return <p>{window.location.origin}</p>; // want `window is read in the render body of Origin`
}

export function Footer() {
  const [open, setOpen] = useState(false);
  return (
    <footer onClick={() => setOpen(!open)}>
      {open && <Origin />}
      <Origin />
    </footer>
  );
}
