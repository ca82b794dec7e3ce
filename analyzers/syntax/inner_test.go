package syntax

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// declString renders a Decl as "names|exports|effect|refs" for comparison.
func declString(d Decl) string {
	refs := slices.Clone(d.Refs)
	slices.Sort(refs)
	eff := "pure"
	if d.Effect {
		eff = "effect"
	}
	return fmt.Sprintf("%s|%s|%s|%s", strings.Join(d.Names, ","), strings.Join(d.Exports, ","), eff, strings.Join(refs, ","))
}

func TestDecls(t *testing.T) {
	src := `"use strict";
import { get } from "@vercel/edge-config";
import * as flags from "./flags";
import type { T } from "./types";
export * from "./more";
export { x as y } from "./x";

type Local = T;
const KEY = process.env.EDGE_KEY;
export async function isBlocked(k: string): Promise<boolean> {
  const list = await get(KEY);
  return helper(list, k);
}
function helper(list: unknown, k: string) { return flags.has(list, k) }
export const { a, b: [c, ...d] } = flags.pair;
export default function Page() { return <Widget />; }
const Widget = () => null;
register(Widget);
export { helper as check, KEY };
obj.isBlocked = 1;
`
	got := parseT(t, "a.tsx", src).Decls
	var lines []string
	for _, d := range got {
		lines = append(lines, declString(d))
	}
	want := []string{
		"KEY||pure|KEY",
		"isBlocked|isBlocked|pure|KEY,get,helper,isBlocked",
		"helper||pure|flags,helper",
		"a,c,d|a,c,d|effect|a,c,d,flags",
		"Page|default|pure|Page,Widget",
		"Widget||pure|Widget",
		"||effect|Widget",
		"|check,KEY|pure|KEY,helper",
		"||effect|",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("Decls:\n got %q\nwant %q", lines, want)
	}
	for _, d := range got {
		if d.Span.Start < 0 || d.Span.End > len(src) || d.Span.Start >= d.Span.End {
			t.Errorf("bad span %v", d.Span)
		}
	}
}

func TestDeclsSyntaxError(t *testing.T) {
	if d := parseT(t, "a.ts", "export function f( { return 1 }\nconst x = ;").Decls; d != nil {
		t.Errorf("Decls on a file with syntax errors = %v, want nil", d)
	}
}
