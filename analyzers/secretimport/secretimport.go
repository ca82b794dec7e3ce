package secretimport

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/clientenv"
	"github.com/ssrlint/ssrlint/analyzers/mintgraph"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/rules"
)

// Analyzer reports server-only modules imported into the browser bundle.
var Analyzer = &analysis.Analyzer{
	Name:     "secretimport",
	Doc:      "report server-only modules imported into the browser bundle\n\nA module that mints tokens, reads server credentials, imports next/headers or is marked server-only must not be reachable from client code: report the client-side import that pulls it in, with the import trace.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/secretimport.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

// marker is the specifier of the server-only marker package.
const marker = "server-only"

// Secret says why a module is server-only.
type Secret struct {
	// Marked: the module imports "server-only" already.
	Marked bool
	// Reasons are short clauses for the message, most serious first.
	Reasons []string
}

// Classify reports whether m is server-only code: it mints SignalWire
// tokens, reads credentials, imports next/headers or is marked server-only.
// public tells the names Next inlines into client code (see
// clientenv.PublicNames).
func Classify(m *ssrgraph.Module, public func(string) bool) (Secret, bool) {
	var s Secret
	so := rules.ServerOnly()
	shared := false
	var headers []string
	for _, imp := range m.Sum.Imports {
		if imp.TypeOnly {
			continue
		}
		if so.SharedEnvPackage(imp.Spec) {
			shared = true
		}
		if _, ok := so.ServerOnlyImport(imp.Spec); ok {
			if imp.Spec == marker {
				s.Marked = true
			} else if !contains(headers, imp.Spec) {
				headers = append(headers, imp.Spec)
			}
		}
	}
	md := rules.Minting()
	if mints := mintgraph.ModuleMints(md, m); len(mints) > 0 {
		what := "it mints SignalWire tokens"
		if p, _ := mintgraph.IsMint(md, mints[0]); p != "" {
			what += " (" + p + ")"
		} else {
			what += " with the project's Basic credentials"
		}
		s.Reasons = append(s.Reasons, what)
	}
	if !shared {
		var creds []string
		sec := rules.Secrets()
		for _, r := range m.Sum.Env {
			if r.Meta || r.Write || r.Name == "" || r.ServerData || public(r.Name) || contains(creds, r.Name) {
				continue
			}
			if _, ok := sec.IsCredential(r.Name); ok {
				creds = append(creds, r.Name)
			}
		}
		if len(creds) > 0 {
			sort.Strings(creds)
			what := "it reads the credential " + creds[0]
			if len(creds) > 1 {
				what = "it reads the credentials " + strings.Join(creds[:len(creds)-1], ", ") + " and " + creds[len(creds)-1]
			}
			s.Reasons = append(s.Reasons, what)
		}
	}
	for _, h := range headers {
		s.Reasons = append(s.Reasons, "it imports "+h+", which only works in server code")
	}
	if s.Marked {
		s.Reasons = append(s.Reasons, `it is marked import "server-only", so Next fails the build`)
	}
	return s, len(s.Reasons) > 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	public := clientenv.PublicNames(g)
	for _, m := range g.Modules {
		// A "use client" module or an entry reads its secrets itself:
		// there is no import to report (clientenv reports the reads).
		if m.Sum.UseClient || m.Entry != "" || !m.Env.Has(ssrgraph.Browser) {
			continue
		}
		s, ok := Classify(m, public)
		if !ok {
			continue
		}
		reach, ok := g.Shortest(m, ssrgraph.Browser)
		if !ok {
			continue
		}
		e := crossing(reach)
		if e == nil {
			continue
		}
		report(pass, g, m, s, reach, e)
	}
	return nil, nil
}

// crossing returns the first import of the trace made by a module that is
// evaluated in the browser: the import in client code that starts pulling
// the server-only module in.
func crossing(r ssrgraph.Reach) *ssrgraph.Edge {
	browser := r.Entry.EntryEnv.Has(ssrgraph.Browser)
	for _, e := range r.Trace {
		if browser {
			return e
		}
		if e.To != nil && e.To.Sum.UseClient {
			browser = true // a server entry rendering a "use client" module
		}
	}
	return nil
}

func report(pass *analysis.Pass, g *ssrgraph.Graph, m *ssrgraph.Module, s Secret, reach ssrgraph.Reach, e *ssrgraph.Edge) {
	from := e.From
	what := "this import puts " + m.Rel + " in the browser bundle"
	if e.To != m {
		what = "this import pulls " + m.Rel + " into the browser bundle (through " + e.Target() + ")"
	}
	reasons := s.Reasons[0]
	if len(s.Reasons) > 1 {
		reasons = strings.Join(s.Reasons[:len(s.Reasons)-1], ", ") + " and " + s.Reasons[len(s.Reasons)-1]
	}
	advice := "import only server-safe code from " + clientKind(from) + ": fetch what it needs from a route handler or pass it as props from a Server Component"
	if !s.Marked {
		advice += `, and add import "server-only" to ` + m.Rel
	}
	msg := fmt.Sprintf("%s, but it is server code: %s: %s", what, reasons, advice)
	start, end := from.Range(e.Import.StmtSpan)
	d := analysis.Diagnostic{
		Pos:      start,
		End:      end,
		Category: ssrgraph.TraceCategory,
		Message:  msg,
		Related:  g.Related(reach, nil),
	}
	if !s.Marked {
		if fix, ok := markerFix(pass, m); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	pass.Report(d)
}

// clientKind names the importing module for the advice.
func clientKind(m *ssrgraph.Module) string {
	switch {
	case m.Sum.UseClient:
		return `a "use client" module`
	case m.Entry == ssrgraph.EntryPage:
		return "a page"
	}
	return "client code"
}

// markerFix inserts `import "server-only";` as the first statement of m,
// after its directive prologue (a file-level "use cache" or "use strict"
// must stay first) and hashbang line.
func markerFix(pass *analysis.Pass, m *ssrgraph.Module) (analysis.SuggestedFix, bool) {
	src, err := pass.ReadFile(m.Path)
	if err != nil {
		return analysis.SuggestedFix{}, false
	}
	at := m.Sum.PrologueEnd
	text := `import "server-only";` + "\n"
	if at > 0 {
		if at > len(src) {
			return analysis.SuggestedFix{}, false
		}
		if nl := bytes.IndexByte(src[at:], '\n'); nl >= 0 {
			at += nl + 1
		} else {
			at = len(src)
			text = "\n" + text
		}
		text = "\n" + text
	}
	pos := m.Pos(at)
	return analysis.SuggestedFix{
		Message:   `add import "server-only" to ` + m.Rel + ", so that Next fails the build when client code imports it",
		TextEdits: []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}},
	}, true
}
