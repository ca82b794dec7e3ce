package ssrgraph

import (
	"sort"

	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// The inner graph: which top-level statements of a module can run in an
// environment. A module in a bundle is not all live code: a function that
// no used export reaches, and that no statement with side effects calls, is
// never run there (webpack's inner graph drops it in production, terser the
// code; in development it is bundled and never called). So a module that is
// in the browser bundle only because a barrel or a kept importer pulls it in
// may hold server-only code that never runs in the browser.
//
// Per module and environment this tracks the exports used — all of them for
// entries, client references ("use client" modules imported by server code),
// require(), import() and namespace imports — and, from them, the live
// statements: those with side effects, those defining a used export, and
// those a live statement mentions (syntax.Decl.Uses, resolved when the file
// is parsed). In the browser, also the components a live statement renders
// only there (Decl.BrowserUses: behind a typeof-window check or a mounted
// flag); the server renders never reach those, so for the server-side
// environments "live" means "can run", not merely "bundled". A live statement that mentions an import binding
// (Decl.Imports) uses that export of the imported module in the
// environments the import leads to (transfer), and a used name of a barrel
// is forwarded through its re-exports. Modules without a statement list
// (syntax errors, CommonJS) count as entirely live.

// inner is one module's inner-graph state.
type inner struct {
	m    *Module
	all  [4]bool // every export used (and every statement live)
	used [4]names
	live [4][]bool
}

type innerCalc struct {
	g    *Graph
	mods map[*Module]*inner
	// defs memoises localNames for the barrels names are forwarded through.
	defs map[*Module]names
	// whole: the environments in which an unmodelled module was visited.
	whole map[*Module]*[4]bool
}

// Runs reports whether the code at byte offset off of m can run in env: m is
// evaluated there and the top-level statement holding off is live. Code
// outside any statement (imports, types) counts as live.
func (g *Graph) Runs(m *Module, off int, env Env) bool {
	if !m.Env.Has(env) {
		return false
	}
	g.innerOnce.Do(g.computeInner)
	in := g.inner[m]
	ei := env.index()
	if in == nil {
		return true
	}
	ds := m.Sum.Decls
	i := sort.Search(len(ds), func(i int) bool { return ds[i].Span.End > off })
	if i == len(ds) || ds[i].Span.Start > off {
		return true
	}
	return in.live[ei] != nil && in.live[ei][i]
}

// RunsIn reports whether the code at off of m can run in any of envs.
func (g *Graph) RunsIn(m *Module, off int, envs Env) bool {
	for _, env := range AllEnvs {
		if envs.Has(env) && g.Runs(m, off, env) {
			return true
		}
	}
	return false
}

func (g *Graph) computeInner() {
	c := &innerCalc{g: g, mods: make(map[*Module]*inner, len(g.Modules)), defs: map[*Module]names{}, whole: map[*Module]*[4]bool{}}
	for _, m := range g.Modules {
		if m.Sum.Decls == nil || !isESM(m) {
			continue
		}
		in := &inner{m: m}
		// live and used are allocated per environment on first use: most
		// modules are evaluated in one or two of the four.
		c.mods[m] = in
	}
	for _, m := range g.Modules {
		for _, env := range AllEnvs {
			if !m.Env.Has(env) {
				continue
			}
			ei := env.index()
			in := c.mods[m]
			if in == nil || m.EntryEnv.Has(env) {
				c.use(m, env, all)
				continue
			}
			for i, d := range m.Sum.Decls {
				if d.Effect {
					c.mark(in, ei, i)
				}
			}
			for _, e := range m.Edges {
				switch e.Import.Kind {
				case syntax.ImportRequire, syntax.ImportDynamic, syntax.ImportNextDynamic:
					c.followOne(e, ei, all)
				}
			}
		}
	}
	g.inner = c.mods
}

// all stands for every export of a module.
const all = "*"

// use records that t's export name (all: every export) is used in the
// environments envs, and makes live what that reaches.
func (c *innerCalc) use(t *Module, envs Env, name string) {
	in := c.mods[t]
	for _, env := range AllEnvs {
		if !envs.Has(env) {
			continue
		}
		ei := env.index()
		if in == nil {
			// Not modelled: everything it imports is used.
			if !t.Env.Has(env) || c.visitedAll(t, ei) {
				continue
			}
			c.useEdges(t, ei)
			continue
		}
		if in.all[ei] {
			continue
		}
		if name == all {
			// Every export: the statements that define one or have side
			// effects, and what they mention. A statement that does
			// neither and that no live statement mentions stays dead.
			in.all[ei] = true
			for i, d := range in.m.Sum.Decls {
				if len(d.Exports) > 0 || d.Effect {
					c.mark(in, ei, i)
				}
			}
			c.useEdges(t, ei)
			continue
		}
		if in.used[ei][name] {
			continue
		}
		if in.used[ei] == nil {
			in.used[ei] = names{}
		}
		in.used[ei][name] = true
		for i, d := range in.m.Sum.Decls {
			for _, x := range d.Exports {
				if x == name {
					c.mark(in, ei, i)
					break
				}
			}
		}
		for _, e := range t.Edges {
			if e.To == nil || e.Import.TypeOnly || e.Import.Kind != syntax.ImportReExport {
				continue
			}
			imp := e.Import
			switch {
			case imp.Star:
				if name != "default" && !c.defined(t, name) {
					c.followOne(e, ei, name)
				}
			default:
				for _, f := range imp.Forwards {
					if f.Local == name {
						c.followOne(e, ei, f.Imported)
					}
				}
			}
		}
	}
}

// defined reports whether t defines the export name itself.
func (c *innerCalc) defined(t *Module, name string) bool {
	d, ok := c.defs[t]
	if !ok {
		d, _ = localNames(t)
		c.defs[t] = d
	}
	return d[name]
}

// isESM reports whether m has import or export syntax: a module without
// any (CommonJS) has exports that cannot be known.
func isESM(m *Module) bool {
	if len(m.Sum.Exports) > 0 {
		return true
	}
	for _, imp := range m.Sum.Imports {
		if imp.Kind == syntax.ImportStatic || imp.Kind == syntax.ImportReExport {
			return true
		}
	}
	return false
}

// visitedAll marks an unmodelled module as fully used in an environment,
// reporting whether it already was.
func (c *innerCalc) visitedAll(t *Module, ei int) bool {
	v := c.whole[t]
	if v == nil {
		v = &[4]bool{}
		c.whole[t] = v
	}
	was := v[ei]
	v[ei] = true
	return was
}

// useEdges uses, in environment ei, everything t imports and re-exports.
func (c *innerCalc) useEdges(t *Module, ei int) {
	for _, e := range t.Edges {
		if e.To == nil || e.Import.TypeOnly {
			continue
		}
		imp := e.Import
		switch imp.Kind {
		case syntax.ImportStatic:
			for _, b := range imp.Bindings {
				c.followOne(e, ei, b.Imported)
			}
		case syntax.ImportReExport:
			if imp.Star {
				c.followOne(e, ei, all)
			}
			for _, f := range imp.Forwards {
				c.followOne(e, ei, f.Imported)
			}
		default:
			c.followOne(e, ei, all)
		}
	}
}

// followOne uses export name of e's target in the environments e leads to
// from its importer's environment ei. Server code importing a "use client"
// module gets a client reference to every export.
func (c *innerCalc) followOne(e *Edge, ei int, name string) {
	if e.To == nil {
		return
	}
	from := AllEnvs[ei]
	if from == Server && e.To.Sum.UseClient {
		name = all
	}
	c.use(e.To, transfer(e, from), name)
}

// mark makes statement i of in live in environment ei, and what it
// mentions.
func (c *innerCalc) mark(in *inner, ei, i int) {
	if in.live[ei] == nil {
		in.live[ei] = make([]bool, len(in.m.Sum.Decls))
	}
	if in.live[ei][i] {
		return
	}
	in.live[ei][i] = true
	d := &in.m.Sum.Decls[i]
	for _, j := range d.Uses {
		c.mark(in, ei, j)
	}
	for _, r := range d.Imports {
		if r.Import < len(in.m.Edges) {
			c.followOne(in.m.Edges[r.Import], ei, r.Imported)
		}
	}
	if ei != browserIndex {
		return // the server renders never reach elements only the browser renders
	}
	for _, j := range d.BrowserUses {
		c.mark(in, ei, j)
	}
	for _, r := range d.BrowserImports {
		if r.Import < len(in.m.Edges) {
			c.followOne(in.m.Edges[r.Import], ei, r.Imported)
		}
	}
}

var browserIndex = Browser.index()
