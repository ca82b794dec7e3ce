// Package secretimport defines an Analyzer that reports server-only modules
// pulled into the browser bundle, at the client-side import that pulls them
// in.
//
// # Analyzer secretimport
//
// secretimport: report server-only modules imported into the browser bundle
//
// A module is server-only when it mints SignalWire tokens (a request that
// rules/minting.json recognises), reads a credential from process.env (a
// name rules/secrets.json calls a credential, not NEXT_PUBLIC_, NODE_ENV or
// a next.config env key), imports next/headers, or is marked with
// `import "server-only"` (rules/serveronly.json). When such a module is
// evaluated in the browser — a "use client" module, a Pages Router page or
// instrumentation-client imports it, directly or through other modules — the
// rule reports once per server-only module, at the import in the first
// browser-side module of the shortest import trace, with the trace.
//
// The credentials are undefined in the browser, so the code cannot work
// there; Next's build fails outright for next/headers and server-only. The
// suggested fix inserts `import "server-only"` at the top of the server-only
// module, after its directive prologue: Next then fails the build with its
// own import trace whenever client code reaches the module, which keeps the
// boundary from regressing. The client import still has to go.
//
// "use client" modules and Next entries (pages, instrumentation-client) that
// read credentials themselves have no import to report: clientenv reports
// their reads. Modules that import an environment-validation package meant
// for both sides (t3-env) are not reported for their reads.
package secretimport
