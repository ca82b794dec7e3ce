import Script from "next/script";
import { EmbedLoader } from "./_components/embed-loader";
import { Polyfills } from "./_components/polyfills";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html>
      <body>
        {children}
        <EmbedLoader />
        <Polyfills />
        {/* Fine: the seed's pattern. */}
        <Script
          src="https://unpkg.com/@signalwire/web-components/dist/embed/signalwire-web-components-embed.iife.js"
          strategy="afterInteractive"
        />
      </body>
    </html>
  );
}
