package effectimport

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/rules"
)

// Analyzer reports side-effect packages imported where the server evaluates them.
var Analyzer = &analysis.Analyzer{
	Name:     "effectimport",
	Doc:      "report import-time browser side effects evaluated during SSR\n\nA package that registers custom elements (or touches other browser globals) when imported must not be statically imported by a module the server evaluates, \"use client\" modules included.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/effectimport.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

var extraPackages string

func init() {
	Analyzer.Flags.StringVar(&extraPackages, "packages", "", "comma-separated extra packages with import-time side effects")
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	pkgs := rules.Packages().WithSideEffects(extraPackages)
	browserOnly := rules.Packages()
	for _, m := range g.Modules {
		if !m.Env.Has(ssrgraph.OnServer) {
			continue
		}
		for _, e := range m.Edges {
			if e.Package == "" && e.File == "" || e.Import.TypeOnly {
				continue
			}
			_, ok := pkgs.HasImportSideEffects(e.Import.Spec)
			if !ok {
				continue
			}
			// Where serverimport already reports the package (server-only
			// code, Pages Router pages), one diagnostic per import is enough.
			want := ssrgraph.OnServer
			if _, ok := browserOnly.IsBrowserOnly(e.Import.Spec); ok {
				want = ssrgraph.ClientSSR
			}
			var envs ssrgraph.Env
			for _, env := range ssrgraph.AllEnvs {
				if m.Env.Has(env) && env.Has(want) && ssrgraph.EdgeEnv(e, env).Has(env) {
					envs |= env
				}
			}
			if envs == 0 {
				continue
			}
			reach, _ := g.Shortest(m, envs)
			start, end := m.Range(e.Import.StmtSpan)
			who := m.Rel
			if m.Sum.UseClient {
				who = `"use client" module ` + m.Rel
			}
			when := "during server rendering"
			if reach.Env == ssrgraph.Server {
				when = "on the server"
			}
			msg := fmt.Sprintf("%s runs browser code when imported, and %s is evaluated %s", e.Import.Spec, who, when)
			if reach.Entry != m {
				msg += " via " + reach.Describe(m)
			}
			pass.Report(analysis.Diagnostic{
				Pos:      start,
				End:      end,
				Category: ssrgraph.TraceCategory,
				Message:  msg,
				Related:  g.Related(reach, e),
			})
		}
	}
	return nil, nil
}
