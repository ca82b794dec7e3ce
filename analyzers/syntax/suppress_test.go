package syntax

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseSuppression(t *testing.T) {
	for _, tc := range []struct {
		text    string
		ok      bool
		file    bool
		rules   []string
		reason  string
		problem string // substring; "" means well-formed
	}{
		{" ssrlint-ignore serverimport -- mocked in tests", true, false, []string{"serverimport"}, "mocked in tests", ""},
		{"ssrlint-ignore a,b  c -- two  words\n  wrapped ", true, false, []string{"a", "b", "c"}, "two words wrapped", ""},
		{" ssrlint-ignore-file moduleglobal -- browser only", true, true, []string{"moduleglobal"}, "browser only", ""},
		{"* ssrlint-ignore x -- jsdoc style", true, false, []string{"x"}, "jsdoc style", ""},
		{" ssrlint-ignore serverimport", true, false, []string{"serverimport"}, "", "a reason is required"},
		{" ssrlint-ignore serverimport --   ", true, false, []string{"serverimport"}, "", "a reason is required"},
		{" ssrlint-ignore -- why", true, false, nil, "why", "no rule named"},
		{" ssrlint-ignore", true, false, nil, "", "no rule named"},
		{" ssrlint-ignore-next-line x -- y", true, false, nil, "", "unknown directive ssrlint-ignore-next-line"},
		{" ssrlint-ignored here", false, false, nil, "", ""},
		{" see ssrlint-ignore in the README", false, false, nil, "", ""},
		{" eslint-disable-next-line", false, false, nil, "", ""},
	} {
		s, ok := ParseSuppression(tc.text)
		if ok != tc.ok {
			t.Errorf("ParseSuppression(%q) ok = %v, want %v", tc.text, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		if s.File != tc.file || !reflect.DeepEqual(s.Rules, tc.rules) || s.Reason != tc.reason {
			t.Errorf("ParseSuppression(%q) = %+v", tc.text, s)
		}
		if (tc.problem == "") != (s.Problem == "") || !strings.Contains(s.Problem, tc.problem) {
			t.Errorf("ParseSuppression(%q).Problem = %q, want %q", tc.text, s.Problem, tc.problem)
		}
	}
}

// TestSuppressions checks which line each comment applies to. Lines of the
// source that end in "<- N" must be the target of suppression N (the rule
// name "rN").
func TestSuppressions(t *testing.T) {
	src := `"use client";
// ssrlint-ignore r1 -- next line
import { SignalWire } from "@signalwire/js"; // <- 1
const a = window.x; // ssrlint-ignore r2 -- trailing: own line <- 2
/* ssrlint-ignore r3 -- leading block */ const b = window.y; // <- 3
// ssrlint-ignore r4 -- stacked, first
// ssrlint-ignore r5 -- stacked, second
// an ordinary comment in between
/* ssrlint-ignore r6 -- a block comment
   over two lines */
const c = document.title; // <- 4 5 6
const s = "// ssrlint-ignore r0 -- in a string, not a comment";
const t = ` + "`\n// ssrlint-ignore r0 -- in a template\n`" + `;
// ssrlint-ignore-file r7 -- whole file
export function W() {
  return (
    <div>
      {/* ssrlint-ignore r8 -- JSX */}
      <p>{String(SignalWire)}</p> {/* <- 8 */}
      <p>// ssrlint-ignore r0 -- JSX text</p>
      <b>{a}</b> {/* ssrlint-ignore r9 -- JSX trailing <- 9 */}
    </div>
  );
}
// ssrlint-ignore r10
const d = b + c + s + t; // <- 10
`
	sum := parseT(t, "x.tsx", src)
	lines := strings.Split(src, "\n")
	want := map[string]int{} // rule → line
	for i, l := range lines {
		_, tail, ok := strings.Cut(l, "<- ")
		if !ok {
			continue
		}
		for _, f := range strings.Fields(tail) {
			f = strings.TrimRight(f, "*/}")
			if f != "" {
				want["r"+f] = i + 1
			}
		}
	}
	want["r7"] = 0
	got := map[string]int{}
	for _, s := range sum.Suppressions {
		for _, r := range s.Rules {
			if r == "r0" {
				t.Errorf("directive found in a string or JSX text at %v", s.Span)
			}
			got[r] = s.Line
		}
		if c := src[s.Span.Start:s.Span.End]; !strings.HasPrefix(c, "//") && !strings.HasPrefix(c, "/*") {
			t.Errorf("span %v is not the comment: %q", s.Span, c)
		}
		if s.Rules[0] == "r7" && !s.File {
			t.Error("ssrlint-ignore-file not marked File")
		}
		if s.Rules[0] == "r10" && !strings.Contains(s.Problem, "reason") {
			t.Errorf("r10 has no reason but Problem = %q", s.Problem)
		}
		if s.Rules[0] != "r10" && s.Problem != "" {
			t.Errorf("%v: unexpected problem %q", s.Rules, s.Problem)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("suppression lines:\n got %v\nwant %v", got, want)
	}
}

func TestSuppressionsNone(t *testing.T) {
	sum := parseT(t, "x.ts", "export const x = 1; // nothing to see\n")
	if len(sum.Suppressions) != 0 {
		t.Errorf("Suppressions = %+v", sum.Suppressions)
	}
}
