import Script from "next/script";

export default function Call() {
  return (
    <>
      <Script src="/signalwire-web-components-embed.iife.js" strategy='worker' /> {/* want `strategy="worker" runs .* never defined: use strategy="afterInteractive" or "lazyOnload"$` */}
      <sw-call-widget destination="/public/sales" />
    </>
  );
}
