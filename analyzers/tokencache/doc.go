// Package tokencache defines an Analyzer that reports route handlers and API
// routes that mint SignalWire tokens in a way Next.js caches, so that every
// caller gets the same token.
//
// # Analyzer tokencache
//
// tokencache: report token routes whose SignalWire token can be served from a cache
//
// A route mints a token when it calls fetch (or axios, got, ky) with a
// SignalWire token REST path in the URL (/api/fabric/subscribers/tokens,
// /api/relay/rest/jwt, /api/video/room_tokens, …) or with Basic credentials
// built from SIGNALWIRE_PROJECT_ID / SIGNALWIRE_TOKEN, directly or through a
// helper function, in the same module or imported from another one. The data
// is rules/minting.json.
//
// Whether the token is cached depends on the app's next version (from
// package.json) and next.config's cacheComponents (ssr-facts §3):
//
//   - Next 13.2–14: a GET handler that reads no request data and has no
//     dynamic config is static and mints at build time; and even with
//     dynamic = "force-dynamic", its mint fetch without cache: "no-store"
//     goes through the Data Cache (observed on 14.2), unless cookies(),
//     headers() or the Request are read before it;
//   - every version: dynamic = "force-static" (or "error"), revalidate = N > 0
//     on a GET handler; fetchCache = "force-cache" | "only-cache" |
//     "default-cache"; cache: "force-cache" or next: { revalidate: N } on the
//     mint fetch; unstable_cache or "use cache" (Next 15+) around the mint; a
//     Cache-Control header that lets shared caches keep the response
//     (public, s-maxage) — in Pages Router API routes, and in route handlers;
//   - Next 16 with cacheComponents: segment config exports are build errors
//     and are not read; "use cache" and explicit fetch caching still cache.
//
// When the next version is unknown, the rule assumes Next 15 or later (the
// version-independent cases only) and says so in the message.
//
// Suggested fixes are offered where they are safe text edits: cache:
// "no-store" added to (or replacing force-cache in) the mint fetch's inline
// options, next.revalidate set to 0, the segment config literal changed
// (dynamic to "force-dynamic", revalidate to 0, fetchCache to
// "force-no-store"), `export const dynamic = "force-dynamic"` inserted after
// the imports (Next 14, a static GET minting without fetch), a function-level
// "use cache" removed, a shared Cache-Control value replaced with
// "private, no-store". A fix is only offered when it removes every reason
// the token is cached.
package tokencache
