package rules_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/all"
	"github.com/ssrlint/ssrlint/analyzers/checker"
	"github.com/ssrlint/ssrlint/rules"
)

// TestDocExamples runs each rule on its own documentation, as Biome does:
// the Example app must be reported, and the same app with the Use instead
// files in place must not, so the docs cannot drift from the behaviour.
func TestDocExamples(t *testing.T) {
	for _, doc := range rules.Docs() {
		t.Run(doc.Name, func(t *testing.T) {
			a := all.ByName(doc.Name)
			if a == nil {
				t.Fatalf("no analyzer for documented rule %s", doc.Name)
			}
			before, after := map[string]string{}, map[string]string{}
			for _, ex := range doc.Examples() {
				switch ex.Section {
				case "Example":
					before[ex.File] = ex.Code
				case "Use instead":
					after[ex.File] = ex.Code
				}
			}
			fixed := map[string]string{}
			for f, c := range before {
				fixed[f] = c
			}
			for f, c := range after {
				fixed[f] = c
			}
			if got := reported(t, a, before); len(got) == 0 {
				t.Errorf("Example: no %s diagnostics", doc.Name)
			} else {
				for _, f := range got {
					if _, ok := before[f]; !ok {
						t.Errorf("Example: diagnostic in %s, which the example does not show", f)
					}
				}
			}
			if got := reported(t, a, fixed); len(got) != 0 {
				t.Errorf("Use instead: still reported in %v", got)
			}
		})
	}
}

// reported writes files as a Next.js 15 app, runs a on it and returns the
// files (relative to the app) that a reported diagnostics in, sorted.
func reported(t *testing.T, a *analysis.Analyzer, files map[string]string) []string {
	t.Helper()
	dir := t.TempDir()
	app := map[string]string{
		"package.json":  `{"name": "example", "private": true, "dependencies": {"next": "^15.1.0", "react": "^19.0.0", "@signalwire/js": "^4.0.0-beta.12"}}`,
		"tsconfig.json": `{"compilerOptions": {"jsx": "preserve", "paths": {"@/*": ["./*"]}}}`,
	}
	for name, src := range files {
		app[name] = src
	}
	for name, src := range app {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := checker.Run([]string{dir}, checker.Options{Analyzers: []*analysis.Analyzer{a}})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, d := range res.Diagnostics {
		if d.Analyzer != a {
			continue
		}
		rel, err := filepath.Rel(dir, res.Fset.Position(d.Pos).Filename)
		if err != nil {
			t.Fatal(err)
		}
		seen[filepath.ToSlash(rel)] = true
	}
	var out []string
	for f := range seen {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}
