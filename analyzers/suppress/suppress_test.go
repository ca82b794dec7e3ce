package suppress

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

func parse(t *testing.T, src string) []syntax.Suppression {
	t.Helper()
	sum, err := syntax.Parse("x.tsx", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	return sum.Suppressions
}

func TestMatchAndProblems(t *testing.T) {
	src := `// ssrlint-ignore serverimport -- mocked in stories
import { SignalWire } from "@signalwire/js";
// ssrlint-ignore moduleglobal,effectimport -- only one of these fires
const a = window.x;
// ssrlint-ignore moduleglobal -- nothing here
const b = 1;
// ssrlint-ignore serverimprt -- typo
import "@signalwire/web-components";
// ssrlint-ignore moduleglobal
const c = window.y;
// ssrlint-ignore-file effectimport -- registers elements on purpose
// ssrlint-ignore offrule -- a rule the config switches off
const d = 2;
`
	s := NewSet()
	s.Add("/app/x.tsx", parse(t, src))
	s.Add("/app/x.tsx", nil) // a second app sharing the file: ignored
	if !s.Has("/app/x.tsx") || s.Has("/app/y.tsx") {
		t.Fatal("Has")
	}
	for _, tc := range []struct {
		line int
		rule string
		want bool
	}{
		{2, "serverimport", true},
		{2, "moduleglobal", false}, // another rule
		{3, "serverimport", false}, // another line
		{4, "moduleglobal", true},
		{8, "serverimport", false},  // the typo matches nothing
		{8, "effectimport", true},   // the file-wide suppression
		{10, "moduleglobal", false}, // no reason: suppresses nothing
		{4, Rule, false},            // reports about suppressions are never suppressed
	} {
		if got := s.Match("/app/x.tsx", tc.line, tc.rule); got != tc.want {
			t.Errorf("Match(line %d, %s) = %v, want %v", tc.line, tc.rule, got, tc.want)
		}
	}
	known := func(r string) bool { return r != "serverimprt" }
	active := func(file, r string) bool { return r != "offrule" }
	var got []string
	for _, p := range s.Problems(known, active) {
		line := strings.Count(src[:p.Span.Start], "\n") + 1
		got = append(got, fmt.Sprintf("%s:%d %s", p.File, line, p.Message))
	}
	want := []string{
		`/app/x.tsx:3 rule "effectimport" in this ssrlint-ignore suppresses no finding on line 4: remove it from the list`,
		`/app/x.tsx:5 ssrlint-ignore moduleglobal suppresses no finding on line 6: remove it`,
		`/app/x.tsx:7 ssrlint-ignore names unknown rule "serverimprt" (ssrlint rules lists them)`,
		`/app/x.tsx:9 malformed suppression: a reason is required: write ssrlint-ignore moduleglobal -- <why this finding is fine>`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestUnusedFileSuppression(t *testing.T) {
	s := NewSet()
	s.Add("/app/a.ts", parse(t, "// ssrlint-ignore-file moduleglobal -- browser only\nexport const x = 1;\n"))
	ps := s.Problems(func(string) bool { return true }, func(string, string) bool { return true })
	if len(ps) != 1 || ps[0].Message != "ssrlint-ignore-file moduleglobal suppresses no finding in this file: remove it" {
		t.Errorf("Problems = %+v", ps)
	}
}

func TestEnv(t *testing.T) {
	src := "# ssrlint-ignore publicsecret -- the anon key is public by design\n" +
		"NEXT_PUBLIC_ANON_KEY=abc\n" +
		"# ssrlint-ignore publicsecret -- stacked\n" +
		"# a plain comment\n" +
		"NEXT_PUBLIC_OTHER_KEY=def\r\n" +
		"PEM=\"-----BEGIN KEY-----\n" +
		"# ssrlint-ignore publicsecret -- inside a quoted value, not a comment\n" +
		"-----END KEY-----\"\n" +
		"NEXT_PUBLIC_TOKEN=x # ssrlint-ignore publicsecret -- trailing\n" +
		"  # ssrlint-ignore-file clientenv -- whole file\n" +
		"# ssrlint-ignore publicsecret\n" +
		"LAST=1\n"
	sups := Env([]byte(src))
	type got struct {
		Line    int
		File    bool
		Rules   string
		Reason  string
		Problem bool
		Text    string
	}
	var gs []got
	for _, s := range sups {
		gs = append(gs, got{s.Line, s.File, strings.Join(s.Rules, ","), s.Reason, s.Problem != "", src[s.Span.Start:s.Span.End]})
	}
	want := []got{
		{2, false, "publicsecret", "the anon key is public by design", false, "# ssrlint-ignore publicsecret -- the anon key is public by design"},
		{5, false, "publicsecret", "stacked", false, "# ssrlint-ignore publicsecret -- stacked"},
		{9, false, "publicsecret", "trailing", false, "# ssrlint-ignore publicsecret -- trailing"},
		{0, true, "clientenv", "whole file", false, "# ssrlint-ignore-file clientenv -- whole file"},
		{12, false, "publicsecret", "", true, "# ssrlint-ignore publicsecret"},
	}
	if !reflect.DeepEqual(gs, want) {
		t.Errorf("Env:\n got %+v\nwant %+v", gs, want)
	}
}

func TestFingerprint(t *testing.T) {
	a := Fingerprint("serverimport", "app/page.tsx", "  import x from \"y\";\t", "msg")
	if a != Fingerprint("serverimport", "app/page.tsx", "import x from \"y\";", "msg") {
		t.Error("surrounding blanks change the fingerprint")
	}
	if len(a) != 32 {
		t.Errorf("fingerprint %q is not 32 hex digits", a)
	}
	for _, b := range []string{
		Fingerprint("moduleglobal", "app/page.tsx", "import x from \"y\";", "msg"),
		Fingerprint("serverimport", "app/other.tsx", "import x from \"y\";", "msg"),
		Fingerprint("serverimport", "app/page.tsx", "import z from \"y\";", "msg"),
		Fingerprint("serverimport", "app/page.tsx", "import x from \"y\";", "msg2"),
		Fingerprint("serverimpor", "tapp/page.tsx", "import x from \"y\";", "msg"), // parts are delimited
	} {
		if a == b {
			t.Error("different findings share a fingerprint")
		}
	}
}
