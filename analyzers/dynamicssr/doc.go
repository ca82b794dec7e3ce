// Package dynamicssr defines an Analyzer that reports next/dynamic calls with
// { ssr: false } in modules that are evaluated as Server Components.
//
// # Analyzer dynamicssr
//
// dynamicssr: report next/dynamic { ssr: false } in Server Components
//
// `ssr: false` keeps a component out of the server render only when the
// next/dynamic call runs in a Client Component. In a Server Component — a
// page or layout without "use client", or any module it imports without
// crossing a "use client" boundary — Next 15 and later fail the build:
// "`ssr: false` is not allowed with `next/dynamic` in Server Components.
// Please move it into a Client Component." Next 13 and 14 accept the call
// but ignore the option, so the component is rendered on the server anyway,
// which is exactly what the option was meant to prevent.
//
// Only the App Router's server layer counts (Server Components, route
// handlers, metadata routes, "use server" modules): Pages Router server code
// (getStaticProps imports, API routes) and middleware render no component.
//
// The diagnostic names the Server Component entry that evaluates the module,
// with the import trace, and the app's Next version from package.json (an
// unknown version is said to be unknown). Move the call into a small
// "use client" component and render that from the server one; there is no
// automatic fix, since making the whole module a Client Component can break
// its other exports.
package dynamicssr
