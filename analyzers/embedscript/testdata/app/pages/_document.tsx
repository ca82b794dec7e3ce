import { Html, Head, Main, NextScript } from "next/document";
import Script from "next/script";

export default function Document() {
  return (
    <Html>
      <Head>
        <script type="text/javascript" src="https://unpkg.com/@signalwire/web-components/dist/embed/signalwire-web-components-embed.iife.js" /> {/* want `is loaded with a <script> that has neither async nor defer` */}
      </Head>
      <body>
        <Main />
        <NextScript />
        <Script strategy="beforeInteractive" src="https://unpkg.com/@signalwire/web-components/dist/embed/signalwire-web-components-embed.iife.js" /> {/* want `strategy="beforeInteractive"` */}
      </body>
    </Html>
  );
}
