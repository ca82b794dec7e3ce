package syntax

import (
	"strings"
	"testing"
)

// Each source has one marked reference; guarded says whether a browser check
// dominates it.
func TestGuards(t *testing.T) {
	cases := []struct {
		name    string
		src     string
		guarded bool
	}{
		// if statements
		{"if !==", `if (typeof window !== "undefined") { /*@*/window.x; }`, true},
		{"if !=", `if (typeof window != "undefined") /*@*/window.x;`, true},
		{"single quotes", `if (typeof window !== 'undefined') /*@*/window.x;`, true},
		{"template literal", "if (typeof window !== `undefined`) /*@*/window.x;", true},
		{"=== object", `if (typeof window === "object") { /*@*/window.x; }`, true},
		{"reversed operands", `if ("undefined" !== typeof window) { /*@*/window.x; }`, true},
		{"typeof document", `if (typeof document !== "undefined") { /*@*/window.x; }`, true},
		{"typeof navigator", `if (typeof navigator !== "undefined") { /*@*/localStorage.x; }`, true},
		{"typeof self", `if (typeof self !== "undefined") { /*@*/self.x; }`, true},
		{"typeof globalThis.window", `if (typeof globalThis.window !== "undefined") { /*@*/window.x; }`, true},
		{"typeof listed global", `if (typeof localStorage !== "undefined") { /*@*/localStorage.x; }`, true},
		{"globalThis.window !== undefined", `if (globalThis.window !== undefined) { /*@*/window.x; }`, true},
		{"globalThis.window != null", `if (globalThis.window != null) { /*@*/window.x; }`, true},
		{"typeof parenthesized", `if (typeof (window) !== "undefined") { /*@*/window.x; }`, true},
		{"parenthesized", `if ((typeof window !== "undefined")) { /*@*/window.x; }`, true},
		{"else of negated check", `if (typeof window === "undefined") { f(); } else { /*@*/window.x; }`, true},
		{"else if chain", `if (typeof window === "undefined") { f(); } else if (a) { /*@*/window.x; }`, true},
		{"nested in consequence", `if (typeof window !== "undefined") { if (a) { for (;;) { /*@*/window.x; } } }`, true},
		{"&& in if", `if (typeof window !== "undefined" && ready) { /*@*/window.x; }`, true},
		{"&& in if, check second", `if (ready && typeof window !== "undefined") { /*@*/window.x; }`, true},
		{"negated ||", `if (!(typeof window === "undefined" || a)) { /*@*/window.x; }`, true},
		{"|| of two checks", `if (typeof window !== "undefined" || typeof document !== "undefined") { /*@*/document.x; }`, true},
		{"function defined under a guard", `if (typeof window !== "undefined") { const f = () => /*@*/window.x; }`, true},
		// ternaries
		{"ternary consequent", `const w = typeof window !== "undefined" ? /*@*/window.innerWidth : 0;`, true},
		{"ternary alternate", `const w = typeof window === "undefined" ? 0 : /*@*/window.innerWidth;`, true},
		{"ternary in JSX", `const C = () => <p>{typeof window !== "undefined" ? /*@*/location.href : ""}</p>;`, true},
		// logical chains
		{"&&", `const w = typeof window !== "undefined" && /*@*/window.x;`, true},
		{"deeper &&", `const isBrowser = typeof window !== "undefined"; const w = a && isBrowser && /*@*/window.x;`, true},
		{"&& of two checks", `typeof window !== "undefined" && typeof document !== "undefined" && /*@*/document.x;`, true},
		{"|| with server check", `const w = typeof window === "undefined" || /*@*/window.x;`, true},
		{"JSX &&", `const C = () => <div>{typeof window !== "undefined" && <p>{/*@*/window.x}</p>}</div>;`, true},
		// build-time flags
		{"process.browser", `if (process.browser) { /*@*/window.x; }`, true},
		{"process.browser &&", `process.browser && /*@*/window.x;`, true},
		{"!process.browser else", `if (!process.browser) { f(); } else { /*@*/window.x; }`, true},
		{"!process.browser ternary", `const w = !process.browser ? null : /*@*/window.x;`, true},
		{"!NEXT_RUNTIME", `if (!process.env.NEXT_RUNTIME) { /*@*/window.x; }`, true},
		{"NEXT_RUNTIME === undefined", `if (process.env.NEXT_RUNTIME === undefined) { /*@*/window.x; }`, true},
		{"NEXT_RUNTIME === empty", `if (process.env.NEXT_RUNTIME === "") { /*@*/window.x; }`, true},
		{"NEXT_RUNTIME else", `if (process.env.NEXT_RUNTIME) { f(); } else { /*@*/window.x; }`, true},
		{"NEXT_RUNTIME === nodejs else", `if (process.env.NEXT_RUNTIME === "nodejs") { f(); } else if (process.env.NEXT_RUNTIME === "edge") { g(); } else { /*@*/window.x; }`, true},
		{"!import.meta.env.SSR", `if (!import.meta.env.SSR) { /*@*/window.x; }`, true},
		{"import.meta.env.SSR else", `const w = import.meta.env.SSR ? null : /*@*/window.x;`, true},
		{"SvelteKit browser", `import { browser } from "$app/environment"; if (browser) { /*@*/window.x; }`, true},
		// early exits
		{"early return", `function f() { if (typeof window === "undefined") return; /*@*/window.x; }`, true},
		{"early return null", `function C() { if (typeof window === "undefined") return null; return <p>{/*@*/location.href}</p>; }`, true},
		{"early return block", `function f() { if (typeof window === "undefined") { return; } /*@*/window.x; }`, true},
		{"early return block with a log", `function f() { if (typeof window === "undefined") { console.warn("ssr"); return; } /*@*/window.x; }`, true},
		{"early throw at module scope", `if (typeof window === "undefined") throw new Error("browser only");
export const w = /*@*/window.innerWidth;`, true},
		{"early return in IIFE", `(() => { if (typeof window === "undefined") return; /*@*/window.x; })();`, true},
		{"early return, nested later", `function f() { if (!process.browser) return; if (a) { g(() => /*@*/window.x); } }`, true},
		{"minified early return", `function f(){if(typeof window==="undefined")return;if(a)b();/*@*/window.x}`, true},
		{"early return in else", `function f() { if (typeof window !== "undefined") { g(); } else { return; } /*@*/window.x; }`, true},
		{"early return on || of server checks", `function f() { if (typeof window === "undefined" || !ready) return; /*@*/window.x; }`, true},
		// aliases
		{"module alias", `const isBrowser = typeof window !== "undefined";
export function f() { if (isBrowser) { /*@*/window.x; } }`, true},
		{"exported alias", `export const isClient = typeof document !== "undefined";
const w = isClient ? /*@*/window.innerWidth : 0;`, true},
		{"negated server alias", `const isServer = typeof window === "undefined";
if (!isServer) { /*@*/window.x; }`, true},
		{"server alias early return", `const isServer = typeof window === "undefined";
function f() { if (isServer) return; /*@*/window.x; }`, true},
		{"alias of alias", `const isServer = typeof window === "undefined"; const isBrowser = !isServer;
isBrowser && /*@*/window.x;`, true},
		{"block alias", `function f() { const ok = typeof window !== "undefined"; return ok && /*@*/window.x; }`, true},
		{"alias declared after use", `export function f() { return canUseDOM ? /*@*/document.title : ""; }
const canUseDOM = !!(typeof window !== "undefined" && window.document);`, true},
		{"second declarator alias", `const isServer = typeof window === "undefined", isBrowser = !isServer;
if (isBrowser) /*@*/window.x;`, true},
		{"typed alias", `const isBrowser: boolean = typeof window !== "undefined"; if (isBrowser) /*@*/window.x;`, true},
		{"alias of flag", `const isBrowser = process.browser; if (isBrowser) /*@*/window.x;`, true},
		{"arrow alias called", `const isBrowser = () => typeof window !== "undefined"; if (isBrowser()) /*@*/window.x;`, true},
		{"function alias called", `function isClient() { return typeof window !== "undefined"; }
if (isClient()) /*@*/window.x;`, true},
		{"component early return on alias", `const isBrowser = typeof window !== "undefined";
export function C() { if (!isBrowser) return null; return <p>{/*@*/window.innerWidth}</p>; }`, true},

		// not guards
		{"no guard", `/*@*/window.x;`, false},
		{"unrelated if", `if (a) { /*@*/window.x; }`, false},
		{"bogus: value undefined", `if (typeof window !== undefined) { /*@*/window.x; }`, false},
		{"bogus alias", `const isBrowser = typeof window != undefined; if (isBrowser) /*@*/window.x;`, false},
		{"server branch", `if (typeof window === "undefined") { /*@*/window.x; }`, false},
		{"then of negated check", `if (typeof window !== "undefined") { f(); } else { /*@*/window.x; }`, false},
		{"|| with another condition", `if (typeof window !== "undefined" || a) { /*@*/window.x; }`, false},
		{"|| before the check", `if (a || typeof window !== "undefined") { /*@*/window.x; }`, false},
		{"&& with browser check on the left of ||", `const w = typeof window !== "undefined" || /*@*/window.x;`, false},
		{"truthiness of window throws", `const w = window && /*@*/window.x;`, false},
		{"typeof of a member", `if (typeof window.x !== "undefined") { /*@*/window.y; }`, false},
		{"typeof of an unknown name", `if (typeof foo !== "undefined") { /*@*/window.y; }`, false},
		{"typeof compared with another string", `if (typeof window === "string") { /*@*/window.y; }`, false},
		{"condition itself", `if (/*@*/window.x) {}`, false},
		{"ternary condition", `const a = /*@*/window.x ? 1 : 2;`, false},
		{"ternary wrong branch", `const w = typeof window !== "undefined" ? 0 : /*@*/window.innerWidth;`, false},
		{"after a browser-only if", `if (typeof window !== "undefined") { f(); }
/*@*/window.x;`, false},
		{"after an inverted early return", `function f() { if (typeof window !== "undefined") return; /*@*/window.x; }`, false},
		{"before the early return", `function f() { /*@*/window.x; if (typeof window === "undefined") return; }`, false},
		{"early return inside another function", `function check() { if (typeof window === "undefined") return; }
/*@*/window.x;`, false},
		{"early return in a nested block", `function f() { if (a) { if (typeof window === "undefined") return; } /*@*/window.x; }`, false},
		{"if without exit", `function f() { if (typeof window === "undefined") { log(); } /*@*/window.x; }`, false},
		{"NEXT_RUNTIME !== nodejs", `if (process.env.NEXT_RUNTIME !== "nodejs") { /*@*/window.x; }`, false},
		{"NEXT_RUNTIME truthy", `if (process.env.NEXT_RUNTIME) { /*@*/window.x; }`, false},
		{"import.meta.env.SSR", `if (import.meta.env.SSR) { /*@*/window.x; }`, false},
		{"!process.browser", `if (!process.browser) { /*@*/window.x; }`, false},
		{"alias in another function", `function a() { const isBrowser = typeof window !== "undefined"; }
if (isBrowser) /*@*/window.x;`, false},
		{"unresolved alias", `import { isBrowser } from "./env"; if (isBrowser) /*@*/window.x;`, false},
		{"function alias used as a value", `const isBrowser = () => typeof window !== "undefined"; if (isBrowser) /*@*/window.x;`, false},
		{"server alias not negated", `const isServer = typeof window === "undefined"; if (isServer) /*@*/window.x;`, false},
		{"shadowed alias name is a different variable", `const isBrowser = typeof window !== "undefined";
function f(isBrowser) { if (isBrowser) /*@*/window.x; }`, false},
		{"try is not a guard", `try { /*@*/localStorage.getItem("k"); } catch {}`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := refAt(t, "a.tsx", c.src)
			if got == "" {
				t.Fatalf("no reference at marker\n%s", c.src)
			}
			s := parseT(t, "a.tsx", c.src)
			at := strings.Index(c.src, marker) + len(marker)
			for _, r := range s.Globals {
				if r.Span.Start == at && r.Guarded != c.guarded {
					t.Errorf("Guarded = %v, want %v (%s)\n%s", r.Guarded, c.guarded, got, c.src)
				}
			}
		})
	}
}

// Guards apply to require() and import() too (Import.Guarded).
func TestGuardedImports(t *testing.T) {
	src := `if (typeof window !== "undefined") { require("a"); }
require("b");
const c = typeof window === "undefined" ? null : await import("c");
function f() { if (!process.browser) return; require("d"); }`
	s := parseT(t, "a.ts", src)
	want := map[string]bool{"a": true, "b": false, "c": true, "d": true}
	if len(s.Imports) != len(want) {
		t.Fatalf("Imports = %+v", s.Imports)
	}
	for _, imp := range s.Imports {
		if imp.Guarded != want[imp.Spec] {
			t.Errorf("%s: Guarded = %v, want %v", imp.Spec, imp.Guarded, want[imp.Spec])
		}
	}
}

// Comments inside a statement or an argument list are named nodes in
// tree-sitter; they must not hide a directive, a loader or an effect.
func TestCommentsDoNotHideStructure(t *testing.T) {
	src := `'use client' // the whole file is a client module
import dynamic from "next/dynamic";
import { useEffect } from "react";
const Cam = dynamic( // the camera needs a browser
  () => import("./cam"), /* no SSR */ { ssr: false });
export function X() {
  useEffect(/* once */ () => { import("./fx"); }, []);
  return null;
}
`
	sum, err := Parse("x.tsx", []byte(src), &Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.UseClient {
		t.Error(`'use client' with a trailing comment was not recognised`)
	}
	var cam, fx *Import
	for i := range sum.Imports {
		switch sum.Imports[i].Spec {
		case "./cam":
			cam = &sum.Imports[i]
		case "./fx":
			fx = &sum.Imports[i]
		}
	}
	if cam == nil || cam.Kind != ImportNextDynamic || !cam.SSRFalse {
		t.Errorf("dynamic() with comments: %+v", cam)
	}
	if fx == nil || fx.Context != CtxEffect {
		t.Errorf("useEffect(/* c */ fn): %+v", fx)
	}
}
