"use client";

import dynamic from "next/dynamic";

// Loaded with ssr: false: the widget runs only in the browser.
const Widget = dynamic(() => import("./widget"), { ssr: false });

export function Lazy() {
  return <Widget />;
}
