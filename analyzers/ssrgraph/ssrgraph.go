// Package ssrgraph defines the shared analyzer every rule builds on: it
// parses the app's modules (tree-sitter, cached by content hash), resolves
// their imports (esbuild), and works out where Next.js evaluates each module
// — server only, server-rendered and hydrated, browser only — keeping the
// shortest import trace from an entry for every environment.
//
// # Analyzer ssrgraph
//
// ssrgraph: build the classified import graph of a Next.js app
//
// The pass's package path is the app directory; OtherFiles are the app's
// source and config files plus those of the workspace packages it may import.
// Rules get the *Graph through Requires and pass.ResultOf.
package ssrgraph

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/project"
	"github.com/ssrlint/ssrlint/analyzers/resolve"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/rules"
)

// Analyzer builds the Graph.
var Analyzer = &analysis.Analyzer{
	Name:       "ssrgraph",
	Doc:        "build the classified import graph of a Next.js app\n\nShared pass: parses, resolves and classifies modules for the ssrlint rules.",
	Run:        run,
	ResultType: reflect.TypeOf((*Graph)(nil)),
}

// TraceCategory is the Category of diagnostics whose Related locations are an
// import trace: the entry first, then each import on the way.
const TraceCategory = "import-trace"

var (
	cacheDir string
	globals  string
	// What the configuration states about a next.config that cannot be
	// read statically (project.App.DeclareNextConfig).
	nextPageExtensions, nextEnv, nextCacheComponents string
)

func init() {
	Analyzer.Flags.StringVar(&cacheDir, "cache", "", "directory for the per-file summary cache (empty: memory only)")
	Analyzer.Flags.StringVar(&globals, "globals", "", "comma-separated extra browser-only global names")
	Analyzer.Flags.StringVar(&nextPageExtensions, "next-page-extensions", "", "comma-separated pageExtensions, for a next.config that cannot be read statically")
	Analyzer.Flags.StringVar(&nextEnv, "next-env", "", "comma-separated next.config env keys, for a next.config that cannot be read statically")
	Analyzer.Flags.StringVar(&nextCacheComponents, "next-cache-components", "", `"true" or "false": next.config cacheComponents, for a next.config that cannot be read statically`)
}

// declareNext applies the next-* flags to app.
func declareNext(app *project.App) {
	var pe, env []string
	var cc *bool
	if nextPageExtensions != "" {
		pe = strings.Split(nextPageExtensions, ",")
	}
	if nextEnv != "" {
		env = strings.Split(nextEnv, ",")
	}
	if nextCacheComponents != "" {
		v := nextCacheComponents == "true"
		cc = &v
	}
	if pe != nil || env != nil || cc != nil {
		app.DeclareNextConfig(pe, env, cc)
	}
}

// Problems are non-fatal issues met while building the graph (unreadable
// files, files with syntax errors, imports that do not resolve).
type Problem struct {
	Path    string
	Message string
}

func run(pass *analysis.Pass) (any, error) {
	dir := pass.Pkg.Path()
	app, err := project.Load(dir, pass.ReadFile)
	if err != nil {
		return nil, fmt.Errorf("loading app %s: %w", dir, err)
	}
	declareNext(app)
	g := &Graph{App: app, Fset: pass.Fset, byPath: map[string]*Module{}, readFile: pass.ReadFile}
	if err := g.parse(pass, syntaxOptions()); err != nil {
		return nil, err
	}
	if err := g.resolve(pass.OtherFiles); err != nil {
		return nil, err
	}
	g.classify()
	return g, nil
}

// syntaxOptions are the parse options the flags ask for (Session.Build
// uses them too).
func syntaxOptions() *syntax.Options {
	opts := &syntax.Options{Globals: rules.BrowserGlobals()}
	if globals != "" {
		opts.Globals = append(append([]string(nil), opts.Globals...), strings.Split(globals, ",")...)
	}
	return opts
}

// parse reads and summarises every source file in parallel.
func (g *Graph) parse(pass *analysis.Pass, opts *syntax.Options) error {
	var paths []string
	for _, p := range pass.OtherFiles {
		if syntax.IsSource(p) {
			paths = append(paths, p)
		}
	}
	if cacheDir != "" {
		memCache.load(cacheDir, g.App.Dir)
	}
	optsKey := opts.Key()
	// An unchanged file on disk is neither read nor hashed when the pass
	// reads the plain disk (no overlay, no logging reader).
	trustStat := cacheDir != "" && isReadDisk(pass.ReadFile)
	now := time.Now().UnixNano()
	mods := make([]*Module, len(paths))
	keys := make([]string, len(paths))
	errs := make([]string, len(paths))
	parallel(len(paths), func(i int) {
		p := paths[i]
		var fi os.FileInfo
		if trustStat {
			if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
				if info.Size() > project.MaxFileSize {
					errs[i] = project.TooLarge
					return
				}
				fi = info
				if e, ok := memCache.stat(p, info.Size(), info.ModTime().UnixNano()); ok {
					// A summary that does not decode (a damaged cache
					// entry) is a miss: the file is read and parsed below.
					if sum, ok := memCache.get(e.Key); ok {
						tf := pass.Fset.AddFile(p, -1, int(e.Size))
						if tf.SetLines(e.Lines) {
							keys[i] = e.Key
							mods[i] = &Module{Path: p, Rel: g.display(p), File: tf, Sum: sum}
							return
						}
						// Unusable lines: the file is re-added below; the
						// empty one only takes FileSet room.
					}
				}
			}
		}
		src, err := pass.ReadFile(p)
		if err != nil {
			errs[i] = err.Error()
			return
		}
		if len(src) > project.MaxFileSize {
			errs[i] = project.TooLarge
			return
		}
		if project.IsBinary(src) {
			errs[i] = "skipped: binary"
			return
		}
		key := cacheKey(p, src, optsKey)
		keys[i] = key
		sum, err := memCache.summarise(key, func() (*syntax.Summary, error) { return syntax.Parse(p, src, opts) })
		if err != nil {
			errs[i] = err.Error()
			return
		}
		tf := pass.Fset.AddFile(p, -1, len(src))
		tf.SetLinesForContent(src)
		if fi != nil && fi.Size() == int64(len(src)) {
			memCache.putStat(p, statEntry{Size: fi.Size(), MTime: fi.ModTime().UnixNano(), Key: key, Lines: tf.Lines()}, now)
		}
		mods[i] = &Module{Path: p, Rel: g.display(p), File: tf, Sum: sum}
	})
	for i, m := range mods {
		if m == nil {
			g.Problems = append(g.Problems, Problem{paths[i], errs[i]})
			continue
		}
		g.Modules = append(g.Modules, m)
		g.byPath[m.Path] = m
	}
	g.sortModules()
	if cacheDir != "" && memCache.dirty {
		var live []string
		for _, k := range keys {
			if k != "" {
				live = append(live, k)
			}
		}
		if err := memCache.save(cacheDir, g.App.Dir, live); err != nil {
			g.Problems = append(g.Problems, Problem{cacheDir, err.Error()})
		}
	}
	return nil
}

// esbuildTurn serialises the esbuild builds of apps analysed side by side.
var esbuildTurn = make(chan struct{}, 1)

// ReadDisk is os.ReadFile. A driver whose pass.ReadFile is ReadDisk itself
// (not a wrapper) declares that files are read from disk unchanged, with no
// overlay: ssrgraph may then skip reading a file whose size and modification
// time match its disk cache entry.
func ReadDisk(path string) ([]byte, error) { return os.ReadFile(path) }

// isReadDisk reports whether read is ReadDisk.
func isReadDisk(read func(string) ([]byte, error)) bool {
	return read != nil && reflect.ValueOf(read).Pointer() == reflect.ValueOf(ReadDisk).Pointer()
}

// parallel calls f(0) … f(n-1) on GOMAXPROCS goroutines and waits.
func parallel(n int, f func(i int)) {
	next := make(chan int, n)
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// resolveFresh resolves todo, taking what another app of the same run
// already resolved (see ShareResolutions) and sending the rest to esbuild;
// set receives each result with its index in todo.
func (g *Graph) resolveFresh(todo []resolve.Request, ws map[string]string, set func(j int, r resolve.Result)) error {
	share := shareFor(g.Fset)
	have, ok := share.take(g, todo)
	var ask []resolve.Request
	var askAt []int
	for j := range todo {
		if !ok[j] {
			ask = append(ask, todo[j])
			askAt = append(askAt, j)
		}
	}
	if len(ask) > 0 {
		r, err := resolve.New(resolve.Options{Dir: g.App.Dir, Workspace: ws})
		if err != nil {
			return err
		}
		defer r.Close()
		esbuildRequests.Add(int64(len(ask)))
		out, err := r.ResolveAll(ask)
		if err != nil {
			return err
		}
		if r.IgnoredTsconfig() && len(ask) < len(todo) {
			// This app's tsconfig is broken: resolve all of it the
			// same degraded way, whichever app ran first.
			esbuildRequests.Add(int64(len(todo)))
			if out, err = r.ResolveAll(todo); err != nil {
				return err
			}
			ask, askAt = todo, nil
			for j := range todo {
				askAt = append(askAt, j)
			}
		}
		for i, j := range askAt {
			have[j], ok[j] = out[i], true
		}
		if !r.IgnoredTsconfig() {
			share.give(g, ask, out)
		}
	}
	for j := range todo {
		set(j, have[j])
	}
	return nil
}

// connect points e where its import resolved: a module of the graph, a
// package, a first-party file that is not a module, or nowhere (Err).
func (g *Graph) connect(e *Edge, out resolve.Result) {
	switch {
	case out.Package != "":
		e.Package = out.Package
	case out.File != "":
		if to := g.byPath[out.File]; to != nil {
			e.To = to
		} else {
			e.File = out.File
		}
	default:
		e.Err = out.Err
	}
}

// display names a file for messages: relative to the app, or to the
// workspace root for shared packages, as Next prints import traces.
func (g *Graph) display(p string) string {
	if rel, ok := under(g.App.Dir, p); ok {
		return rel
	}
	if ws := g.App.Workspace; ws != nil {
		if rel, ok := under(ws.Root, p); ok {
			return rel
		}
	}
	return filepath.ToSlash(p)
}

// resolve turns every value import into an edge. With a cache dir, results
// stored by an earlier run whose inputs (resolutionKey over files) are
// unchanged are reused, and only requests new since go to esbuild.
func (g *Graph) resolve(files []string) error {
	var reqs []resolve.Request
	type ref struct {
		m *Module
		i int
	}
	var refs []ref
	for _, m := range g.Modules {
		m.Edges = make([]*Edge, len(m.Sum.Imports))
		dir := filepath.Dir(m.Path)
		for i := range m.Sum.Imports {
			imp := &m.Sum.Imports[i]
			m.Edges[i] = &Edge{From: m, Import: imp}
			if imp.TypeOnly && !imp.Unused {
				continue
			}
			reqs = append(reqs, resolve.Request{Dir: dir, Spec: imp.Spec})
			refs = append(refs, ref{m, i})
		}
	}
	if len(reqs) == 0 {
		return nil
	}
	uniq, pos := resolve.Dedup(reqs)
	res := make([]resolve.Result, len(uniq))
	var key string
	var stored map[resolve.Request]resolve.Result
	if cacheDir != "" {
		key = g.resolutionKey(files, g.readFile)
		stored = loadResolutions(cacheDir, g.App.Dir, key)
	}
	var todo []resolve.Request
	var todoAt []int
	for k, rq := range uniq {
		if r, ok := stored[rq]; ok && g.stillThere(r) {
			res[k] = r
			continue
		}
		todo = append(todo, rq)
		todoAt = append(todoAt, k)
	}
	if len(todo) > 0 {
		var ws map[string]string
		if g.App.Workspace != nil {
			ws = g.App.Workspace.Packages
		}
		// One esbuild build at a time: it uses every core itself, and apps
		// analysed side by side would otherwise each hold a bundler's
		// memory at once.
		esbuildTurn <- struct{}{}
		err := g.resolveFresh(todo, ws, func(j int, r resolve.Result) { res[todoAt[j]] = r })
		<-esbuildTurn
		if err != nil {
			return err
		}
	}
	if cacheDir != "" && (len(todo) > 0 || len(stored) != len(uniq)) {
		all := make(map[resolve.Request]resolve.Result, len(uniq))
		for k, rq := range uniq {
			all[rq] = res[k]
		}
		if err := saveResolutions(cacheDir, g.App.Dir, key, all); err != nil {
			g.Problems = append(g.Problems, Problem{cacheDir, err.Error()})
		}
	}
	for k, rf := range refs {
		g.connect(rf.m.Edges[rf.i], res[pos[k]])
	}
	return nil
}

// stillThere reports whether a stored result may be reused: a first-party
// file that is not one of the graph's modules (whose list is part of the
// key) must still exist.
func (g *Graph) stillThere(r resolve.Result) bool {
	if r.File == "" || g.byPath[r.File] != nil {
		return true
	}
	_, err := os.Stat(r.File)
	return err == nil
}
