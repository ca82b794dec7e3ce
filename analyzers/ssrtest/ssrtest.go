// Package ssrtest runs an analyzer over fixture apps and checks its
// diagnostics against expectations written in the fixtures, as
// golang.org/x/tools/go/analysis/analysistest does for Go:
//
//	const x = window.innerWidth; // want "window is read at module scope"
//	{/* want "re" */}             (in JSX)
//
// A `want` comment holds one or more Go-quoted regular expressions; each must
// match the message of a distinct diagnostic reported on the comment's line,
// and every diagnostic must be expected. Expectations are read from real
// comment nodes (tree-sitter), not by scanning text. When a file F has a
// sibling F.golden, the analyzer's suggested fixes applied to F must give it.
package ssrtest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/checker"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

type expectation struct {
	file    string
	line    int
	re      *regexp.Regexp
	matched bool
}

// Run analyses every app under dir with a and checks the expectations. It
// returns the run's result for further assertions.
func Run(t *testing.T, dir string, a *analysis.Analyzer) *checker.Result {
	t.Helper()
	res, err := checker.Run([]string{dir}, checker.Options{Analyzers: []*analysis.Analyzer{a}})
	if err != nil {
		t.Fatalf("running %s on %s: %v", a.Name, dir, err)
	}
	if len(res.Apps) == 0 {
		t.Fatalf("no Next.js app found under %s", dir)
	}
	var exps []*expectation
	seenFile := map[string]bool{}
	for _, app := range res.Apps {
		for _, f := range app.AllFiles() {
			if seenFile[f] || !syntax.IsSource(f) {
				continue
			}
			seenFile[f] = true
			e, err := expectations(f)
			if err != nil {
				t.Fatal(err)
			}
			exps = append(exps, e...)
		}
	}
	fixes := map[string][]analysis.TextEdit{}
	for _, d := range res.Diagnostics {
		if d.Analyzer != a {
			continue
		}
		p := res.Fset.Position(d.Pos)
		ok := false
		for _, e := range exps {
			if !e.matched && e.file == p.Filename && e.line == p.Line && e.re.MatchString(d.Message) {
				e.matched, ok = true, true
				break
			}
		}
		if !ok {
			t.Errorf("%s:%d:%d: unexpected diagnostic: %s", rel(dir, p.Filename), p.Line, p.Column, d.Message)
		}
		for _, sf := range d.SuggestedFixes {
			for _, te := range sf.TextEdits {
				f := res.Fset.File(te.Pos)
				fixes[f.Name()] = append(fixes[f.Name()], te)
			}
		}
	}
	for _, e := range exps {
		if !e.matched {
			t.Errorf("%s:%d: no diagnostic was reported matching %q", rel(dir, e.file), e.line, e.re)
		}
	}
	checkGolden(t, dir, res, fixes)
	return res
}

func rel(dir, p string) string {
	abs, _ := filepath.Abs(dir)
	if r, err := filepath.Rel(abs, p); err == nil {
		return r
	}
	return p
}

var wantRE = regexp.MustCompile(`^want\s+(.*)$`)

// expectations reads the `want` comments of one file.
func expectations(path string) ([]*expectation, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	comments, err := syntax.Comments(path, src)
	if err != nil {
		return nil, err
	}
	var out []*expectation
	for _, c := range comments {
		m := wantRE.FindStringSubmatch(c.Text)
		if m == nil {
			continue
		}
		line := 1 + bytes.Count(src[:c.Span.Start], []byte("\n"))
		rest := strings.TrimSpace(m[1])
		for rest != "" {
			q, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad want comment %q: expected Go-quoted regexps", path, line, c.Text)
			}
			s, _ := strconv.Unquote(q)
			re, err := regexp.Compile(s)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad regexp %q: %v", path, line, s, err)
			}
			out = append(out, &expectation{file: path, line: line, re: re})
			rest = strings.TrimSpace(rest[len(q):])
		}
	}
	return out, nil
}

// checkGolden applies the suggested fixes to each file and compares the
// result with its .golden sibling; a .golden file without fixes is an error.
func checkGolden(t *testing.T, dir string, res *checker.Result, fixes map[string][]analysis.TextEdit) {
	t.Helper()
	for name, edits := range fixes {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ApplyEdits(res, src, edits)
		if err != nil {
			t.Errorf("%s: %v", rel(dir, name), err)
			continue
		}
		want, err := os.ReadFile(name + ".golden")
		if err != nil {
			t.Errorf("%s: suggested fixes but no .golden file: %v", rel(dir, name), err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: fixed file differs from .golden:\n--- got\n%s\n--- want\n%s", rel(dir, name), got, want)
		}
	}
	_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".golden") {
			abs, _ := filepath.Abs(strings.TrimSuffix(p, ".golden"))
			if _, ok := fixes[abs]; !ok {
				t.Errorf("%s: .golden file but no suggested fix was reported", rel(dir, abs))
			}
		}
		return nil
	})
}

// ApplyEdits applies text edits (positions in res.Fset) to src. Overlapping
// edits are an error; identical duplicates are applied once.
func ApplyEdits(res *checker.Result, src []byte, edits []analysis.TextEdit) ([]byte, error) {
	type edit struct {
		start, end int
		text       []byte
	}
	var es []edit
	for _, te := range edits {
		f := res.Fset.File(te.Pos)
		end := te.End
		if !end.IsValid() {
			end = te.Pos
		}
		es = append(es, edit{f.Offset(te.Pos), f.Offset(end), te.NewText})
	}
	sort.Slice(es, func(i, j int) bool { return es[i].start < es[j].start })
	var out bytes.Buffer
	last := 0
	for i, e := range es {
		if i > 0 && e.start == es[i-1].start && e.end == es[i-1].end && bytes.Equal(e.text, es[i-1].text) {
			continue
		}
		if e.start < last {
			return nil, fmt.Errorf("overlapping edits at offset %d", e.start)
		}
		out.Write(src[last:e.start])
		out.Write(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}
