import Script from "next/script";
import type { ScriptProps } from "next/script";

const analytics: ScriptProps = { src: "https://example.com/a.js", strategy: "worker" };

export function Polyfills() {
  return (
    <>
      {/* Fine: beforeInteractive is meant for scripts like this, not for the embed bundle. */}
      <Script src="https://polyfill.example.com/v3/polyfill.min.js" strategy="beforeInteractive" />
      {/* Fine: a spread whose contents are not known. */}
      <Script {...analytics} />
    </>
  );
}
