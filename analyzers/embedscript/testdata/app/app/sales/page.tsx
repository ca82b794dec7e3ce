import NextScript from "next/script";

export default function Sales() {
  return (
    <main>
      <sw-call-widget destination="/public/sales" />
      <NextScript
        id="sw-embed"
        src={`${process.env.NEXT_PUBLIC_SW_CDN}/signalwire-web-components-embed.iife.js`}
        strategy={"worker"} // want `strategy="worker" runs signalwire-web-components-embed.iife.js in a web worker.*never defined; nor does the worker strategy work in the App Router`
      />
    </main>
  );
}
