package ssrgraph

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/project"
	"github.com/ssrlint/ssrlint/analyzers/resolve"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// Session keeps, between the runs of one long-lived process (the language
// server), what building a Graph costs most, so that a run after a one-line
// edit re-does only what the edit can change:
//
//   - per file: its summary and line table, re-read only when the file's size
//     or modification time changes on disk, or its overlay content changes;
//   - per app: the esbuild resolver and every import resolution by
//     (directory, specifier), so esbuild is asked only about imports it has
//     not answered yet. Changed invalidates resolutions a created, deleted
//     or renamed file can affect, and all of an app's on a package.json,
//     tsconfig or jsconfig change (which Build also notices by itself from
//     those files' modification times).
//
// Classification and the rules always run on the whole graph: they are
// cheap, and a change in one module ("use client" added) changes findings in
// the modules it imports.
//
// The owner passes the Session to checker.Options and calls Close when done.
// Builds must not overlap; Changed may be called from any goroutine.
type Session struct {
	mu    sync.Mutex // held by Build; Changed and Close take it too
	files map[string]*fileState
	apps  map[string]*appState
	// diskLoaded: apps whose disk summary cache was merged and saved once.
	diskLoaded map[string]bool
	// trust: every change on disk is reported through Changed, so Build
	// does not stat the files it knows.
	trust bool
	// run counts checker runs (told apart by their FileSet), so that a file
	// shared by several apps is checked on disk once per run.
	run     uint64
	runFset *token.FileSet
	// fset owns the token.Files of the files' current contents; every run's
	// FileSet takes them in with AddExistingFiles instead of rebuilding line
	// tables. Their bases never overlap a file a rule adds to a run's
	// FileSet: each run starts past a fence at the end of fset, and new
	// files are placed past the end of the run's FileSet.
	fset *token.FileSet

	// rmu guards the contents Reader serves: srcs holds the source files
	// read or checked in the current run (across runs too when trusted),
	// pkgs package.json reads, errors included (the side-effect check
	// looks for one in every directory).
	rmu  sync.RWMutex
	srcs map[string][]byte
	pkgs map[string]cachedRead

	pmu     sync.Mutex
	pending []change // reported by Changed, applied by the next Build
}

type cachedRead struct {
	data []byte
	err  error
}

// fileState is what a Session knows about one source file.
type fileState struct {
	overlay bool
	mod     time.Time // disk files: modification time and size when read
	size    int64
	key     string // content cache key (includes the parse options)
	opts    string // the parse options' Key
	sum     *syntax.Summary
	src     []byte      // the content (Reader serves it)
	lines   []int       // line start offsets, until tf is made
	tf      *token.File // in Session.fset
	length  int
	checked uint64 // the run in which the disk state was last compared
}

// appState is the resolution state of one app.
type appState struct {
	ws       map[string]string // workspace packages the resolver was made with
	stamps   map[string]stamp  // config files the resolutions depend on
	resolver *resolve.Resolver
	cache    map[resolve.Request]resolve.Result
	// byModule memoises a module's resolutions, in import order, for as
	// long as its summary and the cache generation are unchanged.
	byModule map[string]moduleResolution
	gen      uint64
	rel      map[string]string // display paths
	// entries memoises entryKind by path while the app's layout is the same.
	entries   map[string]entryMemo
	layoutKey string
	// prev is the last graph built, from prevStates (parallel to its
	// source files) with resolution generation prevGen and app prevApp: a
	// run in which none of them changed reuses it whole, so an edit in one
	// app of a monorepo does not rebuild the others.
	prev       *Graph
	prevStates []*fileState
	prevPaths  []string
	prevGen    uint64
	prevApp    *project.App
}

type entryMemo struct {
	useClient, useServer bool
	kind                 string
	env                  Env
}

type moduleResolution struct {
	key string
	gen uint64
	res []resolve.Result
}

type stamp struct {
	mod  time.Time
	size int64
	ok   bool
}

// Change is the kind of a file-system change reported to Session.Changed.
type Change int

// Kinds of change, as the language server's file watcher reports them.
const (
	Modified Change = iota
	Created
	Deleted
)

// NewSession returns an empty Session.
func NewSession() *Session {
	return &Session{files: map[string]*fileState{}, apps: map[string]*appState{}, diskLoaded: map[string]bool{}, fset: token.NewFileSet(),
		srcs: map[string][]byte{}, pkgs: map[string]cachedRead{}}
}

// Reader wraps the function a run reads files with (checker.Run gives
// every pass the result, behind its overlay): source files the session has
// read or checked in this run, and package.json files, come from memory.
// Rules that read the modules again cost no I/O.
func (s *Session) Reader(base func(string) ([]byte, error)) func(string) ([]byte, error) {
	return func(p string) ([]byte, error) {
		s.rmu.RLock()
		src, ok := s.srcs[p]
		var c cachedRead
		if !ok && filepath.Base(p) == "package.json" {
			c, ok = s.pkgs[p]
			src = c.data
		}
		s.rmu.RUnlock()
		if ok {
			return src, c.err
		}
		data, err := base(p)
		if filepath.Base(p) == "package.json" {
			s.rmu.Lock()
			s.pkgs[p] = cachedRead{data, err}
			s.rmu.Unlock()
		}
		return data, err
	}
}

// forgetRead drops what Reader holds for path and, for a directory, below it.
func (s *Session) forgetRead(path string) {
	s.rmu.Lock()
	defer s.rmu.Unlock()
	delete(s.srcs, path)
	delete(s.pkgs, path)
	prefix := path + string(filepath.Separator)
	for _, m := range []map[string][]byte{s.srcs} {
		for p := range m {
			if strings.HasPrefix(p, prefix) {
				delete(m, p)
			}
		}
	}
	for p := range s.pkgs {
		if strings.HasPrefix(p, prefix) {
			delete(s.pkgs, p)
		}
	}
}

// TrustChanges says whether every change on disk is reported through
// Changed (the language server's client watches the files). When it is,
// Build no longer compares known files' modification times with the disk.
func (s *Session) TrustChanges(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.trust = on
}

// Close releases the resolvers' esbuild contexts and temporary directories.
func (s *Session) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.apps {
		a.close()
	}
	s.apps = map[string]*appState{}
}

func (a *appState) close() {
	if a.resolver != nil {
		a.resolver.Close()
		a.resolver = nil
	}
}

// Changed tells the session that path (absolute; a file or a directory)
// changed on disk, so that the next Build re-reads it and re-resolves the
// imports its creation or deletion can affect. It does not wait for a
// Build in progress: the change is applied when the next one starts, so
// that what the current one read before the change cannot outlive it.
func (s *Session) Changed(path string, kind Change) {
	s.pmu.Lock()
	defer s.pmu.Unlock()
	s.pending = append(s.pending, change{filepath.Clean(path), kind})
}

type change struct {
	path string
	kind Change
}

// applyChanges applies the changes reported since the last Build. s.mu is
// held.
func (s *Session) applyChanges() {
	s.pmu.Lock()
	pending := s.pending
	s.pending = nil
	s.pmu.Unlock()
	for _, c := range pending {
		s.forgetRead(c.path)
		s.changed(c.path, c.kind)
	}
}

func (s *Session) changed(path string, kind Change) {
	s.forget(path)
	if kind != Modified {
		prefix := path + string(filepath.Separator)
		for p := range s.files {
			if strings.HasPrefix(p, prefix) {
				s.forget(p)
			}
		}
	}
	if resolutionConfig(filepath.Base(path)) {
		for dir, a := range s.apps {
			a.close()
			delete(s.apps, dir)
		}
		return
	}
	if kind == Modified {
		return
	}
	for _, a := range s.apps {
		for req, res := range a.cache {
			if res.Err != "" || res.File == path || strings.HasPrefix(res.File, path+string(filepath.Separator)) || mayName(req.Spec, path) {
				delete(a.cache, req)
				a.gen++
			}
		}
	}
}

func (s *Session) forget(p string) {
	if st := s.files[p]; st != nil {
		if st.tf != nil {
			s.fset.RemoveFile(st.tf)
		}
		delete(s.files, p)
	}
}

// resolutionConfig reports the files whose content steers esbuild's
// resolution: a change to any of them invalidates every resolution.
func resolutionConfig(base string) bool {
	return base == "package.json" || base == "jsconfig.json" ||
		strings.HasPrefix(base, "tsconfig") && strings.HasSuffix(base, ".json")
}

// mayName reports whether spec could resolve to p, or to a file next to p
// that p's creation or deletion shadows or uncovers: spec's last segment,
// without an extension, names p's stem, or p's directory when p is an
// index file. Resolution through package.json fields is covered by
// resolutionConfig.
func mayName(spec, p string) bool {
	last := spec[strings.LastIndexByte(spec, '/')+1:]
	stem := func(s string) string {
		if ext := filepath.Ext(s); ext != "" {
			return strings.TrimSuffix(s, ext)
		}
		return s
	}
	base := filepath.Base(p)
	if last == base || stem(last) == stem(base) || last == stem(base) {
		return true
	}
	return stem(base) == "index" && (last == filepath.Base(filepath.Dir(p)))
}

// Build is the analyzer's run with the session's state: the checker calls
// it instead of Analyzer.Run when it has a Session. overlay holds the
// unsaved buffers (the same map pass.ReadFile serves them from). A cancelled
// ctx stops the build between files and resolution batches; what was done
// by then is kept for the next Build.
func (s *Session) Build(ctx context.Context, pass *analysis.Pass, overlay map[string][]byte) (*Graph, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.applyChanges()
	if pass.Fset != s.runFset {
		s.runFset = pass.Fset
		s.run++
		fence := s.fset.AddFile("", max(s.fset.Base(), pass.Fset.Base()), 0)
		pass.Fset.AddExistingFiles(fence)
		s.fset.RemoveFile(fence)
		if !s.trust {
			// Contents are good for one run: the next compares with the disk.
			s.rmu.Lock()
			clear(s.srcs)
			clear(s.pkgs)
			s.rmu.Unlock()
		}
	}
	dir := pass.Pkg.Path()
	app, err := project.Load(dir, pass.ReadFile)
	if err != nil {
		return nil, fmt.Errorf("loading app %s: %w", dir, err)
	}
	declareNext(app)
	g := &Graph{App: app, Fset: pass.Fset, byPath: map[string]*Module{}, readFile: pass.ReadFile}
	a := s.appFor(app)
	paths, states, err := s.parse(ctx, g, a, pass, overlay, syntaxOptions())
	if err != nil {
		return nil, err
	}
	if prev := a.reusable(app, paths, states); prev != nil {
		for _, m := range prev.Modules {
			pass.Fset.AddExistingFiles(m.File)
		}
		prev.App, prev.Fset, prev.readFile = app, pass.Fset, pass.ReadFile
		return prev, nil
	}
	a.prev = nil
	if err := s.modules(g, a, pass, paths, states); err != nil {
		return nil, err
	}
	if err := s.resolve(ctx, g, a); err != nil {
		return nil, err
	}
	g.entries = a.entryFunc(g)
	g.classify()
	a.prev, a.prevStates, a.prevPaths, a.prevGen, a.prevApp = g, states, paths, a.gen, app
	return g, nil
}

// reusable returns the app's previous graph when nothing it was built from
// has changed: the same files with the same states, the same resolutions,
// and the same app configuration (next.config, package.json, routers).
func (a *appState) reusable(app *project.App, paths []string, states []*fileState) *Graph {
	if a.prev == nil || a.prevGen != a.gen || !slices.Equal(paths, a.prevPaths) || !slices.Equal(states, a.prevStates) {
		return nil
	}
	if !reflect.DeepEqual(app, a.prevApp) {
		return nil
	}
	return a.prev
}

// entry is entryKind, through the session's memo when there is one.
func (g *Graph) entry(m *Module) (string, Env) {
	if g.entries != nil {
		return g.entries(m)
	}
	return g.entryKind(m)
}

// entryFunc returns a memoised entryKind for g. An entry kind depends on the
// path, the app's router directories and page extensions, and the module's
// directives.
func (a *appState) entryFunc(g *Graph) func(*Module) (string, Env) {
	app := g.App
	key := strings.Join(app.AppDirs, "\x00") + "\x01" + strings.Join(app.PagesDirs, "\x00") + "\x01" + strings.Join(app.PageExtensions, "\x00")
	if key != a.layoutKey || a.entries == nil {
		a.layoutKey = key
		a.entries = map[string]entryMemo{}
	}
	return func(m *Module) (string, Env) {
		e, ok := a.entries[m.Path]
		if ok && e.useClient == m.Sum.UseClient && e.useServer == m.Sum.UseServer {
			return e.kind, e.env
		}
		kind, env := g.entryKind(m)
		a.entries[m.Path] = entryMemo{m.Sum.UseClient, m.Sum.UseServer, kind, env}
		return kind, env
	}
}

// parse makes the graph's modules, reading and summarising only the files
// that changed since the session last saw them.
func (s *Session) parse(ctx context.Context, g *Graph, a *appState, pass *analysis.Pass, overlay map[string][]byte, opts *syntax.Options) ([]string, []*fileState, error) {
	var paths []string
	for _, p := range pass.OtherFiles {
		if syntax.IsSource(p) {
			paths = append(paths, p)
		}
	}
	optsKey := opts.Key()
	if cacheDir != "" && !s.diskLoaded[g.App.Dir] {
		memCache.load(cacheDir, g.App.Dir)
	}
	states := make([]*fileState, len(paths))
	errs := make([]string, len(paths))
	parallel(len(paths), func(i int) {
		if ctx.Err() != nil {
			return
		}
		st, err := s.file(paths[i], s.files[paths[i]], overlay, pass.ReadFile, opts, optsKey)
		if err != nil {
			errs[i] = err.Error()
		}
		states[i] = st
	})
	// Keep what was read even when cancelled: the next build starts there.
	s.rmu.Lock()
	for i, st := range states {
		if old := s.files[paths[i]]; old != st {
			s.forget(paths[i])
		}
		if st != nil {
			s.files[paths[i]] = st
			if !st.overlay {
				s.srcs[paths[i]] = st.src
			}
		}
	}
	s.rmu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	for i, st := range states {
		if st == nil {
			g.Problems = append(g.Problems, Problem{paths[i], errs[i]})
		}
	}
	if cacheDir != "" && !s.diskLoaded[g.App.Dir] {
		s.diskLoaded[g.App.Dir] = true
		if memCache.dirty {
			keys := make([]string, 0, len(states))
			for _, st := range states {
				if st != nil {
					keys = append(keys, st.key)
				}
			}
			if err := memCache.save(cacheDir, g.App.Dir, keys); err != nil {
				g.Problems = append(g.Problems, Problem{cacheDir, err.Error()})
			}
		}
	}
	return paths, states, nil
}

// modules makes the graph's modules from the files' states.
func (s *Session) modules(g *Graph, a *appState, pass *analysis.Pass, paths []string, states []*fileState) error {
	for i, st := range states {
		if st == nil {
			continue
		}
		if st.tf == nil {
			st.tf = s.fset.AddFile(paths[i], max(s.fset.Base(), pass.Fset.Base()), st.length)
			if !st.tf.SetLines(st.lines) {
				return fmt.Errorf("internal error: bad line table for %s", paths[i])
			}
			st.lines = nil
		}
		tf := st.tf
		pass.Fset.AddExistingFiles(tf)
		rel, ok := a.rel[paths[i]]
		if !ok {
			rel = g.display(paths[i])
			a.rel[paths[i]] = rel
		}
		m := &Module{Path: paths[i], Rel: rel, File: tf, Sum: st.sum}
		g.Modules = append(g.Modules, m)
		g.byPath[m.Path] = m
	}
	g.sortModules()
	return nil
}

// file returns the state of one file: old when it still holds, otherwise
// a new one from the overlay or the disk (and the summary cache, or a parse).
func (s *Session) file(p string, old *fileState, overlay map[string][]byte, readFile func(string) ([]byte, error), opts *syntax.Options, optsKey string) (*fileState, error) {
	if src, ok := overlay[p]; ok {
		if len(src) > project.MaxFileSize {
			return nil, errors.New(project.TooLarge)
		}
		key := cacheKey(p, src, optsKey)
		if old != nil && old.overlay && old.key == key {
			return old, nil
		}
		// Not through the process-wide cache: every keystroke is a new
		// content, and the session keeps the buffer's summary anyway.
		st, err := summarise(p, src, key, opts, false)
		if st != nil {
			st.overlay = true
		}
		return st, err
	}
	known := old != nil && !old.overlay && old.opts == optsKey
	if known && (s.trust || old.checked == s.run) {
		return old, nil
	}
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if fi.Size() > project.MaxFileSize {
		return nil, errors.New(project.TooLarge)
	}
	if known && old.mod.Equal(fi.ModTime()) && old.size == fi.Size() {
		old.checked = s.run
		return old, nil
	}
	src, err := readFile(p)
	if err != nil {
		return nil, err
	}
	if project.IsBinary(src) {
		return nil, errors.New("skipped: binary")
	}
	st, err := summarise(p, src, cacheKey(p, src, optsKey), opts, true)
	if st != nil {
		st.mod, st.size, st.checked = fi.ModTime(), fi.Size(), s.run
	}
	return st, err
}

func summarise(p string, src []byte, key string, opts *syntax.Options, cache bool) (*fileState, error) {
	sum, ok := memCache.get(key)
	if !ok {
		var err error
		sum, err = syntax.Parse(p, src, opts)
		if err != nil {
			return nil, err
		}
		if cache {
			memCache.put(key, sum)
		}
	}
	return &fileState{key: key, opts: opts.Key(), sum: sum, src: src, lines: lineStarts(src), length: len(src)}, nil
}

// lineStarts returns the offsets at which the lines of src start.
func lineStarts(src []byte) []int {
	lines := make([]int, 1, len(src)/32+1)
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// resolveBatch bounds how long a cancelled build waits for esbuild.
const resolveBatch = 512

// resolve fills the graph's edges from the app's resolution cache, asking
// esbuild only about requests it has not seen.
func (s *Session) resolve(ctx context.Context, g *Graph, a *appState) error {
	var misses []resolve.Request
	seen := map[resolve.Request]bool{}
	keys := make([]string, len(g.Modules))
	for k, m := range g.Modules {
		m.Edges = make([]*Edge, len(m.Sum.Imports))
		for i := range m.Sum.Imports {
			m.Edges[i] = &Edge{From: m, Import: &m.Sum.Imports[i]}
		}
		keys[k] = s.files[m.Path].key
		if mr, ok := a.byModule[m.Path]; ok && mr.key == keys[k] && mr.gen == a.gen {
			continue
		}
		dir := filepath.Dir(m.Path)
		for i := range m.Sum.Imports {
			imp := &m.Sum.Imports[i]
			if imp.TypeOnly && !imp.Unused {
				continue
			}
			req := resolve.Request{Dir: dir, Spec: imp.Spec}
			if _, ok := a.cache[req]; !ok && !seen[req] {
				seen[req] = true
				misses = append(misses, req)
			}
		}
	}
	if len(misses) > 0 {
		slices.SortFunc(misses, func(x, y resolve.Request) int {
			if c := strings.Compare(x.Dir, y.Dir); c != 0 {
				return c
			}
			return strings.Compare(x.Spec, y.Spec)
		})
		if a.resolver == nil {
			r, err := resolve.New(resolve.Options{Dir: g.App.Dir, Workspace: a.ws})
			if err != nil {
				return err
			}
			a.resolver = r
		}
		for start := 0; start < len(misses); start += resolveBatch {
			if err := ctx.Err(); err != nil {
				return err
			}
			batch := misses[start:min(start+resolveBatch, len(misses))]
			res, err := a.resolver.ResolveAll(batch)
			if err != nil {
				return err
			}
			for k, req := range batch {
				a.cache[req] = res[k]
			}
		}
	}
	for k, m := range g.Modules {
		mr, ok := a.byModule[m.Path]
		if !ok || mr.key != keys[k] || mr.gen != a.gen {
			dir := filepath.Dir(m.Path)
			mr = moduleResolution{key: keys[k], gen: a.gen, res: make([]resolve.Result, len(m.Sum.Imports))}
			for i, imp := range m.Sum.Imports {
				if !imp.TypeOnly || imp.Unused {
					mr.res[i] = a.cache[resolve.Request{Dir: dir, Spec: imp.Spec}]
				}
			}
			a.byModule[m.Path] = mr
		}
		for i, e := range m.Edges {
			if e.Import.TypeOnly && !e.Import.Unused {
				continue
			}
			g.connect(e, mr.res[i])
		}
	}
	return nil
}

// appFor returns the app's resolution state, starting afresh when its
// workspace packages or the config files resolution reads have changed.
func (s *Session) appFor(app *project.App) *appState {
	var ws map[string]string
	if app.Workspace != nil {
		ws = app.Workspace.Packages
	}
	stamps := configStamps(app)
	a := s.apps[app.Dir]
	if a != nil && (!mapsEqual(a.ws, ws) || !mapsEqual(a.stamps, stamps)) {
		a.close()
		a = nil
	}
	if a == nil {
		a = &appState{ws: ws, stamps: stamps, cache: map[resolve.Request]resolve.Result{},
			byModule: map[string]moduleResolution{}, rel: map[string]string{}}
		s.apps[app.Dir] = a
	}
	return a
}

// configStamps stats the files whose content steers resolution for app:
// its own package.json, tsconfig and jsconfig, the workspace root's, and
// the workspace packages' package.json.
func configStamps(app *project.App) map[string]stamp {
	out := map[string]stamp{}
	add := func(p string) {
		fi, err := os.Stat(p)
		switch {
		case err == nil:
			out[p] = stamp{mod: fi.ModTime(), size: fi.Size(), ok: true}
		case errors.Is(err, os.ErrNotExist):
			out[p] = stamp{}
		}
	}
	for _, p := range app.ConfigFiles {
		if resolutionConfig(filepath.Base(p)) {
			add(p)
		}
	}
	if ws := app.Workspace; ws != nil {
		if ws.Root != app.Dir {
			for _, name := range []string{"package.json", "tsconfig.json", "tsconfig.base.json"} {
				add(filepath.Join(ws.Root, name))
			}
		}
		// Their exports and sideEffects fields.
		for _, dir := range ws.Packages {
			add(filepath.Join(dir, "package.json"))
		}
	}
	return out
}

func mapsEqual[V comparable](a, b map[string]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// Verify compares the files the session holds with the disk (size and
// modification time) and returns those that changed or are gone, without
// forgetting them: the caller reports them through Changed. A language
// server whose client does not watch files runs it between analyses, so
// that the analysis itself can trust the session (TrustChanges). A
// cancelled ctx stops it early with what it found so far.
func (s *Session) Verify(ctx context.Context) (modified, deleted []string) {
	type item struct {
		path string
		mod  time.Time
		size int64
	}
	s.mu.Lock()
	items := make([]item, 0, len(s.files))
	for p, st := range s.files {
		if !st.overlay {
			items = append(items, item{p, st.mod, st.size})
		}
	}
	s.mu.Unlock()
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := make(chan item, len(items))
	for _, it := range items {
		next <- it
	}
	close(next)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range next {
				if ctx.Err() != nil {
					return
				}
				fi, err := os.Stat(it.path)
				switch {
				case errors.Is(err, os.ErrNotExist):
					mu.Lock()
					deleted = append(deleted, it.path)
					mu.Unlock()
				case err != nil || !fi.ModTime().Equal(it.mod) || fi.Size() != it.size:
					mu.Lock()
					modified = append(modified, it.path)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	slices.Sort(modified)
	slices.Sort(deleted)
	return modified, deleted
}
