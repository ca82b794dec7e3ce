package syntax

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// declString renders Decls[i] as "names|exports|effect|mentions", the
// mentions being the names of the statements it uses and "import:" the
// imported names of the bindings it mentions.
func declString(ds []Decl, i int) string {
	d := ds[i]
	eff := "pure"
	if d.Effect {
		eff = "effect"
	}
	return fmt.Sprintf("%s|%s|%s|%s", strings.Join(d.Names, ","), strings.Join(d.Exports, ","), eff, refNames(ds, d.Uses, d.Imports))
}

// refNames lists the names of the statements uses and of the imports, sorted.
func refNames(ds []Decl, uses []int, imports []ImportRef) string {
	var refs []string
	for _, u := range uses {
		refs = append(refs, ds[u].Names...)
	}
	for _, r := range imports {
		refs = append(refs, "import:"+r.Imported)
	}
	slices.Sort(refs)
	return strings.Join(refs, ",")
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
	for i := range got {
		lines = append(lines, declString(got, i))
	}
	want := []string{
		"KEY||pure|KEY",
		"isBlocked|isBlocked|pure|KEY,helper,import:get,isBlocked",
		"helper||pure|helper,import:*",
		"a,c,d|a,c,d|effect|a,c,d,import:*",
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

// TestDeclsBrowserUses: components a statement renders only in the browser
// (behind a mounted flag or a typeof-window check) are BrowserUses, not Uses;
// a closing tag counts as nothing, and one unguarded use makes a plain use.
func TestDeclsBrowserUses(t *testing.T) {
	src := `"use client";
import { useState } from "react";
import { Map } from "./map";
import { Chart } from "./chart";
export function List() {
  const [sessions, setSessions] = useState(null);
  if (!sessions) return null;
  return <><Cover>{sessions.length}</Cover><Map /></>;
}
export function Both() {
  const [open, setOpen] = useState(false);
  return <div>{open && <Cover>x</Cover>}<Cover>y</Cover></div>;
}
export const Probe = () => (typeof window !== "undefined" ? <Chart /> : <Plain />);
const Cover = ({ children }) => <p>{window.location.origin}{children}</p>;
const Plain = () => null;
`
	got := parseT(t, "a.tsx", src).Decls
	var lines []string
	for i, d := range got {
		lines = append(lines, declString(got, i)+" browser:"+refNames(got, d.BrowserUses, d.BrowserImports))
	}
	want := []string{
		"List|List|pure|List,import:useState browser:Cover,import:Map",
		"Both|Both|pure|Both,Cover,import:useState browser:",
		"Probe|Probe|pure|Plain,Probe browser:import:Chart",
		"Cover||pure|Cover browser:",
		"Plain||pure|Plain browser:",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("Decls:\n got %q\nwant %q", lines, want)
	}
}
