// Package embedscript defines an Analyzer that reports the SignalWire
// web-components embed bundle loaded in a way that runs it too early or off
// the main thread.
//
// # Analyzer embedscript
//
// embedscript: report the web-components embed bundle loaded before hydration or in a worker
//
// The embed bundle (signalwire-web-components-embed.iife.js; the file names
// are the `contains` entries of importSideEffects in rules/packages.json)
// registers the sw-* custom elements as soon as it runs. Load it with
// next/script and strategy="afterInteractive" (the default) or "lazyOnload",
// as the SignalWire docs do. Reported:
//
//   - next/script with strategy="beforeInteractive": the bundle runs before
//     any Next.js code and before hydration, so the whole page stays
//     non-interactive until it has downloaded and run;
//   - next/script with strategy="worker": the bundle runs in a web worker
//     (Partytown), where there is no DOM and no custom element registry for
//     the page, and the worker strategy does not work in the App Router;
//   - a raw <script src=…> without async or defer (type="module" counts as
//     deferred): it blocks HTML parsing where it stands and runs before
//     hydration, and a <script> that React creates in the browser (after a
//     client-side navigation) is never executed.
//
// The strategy fix replaces the value with "afterInteractive". A src that is
// a constant, a top-level const or a template literal naming the bundle is
// recognised; one read from an environment variable is not.
package embedscript
