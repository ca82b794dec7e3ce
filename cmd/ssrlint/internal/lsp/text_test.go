package lsp

import (
	"path/filepath"
	"runtime"
	"testing"
)

func TestPositions(t *testing.T) {
	src := []byte("ab\n/* 📞 café */ x\r\nlast")
	for _, tc := range []struct {
		off int
		pos Position
	}{
		{0, Position{0, 0}},
		{2, Position{0, 2}},
		{3, Position{1, 0}},
		{6, Position{1, 3}},   // before 📞
		{10, Position{1, 5}},  // after 📞: two UTF-16 units for four bytes
		{16, Position{1, 10}}, // after é: one unit for two bytes
		{20, Position{1, 14}}, // "x"
		{23, Position{2, 0}},
		{27, Position{2, 4}},
		{99, Position{2, 4}}, // clamped
	} {
		if got := positionOf(src, tc.off); got != tc.pos {
			t.Errorf("positionOf(%d) = %v, want %v", tc.off, got, tc.pos)
		}
		if tc.off <= len(src) {
			if got, err := offsetOf(src, tc.pos); err != nil || got != tc.off {
				t.Errorf("offsetOf(%v) = %d, %v; want %d", tc.pos, got, err, tc.off)
			}
		}
	}
	for _, tc := range []struct {
		pos Position
		off int
	}{
		{Position{0, 40}, 2},  // past the line end: the end, before "\n"
		{Position{1, 40}, 21}, // before "\r\n"
		{Position{1, 4}, 6},   // inside the surrogate pair of 📞: its start
		{Position{9, 0}, len(src)},
	} {
		if got, err := offsetOf(src, tc.pos); err != nil || got != tc.off {
			t.Errorf("offsetOf(%v) = %d, %v; want %d", tc.pos, got, err, tc.off)
		}
	}
	if _, err := offsetOf(src, Position{-1, 0}); err == nil {
		t.Error("offsetOf accepted a negative line")
	}
}

func TestApplyChanges(t *testing.T) {
	text := []byte("const a = 1;\nconst é = 2;\n")
	got, err := applyChanges(text, []TextDocumentContentChangeEvent{
		{Range: &Range{Start: Position{1, 6}, End: Position{1, 7}}, Text: "b"},
		{Range: &Range{Start: Position{0, 0}, End: Position{0, 0}}, Text: "\"use client\";\n"},
		{Range: &Range{Start: Position{3, 0}, End: Position{3, 0}}, Text: "// end\n"},
	})
	if want := "\"use client\";\nconst a = 1;\nconst b = 2;\n// end\n"; err != nil || string(got) != want {
		t.Errorf("incremental edits: %q, %v; want %q", got, err, want)
	}
	got, err = applyChanges(text, []TextDocumentContentChangeEvent{{Text: "whole"}, {Range: &Range{Start: Position{0, 5}, End: Position{0, 5}}, Text: "!"}})
	if err != nil || string(got) != "whole!" {
		t.Errorf("full then incremental: %q, %v", got, err)
	}
	if _, err := applyChanges(text, []TextDocumentContentChangeEvent{{Range: &Range{Start: Position{1, 0}, End: Position{0, 0}}}}); err == nil {
		t.Error("an edit ending before it starts was applied")
	}
}

func TestURIs(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("POSIX paths")
	}
	p := "/tmp/my app/café [x].tsx"
	u := uriOf(p)
	if u != "file:///tmp/my%20app/caf%C3%A9%20%5Bx%5D.tsx" {
		t.Errorf("uriOf = %s", u)
	}
	if back, err := pathOf(u); err != nil || back != p {
		t.Errorf("pathOf(%s) = %q, %v", u, back, err)
	}
	for _, bad := range []string{"untitled:Untitled-1", "file:relative/x.ts", "%%%", "https://example.com/x.ts"} {
		if _, err := pathOf(bad); err == nil {
			t.Errorf("pathOf(%q) accepted", bad)
		}
	}
	if !within("/a/b", "/a/b/c.ts") || within("/a/b", "/a/bc/d.ts") || !within("/a/b", "/a/b") {
		t.Error("within")
	}
}

func TestInJSXChildren(t *testing.T) {
	for _, tc := range []struct {
		src  string
		line int // 0-based line under test
		want bool
	}{
		{"return (\n  <div>\n    <Widget />\n  </div>\n);", 2, true},
		{"return (\n  <div>\n    {cond && <Widget />}\n  </div>\n);", 2, true},
		{"return (\n  <ul>\n    {a}\n    <li />\n  </ul>\n);", 3, true}, // after an expression child
		{"const el = <p>\n  <b>hi</b>\n</p>;", 1, true},
		{"return <Wrapper>\n  {children}\n</Wrapper>", 1, true},
		{"return (\n  <Widget />\n);", 1, false},     // after "(": a // comment is fine
		{"const f = () =>\n  <Widget />;", 1, false}, // after an arrow
		{"const x = a >\n  b;", 1, false},            // a comparison
		{"function f() {\n}\n{\n}", 2, false},        // a block
		{"<div>\n  text\n</div>", 1, false},          // JSX text is not code a rule flags
		{"const a = {\n  b: 1,\n};", 1, false},       // an object literal
		{"import x from \"y\";\n<div/>", 1, false},   // no JSX parent
	} {
		src := []byte(tc.src)
		off := splitLines(src)[tc.line]
		if got := inJSXChildren(filepath.FromSlash("a/b.tsx"), src, off); got != tc.want {
			t.Errorf("%q line %d: inJSXChildren = %v, want %v", tc.src, tc.line, got, tc.want)
		}
	}
	if inJSXChildren("a.ts", []byte("<div>\n  <b/>\n</div>"), 8) {
		t.Error(".ts files have no JSX")
	}
}

// splitLines returns the offset of the first non-blank byte of each line.
func splitLines(src []byte) []int {
	var out []int
	start := 0
	for i := 0; i <= len(src); i++ {
		if i == len(src) || src[i] == '\n' {
			j := start
			for j < i && (src[j] == ' ' || src[j] == '\t') {
				j++
			}
			out = append(out, j)
			start = i + 1
		}
	}
	return out
}
