// Package checker runs ssrlint's analyzers over the Next.js apps under a set
// of paths: one analysis.Pass per app, analyzers in dependency order, with an
// overlay-aware ReadFile so the language server can analyse unsaved buffers.
package checker

import (
	"context"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/project"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
)

// Options configure a run.
type Options struct {
	// Analyzers to run; their Requires are run too.
	Analyzers []*analysis.Analyzer
	// Overlay maps absolute paths to contents that replace the file on disk.
	Overlay map[string][]byte
	// ReadFile reads the files that are not in Overlay; nil means
	// os.ReadFile. The CLI wraps it to remember what it analysed, so that
	// --fix can refuse a file that changed since.
	ReadFile func(path string) ([]byte, error)
	// AppFlags, when set, gives analyzer flag values for one app's pass
	// (analyzer → flag name → value): a monorepo's apps can be configured
	// differently (analyzers/config's per-app overrides). Analyzer flags are
	// process-wide, so Run sets them just before the app's analyzers run and
	// restores the previous values right after; two Runs with AppFlags must
	// not overlap.
	AppFlags func(app *project.App) map[*analysis.Analyzer]map[string]string
	// Prepare, when set, is called with each app found, before its
	// problems are collected and before any analysis: the configuration's
	// statements about the app (project.App.DeclareNextConfig) go in here.
	// It may be called again with the same app in later Runs of a Session.
	Prepare func(app *project.App)
	// Session, when set, keeps state between runs so that a run after a small
	// change is fast (the language server).
	Session *Session
	// Context, when set, cancels the run: Run then returns its error.
	Context context.Context
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
	ctx := opts.Context
	if ctx == nil {
		ctx = context.Background()
	}
	res := &Result{Fset: token.NewFileSet(), Results: map[*project.App]map[*analysis.Analyzer]any{}}
	seen := map[string]bool{}
	for _, root := range roots {
		abs, err := filepath.Abs(root)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", root, err)
		}
		apps, problems, err := opts.Session.discover(abs)
		if err != nil {
			return nil, err
		}
		res.Problems = append(res.Problems, problems...)
		for _, app := range apps {
			if !seen[app.Dir] {
				seen[app.Dir] = true
				if opts.Prepare != nil {
					opts.Prepare(app)
				}
				res.Apps = append(res.Apps, app)
				res.Problems = append(res.Problems, app.Problems...)
			}
		}
	}
	base := opts.ReadFile
	if base == nil {
		base = os.ReadFile
	}
	if opts.Session != nil {
		base = opts.Session.graph.Reader(base)
	}
	readFile := func(p string) ([]byte, error) {
		if b, ok := opts.Overlay[p]; ok {
			return b, nil
		}
		return base(p)
	}
	if len(opts.Overlay) == 0 && opts.ReadFile == nil && opts.Session == nil {
		// The plain disk: ssrgraph may trust file stats (see ReadDisk).
		readFile = ssrgraph.ReadDisk
	}
	type outcome struct {
		results map[*analysis.Analyzer]any
		diags   []Diagnostic
		err     error
	}
	out := make([]outcome, len(res.Apps))
	flags := make([]map[*analysis.Analyzer]map[string]string, len(res.Apps))
	noFlags := true
	for i, app := range res.Apps {
		if opts.AppFlags != nil {
			flags[i] = opts.AppFlags(app)
		}
		noFlags = noFlags && len(flags[i]) == 0
	}
	one := func(i int) {
		restore, err := setFlags(flags[i])
		defer restore()
		if err != nil {
			out[i].err = fmt.Errorf("configuring %s: %w", res.Apps[i].Dir, err)
			return
		}
		if err := ctx.Err(); err != nil {
			out[i].err = err
			return
		}
		out[i].results, out[i].diags, out[i].err = runApp(ctx, res.Fset, res.Apps[i], opts, readFile)
	}
	if opts.Session == nil && len(res.Apps) > 1 {
		// The apps' shared workspace packages are resolved once, not
		// once per app (the Session keeps its own resolutions).
		defer ssrgraph.ShareResolutions(res.Fset)()
	}
	if noFlags && opts.Session == nil && len(res.Apps) > 1 {
		// The apps of a monorepo are independent: analyse them side by
		// side. Each app alternates parallel work (parsing) with
		// sequential work (resolution, classification, the rules), so
		// twice as many apps as cores keep the cores busy; more would only
		// hold more graphs in memory. Analyzer flags are process-wide, so
		// only when no app sets its own, and not in a Session, whose
		// incremental state is per process.
		var wg sync.WaitGroup
		sem := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
		for i := range res.Apps {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				one(i)
			}()
		}
		wg.Wait()
	} else {
		for i := range res.Apps {
			one(i)
			if out[i].err != nil {
				break
			}
		}
	}
	dedup := map[string]bool{}
	for i, app := range res.Apps {
		if out[i].err != nil {
			return nil, out[i].err
		}
		res.Results[app] = out[i].results
		for _, d := range out[i].diags {
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

// setFlags sets analyzer flags and returns a function that puts the
// previous values back, also after a partial failure.
func setFlags(flags map[*analysis.Analyzer]map[string]string) (restore func(), err error) {
	type saved struct {
		a    *analysis.Analyzer
		name string
		old  string
	}
	var undo []saved
	restore = func() {
		for i := len(undo) - 1; i >= 0; i-- {
			u := undo[i]
			_ = u.a.Flags.Set(u.name, u.old) // the old value was accepted before
		}
	}
	// Set in a fixed order, so that an error names the same flag every time.
	as := make([]*analysis.Analyzer, 0, len(flags))
	for a := range flags {
		as = append(as, a)
	}
	sort.Slice(as, func(i, j int) bool { return as[i].Name < as[j].Name })
	for _, a := range as {
		names := make([]string, 0, len(flags[a]))
		for name := range flags[a] {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			f := a.Flags.Lookup(name)
			if f == nil {
				return restore, fmt.Errorf("analyzer %s has no flag %q", a.Name, name)
			}
			old := f.Value.String()
			if err := a.Flags.Set(name, flags[a][name]); err != nil {
				return restore, fmt.Errorf("analyzer %s flag %s: %w", a.Name, name, err)
			}
			undo = append(undo, saved{a, name, old})
		}
	}
	return restore, nil
}

// runApp runs the analyzers (and what they require) on one app.
func runApp(ctx context.Context, fset *token.FileSet, app *project.App, opts Options, readFile func(string) ([]byte, error)) (map[*analysis.Analyzer]any, []Diagnostic, error) {
	files := opts.Session.allFiles(app)
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
		if err := ctx.Err(); err != nil {
			return err
		}
		r, err := opts.Session.runFunc(ctx, a, opts.Overlay)(pass)
		if err != nil {
			return fmt.Errorf("%s on %s: %w", a.Name, app.Dir, err)
		}
		results[a] = r
		return nil
	}
	for _, a := range opts.Analyzers {
		if err := exec(a); err != nil {
			return nil, nil, err
		}
	}
	return results, diags, nil
}
