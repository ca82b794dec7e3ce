"use client";

export default function Map() {
  return <div style={{ width: window.innerWidth }} />; // fine: only rendered in the browser (ssr: false)
}
