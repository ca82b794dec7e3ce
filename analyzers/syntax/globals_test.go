package syntax

import (
	"fmt"
	"strings"
	"testing"
)

var testGlobals = []string{
	"window", "document", "navigator", "localStorage", "sessionStorage", "customElements",
	"location", "HTMLElement", "Notification", "self", "alert", "matchMedia",
}

func parseT(t testing.TB, path, src string) *Summary {
	t.Helper()
	s, err := Parse(path, []byte(src), &Options{Globals: testGlobals})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return s
}

const marker = "/*@*/"

func kindName(k RefKind) string {
	switch k {
	case RefRead:
		return "read"
	case RefCall:
		return "call"
	case RefNew:
		return "new"
	case RefExtends:
		return "extends"
	case RefTypeof:
		return "typeof"
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

func describe(r GlobalRef) string {
	s := kindName(r.Kind) + " " + r.Context.String()
	if r.Guarded {
		s += " guarded"
	}
	if r.Shadowed {
		s += " shadowed"
	}
	return s
}

// refAt describes the GlobalRef that starts right after the /*@*/ marker
// in src, or returns "" when there is none.
func refAt(t *testing.T, path, src string) string {
	t.Helper()
	i := strings.Index(src, marker)
	if i < 0 {
		t.Fatalf("no %s marker in %q", marker, src)
	}
	at := i + len(marker)
	s := parseT(t, path, src)
	for _, r := range s.Globals {
		if r.Span.Start == at {
			if got := src[r.Span.Start:r.Span.End]; got != r.Name {
				t.Errorf("span text %q, name %q", got, r.Name)
			}
			return describe(r)
		}
	}
	return ""
}

type refCase struct {
	name string
	src  string
	want string // description of the ref at the marker; "" for none
	path string // default a.tsx
}

func runRefCases(t *testing.T, cases []refCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.path
			if path == "" {
				path = "a.tsx"
			}
			if got := refAt(t, path, c.src); got != c.want {
				t.Errorf("ref at marker = %q, want %q\n%s", got, c.want, c.src)
			}
		})
	}
}

// Module-scope references: each one throws (or misrenders) during SSR.
func TestGlobalsModuleScope(t *testing.T) {
	runRefCases(t, []refCase{
		{"member read", `/*@*/window.addEventListener("x", f);`, "read module scope", ""},
		{"assigned", `const w = /*@*/window;`, "read module scope", ""},
		{"arrow IIFE", `(() => { /*@*/document.title = "x" })();`, "read module scope", ""},
		{"function IIFE", `(function () { /*@*/localStorage.getItem("a") })();`, "read module scope", ""},
		{"negated IIFE", `!function () { /*@*/localStorage.clear() }();`, "read module scope", ""},
		{"call IIFE", `(function () { /*@*/document.write("x") }).call(this);`, "read module scope", ""},
		{"async IIFE", `(async () => { await /*@*/customElements.whenDefined("x") })();`, "read module scope", ""},
		{"top-level block", `{ const ua = /*@*/navigator.userAgent; }`, "read module scope", ""},
		{"static field", `class A { static w = /*@*/window.innerWidth; }`, "read module scope", ""},
		{"static block", `class A { static { /*@*/document.body; } }`, "read module scope", ""},
		{"extends", `class W extends /*@*/HTMLElement {}`, "extends module scope", ""},
		{"extends class expression", `export default class extends /*@*/HTMLElement {}`, "extends module scope", ""},
		{"top-level await", `await /*@*/customElements.whenDefined("sw-call-widget");`, "read module scope", ""},
		{"optional chaining", `const x = /*@*/window?.innerWidth;`, "read module scope", ""},
		{"new", `const n = new /*@*/Notification("hi");`, "new module scope", ""},
		{"call", `/*@*/alert("x");`, "call module scope", ""},
		{"call media query", `export const dark = /*@*/matchMedia("(prefers-color-scheme: dark)").matches;`, "call module scope", ""},
		{"shorthand property", `export const o = { /*@*/window };`, "read module scope", ""},
		{"export default", `export default /*@*/window;`, "read module scope", ""},
		{"instanceof", `export const isEl = (x) instanceof /*@*/HTMLElement;`, "read module scope", ""},
		{"spread", `const links = [.../*@*/document.querySelectorAll("a")];`, "read module scope", ""},
		{"template substitution", "const u = `${/*@*/location.href}/x`;", "read module scope", ""},
		{"JSX expression", `const el = <div>{/*@*/window.innerWidth}</div>;`, "read module scope", ""},
		{"JSX attribute", `const el = <a href={/*@*/location.href} />;`, "read module scope", ""},
		{"JSX member tag", `const el = </*@*/window.Foo></window.Foo>;`, "read module scope", ""},
		{"upper-case JSX tag", `const el = </*@*/HTMLElement />;`, "read module scope", ""},
		{"typeof of a member reads the object", `const t = typeof /*@*/window.document;`, "read module scope", ""},
		{"typeof itself", `const t = typeof /*@*/window;`, "typeof module scope", ""},
		{"typeof parenthesized", `const t = typeof (/*@*/window);`, "typeof module scope", ""},
		{"as expression", `const w = (/*@*/window as any).foo;`, "read module scope", ""},
		{"ts file", `export const v = /*@*/localStorage.getItem("k");`, "read module scope", "a.ts"},
		{"ts cast", `const w = <any>/*@*/window;`, "read module scope", "a.ts"},
		{"js file", `module.exports = /*@*/window.x;`, "read module scope", "a.js"},
		{"assignment target", `/*@*/location = "/x";`, "read module scope", ""},
		{"default value in destructuring", `const { a = /*@*/window.x } = o;`, "read module scope", ""},
		{"computed key", `const o = { [/*@*/window.k]: 1 };`, "read module scope", ""},
		{"subscript", `const v = /*@*/window["x"];`, "read module scope", ""},
		{"after a non-exiting if", `if (typeof window === "undefined") { console.log("server"); }
/*@*/window.x;`, "read module scope", ""},
		{"next/dynamic loader without ssr false", `import dynamic from "next/dynamic";
const D = dynamic(() => { /*@*/window.x; return import("./a"); });`, "read function", ""},
	})
}

func TestGlobalsContexts(t *testing.T) {
	runRefCases(t, []refCase{
		{"function", `function f() { return /*@*/window.x; }`, "read function", ""},
		{"arrow", `const f = () => /*@*/document.title;`, "read function", ""},
		{"method", `class A { m() { /*@*/window.x; } }`, "read function", ""},
		{"instance field", `class A { w = /*@*/window.innerWidth; }`, "read function", ""},
		{"component body", `export function C() { const v = /*@*/localStorage.getItem("k"); return <p>{v}</p>; }`, "read function", ""},
		{"useState initializer", `function C() { const [v] = useState(() => /*@*/sessionStorage.getItem("k")); }`, "read function", ""},
		{"effect", `function C() { useEffect(() => { /*@*/window.scrollTo(0, 0); }, []); }`, "read effect", ""},
		{"React.useLayoutEffect", `function C() { React.useLayoutEffect(() => { /*@*/document.title = "x"; }); }`, "read effect", ""},
		{"nested in effect", `function C() { useEffect(() => { const g = () => /*@*/window.x; }); }`, "read effect", ""},
		{"JSX handler", `const b = <button onClick={() => /*@*/alert("hi")} />;`, "call event handler", ""},
		{"handler function", `function handleSubmit() { /*@*/location.assign("/x"); }`, "read event handler", ""},
		{"handler const", `const onResize = () => /*@*/window.innerWidth;`, "read event handler", ""},
		{"addEventListener", `el.addEventListener("click", () => /*@*/window.x);`, "read event handler", ""},
		{"handler class field", `class A { handleClick = () => /*@*/window.x; }`, "read event handler", ""},
		{"next/dynamic loader with ssr false", `import dynamic from "next/dynamic";
const D = dynamic(() => { /*@*/window.x; return import("./a"); }, { ssr: false });`, "read function guarded", ""},
	})
}

func TestGlobalsShadowing(t *testing.T) {
	runRefCases(t, []refCase{
		{"parameter", `function f(window) { return /*@*/window.x; }`, "read function shadowed", ""},
		{"destructured parameter", `function f({ document }) { return /*@*/document.x; }`, "read function shadowed", ""},
		{"renamed destructured parameter", `function f({ doc: document }) { return /*@*/document.x; }`, "read function shadowed", ""},
		{"default parameter", `function f(location = "/") { return /*@*/location; }`, "read function shadowed", ""},
		{"typed parameter", `function f(location: string) { return /*@*/location; }`, "read function shadowed", ""},
		{"optional parameter", `function f(location?: string) { return /*@*/location; }`, "read function shadowed", ""},
		{"arrow single parameter", `const f = navigator => /*@*/navigator.x;`, "read function shadowed", ""},
		{"rest parameter", `const f = (...location) => /*@*/location;`, "read function shadowed", ""},
		{"array parameter", `const f = ([document]) => /*@*/document;`, "read function shadowed", ""},
		{"method parameter", `class A { m(window) { return /*@*/window; } }`, "read function shadowed", ""},
		{"block const", `{ const window = {}; /*@*/window.x; }`, "read module scope shadowed", ""},
		{"module let", `let location = "/"; /*@*/location;`, "read module scope shadowed", ""},
		{"exported const", `export const self = {}; /*@*/self.x;`, "read module scope shadowed", ""},
		{"const declared later in module", `function f() { return /*@*/document; } const document = 1;`, "read function shadowed", ""},
		{"block let does not leak", `{ let window = 1; } /*@*/window.x;`, "read module scope", ""},
		{"var hoists out of blocks", `function f() { /*@*/window.x; if (a) { var window = {}; } }`, "read function shadowed", ""},
		{"module var hoists", `if (a) { var document = {}; } /*@*/document.x;`, "read module scope shadowed", ""},
		{"var does not leave its function", `function g() { var window = 1; } /*@*/window.x;`, "read module scope", ""},
		{"object destructuring", `const { location } = props; /*@*/location.x;`, "read module scope shadowed", ""},
		{"renamed destructuring", `const { a: window } = x; /*@*/window;`, "read module scope shadowed", ""},
		{"nested destructuring", `const { a: { b: [, navigator] } } = x; /*@*/navigator;`, "read module scope shadowed", ""},
		{"destructuring default", `const { document = null } = x; /*@*/document;`, "read module scope shadowed", ""},
		{"destructuring rest", `const { a, ...location } = x; /*@*/location;`, "read module scope shadowed", ""},
		{"array destructuring", `const [document] = x; /*@*/document;`, "read module scope shadowed", ""},
		{"for-of", `for (const location of xs) /*@*/location.x;`, "read module scope shadowed", ""},
		{"for-of does not leak", `for (const location of xs) {} /*@*/location.x;`, "read module scope", ""},
		{"for-in", `for (let window in o) { /*@*/window; }`, "read module scope shadowed", ""},
		{"for let", `for (let self = 0; self < 3; self++) { /*@*/self; }`, "read module scope shadowed", ""},
		{"catch", `try {} catch (window) { /*@*/window; }`, "read module scope shadowed", ""},
		{"catch destructured", `try {} catch ({ location }) { /*@*/location; }`, "read module scope shadowed", ""},
		{"function declaration", `/*@*/alert("x"); function alert() {}`, "call module scope shadowed", ""},
		{"class declaration", `class Notification {} new /*@*/Notification();`, "new module scope shadowed", ""},
		{"named function expression", `const f = function location() { return /*@*/location; };`, "read function shadowed", ""},
		{"named function expression is local", `const f = function location() {}; /*@*/location;`, "read module scope", ""},
		{"switch case let", `switch (x) { case 1: let window = 1; /*@*/window; }`, "read module scope shadowed", ""},
		{"import named", `import { document } from "x"; /*@*/document.x;`, "read module scope shadowed", ""},
		{"import default", `import window from "x"; /*@*/window.x;`, "read module scope shadowed", ""},
		{"import namespace", `import * as navigator from "x"; /*@*/navigator.x;`, "read module scope shadowed", ""},
		{"import alias", `import { a as location } from "x"; /*@*/location.x;`, "read module scope shadowed", ""},
		{"imported name is not a binding", `import { window as w } from "x"; /*@*/window.x;`, "read module scope", ""},
		{"import require", `import window = require("x"); /*@*/window.x;`, "read module scope shadowed", "a.ts"},
		{"enum", `enum location { A } /*@*/location.A;`, "read module scope shadowed", "a.ts"},
		{"declare const is not a binding", `declare const window: any; /*@*/window.x;`, "read module scope", "a.ts"},
		{"destructuring assignment is not a declaration", `let a; ({ window: a } = o); /*@*/window;`, "read module scope", ""},
		{"inner scope", `function f(document) { return () => /*@*/document; }`, "read function shadowed", ""},
	})
}

// Names that are not references to the global at all.
func TestGlobalsNotReferences(t *testing.T) {
	runRefCases(t, []refCase{
		{"property", `x./*@*/window;`, "", ""},
		{"optional property", `x?./*@*/window;`, "", ""},
		{"property after space", "x.\n  /*@*/window;", "", ""},
		{"object key", `const o = { /*@*/window: 1 };`, "", ""},
		{"quoted key", `const o = { "/*@*/window": 1 };`, "", ""},
		{"method name", `const o = { /*@*/location() {} };`, "", ""},
		{"class field name", `class A { /*@*/window = 1; }`, "", ""},
		{"class method name", `class A { /*@*/document() {} }`, "", ""},
		{"type annotation", `let a: /*@*/HTMLElement;`, "", ""},
		{"type argument", `const r = useRef</*@*/HTMLElement>(null);`, "", ""},
		{"type query", `let w: typeof /*@*/window;`, "", "a.ts"},
		{"type query member", `type L = typeof /*@*/window.location;`, "", "a.ts"},
		{"keyof typeof", `type K = keyof typeof /*@*/window;`, "", "a.ts"},
		{"satisfies type", `const c = x as typeof /*@*/HTMLElement;`, "", "a.ts"},
		{"interface extends", `interface X extends /*@*/HTMLElement {}`, "", "a.ts"},
		{"implements", `class X implements /*@*/HTMLElement {}`, "", "a.ts"},
		{"string", `const s = "/*@*/window";`, "", ""},
		{"template text", "const s = `/*@*/window`;", "", ""},
		{"comment", `// /*@*/window.x`, "", ""},
		{"regex", `const r = //*@*/window/;`, "", ""},
		{"JSX text", `const el = <p>/*@*/window is not defined</p>;`, "", ""},
		{"JSX attribute string", `const el = <p title="/*@*/document" />;`, "", ""},
		{"JSX attribute name", `const el = <p /*@*/location="x" />;`, "", ""},
		{"intrinsic JSX tag", `const el = </*@*/location />;`, "", ""},
		{"declaration name", `const /*@*/window = {};`, "", ""},
		{"parameter name", `function f(/*@*/document) {}`, "", ""},
		{"function name", `function /*@*/alert() {}`, "", ""},
		{"import specifier", `import { /*@*/document } from "x";`, "", ""},
		{"export specifier", `export { /*@*/document } from "x";`, "", ""},
		{"label", `/*@*/location: for (;;) break location;`, "", ""},
		{"enum member", `enum E { /*@*/window }`, "", "a.ts"},
		{"destructuring assignment target", `({ /*@*/window } = o);`, "", ""},
		{"array assignment target", `[/*@*/document] = x;`, "", ""},
		{"for-of assignment target", `for (/*@*/location of xs);`, "", ""},
		{"JSX closing tag", `const el = <window.Foo></*@*/window.Foo>;`, "", ""},
		{"longer identifier", `const /*@*/windowSize = 1; windowSize;`, "", ""},
		{"prefixed identifier", `const myWindow = 1; /*@*/myWindow;`, "", ""},
	})
}

func TestGlobalsListedInOrder(t *testing.T) {
	src := `"use client";
import { useEffect } from "react";
const w = window.innerWidth; // module
export function C({ location }) {
  useEffect(() => { document.title = location.pathname; }, []);
  return typeof window !== "undefined" ? <p>{navigator.userAgent}</p> : null;
}
`
	s := parseT(t, "a.tsx", src)
	var got []string
	for _, r := range s.Globals {
		got = append(got, r.Name+" "+describe(r))
	}
	want := []string{
		"window read module scope",
		"document read effect",
		"location read effect shadowed",
		"window typeof function",
		"navigator read function guarded",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Globals:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestGlobalsNoNames(t *testing.T) {
	src := `export const w = window.x;`
	s, err := Parse("a.ts", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Globals) != 0 {
		t.Errorf("Globals without Options.Globals: %+v", s.Globals)
	}
	// The names occur, but only in comments, strings, types and property
	// positions.
	src = `/**
 * Reads window.innerWidth; see document.title and new Notification().
 */
/* localStorage.getItem("k") */
import type { Foo } from "./window";
const s = 'window' + "document" + ` + "`navigator ${1} location`" + `;
const r = /window\.location/g;
interface P { window: Window; el: HTMLElement; }
type Q = { document: Document };
export function f(o: { location: string }): HTMLElement | null {
  return o.location ? o.window?.document : null;
}
const el = <p title="alert">window and document</p>;
`
	s = parseT(t, "a.tsx", src)
	if len(s.Globals) != 0 {
		t.Errorf("Globals in a file without references: %+v", s.Globals)
		for _, r := range s.Globals {
			t.Logf("%q at %d", src[r.Span.Start:r.Span.End], r.Span.Start)
		}
	}
}

func TestBogusGuards(t *testing.T) {
	cases := []struct {
		src  string
		want []string // texts of the recorded spans
	}{
		{`if (typeof window !== undefined) { window.x }`, []string{`typeof window !== undefined`}},
		{`if (typeof window != undefined) {}`, []string{`typeof window != undefined`}},
		{`const s = typeof window === undefined;`, []string{`typeof window === undefined`}},
		{`if (undefined !== typeof document) {}`, []string{`undefined !== typeof document`}},
		{`if ((typeof window) !== undefined) {}`, []string{`(typeof window) !== undefined`}},
		{`function f() { return typeof foo !== undefined && typeof bar == undefined; }`,
			[]string{`typeof foo !== undefined`, `typeof bar == undefined`}},
		{`if (typeof window !== "undefined") {}`, nil},
		{`if (typeof window !== 'undefined' && typeof document === "undefined") {}`, nil},
		{`let w: typeof window | undefined;`, nil},
		{`const t = typeof window;`, nil},
		{`const s = "typeof window !== undefined";`, nil},
	}
	for _, c := range cases {
		s := parseT(t, "a.tsx", c.src)
		var got []string
		for _, sp := range s.BogusGuards {
			got = append(got, c.src[sp.Start:sp.End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s\nBogusGuards = %q, want %q", c.src, got, c.want)
		}
	}
	// A bogus guard guards nothing.
	if got := refAt(t, "a.tsx", `if (typeof window !== undefined) { /*@*/window.x }`); got != "read module scope" {
		t.Errorf("ref behind bogus guard = %q", got)
	}
}

func describeUse(u BindingUse) string {
	s := u.Local
	if u.Member != "" {
		s += "." + u.Member
	}
	if u.New {
		s = "new " + s
	}
	s += fmt.Sprintf(" import=%d %s", u.Import, u.Context)
	if u.Guarded {
		s += " guarded"
	}
	return s
}

func TestBindingUses(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
		spans     []string // texts of the spans, when checked
	}{
		{"new at module scope", `import { SignalWire } from "@signalwire/js";
const c = new SignalWire({ token });`,
			[]string{"new SignalWire import=0 module scope"}, []string{"new SignalWire({ token })"}},
		{"call", `import { SignalWire } from "@signalwire/js";
export const client = await SignalWire({ host, token });`,
			[]string{"SignalWire import=0 module scope"}, []string{"SignalWire({ host, token })"}},
		{"member construction", `import { Video } from "@signalwire/js";
const room = new Video.RoomSession({ token });`,
			[]string{"new Video.RoomSession import=0 module scope"}, []string{"new Video.RoomSession({ token })"}},
		{"namespace member call", `import * as SW from "@signalwire/js";
SW.setLogLevel("debug");`,
			[]string{"SW.setLogLevel import=0 module scope"}, nil},
		{"default import", `import React from "react";
import Widget from "@signalwire/web-components";
Widget();`,
			[]string{"Widget import=1 module scope"}, nil},
		{"aliased", `import { SignalWire as SW } from "@signalwire/js";
new SW();`,
			[]string{"new SW import=0 module scope"}, nil},
		{"in effect", `"use client";
import { useEffect } from "react";
import { SignalWire } from "@signalwire/js";
export function C() {
  useEffect(() => { const c = new SignalWire(); return () => c.disconnect(); }, []);
  return null;
}`,
			[]string{"useEffect import=0 function", "new SignalWire import=1 effect"}, nil},
		{"in handler", `import { SignalWire } from "@signalwire/js";
const b = <button onClick={() => new SignalWire()} />;`,
			[]string{"new SignalWire import=0 event handler"}, nil},
		{"guarded", `import { SignalWire } from "@signalwire/js";
if (typeof window !== "undefined") { new SignalWire(); }`,
			[]string{"new SignalWire import=0 module scope guarded"}, nil},
		{"guarded member", `import { Video } from "@signalwire/js";
export const room = typeof window === "undefined" ? null : new Video.RoomSession();`,
			[]string{"new Video.RoomSession import=0 module scope guarded"}, nil},
		{"relative import", `import { make } from "./sw";
make();`, nil, nil},
		{"type-only import", `import type { SignalWire } from "@signalwire/js";
let c: SignalWire;`, nil, nil},
		{"type specifier", `import { type CredentialProvider, SignalWire } from "@signalwire/js";
new SignalWire();`, []string{"new SignalWire import=0 module scope"}, nil},
		{"shadowed by parameter", `import { SignalWire } from "@signalwire/js";
function f(SignalWire) { return new SignalWire(); }`, nil, nil},
		{"shadowed by local", `import { SignalWire } from "@signalwire/js";
function f() { const SignalWire = Object; return new SignalWire(); }`, nil, nil},
		{"not a call", `import { SignalWire } from "@signalwire/js";
const S = SignalWire; SignalWire.prototype.x = 1; x.SignalWire();`, nil, nil},
		{"shorthand property is not a use", `import { SignalWire } from "@signalwire/js";
export const sdk = { SignalWire };`, nil, nil},
		{"argument is not a use", `import { SignalWire } from "@signalwire/js";
register(SignalWire);`, nil, nil},
		{"string mention", `import { SignalWire } from "@signalwire/js";
const s = "new SignalWire()";`, nil, nil},
		{"import equals require", `import sw = require("@signalwire/js");
sw.ready();`, []string{"sw.ready import=0 module scope"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := "a.tsx"
			if strings.Contains(c.src, "import sw =") {
				path = "a.ts"
			}
			s := parseT(t, path, c.src)
			var got, spans []string
			for _, u := range s.BindingUses {
				got = append(got, describeUse(u))
				spans = append(spans, c.src[u.Span.Start:u.Span.End])
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("BindingUses:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if c.spans != nil && strings.Join(spans, "\n") != strings.Join(c.spans, "\n") {
				t.Errorf("spans %q, want %q", spans, c.spans)
			}
		})
	}
}

// require() calls are edges unless require is a local (parse.go asks
// isShadowed).
func TestRequireShadowing(t *testing.T) {
	src := `const a = require("a");
function f(require) { return require("b"); }
function g() { const { require } = ctx; return require("c"); }
function h() { if (x) { var require = load; } return require("d"); }
{ let require = 1; }
const e = require("e");`
	s := parseT(t, "a.js", src)
	var got []string
	for _, imp := range s.Imports {
		got = append(got, imp.Spec)
	}
	if strings.Join(got, ",") != "a,e" {
		t.Errorf("require imports = %v, want [a e]", got)
	}
}

// Parse runs concurrently in the driver; the guard memo is per file.
func TestParseConcurrent(t *testing.T) {
	srcs := []string{
		`if (typeof window !== "undefined") { window.x; }`,
		`window.x;`,
		`function f() { if (typeof window === "undefined") return; window.x; }`,
		`const isBrowser = typeof window !== "undefined"; isBrowser && window.x;`,
	}
	want := []bool{true, false, true, true}
	done := make(chan error)
	for g := 0; g < 8; g++ {
		go func() {
			var err error
			for i := 0; i < 50 && err == nil; i++ {
				k := (g + i) % len(srcs)
				s, perr := Parse("a.tsx", []byte(srcs[k]), &Options{Globals: testGlobals})
				switch {
				case perr != nil:
					err = perr
				case len(s.Globals) == 0:
					err = fmt.Errorf("no refs in %q", srcs[k])
				case s.Globals[len(s.Globals)-1].Guarded != want[k]:
					err = fmt.Errorf("%q: Guarded = %v", srcs[k], !want[k])
				}
			}
			done <- err
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// A name both listed as a global and imported: the reference is shadowed,
// the call is a binding use.
func TestGlobalAndImport(t *testing.T) {
	src := `import { alert } from "some-ui";
alert("x");`
	s := parseT(t, "a.tsx", src)
	if len(s.Globals) != 1 || !s.Globals[0].Shadowed || s.Globals[0].Kind != RefCall {
		t.Errorf("Globals = %+v", s.Globals)
	}
	if len(s.BindingUses) != 1 || s.BindingUses[0].Local != "alert" {
		t.Errorf("BindingUses = %+v", s.BindingUses)
	}
}

// TestWordSetExtend: a set extending a shared base finds the words of both,
// with the length and first-byte filters of both, and leaves the base as
// it was.
func TestWordSetExtend(t *testing.T) {
	var base wordSet
	base.add("window", wantGlobal)
	base.add("document", wantGlobal)
	var s wordSet
	s.extend(&base)
	s.add("x", wantLocal)
	s.add("window", wantLocal)
	var got []string
	src := []byte("x window y.document document z typeof")
	for _, h := range s.scan(src) {
		got = append(got, fmt.Sprintf("%s:%d", src[h.start:h.end], h.want))
	}
	want := fmt.Sprintf("[x:%d window:%d document:%d]", wantLocal, wantGlobal|wantLocal, wantGlobal)
	if fmt.Sprint(got) != want {
		t.Errorf("scan = %v, want %s", got, want)
	}
	if _, ok := base.words["x"]; ok || base.minLen != len("window") || base.first['x'] {
		t.Errorf("the base set changed: %+v", base)
	}
}
