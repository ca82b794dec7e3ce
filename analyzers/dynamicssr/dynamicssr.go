package dynamicssr

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// Analyzer reports next/dynamic { ssr: false } in Server Components.
var Analyzer = &analysis.Analyzer{
	Name:     "dynamicssr",
	Doc:      "report next/dynamic { ssr: false } in Server Components\n\nNext 15 and later fail the build on `ssr: false` in a Server Component; Next 13 and 14 ignore the option there and render the component on the server.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/dynamicssr.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

// appServerLayer are the entries the App Router compiles for its server
// layer, where Next checks next/dynamic's options.
var appServerLayer = map[string]bool{
	ssrgraph.EntryServerComponent: true,
	ssrgraph.EntryRouteHandler:    true,
	ssrgraph.EntryMetadataRoute:   true,
	ssrgraph.EntryServerAction:    true,
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	major := g.App.NextMajor
	for _, m := range g.Modules {
		if !m.Env.Has(ssrgraph.Server) {
			continue
		}
		var reach ssrgraph.Reach
		found := false
		for _, imp := range m.Sum.Imports {
			if imp.Kind != syntax.ImportNextDynamic || !imp.SSRFalse {
				continue
			}
			if !found {
				reach, found = g.Shortest(m, ssrgraph.Server)
				if !found || !appServerLayer[reach.Entry.Entry] {
					// Server code of the Pages Router (an import only
					// getServerSideProps uses, an API route) or of
					// middleware renders no component: the option is
					// not looked at there.
					found = false
					break
				}
			}
			where := "this module is " + reach.Describe(m)
			if reach.Entry != m {
				where = "this module is server code here, imported by " + reach.Describe(m)
			}
			var effect string
			switch {
			case major >= 15:
				effect = fmt.Sprintf("Next %d fails the build (\"`ssr: false` is not allowed with `next/dynamic` in Server Components\")", major)
			case major > 0:
				effect = fmt.Sprintf("Next %d ignores the option there and renders the component on the server anyway (Next 15 and later fail the build)", major)
			default:
				effect = "Next 15 and later fail the build, and earlier versions ignore the option and render the component on the server (this app's Next version is unknown)"
			}
			start, end := m.Range(imp.StmtSpan)
			pass.Report(analysis.Diagnostic{
				Pos:      start,
				End:      end,
				Category: ssrgraph.TraceCategory,
				Message: fmt.Sprintf(`next/dynamic with { ssr: false } for %q, but %s: %s; move the dynamic() call into a "use client" component`,
					imp.Spec, where, effect),
				Related: g.Related(reach, nil),
			})
		}
	}
	return nil, nil
}
