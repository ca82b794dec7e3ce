package syntax

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// envDesc renders an EnvRef compactly: "form NAME context [flags]", with the
// text its Span and NameSpan cover.
func envDesc(src string, r EnvRef) string {
	s := fmt.Sprintf("%s %s %s", r.Form, r.Name, r.Context)
	for _, fl := range []struct {
		on   bool
		name string
	}{{r.Meta, "meta"}, {r.Write, "write"}, {r.Guarded, "guarded"}, {r.ServerOnly, "serveronly"}, {r.ServerData, "serverdata"}} {
		if fl.on {
			s += " " + fl.name
		}
	}
	return s + " [" + src[r.Span.Start:r.Span.End] + "|" + src[r.NameSpan.Start:r.NameSpan.End] + "]"
}

func envOf(t *testing.T, path, src string) []string {
	t.Helper()
	var out []string
	for _, r := range parseT(t, path, src).Env {
		out = append(out, envDesc(src, r))
	}
	return out
}

func TestEnvForms(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"member", `const a = process.env.SIGNALWIRE_TOKEN;`,
			[]string{"member SIGNALWIRE_TOKEN module scope [process.env.SIGNALWIRE_TOKEN|SIGNALWIRE_TOKEN]"}},
		{"index", `const a = process.env["A_B"]; const b = process.env['C']; const c = process.env[` + "`D`" + `];`,
			[]string{`index A_B module scope [process.env["A_B"]|A_B]`, `index C module scope [process.env['C']|C]`, "index D module scope [process.env[`D`]|D]"}},
		{"dynamic", "const k = 'X'; const a = process.env[k]; const b = process.env[`P_${k}`];",
			[]string{"dynamic  module scope [process.env[k]|k]", "dynamic  module scope [process.env[`P_${k}`]|`P_${k}`]"}},
		{"destructuring", `const { A, B: b, C = "x", "D-E": de, [k]: dyn, ...rest } = process.env;`,
			[]string{
				"destructuring A module scope [A|A]", "destructuring B module scope [B: b|B]", `destructuring C module scope [C = "x"|C]`,
				`destructuring D-E module scope ["D-E": de|D-E]`, "dynamic  module scope [[k]: dyn|[k]]", "rest  module scope [...rest|...rest]",
			}},
		{"assignment destructuring", `let A; ({ A } = process.env);`,
			[]string{"destructuring A module scope [A|A]"}},
		{"module alias", "const env = process.env;\nexport function f() { return env.A + env[\"B\"] + env[k]; }\nconst { C } = env;",
			[]string{"alias A function [env.A|A]", `alias B function [env["B"]|B]`, "dynamic  function [env[k]|k]", "destructuring C module scope [C|C]"}},
		{"block alias stays in its block", "function f() { const e = process.env; return e.A; }\nfunction g(e) { return e.B; }",
			[]string{"alias A function [e.A|A]"}},
		{"wrappers", `const a = (process.env as any).A; const b = process.env!.B; const c = process.env?.C;`,
			[]string{"member A module scope [(process.env as any).A|A]", "member B module scope [process.env!.B|B]", "member C module scope [process.env?.C|C]"}},
		{"writes", "process.env.A = '1'; process.env.B ??= 'x'; delete process.env.C; process.env['D'] = '2';",
			[]string{"member A module scope write [process.env.A|A]", "member B module scope write [process.env.B|B]", "member C module scope write [process.env.C|C]", `index D module scope write [process.env['D']|D]`}},
		{"import.meta.env", `const a = import.meta.env.VITE_KEY; const { MODE } = import.meta.env;`,
			[]string{"member VITE_KEY module scope meta [import.meta.env.VITE_KEY|VITE_KEY]", "destructuring MODE module scope meta [MODE|MODE]"}},
		{"contexts", `"use client";
import { useEffect } from "react";
export function C() {
  useEffect(() => { console.log(process.env.A); }, []);
  const onClick = () => process.env.B;
  if (typeof window !== "undefined") { console.log(process.env.C); }
  return <button onClick={() => process.env.D}>{process.env.E}</button>;
}`, []string{
			"member A effect [process.env.A|A]", "member B event handler [process.env.B|B]", "member C function guarded [process.env.C|C]",
			"member D event handler [process.env.D|D]", "member E function [process.env.E|E]",
		}},
		{"not accesses", `// process.env.A in a comment
const s = "process.env.B";
const t = myprocess.env.C;
const u = x.process.env.D;
const v = process.envelope;
type T = typeof process.env.E;
const w = { ...process.env };
f(process.env);`, nil},
		{"shadowed process", `function f(process) { return process.env.A; }
const b = process.env.B;`, []string{"member B module scope [process.env.B|B]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := envOf(t, "a.tsx", tc.src)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Env =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func TestEnvTSFile(t *testing.T) {
	// .ts files use the TypeScript grammar: <T>x casts must not confuse it.
	got := envOf(t, "a.ts", "const a = <string>process.env.A;\nconst b = process.env.B as string;")
	want := []string{"member A module scope [process.env.A|A]", "member B module scope [process.env.B|B]"}
	if !slices.Equal(got, want) {
		t.Errorf("Env = %q, want %q", got, want)
	}
}

const gsspPage = `import { mint } from "../lib/sw";
import { Layout } from "../components/layout";
import { format } from "../lib/format";
import type { GetServerSideProps } from "next";
import db from "../lib/db";

async function loadToken() {
  return mint(process.env.SIGNALWIRE_PROJECT_ID, process.env.SIGNALWIRE_TOKEN);
}

const host = process.env.NEXT_PUBLIC_SW_HOST;

export const getServerSideProps: GetServerSideProps = async () => {
  const token = await loadToken();
  return { props: { token, when: format(Date.now()), rows: await db.rows() } };
};

export default function Page({ token }: { token: string }) {
  return <Layout host={host}>{format(token)}</Layout>;
}
`

func TestServerData(t *testing.T) {
	s := parseT(t, "pages/call.tsx", gsspPage)
	only := map[string]bool{}
	for _, imp := range s.Imports {
		only[imp.Spec] = imp.ServerDataOnly
	}
	want := map[string]bool{"../lib/sw": true, "../components/layout": false, "../lib/format": false, "next": false, "../lib/db": true}
	for spec, w := range want {
		if only[spec] != w {
			t.Errorf("import %s: ServerDataOnly = %v, want %v", spec, only[spec], w)
		}
	}
	var got []string
	for _, r := range s.Env {
		got = append(got, envDesc(gsspPage, r))
	}
	wantEnv := []string{
		"member SIGNALWIRE_PROJECT_ID function serverdata [process.env.SIGNALWIRE_PROJECT_ID|SIGNALWIRE_PROJECT_ID]",
		"member SIGNALWIRE_TOKEN function serverdata [process.env.SIGNALWIRE_TOKEN|SIGNALWIRE_TOKEN]",
		"member NEXT_PUBLIC_SW_HOST module scope [process.env.NEXT_PUBLIC_SW_HOST|NEXT_PUBLIC_SW_HOST]",
	}
	if !slices.Equal(got, wantEnv) {
		t.Errorf("Env =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(wantEnv, "\n  "))
	}
	var spans []string
	for _, sp := range s.ServerData {
		text := gsspPage[sp.Start:sp.End]
		spans = append(spans, strings.SplitN(text, "\n", 2)[0])
	}
	wantSpans := []string{"async function loadToken() {", "getServerSideProps: GetServerSideProps = async () => {"}
	if !slices.Equal(spans, wantSpans) {
		t.Errorf("ServerData starts %q, want %q", spans, wantSpans)
	}
}

func TestServerDataForms(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		only []bool // ServerDataOnly per import, in order
	}{
		{"function declaration", `import a from "a";
export async function getStaticProps() { return { props: { x: a() } }; }
export default function P() { return null; }`, []bool{true}},
		{"getStaticPaths too", `import a from "a";
import b from "b";
export async function getStaticPaths() { return a(); }
export async function getStaticProps() { return b(); }`, []bool{true, true}},
		{"export clause alias", `import a from "a";
const load = async () => ({ props: { x: a() } });
export { load as getServerSideProps };`, []bool{true}},
		{"exported helper stays", `import a from "a";
export const load = async () => a();
export { load as getServerSideProps };`, []bool{false}},
		{"also used by the component", `import a from "a";
export async function getServerSideProps() { return { props: { x: a() } }; }
export default function P() { return a(); }`, []bool{false}},
		{"used in JSX", `import A from "a";
export async function getServerSideProps() { A; return { props: {} }; }
export default function P() { return <A />; }`, []bool{false}},
		{"type use does not count", `import a from "a";
export async function getServerSideProps() { return { props: { x: a() } }; }
export default function P(p: ReturnType<typeof a>) { return null; }`, []bool{true}},
		{"shorthand property", `import a from "a";
export async function getServerSideProps() { return { props: { a } }; }`, []bool{true}},
		{"one binding used elsewhere", `import { a, b } from "a";
export async function getServerSideProps() { return { props: { x: a(), y: b() } }; }
export default function P() { return b(); }`, []bool{false}},
		{"unused import stays", `import a from "a";
export async function getServerSideProps() { return { props: {} }; }`, []bool{false}},
		{"re-export", `export { getServerSideProps } from "../lib/ssp";`, []bool{true}},
		{"re-export with another name", `export { getServerSideProps, helper } from "../lib/ssp";`, []bool{false}},
		{"require and import() inside", `export async function getServerSideProps() { const m = await import("m"); const r = require("r"); return m(r); }`, []bool{true, true}},
		{"no data functions", `import a from "a";
export function getServerSidePropz() { return a(); }`, []bool{false}},
		{"chain of helpers", `import a from "a";
function one() { return a(); }
function two() { return one(); }
export const getStaticProps = async () => ({ props: { x: two() } });`, []bool{true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := parseT(t, "pages/p.tsx", tc.src)
			var got []bool
			for _, imp := range s.Imports {
				got = append(got, imp.ServerDataOnly)
			}
			if !slices.Equal(got, tc.only) {
				t.Errorf("ServerDataOnly = %v, want %v", got, tc.only)
			}
		})
	}
}

// BenchmarkEnvExtraction measures Parse on a Pages Router page with data
// functions and env reads (every extraction, the env one included) against
// the ParseOnly floor of the same source.
func BenchmarkEnvExtraction(b *testing.B) {
	src := []byte(gsspPage)
	b.Run("parse-only", func(b *testing.B) {
		for b.Loop() {
			if err := ParseOnly("pages/call.tsx", src); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Parse("pages/call.tsx", src, &Options{Globals: testGlobals}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestEnvServerOnly: a check that lets a read run on the server only makes
// it ServerOnly; a check that only says "not yet in the browser" does not.
func TestEnvServerOnly(t *testing.T) {
	src := `import { useState } from "react";
const getBaseUrl = () => {
  if (typeof window !== "undefined") return "";
  if (process.env.VERCEL_URL) return "https://" + process.env.VERCEL_URL;
  return "http://localhost:3000";
};
if (typeof window === "undefined") { globalThis.a = process.env.A; } else { globalThis.b = process.env.B; }
const c = typeof window !== "undefined" ? "" : process.env.C;
const isServer = typeof window === "undefined";
const d = isServer && process.env.D;
const e = process.env.NEXT_RUNTIME === undefined ? "" : process.env.E;
const g = process.env.G;
function Flag() {
  const [mounted, setMounted] = useState(false);
  return !mounted && process.env.F;
}
`
	var got []string
	for _, r := range parseT(t, "a.tsx", src).Env {
		if r.ServerOnly {
			got = append(got, r.Name)
		}
	}
	if want := []string{"VERCEL_URL", "VERCEL_URL", "A", "C", "D"}; !slices.Equal(got, want) {
		t.Errorf("server-only reads %v, want %v", got, want)
	}
}
