package syntax

import (
	"slices"
	"testing"
)

// elided returns the specifiers of the imports marked Elided.
func elided(t *testing.T, path, src string) []string {
	t.Helper()
	var out []string
	for _, imp := range parseT(t, path, src).Imports {
		if imp.Elided {
			if !imp.TypeOnly {
				t.Errorf("%s: Elided without TypeOnly", imp.Spec)
			}
			out = append(out, imp.Spec)
		}
	}
	return out
}

func TestElideUnused(t *testing.T) {
	for _, tc := range []struct {
		name, path, src string
		want            []string
	}{
		{"indexed access type", "a.ts",
			`import { DubApiError } from "./errors";
export function f(): { code?: DubApiError["code"] } { return {}; }`,
			[]string{"./errors"}},
		{"unused", "a.ts", `import { a } from "./a"; export const x = 1;`, []string{"./a"}},
		{"annotations, generics, typeof and qualified types", "a.tsx",
			`import Def, { A, B, C, D } from "./t";
import * as NS from "./ns";
let x: A = null as unknown as Array<B>;
type T = typeof C | NS.Thing | Def;
function g(v: unknown): v is D { return true; }
export type { A as Again };`,
			[]string{"./t", "./ns"}},
		{"typeof member chain in a type", "a.ts", `import { cfg } from "./cfg"; type K = typeof cfg.keys;`, []string{"./cfg"}},
		{"a string, a comment, a property and another local are not uses", "a.ts",
			`import { name } from "./n";
// name
const s = "name";
const o = { name: 1 };
o.name;
function h(name: string) {}`,
			[]string{"./n"}},
		// The rest keep their import.
		{"call", "a.ts", `import { f } from "./f"; f();`, nil},
		{"JSX element", "a.tsx", `import Button from "./button"; export const x = <Button />;`, nil},
		{"JSX member element", "a.tsx", `import * as UI from "./ui"; export const x = <UI.Card />;`, nil},
		{"shorthand property", "a.ts", `import { v } from "./v"; export const o = { v };`, nil},
		{"re-export of a value", "a.ts", `import { v } from "./v"; export { v };`, nil},
		{"value typeof", "a.ts", `import { v } from "./v"; export const k = typeof v;`, nil},
		{"class heritage", "a.ts", `import { Base } from "./base"; export class X extends Base {}`, nil},
		{"one used binding keeps the import", "a.ts", `import { T, f } from "./m"; let t: T = f();`, nil},
		{"bare import", "a.ts", `import "./polyfill";`, nil},
		{"empty braces", "a.ts", `import {} from "./m";`, nil},
		{"JavaScript keeps unused imports", "a.js", `import { a } from "./a";`, nil},
		{"JSX file keeps unused imports", "a.jsx", `import { a } from "./a";`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := elided(t, tc.path, tc.src); !slices.Equal(got, tc.want) {
				t.Errorf("elided %q, want %q", got, tc.want)
			}
		})
	}
}
