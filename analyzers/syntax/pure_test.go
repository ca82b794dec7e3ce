package syntax

import "testing"

func TestPure(t *testing.T) {
	for _, tc := range []struct {
		name, path, src string
		want            bool
	}{
		{"barrel", "index.ts", `export * from "./a"; export * as b from "./b"; export { c } from "./c";`, true},
		{"helper reading env in a function", "flags.ts",
			`import { get } from "@vercel/edge-config";
type R = Record<string, string[]>;
interface I { a: number }
export const getFlags = async (id: string): Promise<R> => {
  if (!process.env.EDGE_CONFIG) return {};
  return (await get("flags")) as R;
};
export async function isBlocked(k: string) { return (await getFlags(k)).x; }`, true},
		{"literals, objects, arrays, operators, classes", "c.ts",
			`"use strict";
import { base } from "./base";
export const A = 1, B = "x" + A, C = ` + "`${B}-y`" + `;
export const D = { a: [1, 2, { b: true }], f() { return 1; }, base, g: () => 2 } as const;
export const E = A > 0 ? -A : typeof window;
export const URL_ = process.env.NEXT_PUBLIC_URL || "http://localhost";
let u;
export class K extends base { x = compute(); static y = 3; m() { return window; } }
export default function main() {}
declare const g: number;
;`, true},
		{"export default of an object", "d.ts", `const a = 1; export default { a };`, true},
		{"conversions of env reads", "t.ts", `export const isTest = Boolean(process.env.PLAYWRIGHT || process.env.CI);
export const port = Number(process.env.PORT ?? 3000), name = String(process.env.NAME);`, true},

		{"conversion of a call", "t2.ts", `import { f } from "./f"; export const x = Boolean(f());`, false},
		{"a local Boolean", "t3.ts", `function Boolean(x) { sideEffect(); return !!x; } export const x = Boolean(1);`, false},
		{"conversion of a member", "t4.ts", `import cfg from "./cfg"; export const x = String(cfg.value);`, false},

		{"top-level call", "conn.ts", `import { connect } from "db"; export const conn = connect({ url: process.env.DB });`, false},
		{"new", "n.ts", `export const m = new Map();`, false},
		{"member access", "m.ts", `import cfg from "./cfg"; export const x = cfg.value;`, false},
		{"process.env itself", "p.ts", `export const env = process.env;`, false},
		{"assignment", "as.ts", `let x = 1; x = 2;`, false},
		{"browser global", "g.ts", `export const w = window;`, false},
		{"unknown global", "u.ts", `export const w = someGlobal;`, false},
		{"side-effect import", "s.ts", `import "./polyfill"; export const a = 1;`, false},
		{"require at module scope", "r.js", `const x = require("x"); module.exports = x;`, false},
		{"static initialiser calling", "st.ts", `export class K { static y = f(); } function f() { return 1; }`, false},
		{"static block", "sb.ts", `export class K { static { console.log(1); } }`, false},
		{"extends a browser global", "el.ts", `export class X extends HTMLElement {}`, false},
		{"spread", "sp.ts", `import { o } from "./o"; export const c = { ...o };`, false},
		{"destructuring", "de.ts", `import { o } from "./o"; export const { a } = o;`, false},
		{"if statement", "if.ts", `if (1) {}`, false},
		{"use client", "cl.tsx", `"use client"; export const a = 1;`, false},
		{"delete", "del.ts", `const o = {}; export const d = delete o.x;`, false},
		{"in", "in.ts", `const o = {}; export const d = "x" in o;`, false},
		{"enum (compiled to a function call)", "en.ts", `export enum Color { Red }`, false},
		{"syntax error", "err.ts", `export const = ;`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := parseT(t, tc.path, tc.src).Pure; got != tc.want {
				t.Errorf("Pure = %v, want %v", got, tc.want)
			}
		})
	}
}
