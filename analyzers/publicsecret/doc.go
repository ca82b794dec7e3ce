// Package publicsecret defines an Analyzer that reports credentials exposed
// to the browser through Next.js's build-time inlining.
//
// # Analyzer publicsecret
//
// publicsecret: report credentials that Next.js inlines into browser code
//
// Next.js replaces process.env.NEXT_PUBLIC_NAME, and process.env.KEY for
// every key of next.config's env, with the variable's value in the client
// bundle. The rule reports:
//
//   - a NEXT_PUBLIC_ variable whose name looks like a credential (TOKEN,
//     SECRET, PASSWORD, PRIVATE, API_KEY, SIGNALWIRE_PROJECT_ID, ... — the
//     credentials list of rules/secrets.json), where code reads it and where
//     .env, .env.local, .env.development, .env.production or their .local
//     variants define it;
//   - a next.config env key that looks like a credential: it is inlined
//     into every bundle;
//   - a module of the browser bundle that reads such a next.config env key.
//
// Public-by-design keys (publishable, anon, browser map and analytics write
// keys; the publicByDesign list of rules/secrets.json) are not reported.
// Messages name the variable, never its value, and the CLI masks .env values
// in the source lines it prints.
package publicsecret
