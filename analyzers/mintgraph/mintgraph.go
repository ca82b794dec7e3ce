// Package mintgraph finds SignalWire token mints and follows calls between
// the top-level functions of an app's modules. It is shared by the rules
// that reason about token routes: a route handler (or a Pages Router API
// route) mints when it reaches, through the functions it calls, a request
// that rules/minting.json recognises as a mint.
//
// It works on the facts the parse stage records (syntax.Summary's Funcs,
// Requests and each Func's Uses) and the import graph; it reads no source.
package mintgraph

import (
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/rules"
)

// MaxDepth bounds how many functions a chain follows, and how many
// re-exports an export is followed through.
const MaxDepth = 8

// Methods are the route handler exports, in the order they are checked.
var Methods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

// Fn names one top-level function of a module.
type Fn struct {
	M *ssrgraph.Module
	I int // index in M.Sum.Funcs
}

// Func returns the function's facts.
func (f Fn) Func() *syntax.Func { return &f.M.Sum.Funcs[f.I] }

// Name names the function for messages: its name, or "the default export".
func (f Fn) Name() string {
	if n := f.Func().Name; n != "" {
		return n
	}
	return "the default export"
}

// Hop is one step of a mint's call chain: in Fn, the reference at
// [Off, End) leads on, to the next function or (last) the request itself.
type Hop struct {
	Fn
	Off, End int
}

// Site is a token mint reached from a handler.
type Site struct {
	Chain []Hop // Chain[0] is in the handler, the last hop is the request
	Req   *syntax.Request
	// Path is the token REST path the URL contains, "" for a mint
	// recognised by its Basic credentials.
	Path string
}

// Last returns the hop that makes the request: its module holds Req.
func (s Site) Last() Hop { return s.Chain[len(s.Chain)-1] }

// Handler is an exported request handler of a route.
type Handler struct {
	// Method is the HTTP method export ("POST"), or "default" for a Pages
	// Router API route.
	Method string
	Fn     Fn
}

// Handlers returns the handlers of a route module: the method exports of
// a route handler, the default export of an API route, following
// re-exports. It returns nil for any other module.
func Handlers(m *ssrgraph.Module) []Handler {
	var out []Handler
	switch m.Entry {
	case ssrgraph.EntryRouteHandler:
		for _, method := range Methods {
			for _, f := range Exported(m, method) {
				out = append(out, Handler{method, f})
			}
		}
	case ssrgraph.EntryAPIRoute:
		for _, f := range Exported(m, "default") {
			out = append(out, Handler{"default", f})
		}
	}
	return out
}

// Exported returns the functions m exports as name, following re-exports.
func Exported(m *ssrgraph.Module, name string) []Fn { return exported(m, name, 0) }

func exported(m *ssrgraph.Module, name string, depth int) []Fn {
	var out []Fn
	for i, fn := range m.Sum.Funcs {
		if fn.Export == name {
			out = append(out, Fn{m, i})
		}
	}
	if len(out) > 0 || depth >= MaxDepth {
		return out
	}
	for _, e := range m.Edges {
		if e.Import.Kind != syntax.ImportReExport || e.To == nil || e.Import.TypeOnly {
			continue
		}
		switch {
		case e.Import.Star && name != "default":
			out = append(out, exported(e.To, name, depth+1)...)
		default:
			for _, fw := range e.Import.Forwards {
				if fw.Local == name && fw.Imported != "*" {
					out = append(out, exported(e.To, fw.Imported, depth+1)...)
				}
			}
		}
	}
	return out
}

// ImportedName returns the name a reference imports: the binding's
// imported name, or the member read from a namespace import.
func ImportedName(imp *syntax.Import, local, member string) string {
	for _, b := range imp.Bindings {
		if b.Local == local {
			if b.Imported == "*" {
				return member
			}
			return b.Imported
		}
	}
	return ""
}

// Targets returns the functions a reference leads to: a top-level function
// of m, or the functions an imported module exports under the imported
// name.
func Targets(m *ssrgraph.Module, u syntax.FuncUse) []Fn {
	if u.Import < 0 {
		if u.Func >= 0 && u.Func < len(m.Sum.Funcs) {
			return []Fn{{m, u.Func}}
		}
		return nil
	}
	if u.Import >= len(m.Edges) || m.Edges[u.Import].To == nil {
		return nil
	}
	e := m.Edges[u.Import]
	name := ImportedName(e.Import, u.Name, u.Member)
	if name == "" {
		return nil
	}
	return Exported(e.To, name)
}

// Package returns the package specifier and imported name a reference
// calls when it is imported from a package (not a first-party module):
// ("next/headers", "cookies"). ok is false otherwise.
func Package(m *ssrgraph.Module, u syntax.FuncUse) (spec, name string, ok bool) {
	if u.Import < 0 || u.Import >= len(m.Edges) {
		return "", "", false
	}
	e := m.Edges[u.Import]
	if e.To != nil {
		return "", "", false
	}
	return e.Import.Spec, ImportedName(e.Import, u.Name, u.Member), true
}

// IsMint reports whether a request mints a SignalWire token, and the token
// path it calls ("" for a mint recognised by its Basic credentials).
func IsMint(d *rules.MintingData, r *syntax.Request) (string, bool) {
	if p, ok := d.TokenPath(r.URL); ok {
		return p, true
	}
	if r.BasicAuth {
		for _, n := range r.AuthNames {
			if d.IsCredentialEnv(n) {
				return "", true
			}
		}
	}
	return "", false
}

// Mints returns the token mints reached from h, through the functions of
// its module and of the modules it imports, each with its call chain.
func Mints(d *rules.MintingData, h Fn) []Site {
	var out []Site
	seen := map[Fn]bool{}
	var walk func(cur Fn, chain []Hop)
	walk = func(cur Fn, chain []Hop) {
		if seen[cur] || len(chain) >= MaxDepth {
			return
		}
		seen[cur] = true
		for i := range cur.M.Sum.Requests {
			r := &cur.M.Sum.Requests[i]
			if r.Func != cur.I {
				continue
			}
			if path, ok := IsMint(d, r); ok {
				c := append(append([]Hop(nil), chain...), Hop{cur, r.Span.Start, r.Span.End})
				out = append(out, Site{Chain: c, Req: r, Path: path})
			}
		}
		for _, u := range cur.Func().Uses {
			end := u.Off + len(u.Name)
			if u.Member != "" {
				end += 1 + len(u.Member)
			}
			for _, t := range Targets(cur.M, u) {
				walk(t, append(append([]Hop(nil), chain...), Hop{cur, u.Off, end}))
			}
		}
	}
	walk(h, nil)
	return out
}

// ModuleMints returns the requests of m that mint tokens.
func ModuleMints(d *rules.MintingData, m *ssrgraph.Module) []*syntax.Request {
	var out []*syntax.Request
	for i := range m.Sum.Requests {
		if _, ok := IsMint(d, &m.Sum.Requests[i]); ok {
			out = append(out, &m.Sum.Requests[i])
		}
	}
	return out
}

// Reach answers, for a property of calls (a call of cookies(), of an auth
// library), whether a function has it anywhere in what it calls. Results
// are memoised per function.
type Reach struct {
	// Direct reports whether one reference of a function, by itself, has
	// the property (without following it).
	Direct func(m *ssrgraph.Module, u syntax.FuncUse) bool
	// Unknown makes a reference into a first-party module that Targets
	// cannot follow (a binding that is not a top-level function, such as
	// `export const { auth } = NextAuth(config)`) count as having the
	// property: for a property whose absence is reported, assuming it
	// costs a missed finding, not a false one.
	Unknown bool
	memo    map[Fn]int8 // 1 yes, -1 no, 0 in progress
}

// NewReach returns a Reach for the property direct.
func NewReach(direct func(m *ssrgraph.Module, u syntax.FuncUse) bool) *Reach {
	return &Reach{Direct: direct, memo: map[Fn]int8{}}
}

// Calls reports whether f, or a function it calls (transitively), makes a
// reference with the property, among its references before offset before
// (all of them for math.MaxInt).
func (r *Reach) Calls(f Fn, before int) bool {
	for _, u := range f.Func().Uses {
		if u.Off >= before {
			continue
		}
		if r.Direct(f.M, u) {
			return true
		}
		ts := Targets(f.M, u)
		if len(ts) == 0 && r.Unknown && u.Import >= 0 && u.Import < len(f.M.Edges) && f.M.Edges[u.Import].To != nil {
			return true
		}
		for _, t := range ts {
			if r.all(t) {
				return true
			}
		}
	}
	return false
}

func (r *Reach) all(f Fn) bool {
	switch v, ok := r.memo[f]; {
	case ok && v == 1:
		return true
	case ok:
		return false // -1, or in progress: a recursion decided by the outer call
	}
	r.memo[f] = 0
	res := r.Calls(f, int(^uint(0)>>1))
	if res {
		r.memo[f] = 1
	} else {
		r.memo[f] = -1
	}
	return res
}
