package serverimport

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/rules"
)

// Analyzer reports browser-only packages imported by server code.
var Analyzer = &analysis.Analyzer{
	Name:     "serverimport",
	Doc:      "report browser-only packages imported by server code\n\nA browser-only SDK value-imported by a module that runs on the server (Server Components, route handlers, middleware, server actions, pages/api, and any module a Pages Router page imports statically) is pulled into the server bundle; Next's build does not check third-party packages, so it fails at prerender or request time.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/serverimport.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

var extraPackages string

func init() {
	Analyzer.Flags.StringVar(&extraPackages, "packages", "", "comma-separated extra browser-only package names")
}

// The environments this rule is about: server-only code, and Pages Router
// pages with their static imports (the seed tells users to load the SDK
// there only through next/dynamic with ssr: false). "use client" modules in
// the App Router may import the SDK: the import itself does not throw.
const serverSide = ssrgraph.Server | ssrgraph.PagesSSR

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	pkgs := rules.Packages().With(extraPackages)
	for _, m := range g.Modules {
		if !m.Env.Has(serverSide) {
			continue
		}
		for _, e := range m.Edges {
			if e.Package == "" {
				continue
			}
			if e.Import.Unused {
				// The compiler drops an import nothing uses yet; the first
				// value use brings the SDK onto the server, so say so now
				// (in an editor, right after the import is typed).
				imp := *e.Import
				imp.TypeOnly = false
				e = &ssrgraph.Edge{From: e.From, Import: &imp, Package: e.Package}
			}
			if e.Import.TypeOnly {
				continue
			}
			pkg, ok := pkgs.IsBrowserOnly(e.Import.Spec)
			if !ok {
				continue
			}
			// Which of the module's server-side environments run this import?
			var envs ssrgraph.Env
			for _, env := range ssrgraph.AllEnvs {
				if m.Env.Has(env) && env.Has(serverSide) && ssrgraph.EdgeEnv(e, env).Has(env) {
					envs |= env
				}
			}
			if envs == 0 {
				continue
			}
			reach, _ := g.Shortest(m, envs)
			related := g.Related(reach, e)
			start, end := m.Range(e.Import.StmtSpan)
			msg := message(pkg, e, m, reach)
			if e.Import.Unused {
				msg += " (unused so far: the compiler drops the import until its first value use)"
			}
			pass.Report(analysis.Diagnostic{
				Pos:      start,
				End:      end,
				Category: ssrgraph.TraceCategory,
				Message:  msg,
				Related:  related,
			})
		}
	}
	return nil, nil
}

func message(pkg string, e *ssrgraph.Edge, m *ssrgraph.Module, r ssrgraph.Reach) string {
	how := "imported"
	switch e.Import.Kind {
	case syntax.ImportRequire:
		how = "required"
	case syntax.ImportNextDynamic:
		how = "loaded with next/dynamic without { ssr: false }"
	case syntax.ImportDynamic:
		how = "loaded with import()"
	case syntax.ImportReExport:
		how = "re-exported"
	}
	where := "on the server"
	if r.Env == ssrgraph.PagesSSR {
		where = "during server rendering"
	}
	if r.Entry == m {
		return fmt.Sprintf("browser-only %s is %s by %s, which runs %s", pkg, how, r.Describe(m), where)
	}
	return fmt.Sprintf("browser-only %s is %s by %s, which runs %s via %s", pkg, how, m.Rel, where, r.Describe(m))
}
