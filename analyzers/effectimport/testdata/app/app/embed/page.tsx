"use client";
import "@signalwire/web-components/dist/embed/signalwire-web-components-embed.iife.js"; // want `signalwire-web-components-embed.* runs browser code when imported, and "use client" module app/embed/page.tsx is evaluated during server rendering`

export default function Page() {
  return <sw-call-widget />;
}
