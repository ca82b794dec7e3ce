package tokenauth

import (
	"fmt"
	"math"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/mintgraph"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/rules"
)

// Analyzer reports token routes that mint before checking the caller.
var Analyzer = &analysis.Analyzer{
	Name:     "tokenauth",
	Doc:      "report token routes that mint a SignalWire token before checking the caller\n\nA route handler or API route that mints a token for whoever calls it gives the project's calling permissions to anyone on the internet. A session, cookie, header or auth-library check must come first, and stop the request when it fails.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/tokenauth.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

// guestPath is the token path for anonymous guests: public by design,
// still worth a decision.
const guestPath = "/api/fabric/guests/tokens"

// ignoreHint is how a route marks that it mints for anyone on purpose.
const ignoreHint = "// ssrlint-ignore tokenauth -- public guest token"

type state struct {
	pass  *analysis.Pass
	auth  *rules.AuthData
	mint  *rules.MintingData
	sec   *rules.SecretData
	reach *mintgraph.Reach
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	st := &state{pass: pass, auth: rules.Auth(), mint: rules.Minting(), sec: rules.Secrets()}
	st.reach = mintgraph.NewReach(st.directCheck)
	if st.middlewareChecks(g) {
		// A middleware that authenticates guards the routes it matches; its
		// matcher is not read, so every route is taken as guarded.
		return nil, nil
	}
	for _, m := range g.Modules {
		for _, h := range mintgraph.Handlers(m) {
			st.check(h)
		}
	}
	return nil, nil
}

// directCheck reports whether a reference calls an auth library or reads
// the request's cookies or headers (next/headers).
func (st *state) directCheck(m *ssrgraph.Module, u syntax.FuncUse) bool {
	spec, name, ok := mintgraph.Package(m, u)
	return ok && st.auth.IsAuthCall(spec, name)
}

// middlewareChecks reports whether the app's middleware (proxy on Next 16)
// authenticates: it imports an auth library, or tests the request's
// cookies, headers or session.
func (st *state) middlewareChecks(g *ssrgraph.Graph) bool {
	for _, m := range g.Modules {
		if m.Entry != ssrgraph.EntryMiddleware && m.Entry != ssrgraph.EntryProxy {
			continue
		}
		for _, imp := range m.Sum.Imports {
			if !imp.TypeOnly && st.auth.IsAuthPackage(imp.Spec) {
				return true
			}
		}
		for _, gt := range m.Sum.Gates {
			for _, p := range gt.ParamProps {
				if st.auth.IsRequestProp(p) {
					return true
				}
			}
		}
	}
	return false
}

func (st *state) check(h mintgraph.Handler) {
	if st.wrapped(h.Fn) {
		return
	}
	seen := map[int]bool{}
	for _, s := range mintgraph.Mints(st.mint, h.Fn) {
		first := s.Chain[0]
		if seen[first.Off] || st.checked(s) {
			continue
		}
		seen[first.Off] = true
		st.report(h, s)
	}
}

// wrapped reports a handler wrapped in an auth helper:
// `export const POST = withAuth(async (req) => …)`,
// `export default withApiAuthRequired(handler)`.
func (st *state) wrapped(f mintgraph.Fn) bool {
	fn := f.Func()
	if fn.Wrapper == "" || fn.Wrapper == "unstable_cache" || fn.Wrapper == "cache" {
		return false
	}
	if st.auth.IsAuthName(fn.Wrapper) {
		return true
	}
	for _, u := range fn.Uses {
		if u.Name != fn.Wrapper && u.Member != fn.Wrapper {
			continue
		}
		if st.directCheck(f.M, u) {
			return true
		}
		for _, t := range mintgraph.Targets(f.M, u) {
			if st.reach.Calls(t, math.MaxInt) {
				return true
			}
		}
	}
	return false
}

// checked reports whether a check of the caller dominates the mint in one
// of the functions on its call chain.
func (st *state) checked(s mintgraph.Site) bool {
	for _, hp := range s.Chain {
		for _, g := range hp.M.Sum.Gates {
			if g.Func == hp.I && dominates(g, hp.Off) && st.callerCheck(hp.M, g) {
				return true
			}
		}
	}
	return false
}

// dominates reports whether the gate decides whether the code at off runs:
// off is inside one of an if's branches, or after a gate that leaves the
// function in the same block.
func dominates(g syntax.Gate, off int) bool {
	in := func(sp syntax.Span) bool { return sp.End > 0 && sp.Start <= off && off < sp.End }
	if !g.Call && (in(g.Then) || in(g.Else)) {
		return true
	}
	return g.Exits && in(g.Scope) && g.Span.End <= off
}

// callerCheck reports whether a gate checks who the caller is (see
// rules/auth.json for the heuristics).
func (st *state) callerCheck(m *ssrgraph.Module, g syntax.Gate) bool {
	if g.Call {
		// A call statement stops the request only by throwing: a guard
		// helper by its name, about the caller by its evidence.
		if len(g.Calls) == 0 || !st.auth.IsGuardName(lastName(g.Calls[0].Callee)) {
			return false
		}
		return st.authCall(m, g.Calls[0])
	}
	for _, c := range g.Calls {
		if st.authCall(m, c) {
			return true
		}
	}
	requestValue := false
	for _, p := range g.ParamProps {
		if st.auth.IsRequestProp(p) {
			return true
		}
		if p != "method" {
			requestValue = true
		}
	}
	// A value from the request compared with a secret: an API key in the
	// query, a password in the body.
	if requestValue {
		for _, e := range g.Env {
			if _, ok := st.sec.IsCredential(e); ok {
				return true
			}
		}
	}
	return false
}

// authCall reports whether a call checks the caller.
func (st *state) authCall(m *ssrgraph.Module, c syntax.GateCall) bool {
	chain := strings.ReplaceAll(c.Callee, "()", "")
	if st.auth.IsAuthMember(chain) || c.PassesParam {
		return true
	}
	parts := strings.Split(chain, ".")
	if c.Import >= 0 && c.Import < len(m.Edges) {
		e := m.Edges[c.Import]
		member := ""
		if len(parts) > 1 {
			member = parts[1]
		}
		name := mintgraph.ImportedName(e.Import, parts[0], member)
		if e.To == nil {
			if st.auth.IsAuthCall(e.Import.Spec, name) {
				return true
			}
		} else {
			for _, t := range mintgraph.Exported(e.To, name) {
				if st.reach.Calls(t, math.MaxInt) {
					return true
				}
			}
		}
	}
	if c.Func >= 0 && c.Func < len(m.Sum.Funcs) && st.reach.Calls(mintgraph.Fn{M: m, I: c.Func}, math.MaxInt) {
		return true
	}
	return st.auth.IsAuthName(lastName(c.Callee))
}

// lastName is the function's own name in a callee chain:
// "supabase.auth.getUser" → "getUser".
func lastName(callee string) string {
	callee = strings.TrimSuffix(strings.ReplaceAll(callee, "()", ""), ".")
	if i := strings.LastIndexByte(callee, '.'); i >= 0 {
		return callee[i+1:]
	}
	return callee
}

func (st *state) report(h mintgraph.Handler, s mintgraph.Site) {
	first := s.Chain[0]
	subject := h.Method
	if h.Method == "default" {
		subject = "this API route"
	}
	token := "a SignalWire token"
	if s.Path == guestPath {
		token = "a SignalWire guest token"
	}
	through := ""
	if len(s.Chain) > 1 {
		next := s.Chain[1]
		through = " (through " + next.Name()
		if next.M != first.M {
			through += " in " + next.M.Rel
		}
		through += ")"
	}
	msg := fmt.Sprintf("%s mints %s%s for any caller: nothing checks a session, cookie, header or auth library before the mint and stops the request when it fails: authenticate the caller first and return 401 otherwise; if the route hands out guest tokens on purpose (a public click-to-call widget), put %s on the line before the mint",
		subject, token, through, ignoreHint)
	var related []analysis.RelatedInformation
	if len(s.Chain) > 1 {
		last := s.Chain[len(s.Chain)-1]
		rs, re := last.M.Range(s.Req.Span)
		what := s.Req.Client
		if s.Req.Method != "" {
			what += "." + s.Req.Method
		}
		if s.Path != "" {
			what += " to " + s.Path
		} else {
			what += " with the project's Basic credentials"
		}
		related = append(related, analysis.RelatedInformation{Pos: rs, End: re, Message: "the token mint: " + what})
	}
	start, end := first.M.Pos(first.Off), first.M.Pos(first.End)
	st.pass.Report(analysis.Diagnostic{Pos: start, End: end, Message: msg, Related: related})
}
