import Script from "next/script";
import { RawEmbed } from "../_components/raw-embed";

const EMBED_SRC = "https://cdn.jsdelivr.net/npm/@signalwire/web-components/dist/embed/signalwire-web-components-embed.iife.js";

export default function Support() {
  return (
    <>
      <Script src={EMBED_SRC} strategy="beforeInteractive" /> {/* want `strategy="beforeInteractive" loads signalwire-web-components-embed.iife.js before any Next.js code and before hydration` */}
      <RawEmbed />
      <sw-click-to-call destination="/public/support" />
    </>
  );
}
