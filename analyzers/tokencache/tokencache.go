package tokencache

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/mintgraph"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/rules"
)

// Analyzer reports token routes whose SignalWire token can be cached.
var Analyzer = &analysis.Analyzer{
	Name:     "tokencache",
	Doc:      "report token routes whose SignalWire token can be served from a cache\n\nA route handler or API route that mints a SignalWire token (a request to a token REST path, or with Basic auth from the project credentials, directly or through a helper) must mint per request. By the app's next version and config, a static GET (Next 14), the Data Cache, force-static, revalidate, fetchCache, fetch cache options, unstable_cache, \"use cache\" or a shared Cache-Control header would serve every caller the same token.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/tokencache.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

// model is what the app's version and config say about caching.
type model struct {
	major int // 0 when unknown
	// legacy: Next 13.2–14, where a GET handler is static by default and
	// fetch goes through the Data Cache unless told otherwise.
	legacy bool
	// cc: cacheComponents (Next 16) or dynamicIO (15 canary): segment
	// config exports are build errors.
	cc bool
	// useCache: "use cache" means something (Next 15+; a plain string
	// before).
	useCache bool
}

func modelOf(g *ssrgraph.Graph) model {
	major := g.App.NextMajor
	return model{
		major:    major,
		legacy:   major >= 1 && major <= 14,
		cc:       g.App.Config.CacheComponents && (major == 0 || major >= 15),
		useCache: major == 0 || major >= 15,
	}
}

func (md model) version() string { return "Next " + strconv.Itoa(md.major) }

type state struct {
	pass  *analysis.Pass
	data  *rules.MintingData
	md    model
	srcs  map[*ssrgraph.Module][]byte
	reads *mintgraph.Reach // request-reading APIs, memoised per function
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	st := &state{pass: pass, data: rules.Minting(), md: modelOf(g), srcs: map[*ssrgraph.Module][]byte{}}
	st.reads = mintgraph.NewReach(st.isReader)
	st.reads.Unknown = true
	for _, m := range g.Modules {
		var cfg segment // API routes have no segment config
		if m.Entry == ssrgraph.EntryRouteHandler {
			cfg = segmentConfig(m)
		}
		for _, h := range mintgraph.Handlers(m) {
			st.check(m, h, cfg)
		}
	}
	return nil, nil
}

// segment is a route's segment config: the literal exports only, as Next
// reads them (`revalidate = 60 * 10` is not read).
type segment struct {
	dynamic, revalidate, fetchCache *syntax.Export
}

func segmentConfig(m *ssrgraph.Module) segment {
	var s segment
	for i := range m.Sum.Exports {
		e := &m.Sum.Exports[i]
		if !e.HasValue {
			continue
		}
		switch e.Name {
		case "dynamic":
			s.dynamic = e
		case "revalidate":
			s.revalidate = e
		case "fetchCache":
			s.fetchCache = e
		}
	}
	return s
}

func value(e *syntax.Export) string {
	if e == nil {
		return ""
	}
	return e.Value
}

// isReader reports whether a reference calls a request-reading API
// (cookies(), headers(), connection(), …).
func (st *state) isReader(m *ssrgraph.Module, u syntax.FuncUse) bool {
	spec, name, ok := mintgraph.Package(m, u)
	return ok && st.data.ReadsRequest(spec, name)
}

// readsBefore reports whether f reads request data before offset before:
// a request-reading API, a function that (transitively) calls one, a
// first-party binding that is not a plain function (it may well read the
// request) or — for the handler itself — its Request or context parameter,
// or a wrapper (`withAuth(handler)`) that is assumed to read the request.
// Package functions not in the data are assumed not to read it.
func (st *state) readsBefore(f mintgraph.Fn, before int, handler bool) bool {
	if handler {
		fn := f.Func()
		if fn.ParamRead >= 0 && fn.ParamRead < before {
			return true
		}
		if fn.Wrapper != "" && fn.Wrapper != "unstable_cache" && fn.Wrapper != "cache" {
			return true
		}
	}
	return st.reads.Calls(f, before)
}

// action is a change that removes one reason the token is cached: advice
// for the message and, when it is a safe text edit, the edits.
type action struct {
	advice string
	edits  []analysis.TextEdit
}

// reason is one way the token is cached.
type reason struct {
	text    string // the full explanation, for the first reason
	short   string // a few words, for the others
	related []analysis.RelatedInformation
	act     action
}

func (st *state) check(route *ssrgraph.Module, h mintgraph.Handler, cfg segment) {
	for _, s := range mintgraph.Mints(st.data, h.Fn) {
		if reasons := st.reasons(route, h, cfg, s); len(reasons) > 0 {
			st.report(route, h.Method, s, reasons)
		}
	}
}

var noStoreFetchCache = map[string]bool{"force-no-store": true, "only-no-store": true, "default-no-store": true}

func positiveNumber(v string) (float64, bool) {
	n, err := strconv.ParseFloat(v, 64)
	return n, err == nil && n > 0
}

// reasons lists why the token of a mint site can be served from a cache,
// by the app's version model (ssr-facts §3).
func (st *state) reasons(route *ssrgraph.Module, h mintgraph.Handler, cfg segment, s mintgraph.Site) []reason {
	md := st.md
	r := s.Req
	reqMod := s.Last().M
	api := route.Entry == ssrgraph.EntryAPIRoute
	isGET := h.Method == "GET" && !api
	fetch := r.Client == "fetch"
	segOK := !api && !md.cc // segment config is read
	dyn, reval, fc := value(cfg.dynamic), value(cfg.revalidate), value(cfg.fetchCache)
	if !segOK {
		dyn, reval, fc = "", "", ""
	}
	var out []reason

	// Route-level: a static GET.
	forceStatic := isGET && (dyn == "force-static" || dyn == "error")
	if forceStatic {
		out = append(out, reason{
			text:    fmt.Sprintf("dynamic = %q makes the route static, so the token is minted once and served to every caller", dyn),
			short:   fmt.Sprintf("dynamic = %q", dyn),
			related: st.at(route, cfg.dynamic.Span, fmt.Sprintf("segment config: dynamic = %q", dyn)),
			act:     st.setExport(route, cfg.dynamic, `"force-dynamic"`, `set dynamic = "force-dynamic"`),
		})
	}
	handlerReads := st.readsBefore(h.Fn, math.MaxInt, true)
	revalN, revalPos := positiveNumber(reval)
	revalCaches := isGET && revalPos && (md.legacy || !handlerReads && dyn != "force-dynamic")
	if revalCaches && !forceStatic {
		out = append(out, reason{
			text:    fmt.Sprintf("revalidate = %s caches the route's response, so every caller gets the same token for %s s", reval, strconv.FormatFloat(revalN, 'f', -1, 64)),
			short:   "revalidate = " + reval,
			related: st.at(route, cfg.revalidate.Span, "segment config: revalidate = "+reval),
			act:     st.setExport(route, cfg.revalidate, "0", "set revalidate = 0"),
		})
	}

	// Fetch-level: explicit caching of the mint request (the Data Cache
	// is the App Router's: Pages Router API routes have none).
	explicit := false
	if fetch && !api {
		if r.Cache.Literal && r.Cache.Value == "force-cache" {
			explicit = true
			out = append(out, reason{
				text:    `the mint fetch has cache: "force-cache", so the Data Cache serves every caller the same token`,
				short:   `cache: "force-cache" on the fetch`,
				related: st.requestNote(s),
				act:     st.replaceLiteral(reqMod, r.Cache.Span, `"no-store"`, `use cache: "no-store" on the mint fetch`),
			})
		}
		if r.Revalidate.Literal {
			n, pos := positiveNumber(r.Revalidate.Value)
			if pos || r.Revalidate.Value == "false" {
				explicit = true
				how := "indefinitely"
				if pos {
					how = "for " + strconv.FormatFloat(n, 'f', -1, 64) + " s"
				}
				out = append(out, reason{
					text:    fmt.Sprintf("the mint fetch has next: { revalidate: %s }, so the Data Cache serves every caller the same token %s", r.Revalidate.Value, how),
					short:   fmt.Sprintf("next: { revalidate: %s } on the fetch", r.Revalidate.Value),
					related: st.requestNote(s),
					act:     st.replaceLiteral(reqMod, r.Revalidate.Span, "0", "set next.revalidate to 0 on the mint fetch"),
				})
			}
		}
		if fc == "force-cache" || fc == "only-cache" || fc == "default-cache" && !r.Cache.Present() {
			explicit = true
			out = append(out, reason{
				text:    fmt.Sprintf("fetchCache = %q puts the mint fetch in the Data Cache, so every caller gets the same token", fc),
				short:   fmt.Sprintf("fetchCache = %q", fc),
				related: st.at(route, cfg.fetchCache.Span, fmt.Sprintf("segment config: fetchCache = %q", fc)),
				act:     st.setExport(route, cfg.fetchCache, `"force-no-store"`, `set fetchCache = "force-no-store"`),
			})
		}
	}

	// Next 13.2–14 defaults: a GET is static unless it reads request data
	// or opts out; its fetches go through the Data Cache unless the request
	// was read first or the fetch opts out (observed: force-dynamic does
	// not).
	if md.legacy && isGET && !explicit {
		noStore := fetch && (r.Cache.Literal && (r.Cache.Value == "no-store" || r.Cache.Value == "no-cache") || r.Revalidate.Literal && r.Revalidate.Value == "0")
		unknownCache := fetch && (r.Cache.Present() && !r.Cache.Literal || r.Revalidate.Present() && !r.Revalidate.Literal)
		optOut := reval == "0" || revalCaches || noStoreFetchCache[fc]
		static := !forceStatic && !revalCaches && dyn != "force-dynamic" && !optOut && !handlerReads && !noStore && !unknownCache
		switch {
		case static && fetch:
			out = append(out, reason{
				text:  fmt.Sprintf("on %s a GET handler that reads no request data and has no dynamic config is static, so the token is minted once at build time and served to every caller", md.version()),
				short: "a static GET",
				act:   st.noStore(reqMod, r),
			})
		case static:
			out = append(out, reason{
				text:  fmt.Sprintf("on %s a GET handler that reads no request data and has no dynamic config is static, so the token is minted once at build time and served to every caller", md.version()),
				short: "a static GET",
				act:   st.insertDynamic(route, cfg.dynamic),
			})
		case fetch && !noStore && !unknownCache && !optOut && !st.readsBeforeMint(s):
			text := fmt.Sprintf("on %s its mint fetch has no cache: \"no-store\", so the Data Cache serves every caller the same token", md.version())
			if dyn == "force-dynamic" {
				text = fmt.Sprintf("on %s its mint fetch goes through the Data Cache even with dynamic = \"force-dynamic\" (observed on 14.2), so every caller gets the same token", md.version())
			}
			out = append(out, reason{
				text:    text,
				short:   `the Data Cache (no cache: "no-store" on the fetch)`,
				related: st.requestNote(s),
				act:     st.noStore(reqMod, r),
			})
		}
	}

	// Function-level caches around the mint.
	if r.UnstableCache || st.chainWrapper(s) != nil {
		var rel []analysis.RelatedInformation
		if w := st.chainWrapper(s); w != nil {
			rel = st.at(w.M, w.Func().Span, w.Func().Name+" = unstable_cache(...)")
		}
		out = append(out, reason{
			text:    "the mint runs inside unstable_cache, so every caller gets the same token until the cache entry expires",
			short:   "unstable_cache",
			related: rel,
			act:     action{advice: "call the mint directly, not through unstable_cache"},
		})
	}
	if md.useCache {
		if rs := st.useCache(s); len(rs.related) > 0 {
			out = append(out, rs)
		}
	}

	// Response headers that let shared caches keep the token.
	for _, hp := range s.Chain {
		for _, ch := range hp.M.Sum.CacheHeaders {
			if ch.Func != hp.I || !sharedCache(ch.Name, ch.Value) {
				continue
			}
			out = append(out, reason{
				text:    fmt.Sprintf("the response sets %s %q, so shared caches (a CDN) serve every caller the same token", ch.Name, ch.Value),
				short:   fmt.Sprintf("%s %q", ch.Name, ch.Value),
				related: st.at(hp.M, ch.Span, fmt.Sprintf("%s: %q", ch.Name, ch.Value)),
				act:     st.replaceLiteral(hp.M, ch.Span, `"private, no-store"`, fmt.Sprintf(`send %s "private, no-store"`, ch.Name)),
			})
		}
	}
	return out
}

// readsBeforeMint reports whether some function on the chain reads request
// data before it goes on towards the mint.
func (st *state) readsBeforeMint(s mintgraph.Site) bool {
	for i, hp := range s.Chain {
		if st.readsBefore(hp.Fn, hp.Off, i == 0) {
			return true
		}
	}
	return false
}

// chainWrapper returns the first function on the chain that is an
// unstable_cache(...) wrapper.
func (st *state) chainWrapper(s mintgraph.Site) *mintgraph.Fn {
	for _, hp := range s.Chain {
		if hp.Func().Wrapper == "unstable_cache" {
			return &hp.Fn
		}
	}
	return nil
}

// useCache reports the "use cache" directives around a mint: on the
// request's enclosing functions, on functions of the chain, or at the top
// of a module of the chain. The fix removes function-level directives; a
// file-level one caches every export, so it is left to the user.
func (st *state) useCache(s mintgraph.Site) reason {
	type dir struct {
		m    *ssrgraph.Module
		span syntax.Span
		file bool
	}
	var dirs []dir
	seen := map[[2]int]bool{}
	add := func(m *ssrgraph.Module, sp syntax.Span, file bool) {
		if sp.End == 0 {
			return
		}
		k := [2]int{int(m.File.Base()), sp.Start}
		if !seen[k] {
			seen[k] = true
			dirs = append(dirs, dir{m, sp, file})
		}
	}
	add(s.Last().M, s.Req.UseCache, false)
	for _, hp := range s.Chain {
		add(hp.M, hp.Func().UseCache, false)
		add(hp.M, hp.M.Sum.UseCache, true)
	}
	if len(dirs) == 0 {
		return reason{}
	}
	rs := reason{
		text:  `the mint runs inside "use cache", so every caller gets the same cached token`,
		short: `"use cache"`,
	}
	advice := `remove "use cache" around the mint`
	if st.md.cc {
		advice += " (await connection() keeps the handler at request time)"
	}
	rs.act.advice = advice
	fixable := true
	for _, d := range dirs {
		rs.related = append(rs.related, st.at(d.m, d.span, `"use cache"`)...)
		if d.file {
			fixable = false
			continue
		}
		if e, ok := st.deleteStatement(d.m, d.span); ok {
			rs.act.edits = append(rs.act.edits, e)
		} else {
			fixable = false
		}
	}
	if !fixable {
		rs.act.edits = nil
	}
	return rs
}

// sharedCache reports whether a Cache-Control value lets a shared cache
// (a CDN, a proxy) store the response: s-maxage > 0, or public, and not
// private / no-store / no-cache. CDN-Cache-Control and
// Vercel-CDN-Cache-Control only address shared caches, so max-age there
// counts too.
func sharedCache(name, v string) bool {
	dirs := map[string]string{}
	for _, d := range strings.Split(strings.ToLower(v), ",") {
		k, val, _ := strings.Cut(strings.TrimSpace(d), "=")
		dirs[strings.TrimSpace(k)] = strings.Trim(strings.TrimSpace(val), `"`)
	}
	for _, no := range []string{"private", "no-store", "no-cache"} {
		if _, ok := dirs[no]; ok {
			return false
		}
	}
	age := func(k string) (bool, bool) { // present, > 0
		v, ok := dirs[k]
		if !ok {
			return false, false
		}
		_, pos := positiveNumber(v)
		return true, pos
	}
	if _, pos := age("s-maxage"); pos {
		return true
	}
	cdn := !strings.EqualFold(name, "cache-control")
	maxPresent, maxPos := age("max-age")
	if cdn && maxPos {
		return true
	}
	if _, public := dirs["public"]; public {
		sPresent, _ := age("s-maxage")
		return !(maxPresent && !maxPos) && !sPresent
	}
	return false
}

// report emits one diagnostic for a mint site with its reasons.
func (st *state) report(route *ssrgraph.Module, method string, s mintgraph.Site, reasons []reason) {
	first := s.Chain[0]
	subject := method
	if route.Entry == ssrgraph.EntryAPIRoute {
		subject = "this API route"
	}
	mints := "mints a SignalWire token"
	if len(s.Chain) > 1 {
		next := s.Chain[1]
		name := next.Func().Name
		if name == "" {
			name = "its default export"
		}
		if next.M != first.M {
			name += " (" + next.M.Rel + ")"
		}
		mints += " through " + name
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s, but %s", subject, mints, reasons[0].text)
	if len(reasons) > 1 {
		var more []string
		for _, r := range reasons[1:] {
			more = append(more, r.short)
		}
		fmt.Fprintf(&b, " (also: %s)", strings.Join(more, ", "))
	}
	var advice []string
	var edits []analysis.TextEdit
	fixable := true
	for _, r := range reasons {
		if !slices.Contains(advice, r.act.advice) {
			advice = append(advice, r.act.advice)
		}
		if r.act.edits == nil {
			fixable = false
		}
		edits = append(edits, r.act.edits...)
	}
	fmt.Fprintf(&b, ": %s", strings.Join(advice, " and "))
	if st.md.major == 0 {
		b.WriteString(" (the next version is unknown: assuming Next 15 or later)")
	}
	pos := first.M.Pos(first.Off)
	var related []analysis.RelatedInformation
	for _, r := range append([][]analysis.RelatedInformation{st.requestNote(s)}, relatedOf(reasons)...) {
		for _, rel := range r {
			// A note on the diagnostic's own position repeats it.
			if rel.Pos != pos && !hasRelated(related, rel) {
				related = append(related, rel)
			}
		}
	}
	d := analysis.Diagnostic{
		Pos:     pos,
		End:     first.M.Pos(first.End),
		Message: b.String(),
		Related: related,
	}
	if fixable && len(edits) > 0 {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   strings.Join(advice, " and "),
			TextEdits: dedupEdits(edits),
		}}
	}
	st.pass.Report(d)
}

func relatedOf(reasons []reason) [][]analysis.RelatedInformation {
	var out [][]analysis.RelatedInformation
	for _, r := range reasons {
		out = append(out, r.related)
	}
	return out
}

func hasRelated(list []analysis.RelatedInformation, r analysis.RelatedInformation) bool {
	for _, x := range list {
		if x.Pos == r.Pos && x.Message == r.Message {
			return true
		}
	}
	return false
}

func dedupEdits(edits []analysis.TextEdit) []analysis.TextEdit {
	var out []analysis.TextEdit
	for _, e := range edits {
		dup := false
		for _, o := range out {
			if o.Pos == e.Pos && o.End == e.End && string(o.NewText) == string(e.NewText) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

// at is a related location.
func (st *state) at(m *ssrgraph.Module, sp syntax.Span, msg string) []analysis.RelatedInformation {
	start, end := m.Range(sp)
	return []analysis.RelatedInformation{{Pos: start, End: end, Message: msg}}
}

// requestNote points at the mint request.
func (st *state) requestNote(s mintgraph.Site) []analysis.RelatedInformation {
	what := s.Req.Client
	if s.Req.Method != "" {
		what += "." + s.Req.Method
	}
	if s.Path != "" {
		what += " to " + s.Path
	} else {
		what += " with Basic auth from the project credentials"
	}
	return st.at(s.Last().M, s.Req.Span, "the token mint: "+what)
}
