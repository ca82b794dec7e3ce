// Package clientenv defines an Analyzer that reports environment variables
// that browser code reads but Next.js does not ship to the browser.
//
// # Analyzer clientenv
//
// clientenv: report server-only environment variables read by browser code
//
// Next.js inlines exactly process.env.NEXT_PUBLIC_NAME, process.env.NODE_ENV
// and process.env.KEY for each key of next.config's env into client code.
// Any other variable read by a module of the browser bundle ("use client"
// modules and what they import, Pages Router pages and their static imports,
// instrumentation-client) is undefined in the browser, while the server
// render of the same module reads the real value and can write it into the
// HTML: a leak and a hydration mismatch. Credentials (SIGNALWIRE_TOKEN and
// the names in rules/secrets.json) must stay in a server route that mints a
// token. process.env["NAME"], process.env[name], destructuring and aliases of
// process.env are never inlined, so even a NEXT_PUBLIC_ variable read that
// way is undefined in the browser; the rule reports those too, and offers to
// rewrite process.env["NEXT_PUBLIC_NAME"] as process.env.NEXT_PUBLIC_NAME.
//
// Server-only code is never reported, nor is code of a page that only
// getServerSideProps, getStaticProps or getStaticPaths runs, with the
// imports only they use: Next removes them from the client build. Nor are
// the server variables of a module that uses an environment-validation
// library meant for both sides (t3-env's createEnv, listed in
// rules/serveronly.json): it hands them out on the server only; a read of
// one of its server keys from browser code (env.STRIPE_API_KEY) is reported
// instead, since the library throws there. Nor is code
// that no export the browser bundle uses reaches (ssrgraph's inner graph,
// Graph.Runs): a server helper in a module the bundle holds for another
// export never runs there. Nor is a read behind a check that keeps the
// browser out (after `if (typeof window !== "undefined") return`: the
// reference's ServerOnly flag). Each
// diagnostic carries the import trace that puts the module in the browser
// bundle.
package clientenv
