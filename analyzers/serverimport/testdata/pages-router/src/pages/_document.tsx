import { Html, Head, Main, NextScript } from "next/document";
import "@signalwire/web-components"; // want `by a _document`

export default function Document() {
  return (
    <Html>
      <Head />
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
