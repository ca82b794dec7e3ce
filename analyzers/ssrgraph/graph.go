package ssrgraph

import (
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/ssrlint/ssrlint/analyzers/project"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// Graph is the classified import graph of one Next.js app.
type Graph struct {
	App     *project.App
	Fset    *token.FileSet
	Modules []*Module // sorted by Path
	// Problems are files that could not be read or parsed, and similar
	// issues that are not findings.
	Problems []Problem
	byPath   map[string]*Module
	// readFile reads package.json files (overlay-aware in a pass).
	readFile func(string) ([]byte, error)
	entries  func(*Module) (string, Env) // memoised entryKind (Session), or nil
	// inner is the inner graph (inner.go), computed on first use.
	innerOnce sync.Once
	inner     map[*Module]*inner
	prodOnce  sync.Once
}

// Module is one first-party source file.
type Module struct {
	Path string // absolute
	Rel  string // display path: relative to the app dir, or to the workspace root
	File *token.File
	Sum  *syntax.Summary
	// Entry names the kind of Next.js entry this file is ("" if none).
	Entry    string
	EntryEnv Env
	// Env is every environment the module is evaluated in.
	Env Env
	// Edges are parallel to Sum.Imports.
	Edges []*Edge
	// via[i] is the edge by which the module was first reached in AllEnvs[i]
	// (nil for entries and unreached environments).
	via [4]*Edge
	// viaFrom[i] is the importer's environment index that led to AllEnvs[i].
	viaFrom [4]int
	dist    [4]int
	// prodEnv: see Graph.ProdEnv.
	prodEnv Env
	// sef: the module is pruned as free of side effects in the current
	// propagation; sefDecl: its package declares it so; byCode: its
	// package says nothing, so its code decides; sefCode: byCode and its
	// code (transitively) has none (set by codeSideEffects, for ProdEnv).
	sef, sefDecl, sefCode, byCode bool
}

// Edge is one import of a module.
type Edge struct {
	From   *Module
	Import *syntax.Import
	// Exactly one of To and Package is set when the import resolved.
	To      *Module
	Package string
	// File is set when the import resolved to a first-party file that is not
	// a source module (CSS, JSON, images).
	File string
	Err  string
}

// Target is the display name of where the edge leads.
func (e *Edge) Target() string {
	switch {
	case e.To != nil:
		return e.To.Rel
	case e.Package != "":
		return e.Package
	}
	return e.Import.Spec
}

// Module returns the module at an absolute path, or nil.
func (g *Graph) Module(path string) *Module { return g.byPath[path] }

// Pos converts a byte offset in m to a token.Pos.
func (m *Module) Pos(off int) token.Pos {
	if off < 0 {
		off = 0
	}
	if off > m.File.Size() {
		off = m.File.Size()
	}
	return m.File.Pos(off)
}

// Trace returns the edges of the shortest import chain from an entry to m in
// environment env (a single Env). It is empty when m is itself the entry,
// and nil when m is not evaluated in env.
func (g *Graph) Trace(m *Module, env Env) []*Edge {
	if !m.Env.Has(env) {
		return nil
	}
	i := env.index()
	var rev []*Edge
	cur := m
	for steps := 0; cur != nil && cur.via[i] != nil && steps <= len(g.Modules); steps++ {
		e := cur.via[i]
		rev = append(rev, e)
		cur, i = e.From, cur.viaFrom[i]
	}
	out := make([]*Edge, len(rev))
	for k := range rev {
		out[k] = rev[len(rev)-1-k]
	}
	if out == nil {
		out = []*Edge{}
	}
	return out
}

// Root returns the entry module a trace starts from: the first edge's
// importer, or m itself for an empty trace.
func Root(m *Module, trace []*Edge) *Module {
	if len(trace) == 0 {
		return m
	}
	return trace[0].From
}

// transfer says in which environments the target of e is evaluated when its
// importer is evaluated in the single environment from.
func transfer(e *Edge, from Env) Env {
	imp := e.Import
	if imp.TypeOnly {
		return 0
	}
	if e.To != nil && e.To.Sum.UseServer {
		// A client importing a server action gets a reference, not the module.
		if from == Server {
			return Server
		}
		return 0
	}
	if imp.ServerDataOnly && e.From.Entry == EntryPage {
		// Only the page's getServerSideProps/getStaticProps/getStaticPaths
		// use the import: Next removes it from the client build, and it runs
		// with them, on the server.
		if from == Browser {
			return 0
		}
		from = Server
	}
	out := from
	if from == Server && e.To != nil && e.To.Sum.UseClient {
		out = ClientSSR | Browser
	}
	browserOnly := imp.Guarded || imp.Context.BrowserOnly() ||
		(imp.Kind == syntax.ImportNextDynamic && imp.SSRFalse && from != Server)
	if browserOnly {
		if from == Server {
			// Effects and handlers never run in server-only code.
			return 0
		}
		return Browser
	}
	return out
}

// classify finds entries and propagates environments breadth-first, so each
// module keeps the shortest trace from an entry in every environment,
// pruning modules whose package declares them free of side effects.
func (g *Graph) classify() {
	read := g.readFile
	if read == nil {
		read = os.ReadFile
	}
	g.sideEffects(read)
	for _, m := range g.Modules {
		m.Entry, m.EntryEnv = g.entry(m)
		m.sef = m.sefDecl
	}
	g.prune()
}

// ProdEnv is where m's code is in a production bundle: Env minus what
// webpack's production tree shaking also drops, modules free of side effects
// by their code (no package "sideEffects" flag) none of whose exports the
// environment uses. Env keeps them: the development build evaluates them,
// and Next checks every module of the client graph (an import "server-only"
// there fails the build). Computed on first use (one more propagation);
// no rule needs it today — the inner graph (Runs) answers the finer
// question of which code runs — so a run does not pay for it. The
// propagation rewrites every module's Env for a moment: do not call it
// while other goroutines read the graph.
func (g *Graph) ProdEnv(m *Module) Env {
	g.prodOnce.Do(g.computeProdEnv)
	return m.prodEnv
}

func (g *Graph) computeProdEnv() {
	g.codeSideEffects()
	defer func() {
		for _, m := range g.Modules {
			m.sef = m.sefDecl
		}
	}()
	code := false
	for _, m := range g.Modules {
		code = code || m.sefCode
		m.prodEnv = m.Env
	}
	if !code {
		return
	}
	type saved struct {
		env     Env
		via     [4]*Edge
		viaFrom [4]int
		dist    [4]int
	}
	keep := make([]saved, len(g.Modules))
	for i, m := range g.Modules {
		keep[i] = saved{m.Env, m.via, m.viaFrom, m.dist}
		m.sef = m.sefDecl || m.sefCode
	}
	g.prune()
	for i, m := range g.Modules {
		m.prodEnv = m.Env
		m.Env, m.via, m.viaFrom, m.dist = keep[i].env, keep[i].via, keep[i].viaFrom, keep[i].dist
	}
}

// prune propagates with the current sef flags. When some module may be
// pruned, it propagates twice: first with what barrels are asked for by all
// importers, then with what importers in each environment ask for
// (sideeffects.go), which can only remove modules from an environment.
func (g *Graph) prune() {
	pr := g.newPruner()
	g.propagate(pr)
	if pr.any() {
		pr.splitByEnv()
		g.propagate(pr)
	}
}

// propagate runs the breadth-first search from the entries.
func (g *Graph) propagate(pr *pruner) {
	var queue []state
	for _, m := range g.Modules {
		m.Env = 0
		m.via = [4]*Edge{}
		for i := range m.dist {
			m.dist[i] = -1
		}
		if m.EntryEnv == 0 {
			continue
		}
		m.Env |= m.EntryEnv
		for _, e := range AllEnvs {
			if m.EntryEnv.Has(e) {
				m.dist[e.index()] = 0
				queue = append(queue, state{m, e.index()})
			}
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		from := AllEnvs[s.i]
		for _, e0 := range s.m.Edges {
			if e0.To == nil {
				continue
			}
			if !e0.Import.TypeOnly && !e0.To.sef {
				// Kept as it is (pruner.edges's common case, without
				// its memo).
				g.step(&queue, s.m, s.i, from, e0)
				continue
			}
			for _, e := range pr.edges(e0, s.i) {
				g.step(&queue, s.m, s.i, from, e)
			}
		}
	}
}

// step enters e's target in the environments e leads to from the importer's
// environment from (index fi), if not reached before.
func (g *Graph) step(queue *[]state, m *Module, fi int, from Env, e *Edge) {
	out := transfer(e, from)
	for _, to := range AllEnvs {
		if !out.Has(to) {
			continue
		}
		ti := to.index()
		if e.To.dist[ti] >= 0 {
			continue
		}
		e.To.dist[ti] = m.dist[fi] + 1
		e.To.via[ti] = e
		e.To.viaFrom[ti] = fi
		e.To.Env |= to
		*queue = append(*queue, state{e.To, ti})
	}
}

type state struct {
	m *Module
	i int
}

// Entry kinds, as named in messages.
const (
	EntryServerComponent = "Server Component"
	EntryClientPage      = "Client Component page"
	EntryRouteHandler    = "route handler"
	EntryMetadataRoute   = "metadata route"
	EntryMiddleware      = "middleware"
	EntryProxy           = "proxy"
	EntryInstrumentation = "instrumentation"
	EntryInstrClient     = "instrumentation-client"
	EntryServerAction    = `"use server" module`
	EntryPage            = "Pages Router page"
	EntryAPIRoute        = "API route"
	EntryDocument        = "_document"
)

var appFileKinds = map[string]bool{
	"page": true, "layout": true, "template": true, "loading": true, "not-found": true, "default": true,
	"error": true, "global-error": true, "forbidden": true, "unauthorized": true, "global-not-found": true,
}

var metadataFiles = map[string]bool{
	"sitemap": true, "robots": true, "manifest": true, "opengraph-image": true, "twitter-image": true,
	"icon": true, "apple-icon": true,
}

// entryKind classifies a file by Next.js's conventions (ssr-facts §1).
func (g *Graph) entryKind(m *Module) (string, Env) {
	app := g.App
	ext := strings.TrimPrefix(filepath.Ext(m.Path), ".")
	isPageExt := false
	for _, pe := range app.PageExtensions {
		if strings.HasSuffix(filepath.Base(m.Path), "."+pe) {
			isPageExt = true
			ext = pe
			break
		}
	}
	base := strings.TrimSuffix(filepath.Base(m.Path), "."+ext)
	clientOr := func(kind string) (string, Env) {
		if m.Sum.UseClient {
			return EntryClientPage, ClientSSR | Browser
		}
		return kind, Server
	}
	if isPageExt {
		for _, root := range []string{app.Dir, filepath.Join(app.Dir, "src")} {
			if filepath.Dir(m.Path) != root {
				continue
			}
			switch base {
			case "middleware":
				return EntryMiddleware, Server
			case "proxy":
				return EntryProxy, Server
			case "instrumentation":
				return EntryInstrumentation, Server
			case "instrumentation-client":
				return EntryInstrClient, Browser
			}
		}
		for _, dir := range app.AppDirs {
			rel, ok := under(dir, m.Path)
			if !ok || privateSegment(rel) {
				continue
			}
			switch {
			case appFileKinds[base]:
				return clientOr(EntryServerComponent)
			case base == "route":
				return EntryRouteHandler, Server
			case metadataFiles[trimDigits(base)]:
				return EntryMetadataRoute, Server
			}
		}
		for _, dir := range app.PagesDirs {
			rel, ok := under(dir, m.Path)
			if !ok {
				continue
			}
			switch {
			case rel == "api" || strings.HasPrefix(rel, "api/"):
				return EntryAPIRoute, Server
			case strings.TrimSuffix(rel, "."+ext) == "_document":
				return EntryDocument, Server
			default:
				return EntryPage, PagesSSR | Browser
			}
		}
	}
	if m.Sum.UseServer {
		return EntryServerAction, Server
	}
	return "", 0
}

func trimDigits(s string) string { return strings.TrimRight(s, "0123456789") }

// under returns p relative to dir (slash-separated) when p is inside dir.
func under(dir, p string) (string, bool) {
	rel, err := filepath.Rel(dir, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// privateSegment reports an App Router private folder (_components) on the
// way to the file: those are opted out of routing.
func privateSegment(rel string) bool {
	parts := strings.Split(rel, "/")
	for _, p := range parts[:len(parts)-1] {
		if strings.HasPrefix(p, "_") {
			return true
		}
	}
	return false
}

func (g *Graph) sortModules() {
	sort.Slice(g.Modules, func(i, j int) bool { return g.Modules[i].Path < g.Modules[j].Path })
}
