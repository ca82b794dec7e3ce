// Package serverimport defines an Analyzer that reports browser-only SDK
// packages imported by code that runs on the server.
//
// # Analyzer serverimport
//
// serverimport: report browser-only packages imported by server code
//
// A browser-only package (@signalwire/js, @signalwire/web-components,
// @signalwire/client, @signalwire/react, @signalwire/call-widget; the list is
// data in rules/packages.json) must not be value-imported — by a static
// import, require or next/dynamic without { ssr: false } — by a module that
// runs on the server: Server Components, route handlers, metadata routes,
// middleware/proxy, instrumentation, "use server" modules, pages/api and
// _document, and in the Pages Router any module a page imports statically.
// Next's build does not check third-party packages; the import pulls the SDK
// into the server bundle and fails at prerender or request time.
//
// One diagnostic per import site, on the first-party import of the package,
// naming the entry that pulls it in, with the import trace as related
// locations. Type-only imports are erased and never count.
package serverimport
