package renderglobal

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/rules"
)

// Analyzer reports browser-only globals and SDK constructors in the render
// phase of server-rendered components.
var Analyzer = &analysis.Analyzer{
	Name:     "renderglobal",
	Doc:      "report browser-only globals used while a server-rendered component renders\n\nThe render phase of \"use client\" components, Pages Router pages and Server Components (the component body, hooks, useState initializers, useMemo, class render) runs in Node during the prerender; a browser-only global or SDK constructor there throws, or renders server values that the browser does not hydrate to.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/renderglobal.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

// renderingEntries are the server-only entries that render React: a
// global in a component they render fails on every request.
var renderingEntries = map[string]bool{
	ssrgraph.EntryServerComponent: true,
	ssrgraph.EntryDocument:        true,
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	pkgs := rules.Packages()
	for _, m := range g.Modules {
		reach, envs, ok := renderReach(g, m)
		if !ok {
			continue
		}
		report := func(s syntax.Span, msg string) {
			pass.Report(g.Traced(m, s, msg, reach))
		}
		server := serverText(reach, m)
		for _, r := range m.Sum.Globals {
			if r.Context != syntax.CtxFunction || !r.Phase.Render() || r.Guarded || r.Shadowed || r.Kind == syntax.RefTypeof {
				continue
			}
			if !g.RunsIn(m, r.Span.Start, envs) {
				continue // a component nothing the server renders uses
			}
			verb := map[syntax.RefKind]string{
				syntax.RefRead: "read", syntax.RefCall: "called", syntax.RefNew: "constructed", syntax.RefExtends: "extended",
			}[r.Kind]
			report(r.Span, fmt.Sprintf("%s is %s %s, %s: %s; %s",
				r.Name, verb, where(r.Phase, r.Component), server, consequence(r.Name), advice(reach, "read it in useEffect and keep the result in state")))
		}
		for _, u := range m.Sum.BindingUses {
			if u.Context != syntax.CtxFunction || !u.Phase.Render() || u.Guarded || !g.RunsIn(m, u.Span.Start, envs) {
				continue
			}
			pkg, name, ok := ssrgraph.SDKConstructor(m, u, pkgs)
			if !ok {
				continue
			}
			call := name + "(...)"
			if u.New {
				call = "new " + call
			}
			report(u.Span, fmt.Sprintf("%s from %s runs %s, %s: the SDK needs a browser (WebRTC, WebSocket, media devices) and fails in Node; %s",
				call, pkg, where(u.Phase, u.Component), server, advice(reach, "create it in useEffect and disconnect it in the effect's cleanup")))
		}
	}
	return nil, nil
}

// renderReach is how the server comes to render m: as a "use client"
// module or a Pages Router page (or something they import), or from a
// Server Component or _document; envs are the environments in which it is
// rendered. ok is false when the server never renders m's components.
func renderReach(g *ssrgraph.Graph, m *ssrgraph.Module) (reach ssrgraph.Reach, envs ssrgraph.Env, ok bool) {
	want := m.Env & (ssrgraph.ClientSSR | ssrgraph.PagesSSR)
	if m.Env.Has(ssrgraph.Server) {
		if r, ok := g.Shortest(m, ssrgraph.Server); ok && renderingEntries[r.Entry.Entry] {
			want |= ssrgraph.Server
		}
	}
	if want == 0 {
		return ssrgraph.Reach{}, 0, false
	}
	reach, ok = g.Shortest(m, want)
	return reach, want, ok
}

// where says which part of the render phase runs the code.
func where(p syntax.Phase, comp string) string {
	of := "of " + comp
	if comp == "" {
		of = "of the default-exported component"
	}
	hook := strings.HasPrefix(comp, "use") && len(comp) > 3
	switch p {
	case syntax.PhaseBody:
		if hook {
			return "in the hook " + comp + " (run as its component renders)"
		}
		return "in the render body " + of
	case syntax.PhaseInit:
		return "in a state initializer (useState/useReducer) " + of + " (run on the first render)"
	case syntax.PhaseMemo:
		return "in a useMemo factory " + of
	case syntax.PhaseServerSnapshot:
		return "in the getServerSnapshot of useSyncExternalStore " + of + " (called to render on the server)"
	case syntax.PhaseClass:
		if comp == "" {
			return "in the render phase (render, constructor or fields) of a class component"
		}
		return "in the render phase (render, constructor or fields) of class component " + comp
	}
	return "during render"
}

// serverText says why the server renders this module.
func serverText(r ssrgraph.Reach, m *ssrgraph.Module) string {
	via := ""
	if r.Entry != m {
		via = " via " + r.Describe(m)
	}
	switch r.Env {
	case ssrgraph.ClientSSR:
		what := "this module"
		if m.Sum.UseClient {
			what = `this "use client" module`
		}
		return "which the server also runs to prerender " + what + via
	case ssrgraph.PagesSSR:
		return "which the server also runs to render this Pages Router page" + via
	}
	if r.Entry == m {
		return "which only the server runs: this is " + r.Describe(m)
	}
	return "which only the server runs, for " + r.Describe(m)
}

// consequence says what goes wrong with name on the server.
func consequence(name string) string {
	g, ok := rules.LookupGlobal(name)
	if !ok || g.NodeSince == "" {
		return name + " is not defined in Node, so the render throws a ReferenceError"
	}
	major, _, _ := strings.Cut(g.NodeSince, ".")
	if name == "navigator" {
		// ssr-facts §1: Node 21+ defines navigator with the server's values.
		return fmt.Sprintf("before Node %s navigator is not defined (a ReferenceError), and from Node %s on it describes the build machine, not the user's browser, so the HTML does not match what the browser renders (a hydration mismatch)",
			major, major)
	}
	return fmt.Sprintf("%s is not defined before Node %s (a ReferenceError), and where Node defines it, it is the server's, not the user's browser's", name, major)
}

// advice is the fix to suggest: a Server Component cannot use effects.
func advice(r ssrgraph.Reach, client string) string {
	if r.Env == ssrgraph.Server {
		return "move it into a Client Component and " + client
	}
	return client
}
