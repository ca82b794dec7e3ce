package publicsecret_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/dotenv"
	"github.com/ssrlint/ssrlint/analyzers/publicsecret"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

type envDiag struct {
	file    string
	line    int
	message string
}

// Test runs the rule on the fixtures. ssrtest checks the diagnostics in
// source files; those in .env files, which have no // comments, are checked
// here against `# want "re"` comments that follow an entry's value: each
// expects a diagnostic on the entry's key line.
func Test(t *testing.T) {
	var envDiags []envDiag
	a := *publicsecret.Analyzer
	a.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			if p := pass.Fset.Position(d.Pos); dotenv.IsEnvFile(p.Filename) {
				envDiags = append(envDiags, envDiag{p.Filename, p.Line, d.Message})
				return
			}
			report(d)
		}
		return publicsecret.Analyzer.Run(pass)
	}
	ssrtest.Run(t, "testdata", &a)

	want, err := envExpectations("testdata")
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("no # want comments in the .env fixtures")
	}
	matched := make([]bool, len(want))
	for _, d := range envDiags {
		ok := false
		for i, w := range want {
			if !matched[i] && w.file == d.file && w.line == d.line && w.re.MatchString(d.message) {
				matched[i], ok = true, true
				break
			}
		}
		if !ok {
			t.Errorf("%s:%d: unexpected diagnostic: %s", d.file, d.line, d.message)
		}
	}
	for i, w := range want {
		if !matched[i] {
			t.Errorf("%s:%d: no diagnostic was reported matching %q", w.file, w.line, w.re)
		}
	}
}

type envWant struct {
	file string
	line int
	re   *regexp.Regexp
}

var wantComment = regexp.MustCompile(`^\s*want\s+(.*)$`)

func envExpectations(dir string) ([]envWant, error) {
	var out []envWant
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !dotenv.IsEnvFile(p) {
			return err
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, e := range dotenv.Parse(src) {
			if e.Comment == (dotenv.Span{}) {
				continue
			}
			m := wantComment.FindStringSubmatch(string(src[e.Comment.Start:e.Comment.End]))
			if m == nil {
				continue
			}
			line := 1 + strings.Count(string(src[:e.KeySpan.Start]), "\n")
			for rest := strings.TrimSpace(m[1]); rest != ""; {
				q, err := strconv.QuotedPrefix(rest)
				if err != nil {
					return fmt.Errorf("%s:%d: bad want comment: %v", p, line, err)
				}
				s, _ := strconv.Unquote(q)
				re, err := regexp.Compile(s)
				if err != nil {
					return fmt.Errorf("%s:%d: %v", p, line, err)
				}
				out = append(out, envWant{abs, line, re})
				rest = strings.TrimSpace(rest[len(q):])
			}
		}
		return nil
	})
	return out, err
}
