package mintgraph_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/checker"
	"github.com/ssrlint/ssrlint/analyzers/mintgraph"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/rules"
)

// runOn runs f on the import graph of the test app in dir.
func runOn(t *testing.T, dir string, f func(g *ssrgraph.Graph)) {
	t.Helper()
	a := &analysis.Analyzer{
		Name:     "probe",
		Doc:      "probe",
		Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			f(pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph))
			return nil, nil
		},
	}
	if _, err := checker.Run([]string{dir}, checker.Options{Analyzers: []*analysis.Analyzer{a}}); err != nil {
		t.Fatal(err)
	}
}

// probe runs the package's functions on the test app and records what they
// find, one line per fact.
func probe(t *testing.T) []string {
	t.Helper()
	var out []string
	runOn(t, "testdata/app", func(g *ssrgraph.Graph) {
		d := rules.Minting()
		reads := mintgraph.NewReach(func(m *ssrgraph.Module, u syntax.FuncUse) bool {
			spec, name, ok := mintgraph.Package(m, u)
			return ok && d.ReadsRequest(spec, name)
		})
		for _, m := range g.Modules {
			for _, h := range mintgraph.Handlers(m) {
				for _, s := range mintgraph.Mints(d, h.Fn) {
					var hops []string
					for _, hp := range s.Chain {
						hops = append(hops, hp.M.Rel+":"+hp.Name())
					}
					out = append(out, fmt.Sprintf("%s %s mints %q via %s", m.Rel, h.Method, s.Path, strings.Join(hops, " > ")))
				}
				if reads.Calls(h.Fn, math.MaxInt) {
					out = append(out, fmt.Sprintf("%s %s reads the request", m.Rel, h.Method))
				}
			}
			if n := len(mintgraph.ModuleMints(d, m)); n > 0 {
				out = append(out, fmt.Sprintf("%s has %d mints", m.Rel, n))
			}
		}
	})
	slices.Sort(out)
	return out
}

func TestMintgraph(t *testing.T) {
	want := []string{
		`app/api/a/route.ts POST mints "" via app/api/a/route.ts:POST > app/api/a/route.ts:both > lib/sw.ts:basic`,
		`app/api/a/route.ts POST mints "/api/video/room_tokens" via app/api/a/route.ts:POST > lib/sw.ts:mint`,
		`app/api/b/route.ts GET mints "" via app/api/a/route.ts:POST > app/api/a/route.ts:both > lib/sw.ts:basic`,
		`app/api/b/route.ts GET mints "/api/video/room_tokens" via app/api/a/route.ts:POST > lib/sw.ts:mint`,
		`lib/sw.ts has 2 mints`,
		`pages/api/c.ts default reads the request`,
	}
	if got := probe(t); !slices.Equal(got, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestUnknown checks Reach.Unknown: a call of a first-party binding that is
// not a function (Auth.js's auth) has the property only when Unknown is set,
// and a chain of plain functions never does. It also checks Site.Last.
func TestUnknown(t *testing.T) {
	var got []string
	runOn(t, "testdata/unknown", func(g *ssrgraph.Graph) {
		never := func(*ssrgraph.Module, syntax.FuncUse) bool { return false }
		strict, lenient := mintgraph.NewReach(never), mintgraph.NewReach(never)
		lenient.Unknown = true
		for _, m := range g.Modules {
			for _, h := range mintgraph.Handlers(m) {
				got = append(got, fmt.Sprintf("%s %s strict=%t unknown=%t", m.Rel, h.Method, strict.Calls(h.Fn, math.MaxInt), lenient.Calls(h.Fn, math.MaxInt)))
				for _, s := range mintgraph.Mints(rules.Minting(), h.Fn) {
					last := s.Last()
					if last != s.Chain[len(s.Chain)-1] {
						t.Errorf("%s: Last() = %v, not the chain's last hop", m.Rel, last)
					}
					got = append(got, fmt.Sprintf("%s %s mints in %s:%s", m.Rel, h.Method, last.M.Rel, last.Name()))
				}
			}
		}
	})
	slices.Sort(got)
	want := []string{
		"app/api/open/route.ts GET mints in lib/sw.ts:mint",
		"app/api/open/route.ts GET strict=false unknown=false",
		"app/api/session/route.ts POST mints in lib/sw.ts:mint",
		"app/api/session/route.ts POST strict=false unknown=true",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
