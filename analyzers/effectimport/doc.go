// Package effectimport defines an Analyzer that reports packages with
// import-time browser side effects imported where the server evaluates them.
//
// # Analyzer effectimport
//
// effectimport: report import-time browser side effects evaluated during SSR
//
// @signalwire/web-components registers its custom elements with
// customElements.define when the module is evaluated, and the embed bundle
// does the same (the list is data in rules/packages.json). A static import of
// such a package in any module that the server evaluates — including "use
// client" modules, which are still rendered on the server — runs that code
// in Node. Load it with next/dynamic(..., { ssr: false }) from a client
// component, or import() it inside an effect.
package effectimport
