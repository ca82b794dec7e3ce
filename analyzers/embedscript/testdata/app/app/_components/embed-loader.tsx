"use client";

import Script from "next/script";
import { useState } from "react";

export function EmbedLoader() {
  const [ready, setReady] = useState(false);
  return (
    <>
      {/* Fine: lazyOnload is the other strategy the docs recommend. */}
      <Script
        src={`${process.env.NEXT_PUBLIC_SW_CDN}/signalwire-web-components-embed.iife.js`}
        strategy="lazyOnload"
        onLoad={() => setReady(true)}
      />
      {/* Fine: no strategy means afterInteractive. */}
      <Script src="/vendor/signalwire-web-components-embed.iife.js" />
      {ready && <sw-call-widget destination="/public/sales" />}
    </>
  );
}
