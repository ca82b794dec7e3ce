// Package secretprop defines an Analyzer that reports server credentials
// that React serializes into the page: passed from a Server Component to a
// Client Component as a prop, written into an intrinsic element's
// attributes, or returned in the props of getServerSideProps or
// getStaticProps.
//
// # Analyzer secretprop
//
// secretprop: report server credentials serialized into the page as props
//
// A Server Component's output is sent to the browser: the props of every
// Client Component it renders are serialized into the RSC payload, and the
// attributes and text of intrinsic elements into the HTML. A Pages Router
// page's getServerSideProps and getStaticProps props are serialized into
// __NEXT_DATA__. A credential that reaches any of them is readable by every
// visitor, although the code that reads it runs only on the server.
//
// The rule follows the value of each environment variable whose name looks
// like a credential (rules/secrets.json: SIGNALWIRE_TOKEN, *_SECRET,
// *_API_KEY…; not NEXT_PUBLIC_ names, NODE_ENV or next.config env keys,
// which other rules cover) from its read (process.env.NAME,
// process.env["NAME"], destructuring, an alias of process.env, env.NAME of an
// imported env object) through local variables and value-preserving
// expressions — templates, `+`, `??`, object and array literals, spreads,
// Buffer.from(…).toString("base64"), JSON.stringify — to a JSX attribute,
// a spread attribute, an element's children or the returned props. A call
// of anything else (mintToken(process.env.SIGNALWIRE_TOKEN)), a comparison or
// a property read ends the value: what comes out is not the credential.
//
// Reported: in a module that only the server evaluates, a credential passed
// to a component imported from a "use client" module (directly, through
// re-exports, or with next/dynamic), or written into an intrinsic element;
// in a Pages Router page, a credential returned in the props of
// getServerSideProps or getStaticProps. Modules also in the browser bundle
// are left to clientenv, which reports the read itself.
package secretprop
