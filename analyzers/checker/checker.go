// Package checker runs ssrlint's analyzers over the Next.js apps under a set
// of paths: one analysis.Pass per app, analyzers in dependency order, with an
// overlay-aware ReadFile so the language server can analyse unsaved buffers.
package checker

import (
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/project"
)

// Options configure a run.
type Options struct {
	// Analyzers to run; their Requires are run too.
	Analyzers []*analysis.Analyzer
	// Overlay maps absolute paths to contents that replace the file on disk.
	Overlay map[string][]byte
}

// Diagnostic is a diagnostic with the analyzer that reported it.
type Diagnostic struct {
	analysis.Diagnostic
	Analyzer *analysis.Analyzer
	App      *project.App
}

// Result is the outcome of a run.
type Result struct {
	Fset        *token.FileSet
	Apps        []*project.App
	Diagnostics []Diagnostic
	// Problems are non-fatal: skipped files, broken config, parse failures.
	Problems []project.Problem
	// Results holds each app's analyzer results (for tools that want the graph).
	Results map[*project.App]map[*analysis.Analyzer]any
}

// Run discovers the apps under roots and analyses each. An error means the
// run could not happen (a root does not exist, an analyzer failed on I/O);
// problems in the user's code are diagnostics or Problems.
func Run(roots []string, opts Options) (*Result, error) {
	if err := analysis.Validate(opts.Analyzers); err != nil {
		return nil, fmt.Errorf("invalid analyzers: %w", err)
	}
	res := &Result{Fset: token.NewFileSet(), Results: map[*project.App]map[*analysis.Analyzer]any{}}
	seen := map[string]bool{}
	for _, root := range roots {
		abs, err := filepath.Abs(root)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", root, err)
		}
		apps, problems, err := project.Discover(abs)
		if err != nil {
			return nil, err
		}
		res.Problems = append(res.Problems, problems...)
		for _, app := range apps {
			if !seen[app.Dir] {
				seen[app.Dir] = true
				res.Apps = append(res.Apps, app)
				res.Problems = append(res.Problems, app.Problems...)
			}
		}
	}
	readFile := func(p string) ([]byte, error) {
		if b, ok := opts.Overlay[p]; ok {
			return b, nil
		}
		return os.ReadFile(p)
	}
	dedup := map[string]bool{}
	for _, app := range res.Apps {
		results, diags, err := runApp(res.Fset, app, opts.Analyzers, readFile)
		if err != nil {
			return nil, err
		}
		res.Results[app] = results
		for _, d := range diags {
			p := res.Fset.Position(d.Pos)
			key := fmt.Sprintf("%s\x00%s\x00%d\x00%d\x00%s", d.Analyzer.Name, p.Filename, p.Line, p.Column, d.Message)
			if dedup[key] {
				continue // a workspace file analysed as part of two apps
			}
			dedup[key] = true
			res.Diagnostics = append(res.Diagnostics, d)
		}
	}
	sort.SliceStable(res.Diagnostics, func(i, j int) bool {
		a, b := res.Fset.Position(res.Diagnostics[i].Pos), res.Fset.Position(res.Diagnostics[j].Pos)
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Offset != b.Offset {
			return a.Offset < b.Offset
		}
		return res.Diagnostics[i].Analyzer.Name < res.Diagnostics[j].Analyzer.Name
	})
	return res, nil
}

// runApp runs the analyzers (and what they require) on one app.
func runApp(fset *token.FileSet, app *project.App, analyzers []*analysis.Analyzer, readFile func(string) ([]byte, error)) (map[*analysis.Analyzer]any, []Diagnostic, error) {
	files := app.AllFiles()
	pkg := types.NewPackage(app.Dir, app.Name)
	results := map[*analysis.Analyzer]any{}
	var diags []Diagnostic
	var exec func(a *analysis.Analyzer) error
	exec = func(a *analysis.Analyzer) error {
		if _, done := results[a]; done {
			return nil
		}
		resultOf := map[*analysis.Analyzer]any{}
		for _, req := range a.Requires {
			if err := exec(req); err != nil {
				return err
			}
			resultOf[req] = results[req]
		}
		pass := &analysis.Pass{
			Analyzer:   a,
			Fset:       fset,
			OtherFiles: files,
			Pkg:        pkg,
			ResultOf:   resultOf,
			ReadFile:   readFile,
			Report: func(d analysis.Diagnostic) {
				diags = append(diags, Diagnostic{Diagnostic: d, Analyzer: a, App: app})
			},
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
		}
		r, err := a.Run(pass)
		if err != nil {
			return fmt.Errorf("%s on %s: %w", a.Name, app.Dir, err)
		}
		results[a] = r
		return nil
	}
	for _, a := range analyzers {
		if err := exec(a); err != nil {
			return nil, nil, err
		}
	}
	return results, diags, nil
}
