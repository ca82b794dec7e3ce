// Package bench measures ssrlint on a generated monorepo: tree-sitter
// parsing alone against a full cold run and a warm (disk-cached) run.
//
// Generate writes the monorepo: a pnpm workspace with three Next.js apps
// (App Router everywhere, a Pages Router in one) and four shared packages,
// imported by relative path, by the `@/` alias and by workspace package
// name. The code follows the patterns of the SignalWire SSR guide, so the
// only findings are the handful of mistakes seeded on purpose (see
// seededMistakes).
package bench

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// DefaultModules is the size of the monorepo the benchmarks use.
const DefaultModules = 5000

// MinModules is the smallest monorepo Generate writes: the fixed files
// (configs, root layouts, the seeded mistakes) plus a few of every kind.
const MinModules = 300

// mistake is a seeded error: the rule that must report it, on which file
// (slash-separated, relative to the generated root).
type mistake struct {
	Rule string
	Path string
}

// seededMistakes are the only findings a correct ssrlint reports on a
// generated monorepo, whatever its size and seed.
var seededMistakes = []mistake{
	// A Server Component page imports a plain lib that imports the SDK.
	{Rule: "serverimport", Path: "apps/web/src/lib/telephony/call-session.ts"},
	// A "use client" module reads window at module scope.
	{Rule: "moduleglobal", Path: "apps/web/src/components/layout/viewport-banner.tsx"},
	// A client component imports the web components statically.
	{Rule: "effectimport", Path: "apps/docs/src/components/call-widget-embed.tsx"},
}

type kind int

const (
	kUtil      kind = iota // exported functions
	kTypes                 // interfaces and type aliases only
	kComponent             // Server-safe presentational component
	kClient                // "use client" component with hooks and handlers
	kHook                  // React hook (imported by client code)
	kServerLib             // `import "server-only"` data access
	kAction                // "use server" module
	kSDK                   // "use client" component using @signalwire/js in effects
	kLoader                // "use client" component loading the SDK browser-only
	kBarrel                // re-exports
	// Framework files; none of them is imported by other modules.
	kPage
	kLayout
	kLoading
	kError
	kNotFound
	kRoute
	kPagesPage
	kPagesAPI
	kFixed // rendered by a dedicated function (configs, seeded files, ...)
)

// importable kinds in the order they are created: a module only imports
// modules created before it, so the graph is a DAG and taint is known.
var layerOrder = []kind{kTypes, kUtil, kHook, kComponent, kClient, kSDK, kLoader, kBarrel, kServerLib, kAction}

type unit struct {
	name   string // package.json name
	dir    string // relative to the root, slash-separated
	src    string // "src/" or ""
	app    bool
	order  int // packages may import packages of lower order
	barrel *module
	// areaBarrels are re-exported as "./<area>" by a package.
	areaBarrels []*module
	byKind      map[kind][]*module
	mods        []*module
	areas       []string
	segs        map[string]bool // App Router segment paths in use
}

type module struct {
	u    *unit
	path string // relative to u.dir
	kind kind
	// values and types are the exported names; values[0] is the main one.
	values     []string
	types      []string
	hasDefault bool
	area       string
	imports    []*edge
	reexports  []*module // barrels
	tainted    bool      // statically reaches @signalwire/js
	private    bool      // never chosen as a random import target
	render     func(*module) string
	// sdkDirect: the module value-imports @signalwire/js itself.
	sdkDirect bool
	// pagesSafe: the module is reached from the Pages Router, so it must
	// not statically reach the SDK.
	pagesSafe bool
}

// How an edge is written.
const (
	static     = iota
	effect     // import() inside useEffect
	dynNoSSR   // next/dynamic(() => import(...), { ssr: false })
	dynWithSSR // next/dynamic(() => import(...))
)

type edge struct {
	to       *module
	via      []*module // the modules whose exports are bound (to, or what the barrel re-exports)
	typeOnly bool
	how      int
}

type gen struct {
	r     *rand.Rand
	root  string
	used  map[string]bool // exported identifiers, unique across the monorepo
	units []*unit
	mods  []*module
	files []fileOut
}

type fileOut struct {
	path string
	data string
}

// Generate writes a synthetic pnpm monorepo of Next.js apps with exactly
// modules TypeScript/TSX source files under dir, which must not exist or be
// empty. The same modules and seed always produce the same bytes.
func Generate(dir string, modules int, seed int64) error {
	if modules < MinModules {
		return fmt.Errorf("generating %d modules: at least %d are needed", modules, MinModules)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("generating into %s: directory is not empty", dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("generating into %s: %w", dir, err)
	}
	g := &gen{r: rand.New(rand.NewPCG(uint64(seed), 0x55724c696e74)), root: dir, used: map[string]bool{}}
	g.plan(modules)
	n := 0
	for _, m := range g.mods {
		g.files = append(g.files, fileOut{path.Join(m.u.dir, m.path), m.render(m)})
		n++
	}
	if n != modules {
		return fmt.Errorf("generator bug: planned %d modules, want %d", n, modules)
	}
	g.configFiles()
	for _, f := range g.files {
		p := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("generating %s: %w", f.path, err)
		}
		if err := os.WriteFile(p, []byte(f.data), 0o644); err != nil {
			return fmt.Errorf("generating %s: %w", f.path, err)
		}
	}
	return nil
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + g.r.IntN(hi-lo+1)
}

// share is a unit's part of the flexible budget, and its kinds' parts.
type share struct {
	u      *unit
	part   float64
	kinds  map[kind]float64
	routes float64     // App Router files
	pages  float64     // Pages Router files (incl. its components)
	fixed  func(*unit) // adds the unit's fixed modules
}

func (g *gen) plan(total int) {
	utils := g.newUnit("@acme/utils", "packages/utils", false, 0)
	api := g.newUnit("@acme/api", "packages/api", false, 1)
	ui := g.newUnit("@acme/ui", "packages/ui", false, 2)
	sw := g.newUnit("@acme/signalwire", "packages/signalwire", false, 3)
	web := g.newUnit("@acme/web", "apps/web", true, 4)
	admin := g.newUnit("@acme/admin", "apps/admin", true, 5)
	admin.src = ""
	docs := g.newUnit("@acme/docs", "apps/docs", true, 6)
	for _, u := range []*unit{web, admin, docs} {
		reserveSegments(u)
	}

	shares := []*share{
		{u: utils, part: 0.10, kinds: map[kind]float64{kTypes: .25, kUtil: .70, kBarrel: .05}, fixed: g.packageFixed},
		{u: api, part: 0.06, kinds: map[kind]float64{kTypes: .35, kUtil: .60, kBarrel: .05}, fixed: g.packageFixed},
		{u: ui, part: 0.16, kinds: map[kind]float64{kTypes: .05, kUtil: .07, kHook: .13, kComponent: .40, kClient: .30, kBarrel: .05}, fixed: g.packageFixed},
		{u: sw, part: 0.025, kinds: map[kind]float64{kTypes: .10, kUtil: .10, kSDK: .50, kLoader: .30}, fixed: g.signalwireFixed},
		{u: web, part: 0.33, routes: .36, kinds: map[kind]float64{kComponent: .16, kClient: .17, kHook: .06, kUtil: .06, kTypes: .05, kServerLib: .06, kAction: .03, kSDK: .02, kLoader: .01, kBarrel: .02}, fixed: g.webFixed},
		{u: admin, part: 0.21, routes: .22, pages: .14, kinds: map[kind]float64{kComponent: .16, kClient: .15, kHook: .06, kUtil: .06, kTypes: .05, kServerLib: .07, kAction: .03, kSDK: .03, kLoader: .01, kBarrel: .02}, fixed: g.adminFixed},
		{u: docs, part: 0.115, routes: .40, kinds: map[kind]float64{kComponent: .22, kClient: .12, kHook: .04, kUtil: .08, kTypes: .05, kServerLib: .06, kBarrel: .03}, fixed: g.docsFixed},
	}
	// Fixed modules are declared first (they are created last, see below),
	// so that the flexible budget is what is left.
	fixedCount := map[*unit]int{}
	var fixedTotal int
	for _, s := range shares {
		fixedCount[s.u] = g.fixedCount(s.u)
		fixedTotal += fixedCount[s.u]
	}
	flex := total - fixedTotal
	budgets := make([]int, len(shares))
	left := flex
	for i, s := range shares {
		budgets[i] = int(float64(flex) * s.part)
		left -= budgets[i]
	}
	budgets[4] += left // the main app absorbs rounding

	for i, s := range shares {
		g.fillUnit(s, budgets[i])
	}
}

func (g *gen) newUnit(name, dir string, app bool, order int) *unit {
	u := &unit{name: name, dir: dir, src: "src/", app: app, order: order, byKind: map[kind][]*module{}, segs: map[string]bool{}}
	g.units = append(g.units, u)
	return u
}

// fixedCount is the number of fixed source files of a unit; the fixed
// functions below must create exactly that many.
func (g *gen) fixedCount(u *unit) int {
	switch u.dir {
	case "packages/signalwire":
		return 2
	case "apps/web":
		return 13
	case "apps/admin":
		return 9
	case "apps/docs":
		return 5
	}
	return 1
}

// fillUnit creates a unit's modules: importable kinds layer by layer, then
// routes, then the fixed files (which import from everything before them).
func (g *gen) fillUnit(s *share, budget int) {
	u := s.u
	counts := map[kind]int{}
	routes := int(float64(budget) * s.routes)
	pages := int(float64(budget) * s.pages)
	left := budget - routes - pages
	rest := left
	for _, k := range layerOrder {
		counts[k] = int(float64(left) * s.kinds[k])
		rest -= counts[k]
	}
	counts[kUtil] += rest
	// Components live in areas; a barrel needs an area with something in it.
	nComp := counts[kComponent] + counts[kClient]
	nAreas := max(1, (nComp+9)/10)
	if u.dir == "packages/utils" || u.dir == "packages/api" {
		nAreas = max(1, (counts[kUtil]+11)/12)
	}
	for i := 0; i < nAreas; i++ {
		a := areas[i%len(areas)]
		if i >= len(areas) {
			a = fmt.Sprintf("%s-%d", a, i/len(areas)+1)
		}
		u.areas = append(u.areas, a)
	}
	if counts[kBarrel] > nAreas {
		counts[kUtil] += counts[kBarrel] - nAreas
		counts[kBarrel] = nAreas
	}
	before := len(g.mods)
	for _, k := range layerOrder {
		for i := 0; i < counts[k]; i++ {
			if k == kBarrel {
				g.areaBarrel(u, u.areas[i])
				continue
			}
			g.newModule(u, k)
		}
	}
	if routes > 0 {
		g.appRoutes(u, routes)
	}
	if pages > 0 {
		g.pagesRouter(u, pages)
	}
	s.fixed(u)
	if got, want := len(g.mods)-before, budget+g.fixedCount(u); got != want {
		panic(fmt.Sprintf("bench: unit %s has %d modules, planned %d", u.name, got, want))
	}
}

// exportName reserves a monorepo-unique identifier built by mk.
func (g *gen) exportName(mk func() string) string {
	for try := 0; ; try++ {
		n := mk()
		if try > 8 {
			for i := 2; ; i++ {
				if c := fmt.Sprintf("%s%d", n, i); !g.used[c] {
					n = c
					break
				}
			}
		}
		if !g.used[n] {
			g.used[n] = true
			return n
		}
	}
}

func (g *gen) compound() string {
	if g.chance(0.5) {
		return pick(g.r, qualifiers) + "-" + pick(g.r, nouns)
	}
	return pick(g.r, nouns) + "-" + pick(g.r, nouns)
}

// newModule creates an importable module of kind k in u, with its imports.
func (g *gen) newModule(u *unit, k kind) *module {
	m := &module{u: u, kind: k}
	switch k {
	case kComponent, kClient, kSDK, kLoader:
		name := g.exportName(func() string { return pascal(g.compound()) + pick(g.r, componentSuffixes) })
		m.values = []string{name}
		m.types = []string{name + "Props"}
		m.hasDefault = g.chance(0.3)
		m.area = pick(g.r, u.areas)
		dir := "components/" + m.area
		if k == kSDK || k == kLoader {
			dir = "components/calls"
			if !u.app {
				dir = "components"
			}
		}
		m.path = u.src + dir + "/" + kebab(name) + ".tsx"
	case kHook:
		name := g.exportName(func() string { return "use" + pascal(g.compound()) })
		m.values = []string{name}
		m.types = []string{title(name) + "Result"}
		m.path = u.src + "hooks/" + kebab(name) + ".ts"
	case kUtil:
		base := g.exportName(func() string { return pascal(g.compound()) })
		verbs := append([]string(nil), utilVerbs...)
		g.r.Shuffle(len(verbs), func(i, j int) { verbs[i], verbs[j] = verbs[j], verbs[i] })
		for _, v := range verbs[:g.between(2, 4)] {
			m.values = append(m.values, v+base)
		}
		m.types = []string{base + "Options"}
		dir := "lib/"
		if len(u.areas) > 0 && (u.dir == "packages/utils" || u.dir == "packages/api") {
			m.area = pick(g.r, u.areas)
			dir += m.area + "/"
		} else if g.chance(0.4) {
			dir += pick(g.r, []string{"format", "dates", "validation", "analytics", "strings"}) + "/"
		}
		m.path = u.src + dir + kebab(base) + ".ts"
	case kTypes:
		base := g.exportName(func() string { return pascal(g.compound()) })
		m.types = []string{base, base + "Status", base + "Filter", base + "Input"}
		m.path = u.src + "types/" + kebab(base) + ".ts"
	case kServerLib:
		base := g.exportName(func() string { return pascal(g.compound()) })
		verbs := append([]string(nil), loaderVerbs...)
		g.r.Shuffle(len(verbs), func(i, j int) { verbs[i], verbs[j] = verbs[j], verbs[i] })
		for _, v := range verbs[:g.between(2, 3)] {
			m.values = append(m.values, v+base)
		}
		m.types = []string{base + "Record"}
		m.path = u.src + "lib/data/" + kebab(base) + ".ts"
	case kAction:
		base := g.exportName(func() string { return pascal(g.compound()) })
		verbs := append([]string(nil), actionVerbs...)
		g.r.Shuffle(len(verbs), func(i, j int) { verbs[i], verbs[j] = verbs[j], verbs[i] })
		for _, v := range verbs[:g.between(2, 3)] {
			m.values = append(m.values, v+base)
		}
		m.path = u.src + "actions/" + kebab(base) + ".ts"
	}
	if k == kSDK {
		m.sdkDirect, m.tainted = true, true
	}
	g.chooseImports(m, allowed[k], g.importCount(k))
	g.extraEdges(m)
	m.render = g.renderer(k)
	g.add(m)
	return m
}

// extraEdges adds the browser-only and lazy edges: loaders load an SDK
// component with next/dynamic and ssr: false; client components sometimes
// import() a module in an effect or load a heavy sibling with next/dynamic.
func (g *gen) extraEdges(m *module) {
	switch m.kind {
	case kLoader:
		var sdk []*module
		for _, c := range append(append([]*module(nil), m.u.byKind[kSDK]...), g.allSDK()...) {
			if c.u == m.u || !c.u.app {
				sdk = append(sdk, c)
			}
		}
		if len(sdk) > 0 && g.chance(0.5) {
			g.linkHow(m, pick(g.r, sdk), dynNoSSR)
		}
	case kClient:
		if utils := m.u.byKind[kUtil]; len(utils) > 0 && g.chance(0.08) {
			if t := pick(g.r, utils); !t.private {
				g.linkHow(m, t, effect)
			}
		}
		if cs := m.u.byKind[kClient]; len(cs) > 0 && g.chance(0.06) {
			if t := pick(g.r, cs); !t.private && !t.tainted && !m.imports2(t) {
				g.linkHow(m, t, dynWithSSR)
			}
		}
		if cs := m.u.byKind[kClient]; len(cs) > 0 && g.chance(0.05) {
			if t := pick(g.r, cs); !t.private && !m.imports2(t) {
				g.linkHow(m, t, dynNoSSR)
			}
		}
	}
}

// imports2 reports whether m already imports t in any way.
func (m *module) imports2(t *module) bool {
	for _, e := range m.imports {
		if e.to == t || contains(e.via, t) {
			return true
		}
	}
	return false
}

func (g *gen) importCount(k kind) int {
	switch k {
	case kTypes:
		return g.between(0, 2)
	case kUtil:
		return g.between(0, 3)
	case kHook, kServerLib, kAction, kSDK, kLoader:
		return g.between(1, 4)
	}
	return g.between(2, 7)
}

// allowed lists, per importer kind, the kinds it may import with weights.
var allowed = map[kind]map[kind]int{
	kTypes:     {kTypes: 1},
	kUtil:      {kTypes: 2, kUtil: 3},
	kHook:      {kTypes: 2, kUtil: 3, kHook: 2},
	kComponent: {kTypes: 2, kUtil: 3, kComponent: 4, kClient: 2},
	kClient:    {kTypes: 2, kUtil: 3, kHook: 3, kComponent: 3, kClient: 3, kAction: 1, kLoader: 1},
	kSDK:       {kTypes: 2, kUtil: 2, kHook: 1, kComponent: 2},
	kLoader:    {kTypes: 1, kUtil: 1},
	kServerLib: {kTypes: 3, kUtil: 3, kServerLib: 2},
	kAction:    {kTypes: 2, kUtil: 2, kServerLib: 3},
	kPage:      {kTypes: 2, kUtil: 2, kComponent: 4, kClient: 4, kServerLib: 3, kAction: 1, kLoader: 1, kSDK: 1},
	kLayout:    {kTypes: 1, kUtil: 1, kComponent: 3, kClient: 2, kServerLib: 1},
	kLoading:   {kComponent: 1},
	kError:     {kUtil: 1, kComponent: 1},
	kNotFound:  {kComponent: 2, kUtil: 1},
	kRoute:     {kTypes: 2, kUtil: 2, kServerLib: 3},
	kPagesPage: {kTypes: 2, kUtil: 2, kComponent: 4, kClient: 3, kHook: 1},
	kPagesAPI:  {kTypes: 2, kUtil: 3},
}

func (g *gen) add(m *module) {
	g.mods = append(g.mods, m)
	m.u.mods = append(m.u.mods, m)
	m.u.byKind[m.kind] = append(m.u.byKind[m.kind], m)
	if m.kind == kBarrel {
		m.tainted = false
		for _, r := range m.reexports {
			m.tainted = m.tainted || r.tainted
		}
	}
}

// candidates are the modules of kind k that m may import: its own unit's,
// and the exported ones of packages below it.
func (g *gen) candidates(m *module, k kind, fromPackage bool) []*module {
	if !fromPackage {
		return m.u.byKind[k]
	}
	var out []*module
	for _, u := range g.units {
		if u.app || u.order >= m.u.order {
			continue
		}
		out = append(out, u.byKind[k]...)
	}
	return out
}

// chooseImports picks n first-party imports for m among the kinds allowed
// (weighted), without duplicates, keeping Pages Router code SDK-free.
func (g *gen) chooseImports(m *module, kinds map[kind]int, n int) {
	var ks []kind
	for _, k := range layerOrder { // map order is random; layerOrder is not
		for i := 0; i < kinds[k]; i++ {
			ks = append(ks, k)
		}
	}
	if len(ks) == 0 {
		return
	}
	seen := map[*module]bool{}
	for try := 0; try < n*4 && len(m.imports) < n; try++ {
		k := pick(g.r, ks)
		fromPkg := m.u.order > 0 && g.chance(0.35)
		if !m.u.app && m.u.order == 0 {
			fromPkg = false
		}
		pool := g.candidates(m, k, fromPkg)
		if len(pool) == 0 {
			continue
		}
		t := pick(g.r, pool)
		if t.private || seen[t] || t == m {
			continue
		}
		if m.pagesSafe && t.tainted {
			continue
		}
		// Another unit's module: through its root barrel sometimes.
		to := t
		if t.u != m.u {
			if b := t.u.barrel; b != nil && contains(b.reexports, t) && g.chance(0.45) {
				to = b
			} else if !packageExported(t) {
				continue
			}
			for _, b := range t.u.areaBarrels {
				if to == t && contains(b.reexports, t) && g.chance(0.25) {
					to = b
				}
			}
		} else if t.kind != kBarrel && g.chance(0.15) {
			for _, b := range m.u.byKind[kBarrel] {
				if contains(b.reexports, t) && b != m {
					to = b
				}
			}
		}
		if m.pagesSafe && to.tainted || seen[to] && to.kind != kBarrel {
			continue
		}
		seen[t] = true
		g.link(m, to, t, k == kTypes)
	}
}

// link adds (or extends, for a barrel) m's import of to binding via.
func (g *gen) link(m, to, via *module, typeOnly bool) {
	for _, e := range m.imports {
		if e.to == to && e.how == static {
			e.via = append(e.via, via)
			e.typeOnly = e.typeOnly && typeOnly
			return
		}
	}
	e := &edge{to: to, via: []*module{via}, typeOnly: typeOnly}
	m.imports = append(m.imports, e)
	if !typeOnly && to.tainted {
		m.tainted = true
	}
}

func (g *gen) linkHow(m, to *module, how int) {
	m.imports = append(m.imports, &edge{to: to, via: []*module{to}, how: how})
	if how == dynWithSSR && to.tainted {
		m.tainted = true
	}
}

func contains(ms []*module, m *module) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}

// packageExported reports whether a package module has a subpath export
// (see packageJSON): every non-barrel module under src/<dir>/ does.
func packageExported(m *module) bool {
	return m.kind != kBarrel
}

// areaBarrel re-exports the components (or utils) of one area.
func (g *gen) areaBarrel(u *unit, area string) {
	m := &module{u: u, kind: kBarrel, area: area}
	dir := "components/" + area
	if u.dir == "packages/utils" || u.dir == "packages/api" {
		dir = "lib/" + area
	}
	m.path = u.src + dir + "/index.ts"
	for _, k := range []kind{kComponent, kClient, kUtil, kSDK} {
		for _, c := range u.byKind[k] {
			if c.area == area && strings.HasPrefix(c.path, u.src+dir+"/") && g.chance(0.8) {
				m.reexports = append(m.reexports, c)
			}
		}
	}
	m.render = renderBarrel
	g.add(m)
	if !u.app {
		u.areaBarrels = append(u.areaBarrels, m)
	}
}

// rootBarrel is a package's src/index.ts.
func (g *gen) rootBarrel(u *unit) {
	m := &module{u: u, kind: kBarrel, path: "src/index.ts"}
	for _, k := range []kind{kTypes, kUtil, kHook, kComponent, kClient, kSDK, kLoader} {
		for _, c := range u.byKind[k] {
			if g.chance(0.35) {
				m.reexports = append(m.reexports, c)
			}
		}
	}
	m.render = renderBarrel
	g.add(m)
	u.barrel = m
}

// spec is how from imports to.
func (g *gen) spec(from, to *module) string {
	if to.u != from.u {
		u := to.u
		switch {
		case to == u.barrel:
			return u.name
		case to.kind == kBarrel:
			return u.name + "/" + to.area
		}
		rel := strings.TrimPrefix(to.path, "src/")
		return u.name + "/" + strings.TrimSuffix(rel, path.Ext(rel))
	}
	target := strings.TrimSuffix(to.path, path.Ext(to.path))
	target = strings.TrimSuffix(target, "/index")
	colocated := strings.HasPrefix(to.path, path.Dir(from.path)+"/")
	if from.u.app && !colocated && g.chance(0.6) {
		return "@/" + strings.TrimPrefix(target, from.u.src)
	}
	rel := relPath(path.Dir(from.path), target)
	return rel
}

func relPath(fromDir, target string) string {
	f := strings.Split(fromDir, "/")
	t := strings.Split(target, "/")
	i := 0
	for i < len(f) && i < len(t)-1 && f[i] == t[i] {
		i++
	}
	var parts []string
	for j := i; j < len(f); j++ {
		if f[j] != "" && f[j] != "." {
			parts = append(parts, "..")
		}
	}
	parts = append(parts, t[i:]...)
	s := strings.Join(parts, "/")
	if !strings.HasPrefix(s, "..") {
		s = "./" + s
	}
	return s
}

// appRoutes creates App Router segments (page, colocated _components,
// sometimes layout/loading/error) and API route handlers, budget files in
// all.
func (g *gen) appRoutes(u *unit, budget int) {
	appDir := u.src + "app/"
	groups := map[string][]string{
		"apps/web":   {"(marketing)/", "(dashboard)/", "(auth)/", ""},
		"apps/admin": {"(console)/", ""},
		"apps/docs":  {"", "docs/", "guides/"},
	}[u.dir]
	apis := budget / 9
	for budget > apis {
		seg := g.segment(u, pick(g.r, groups))
		dir := appDir + seg
		// Colocated private components first: the page imports them.
		var coloc []*module
		for i, n := 0, g.between(0, 3); i < n && budget > apis+1; i++ {
			k := kComponent
			if g.chance(0.55) {
				k = kClient
			}
			c := g.colocated(u, dir+"_components/", k)
			coloc = append(coloc, c)
			budget--
		}
		for _, extra := range []struct {
			k    kind
			file string
			p    float64
		}{{kLayout, "layout.tsx", 0.2}, {kLoading, "loading.tsx", 0.15}, {kError, "error.tsx", 0.1}} {
			if budget > apis+1 && g.chance(extra.p) {
				g.entry(u, dir+extra.file, extra.k, nil)
				budget--
			}
		}
		g.entry(u, dir+"page.tsx", kPage, coloc)
		budget--
	}
	for i := 0; i < budget; i++ {
		seg := g.segment(u, "api/")
		g.entry(u, appDir+seg+"route.ts", kRoute, nil)
	}
}

// segment returns a new route directory ("(dashboard)/teams/[teamId]/")
// under prefix.
func (g *gen) segment(u *unit, prefix string) string {
	for try := 0; ; try++ {
		var parts []string
		depth := g.between(1, 3)
		for i := 0; i < depth; i++ {
			if i > 0 && g.chance(0.3) {
				parts = append(parts, pick(g.r, dynamicSegments))
			} else {
				parts = append(parts, pick(g.r, segments))
			}
		}
		if g.chance(0.05) {
			parts = append(parts, "[...slug]")
		}
		if try > 20 {
			parts = append(parts, fmt.Sprintf("section-%d", try))
		}
		s := prefix + strings.Join(parts, "/") + "/"
		if !u.segs[s] {
			u.segs[s] = true
			return s
		}
	}
}

// colocated creates a private component next to a route.
func (g *gen) colocated(u *unit, dir string, k kind) *module {
	name := g.exportName(func() string { return pascal(g.compound()) + pick(g.r, componentSuffixes) })
	m := &module{u: u, kind: k, values: []string{name}, types: []string{name + "Props"}, private: true,
		path: dir + kebab(name) + ".tsx", hasDefault: g.chance(0.3)}
	g.chooseImports(m, allowed[k], g.importCount(k))
	m.render = g.renderer(k)
	g.add(m)
	return m
}

// entry creates a framework file that nothing imports.
func (g *gen) entry(u *unit, p string, k kind, coloc []*module) *module {
	m := &module{u: u, kind: k, path: p, private: true}
	for _, c := range coloc {
		g.link(m, c, c, false)
	}
	n := g.importCount(k)
	if k == kLoading || k == kError || k == kNotFound {
		n = g.between(0, 2)
	}
	g.chooseImports(m, allowed[k], n+len(coloc))
	m.render = g.renderer(k)
	g.add(m)
	return m
}

// pagesRouter creates the Pages Router of an app: pages, API routes and
// the components only pages use. Everything a page imports statically is
// rendered on the server, so none of it may reach the SDK; pages load SDK
// components with next/dynamic and ssr: false, as the seed says.
func (g *gen) pagesRouter(u *unit, budget int) {
	nComp := budget * 3 / 10
	nAPI := budget / 4
	nPages := budget - nComp - nAPI
	var legacy []*module
	for i := 0; i < nComp; i++ {
		k := kComponent
		if g.chance(0.4) {
			k = kClient
		}
		name := g.exportName(func() string { return "Legacy" + pascal(g.compound()) + pick(g.r, componentSuffixes) })
		m := &module{u: u, kind: k, values: []string{name}, types: []string{name + "Props"}, pagesSafe: true,
			private: true, path: u.src + "components/legacy/" + kebab(name) + ".tsx"}
		for _, l := range legacy {
			if g.chance(0.1) {
				g.link(m, l, l, false)
			}
		}
		g.chooseImports(m, allowed[k], g.importCount(k))
		m.render = g.renderer(k)
		g.add(m)
		legacy = append(legacy, m)
	}
	used := map[string]bool{}
	for i := 0; i < nPages; i++ {
		var p string
		for {
			p = pick(g.r, []string{"reports/", "legacy/", "billing/", "exports/"}) + pick(g.r, segments)
			if g.chance(0.3) {
				p += "/[id]"
			}
			if !used[p] {
				break
			}
			p += fmt.Sprintf("-%d", i)
			if !used[p] {
				break
			}
		}
		used[p] = true
		m := &module{u: u, kind: kPagesPage, path: u.src + "pages/" + p + ".tsx", pagesSafe: true, private: true}
		for _, l := range legacy {
			if g.chance(3.0 / float64(len(legacy)+1)) {
				g.link(m, l, l, false)
			}
		}
		if sdk := g.allSDK(); len(sdk) > 0 && g.chance(0.25) {
			g.linkHow(m, pick(g.r, sdk), dynNoSSR)
		}
		g.chooseImports(m, allowed[kPagesPage], g.between(1, 5))
		m.render = g.renderer(kPagesPage)
		g.add(m)
	}
	for i := 0; i < nAPI; i++ {
		p := u.src + "pages/api/" + strings.TrimSuffix(g.segment(u, "v1/"), "/") + ".ts"
		m := &module{u: u, kind: kPagesAPI, path: p, private: true}
		g.chooseImports(m, allowed[kPagesAPI], g.between(1, 4))
		m.render = g.renderer(kPagesAPI)
		g.add(m)
	}
}

// allSDK lists the SDK components an app may load with next/dynamic.
func (g *gen) allSDK() []*module {
	var out []*module
	for _, u := range g.units {
		if !u.app {
			out = append(out, u.byKind[kSDK]...)
		}
	}
	return out
}

func (g *gen) fixed(u *unit, p string, k kind, render func(*module) string) *module {
	m := &module{u: u, kind: k, path: p, private: true, render: render}
	g.add(m)
	return m
}

func (g *gen) packageFixed(u *unit) { g.rootBarrel(u) }

func (g *gen) signalwireFixed(u *unit) {
	g.fixed(u, "src/types/elements.d.ts", kFixed, renderElementsDTS)
	g.rootBarrel(u)
}
