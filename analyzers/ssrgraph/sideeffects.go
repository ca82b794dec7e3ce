package ssrgraph

import (
	"encoding/json"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// Bundlers skip modules that are free of side effects when nothing they
// define is used: a name imported through a side-effect-free barrel
// (`export * from "./log"`) comes straight from the module that defines it,
// and the barrel's other re-exports are never evaluated. Without this, one
// `import { cn } from "@acme/utils"` in a client component would pull every
// module of the utils package into the browser bundle on paper. A module is
// free of side effects when its package declares it so (package.json
// "sideEffects": false, or a list of the files that do have them), which
// webpack honours in every build and so Env models; or, when the package
// says nothing, when its top-level code has none, transitively (syntax's
// Summary.Pure), which only production builds use and so only ProdEnv
// models. Each bundle is tree-shaken on its own, so the names a barrel is
// asked for are tracked per environment: a propagation first uses the
// union over all importers, then what importers evaluated in each
// environment ask for, and propagates again (which can only remove).

// names is a set of export names; "*" stands for all of them.
type names map[string]bool

func (n names) all() bool { return n["*"] }

// sideEffects records, per module, whether its package declares it free of
// side effects, reading each package.json once.
func (g *Graph) sideEffects(read func(string) ([]byte, error)) {
	type pkg struct {
		dir      string
		declared bool // the package.json has a "sideEffects" field
		free     bool
		patterns []string // files that have side effects, when a list
		list     bool
	}
	byDir := map[string]*pkg{}
	var find func(dir string) *pkg
	find = func(dir string) *pkg {
		if p, ok := byDir[dir]; ok {
			return p
		}
		var p *pkg
		if data, err := read(filepath.Join(dir, "package.json")); err == nil {
			p = &pkg{dir: dir}
			var pj struct {
				SideEffects json.RawMessage `json:"sideEffects"`
			}
			if json.Unmarshal(data, &pj) == nil && len(pj.SideEffects) > 0 {
				var b bool
				var list []string
				switch {
				case json.Unmarshal(pj.SideEffects, &b) == nil:
					p.declared, p.free = true, !b
				case json.Unmarshal(pj.SideEffects, &list) == nil:
					p.declared, p.free, p.list, p.patterns = true, true, true, list
				}
			}
		} else if parent := filepath.Dir(dir); parent != dir && !strings.HasSuffix(dir, string(filepath.Separator)+"node_modules") {
			p = find(parent)
		}
		byDir[dir] = p
		return p
	}
	for _, m := range g.Modules {
		m.sefDecl, m.byCode = false, false
		p := find(filepath.Dir(m.Path))
		if p == nil || !p.declared {
			// The package says nothing: the code decides (ProdEnv only).
			m.byCode = true
			continue
		}
		if !p.free {
			continue
		}
		m.sefDecl = true
		if p.list {
			rel, _ := filepath.Rel(p.dir, m.Path)
			if hasSideEffects(filepath.ToSlash(rel), p.patterns) {
				m.sefDecl = false
			}
		}
	}
}

// codeSideEffects sets sefCode on the modules judged by their code: free of
// side effects when their own top level is (syntax's Summary.Pure) and
// nothing they import has any. Only ProdEnv needs it.
func (g *Graph) codeSideEffects() {
	byCode := map[*Module]bool{}
	for _, m := range g.Modules {
		m.sef = m.sefDecl
		if m.byCode {
			m.sef = m.Sum.Pure
			byCode[m] = true
		}
	}
	codeSideEffects(g.Modules, byCode)
	for _, m := range g.Modules {
		m.sefCode = m.byCode && m.sef
	}
}

// codeSideEffects clears sef on the modules judged by their code (byCode)
// that import something with side effects. Unlike a package's declaration,
// which webpack takes as it is, code analysis is transitive: a module whose
// own top level is pure but which imports a module with side effects has
// them too (webpack's NormalModule.getSideEffectsConnectionState; an import
// cycle among pure modules does not count). Packages are taken to have side
// effects (their package.json is not read here; CommonJS ones always do),
// as are stylesheets, unresolved imports and require().
func codeSideEffects(mods []*Module, byCode map[*Module]bool) {
	for changed := true; changed; {
		changed = false
		for _, m := range mods {
			if !m.sef || !byCode[m] {
				continue
			}
			for _, e := range m.Edges {
				if importHasEffects(e) {
					m.sef = false
					changed = true
					break
				}
			}
		}
	}
}

// importHasEffects reports whether evaluating e's target may have side
// effects, for a module judged by its code.
func importHasEffects(e *Edge) bool {
	imp := e.Import
	switch {
	case imp.TypeOnly, imp.Kind == syntax.ImportDynamic, imp.Kind == syntax.ImportNextDynamic:
		// Erased, or loaded later as a separate chunk.
		return false
	case imp.Kind == syntax.ImportRequire:
		return true
	case e.To != nil:
		return !e.To.sef
	case e.File != "":
		switch strings.ToLower(filepath.Ext(e.File)) {
		case ".css", ".scss", ".sass", ".less":
			return true
		}
		return false
	}
	return true
}

// hasSideEffects matches a file against package.json "sideEffects"
// patterns: a pattern without a slash matches the base name anywhere (as
// webpack reads it), others the path from the package root.
func hasSideEffects(rel string, patterns []string) bool {
	for _, pat := range patterns {
		pat = strings.TrimPrefix(pat, "./")
		target := rel
		if !strings.Contains(pat, "/") {
			target = path.Base(rel)
		}
		if ok, _ := path.Match(pat, target); ok {
			return true
		}
		if strings.HasPrefix(pat, "**/") {
			if ok, _ := path.Match(strings.TrimPrefix(pat, "**/"), path.Base(rel)); ok {
				return true
			}
		}
	}
	return false
}

// localNames are the names m defines itself; esm is false for a module with
// no import or export syntax (CommonJS), whose exports cannot be known.
func localNames(m *Module) (defs names, esm bool) {
	defs = names{}
	for _, x := range m.Sum.Exports {
		if !x.ReExport {
			defs[x.Name] = true
		}
	}
	return defs, isESM(m)
}

// forwarded says which names of e's target a re-export edge passes on when
// its module is asked for want.
func (p *pruner) forwarded(e *Edge, want names) names {
	imp := e.Import
	out := names{}
	if imp.Star {
		if want.all() {
			out["*"] = true
			return out
		}
		defs := p.defs[e.From]
		for n := range want {
			if n != "default" && !defs[n] {
				out[n] = true
			}
		}
		return out
	}
	for _, f := range imp.Forwards {
		if want.all() || want[f.Local] {
			out[f.Imported] = true
		}
	}
	return out
}

// edgeNames is what an edge asks of its target: the imported names, or all
// of them for a namespace import, require or import(); want is what the
// importer is asked for (for re-exports).
func (p *pruner) edgeNames(e *Edge, want names) names {
	imp := e.Import
	switch imp.Kind {
	case syntax.ImportReExport:
		return p.forwarded(e, want)
	case syntax.ImportStatic:
		out := names{}
		for _, b := range imp.Bindings {
			out[b.Imported] = true
		}
		return out
	}
	return names{"*": true}
}

// pruner decides which edges a bundler keeps.
type pruner struct {
	g *Graph
	// req is what each barrel is asked for by any importer; perEnv, once
	// set, what importers evaluated in each environment (AllEnvs order)
	// ask for, which edges then uses instead.
	req    map[*Module]names
	perEnv *[4]map[*Module]names
	defs   map[*Module]names
	esm    map[*Module]bool
	barrel map[*Module]bool
	// effective memoises each edge's replacement edges, per environment
	// index (-1 while req is used).
	effective map[effKey][]*Edge
	walks     map[memoKey][]*Module
}

type effKey struct {
	e   *Edge
	env int
}

func (g *Graph) newPruner() *pruner {
	edges := 0
	for _, m := range g.Modules {
		edges += len(m.Edges)
	}
	p := &pruner{g: g, req: map[*Module]names{}, defs: make(map[*Module]names, len(g.Modules)), esm: make(map[*Module]bool, len(g.Modules)), barrel: map[*Module]bool{}, effective: make(map[effKey][]*Edge, 2*edges), walks: map[memoKey][]*Module{}}
	for _, m := range g.Modules {
		p.defs[m], p.esm[m] = localNames(m)
		for _, e := range m.Edges {
			if e.To != nil && !e.Import.TypeOnly && e.Import.Kind == syntax.ImportReExport {
				p.barrel[m] = true
				break
			}
		}
	}
	p.requested()
	return p
}

// any reports whether some module may be pruned at all.
func (p *pruner) any() bool {
	for _, m := range p.g.Modules {
		if m.sef {
			return true
		}
	}
	return false
}

// reqOf is what m is asked for in the environment with index env.
func (p *pruner) reqOf(m *Module, env int) names {
	if p.perEnv == nil || env < 0 {
		return p.req[m]
	}
	return p.perEnv[env][m]
}

// splitByEnv computes, from the environments the last propagation found,
// what each barrel is asked for per environment: by the imports of modules
// evaluated there, carried through transfer as the propagation does, and
// forwarded through re-exports. A name only server code imports from a
// barrel then no longer keeps the module defining it in the browser bundle.
func (p *pruner) splitByEnv() {
	var per [4]map[*Module]names
	for i := range per {
		per[i] = map[*Module]names{}
	}
	type item struct {
		m   *Module
		env int
	}
	var work []item
	pending := map[item]names{}
	add := func(t *Module, to Env, n names) {
		if !p.barrel[t] {
			return
		}
		for _, e := range AllEnvs {
			if !to.Has(e) {
				continue
			}
			i := e.index()
			r := per[i][t]
			if r == nil {
				r = names{}
				per[i][t] = r
			}
			for k := range n {
				if r[k] {
					continue
				}
				r[k] = true
				it := item{t, i}
				d := pending[it]
				if d == nil {
					d = names{}
					pending[it] = d
					work = append(work, it)
				}
				d[k] = true
			}
		}
	}
	for _, m := range p.g.Modules {
		for _, env := range AllEnvs {
			if !m.Env.Has(env) {
				continue
			}
			for _, e := range m.Edges {
				if e.To != nil && p.barrel[e.To] && !e.Import.TypeOnly && e.Import.Kind != syntax.ImportReExport {
					add(e.To, transfer(e, env), p.edgeNames(e, nil))
				}
			}
		}
		if m.EntryEnv != 0 {
			add(m, m.EntryEnv, names{"*": true})
		}
	}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		delta := pending[it]
		delete(pending, it)
		for _, e := range it.m.Edges {
			if e.To != nil && !e.Import.TypeOnly && e.Import.Kind == syntax.ImportReExport {
				if n := p.forwarded(e, delta); len(n) > 0 {
					add(e.To, transfer(e, AllEnvs[it.env]), n)
				}
			}
		}
	}
	p.perEnv = &per
}

// requested computes, to a fixpoint, the names each module is asked for by
// any importer.
func (p *pruner) requested() {
	// Only the names a module gained since it was last processed are
	// forwarded (forwarded distributes over union), so each name crosses
	// each re-export edge once.
	// Only barrels' requests are ever read (to forward them, and by edges):
	// other modules are not tracked.
	barrel := p.barrel
	var work []*Module
	pending := map[*Module]names{}
	add := func(t *Module, n names) {
		if !barrel[t] {
			return
		}
		r := p.req[t]
		if r == nil {
			r = names{}
			p.req[t] = r
		}
		for k := range n {
			if !r[k] {
				r[k] = true
				d := pending[t]
				if d == nil {
					d = names{}
					pending[t] = d
					work = append(work, t)
				}
				d[k] = true
			}
		}
	}
	for _, m := range p.g.Modules {
		for _, e := range m.Edges {
			if e.To != nil && barrel[e.To] && !e.Import.TypeOnly && e.Import.Kind != syntax.ImportReExport {
				add(e.To, p.edgeNames(e, nil))
			}
		}
	}
	// Entries are asked for everything Next uses of them.
	for _, m := range p.g.Modules {
		if m.EntryEnv != 0 {
			add(m, names{"*": true})
		}
	}
	for len(work) > 0 {
		m := work[len(work)-1]
		work = work[:len(work)-1]
		delta := pending[m]
		delete(pending, m)
		for _, e := range m.Edges {
			if e.To != nil && !e.Import.TypeOnly && e.Import.Kind == syntax.ImportReExport {
				if n := p.forwarded(e, delta); len(n) > 0 {
					add(e.To, n)
				}
			}
		}
	}
}

// live reports whether the bundler keeps the edge into a module asked for n.
func (p *pruner) live(t *Module, n names) bool {
	if !t.sef || !p.esm[t] || n.all() {
		return true
	}
	for k := range n {
		if p.defs[t][k] {
			return true
		}
	}
	for _, e := range t.Edges {
		if e.Import.TypeOnly {
			continue
		}
		switch {
		case e.To == nil && e.Package != "" && e.Import.Kind == syntax.ImportReExport && len(p.forwarded(e, n)) > 0:
			// A re-export of a package keeps the barrel: the package is
			// evaluated through it.
			return true
		case e.Import.SideEffectOnly && (e.Package != "" || e.To != nil && !e.To.sef):
			// Erring towards inclusion: a module imported for its side
			// effects (a polyfill) is evaluated with the barrel.
			return true
		}
	}
	return false
}

// edges returns what e amounts to after pruning: e itself, nothing, or
// — through a side-effect-free barrel nothing of which is used itself —
// synthetic edges from e's importer (at e's import statement) straight to
// the modules that define the imported names.
// env is the importer's environment index (-1 for the union).
func (p *pruner) edges(e *Edge, env int) []*Edge {
	if p.perEnv == nil || e.Import.Kind != syntax.ImportReExport {
		// Only a re-export asks its target for what its own importers
		// ask of it, which differs by environment; an import asks for
		// its bindings everywhere, so one result serves every
		// environment and both propagations.
		env = -1
	}
	key := effKey{e, env}
	if r, ok := p.effective[key]; ok {
		return r
	}
	if e.To != nil && !e.Import.TypeOnly && !e.To.sef {
		// The common case, without the walk: live keeps every edge into a
		// module that may have side effects.
		out := []*Edge{e}
		p.effective[key] = out
		return out
	}
	var out []*Edge
	if e.To != nil && !e.Import.TypeOnly {
		for _, t := range p.targets(e.To, p.edgeNames(e, p.reqOf(e.From, env))) {
			if t == e.To {
				out = append(out, e)
			} else {
				out = append(out, &Edge{From: e.From, Import: e.Import, To: t})
			}
		}
	}
	p.effective[key] = out
	return out
}

// targets returns the modules a bundler evaluates when t is asked for n:
// t itself if it is live, otherwise, through its re-exports, the modules
// that define the names. Memoised by (t, n): many importers ask a barrel
// for the same names.
func (p *pruner) targets(t *Module, n names) []*Module {
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	key := memoKey{t, strings.Join(keys, "\x00")}
	if r, ok := p.walks[key]; ok {
		return r
	}
	var out []*Module
	seen := map[*Module]bool{}
	var walk func(t *Module, n names, depth int)
	walk = func(t *Module, n names, depth int) {
		if p.live(t, n) {
			out = append(out, t)
			return
		}
		if seen[t] || depth > 64 {
			return
		}
		seen[t] = true
		var star names // what every `export *` of t passes on: the same for all
		for _, e2 := range t.Edges {
			if e2.To == nil || e2.Import.TypeOnly || e2.Import.Kind != syntax.ImportReExport {
				continue
			}
			var fwd names
			if e2.Import.Star {
				if star == nil {
					star = p.forwarded(e2, n)
				}
				fwd = star
			} else {
				fwd = p.forwarded(e2, n)
			}
			if len(fwd) > 0 {
				walk(e2.To, fwd, depth+1)
			}
		}
	}
	walk(t, n, 0)
	p.walks[key] = out
	return out
}

type memoKey struct {
	t     *Module
	names string
}
