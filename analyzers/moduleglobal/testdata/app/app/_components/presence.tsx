"use client";

import { useEffect, useState } from "react";

const isMobile = window.innerWidth < 768; // want `window is read at module scope, which the server evaluates when it renders this "use client" module via Server Component app/page.tsx`
const width = typeof window !== "undefined" ? window.innerWidth : 0; // fine: ternary guard
const saved = typeof window !== "undefined" && localStorage.getItem("presence"); // fine: && guard
if (typeof window !== "undefined") {
  window.addEventListener("resize", () => {}); // fine: if guard
}
const isBrowser = typeof window !== "undefined";
const lang = isBrowser ? navigator.language : "en"; // fine: guard through an alias
const legacy = process.browser ? location.href : ""; // fine: process.browser

const banner = <p>{document.title}{/* want "document is read at module scope" */}</p>;

export function Presence() {
  const [w, setW] = useState(width);
  useEffect(() => {
    setW(window.innerWidth); // fine: effects run in the browser only
  }, []);
  const onClick = () => alert(document.title); // fine: an event handler
  return <button onClick={onClick}>{isMobile ? "m" : w}{String(saved)}{lang}{legacy}{banner}</button>;
}
