package moduleglobal

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/rules"
)

// Analyzer reports module-scope browser globals in server-evaluated modules.
var Analyzer = &analysis.Analyzer{
	Name:     "moduleglobal",
	Doc:      "report browser-only globals at module scope during SSR\n\nModule scope runs on the server for Server Components, \"use client\" modules and Pages Router pages; a browser-only global or SDK constructor there throws during the prerender.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/moduleglobal.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	pkgs := rules.Packages()
	for _, m := range g.Modules {
		if !m.Env.Has(ssrgraph.OnServer) {
			continue
		}
		reach, _ := g.Shortest(m, ssrgraph.OnServer)
		via := ""
		if reach.Entry != m {
			via = " via " + reach.Describe(m)
		}
		report := func(s syntax.Span, msg string, fixes []analysis.SuggestedFix) {
			pass.Report(g.Traced(m, s, msg, reach, fixes...))
		}
		what := "module"
		if m.Sum.UseClient {
			what = `"use client" module`
		}
		for _, r := range m.Sum.Globals {
			// Caught: a try/catch feature test (try { new Path2D() } catch
			// { … }) survives the ReferenceError.
			if r.Context != syntax.CtxModule || r.Guarded || r.Caught || r.Shadowed || r.Kind == syntax.RefTypeof {
				continue
			}
			verb := map[syntax.RefKind]string{
				syntax.RefRead: "read", syntax.RefCall: "called", syntax.RefNew: "constructed", syntax.RefExtends: "extended",
			}[r.Kind]
			report(r.Span, fmt.Sprintf("%s is %s at module scope, which the server evaluates when it renders this %s%s: %s is not defined in Node",
				r.Name, verb, what, via, r.Name), nil)
		}
		for _, u := range m.Sum.BindingUses {
			if u.Context != syntax.CtxModule || u.Guarded || u.Caught {
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
			report(u.Span, fmt.Sprintf("%s from %s runs at module scope, which the server evaluates when it renders this %s%s: the SDK needs a browser (WebRTC, WebSocket, media devices)",
				call, pkg, what, via), nil)
		}
		for _, b := range m.Sum.BogusGuards {
			src, err := pass.ReadFile(m.Path)
			fix := []analysis.SuggestedFix(nil)
			if err == nil {
				fix = bogusFix(m, src, b)
			}
			report(b, "typeof is compared with the value undefined, so this check is always true and guards nothing: compare with the string \"undefined\"", fix)
		}
	}
	return nil, nil
}

// bogusFix replaces the bare `undefined` in a bogus typeof comparison with
// the string "undefined".
func bogusFix(m *ssrgraph.Module, src []byte, b syntax.Span) []analysis.SuggestedFix {
	if b.End > len(src) {
		return nil
	}
	text := string(src[b.Start:b.End])
	for i := 0; i+len("undefined") <= len(text); i++ {
		if text[i:i+len("undefined")] != "undefined" {
			continue
		}
		// Skip the one inside a string literal: the bogus side is the bare word.
		if i > 0 && (text[i-1] == '"' || text[i-1] == '\'') {
			continue
		}
		start := b.Start + i
		return []analysis.SuggestedFix{{
			Message: `compare with the string "undefined"`,
			TextEdits: []analysis.TextEdit{{
				Pos:     m.Pos(start),
				End:     m.Pos(start + len("undefined")),
				NewText: []byte(`"undefined"`),
			}},
		}}
	}
	return nil
}
