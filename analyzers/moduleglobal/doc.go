// Package moduleglobal defines an Analyzer that reports browser-only globals
// and SDK constructors used at module scope in modules the server evaluates.
//
// # Analyzer moduleglobal
//
// moduleglobal: report browser-only globals at module scope during SSR
//
// A module's top level runs when it is first imported — on the server too,
// for Server Components, "use client" modules (prerendered) and Pages Router
// pages. A browser-only global (window, document, localStorage,
// customElements, class … extends HTMLElement, …; the list is data in
// rules/globals.json) read, called or extended at module scope — including
// IIFEs, top-level blocks, class static fields and blocks, and window?.x —
// throws "ReferenceError: window is not defined" there. So does constructing
// a browser-only SDK client at module scope (new SignalWire(...)).
//
// References under a guard (typeof window !== "undefined" in if, ternary or
// &&, an early return, process.browser), feature tests in the block of a
// try statement with a catch clause, and names shadowed by a local binding
// are fine, as is code in functions that run later. `typeof window !==
// undefined` compares with the value undefined: it is always true, guards
// nothing, and is reported with a fix.
package moduleglobal
