// Package tokenauth defines an Analyzer that reports token routes that mint
// a SignalWire token before any check of the caller.
//
// # Analyzer tokenauth
//
// tokenauth: report token routes that mint a SignalWire token before checking the caller
//
// A route handler method (GET, POST, … of app/**/route.ts) or a Pages Router
// API route that mints a SignalWire token — directly or through helper
// functions, as the tokencache rule finds mints (package mintgraph) — must
// first check who is calling and stop the request when the check fails:
// otherwise anyone on the internet can mint tokens with the project's
// permissions. The seed document's route does this with
// getUserFromRequest(req) and an early 401.
//
// A check is, in the handler or in any function on the way to the mint and
// before it: an `if` that returns or throws (or calls redirect, notFound,
// unauthorized, forbidden), or that encloses the mint, whose condition
// depends — directly or through local variables — on a call of an auth
// library or of next/headers' cookies()/headers() (rules/auth.json), on a
// first-party helper that calls one, on a call passed the request object
// (getUserFromRequest(req)), on a call whose name says it checks the caller
// (getSession, currentUser, requireAuth: name words in rules/auth.json), on
// the request's headers, cookies or session, or on a request value compared
// with a credential (a shared secret); or a statement that is a call of a
// guard helper (requireUser(), await auth.protect()), which throws when the
// check fails. A handler wrapped in an auth helper (withApiAuthRequired,
// withAuth, NextAuth's auth(handler)) is checked, and so is every route of
// an app whose middleware (proxy) imports an auth library or tests the
// request's cookies or headers.
//
// The rule is a warning: a public click-to-call widget may mint guest
// tokens for anonymous visitors on purpose. Such a route says so with
// `// ssrlint-ignore tokenauth -- public guest token` on the line before the
// mint, as the message suggests.
package tokenauth
