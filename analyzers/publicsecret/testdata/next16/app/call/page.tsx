"use client";

export default function CallPage() {
  const host = process.env.NEXT_PUBLIC_SW_HOST; // public by design
  const project = process.env.SIGNALWIRE_PROJECT_ID; // want `^next\.config env inlines SIGNALWIRE_PROJECT_ID, which looks like a credential \(SIGNALWIRE_PROJECT_ID\), into this module: its value ships to every visitor`
  return <p data-host={host}>{project}</p>;
}
