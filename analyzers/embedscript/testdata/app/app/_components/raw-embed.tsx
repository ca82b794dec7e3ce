export function RawEmbed() {
  return (
    <>
      <script src="/vendor/signalwire-web-components-embed.iife.js"></script> {/* want `signalwire-web-components-embed.iife.js is loaded with a <script> that has neither async nor defer` */}
      <script // want `^signalwire-web-components-embed.iife.js is loaded`
        src="/vendor/signalwire-web-components-embed.iife.js?v=2"
        defer={false}
      />
      {/* Fine: async, defer and type="module" scripts do not block parsing. */}
      <script async src="/vendor/signalwire-web-components-embed.iife.js" />
      <script defer src="/vendor/signalwire-web-components-embed.iife.js" />
      <script type="module" src="/vendor/signalwire-web-components-embed.iife.js" />
      {/* Fine: not the embed bundle. */}
      <script src="/vendor/jquery.min.js" />
    </>
  );
}
