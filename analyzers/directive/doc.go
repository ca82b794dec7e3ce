// Package directive defines an Analyzer that reports "use client" and
// "use server" directives that do not do what their author meant.
//
// # Analyzer directive
//
// directive: report misplaced, conflicting and pointless "use client"/"use server" directives
//
// A directive only counts in the directive prologue: before every import and
// other statement (comments and other string directives may come first).
// Written anywhere else it is a plain string: Next ignores it, so a "use
// client" module stays server code and a "use server" module's exports are
// not Server Functions, or the build fails with "The "use client" directive
// must be placed before other expressions". The fix moves it to the top,
// unless moving would make the file invalid.
//
// Also reported: both directives at the top of one file, which Next rejects,
// and "use client" in a file that only ever runs on the server (route
// handlers, metadata routes, middleware and proxy, instrumentation, Pages
// Router API routes and _document), where the directive changes nothing but
// the reader's understanding; the fix removes it. A "use client" page,
// layout or instrumentation-client file is fine.
package directive
