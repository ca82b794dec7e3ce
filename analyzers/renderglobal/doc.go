// Package renderglobal defines an Analyzer that reports browser-only globals
// and SDK constructors in the render phase of components the server renders.
//
// # Analyzer renderglobal
//
// renderglobal: report browser-only globals used while a server-rendered component renders
//
// A "use client" component, a Pages Router page and what they import are
// rendered on the server too: the body of a function component, the hooks
// it calls (use…), lazy state initializers (useState(() => …), useReducer's
// init), useMemo factories, useSyncExternalStore's getServerSnapshot, and a
// class component's render, constructor and instance fields all run in Node
// during the prerender. A browser-only global read there (window, document,
// localStorage, …) throws "ReferenceError: window is not defined"; navigator,
// which Node 21 and later define, renders the build machine's values instead
// (a hydration mismatch). Constructing a browser-only SDK client there (new
// SignalWire(...)) throws too. Server Components render only on the server,
// so a browser global in their body always fails; they are reported when a
// Server Component (or _document) renders the module.
//
// Not reported: effects, event handlers, ref callbacks, useCallback,
// useSyncExternalStore's subscribe and client snapshot, code under a guard
// (typeof window !== "undefined", a "mounted" flag — state that starts
// falsy, a useIsClient-style hook — or the inverse useIsSSR()), names
// shadowed by locals, components and hooks that no server-rendered code
// uses or that are rendered only behind such a guard (ssrgraph's inner
// graph, Graph.RunsIn), and module scope, which moduleglobal reports.
package renderglobal
