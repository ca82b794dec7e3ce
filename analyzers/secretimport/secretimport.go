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
	// Reasons are clauses for the message, most serious first, each with
	// the module as its subject: "reads the credential DATABASE_URL".
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
		what := "mints SignalWire tokens"
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
			what := "reads the credential " + creds[0]
			if len(creds) > 1 {
				what = "reads the credentials " + strings.Join(creds[:len(creds)-1], ", ") + " and " + creds[len(creds)-1]
			}
			s.Reasons = append(s.Reasons, what)
		}
	}
	for _, h := range headers {
		s.Reasons = append(s.Reasons, "imports "+h+", which only works in server code")
	}
	if s.Marked {
		s.Reasons = append(s.Reasons, `is marked import "server-only", so Next fails the build`)
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

// pulled is a server-only module and how the browser reaches it.
type pulled struct {
	m      *ssrgraph.Module
	secret Secret
	reach  ssrgraph.Reach
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	public := clientenv.PublicNames(g)
	// One finding per client-side import, listing the server-only modules
	// it pulls in: a barrel can bring several at once.
	groups := map[*ssrgraph.Edge][]pulled{}
	var order []*ssrgraph.Edge
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
		if _, seen := groups[e]; !seen {
			order = append(order, e)
		}
		groups[e] = append(groups[e], pulled{m, s, reach})
	}
	for _, e := range order {
		ps := groups[e]
		sort.SliceStable(ps, func(i, j int) bool {
			if len(ps[i].reach.Trace) != len(ps[j].reach.Trace) {
				return len(ps[i].reach.Trace) < len(ps[j].reach.Trace)
			}
			return ps[i].m.Rel < ps[j].m.Rel
		})
		report(pass, g, e, ps)
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

// list joins clauses: "a", "a and b", "a, b and c".
func list(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// maxListed bounds how many modules one message names.
const maxListed = 4

func report(pass *analysis.Pass, g *ssrgraph.Graph, e *ssrgraph.Edge, ps []pulled) {
	from := e.From
	var msg string
	var unmarked []string
	for _, p := range ps {
		if !p.secret.Marked {
			unmarked = append(unmarked, p.m.Rel)
		}
	}
	if len(ps) == 1 {
		p := ps[0]
		what := "this import puts " + p.m.Rel + " in the browser bundle"
		if e.To != p.m {
			what = "this import pulls " + p.m.Rel + " into the browser bundle (through " + e.Target() + ")"
		}
		var its []string
		for _, r := range p.secret.Reasons {
			its = append(its, "it "+r)
		}
		msg = fmt.Sprintf("%s, but it is server code: %s", what, list(its))
	} else {
		var mods []string
		for i, p := range ps {
			if i == maxListed {
				mods = append(mods, fmt.Sprintf("and %d more", len(ps)-maxListed))
				break
			}
			mods = append(mods, p.m.Rel+", which "+list(p.secret.Reasons))
		}
		msg = fmt.Sprintf("this import pulls %d server-only modules into the browser bundle (through %s): %s", len(ps), e.Target(), strings.Join(mods, "; "))
	}
	advice := "import only server-safe code from " + clientKind(from) + ": fetch what it needs from a route handler or pass it as props from a Server Component"
	if len(unmarked) > 0 {
		advice += `, and add import "server-only" to ` + list(unmarked)
	}
	msg += ": " + advice
	start, end := from.Range(e.Import.StmtSpan)
	d := analysis.Diagnostic{
		Pos:      start,
		End:      end,
		Category: ssrgraph.TraceCategory,
		Message:  msg,
		Related:  g.Related(ps[0].reach, nil),
	}
	var edits []analysis.TextEdit
	fixable := len(unmarked) > 0
	for _, p := range ps {
		if p.secret.Marked {
			continue
		}
		te, ok := markerEdit(pass, p.m)
		if !ok {
			fixable = false
			break
		}
		edits = append(edits, te)
	}
	if fixable {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   `add import "server-only" to ` + list(unmarked) + ", so that Next fails the build when client code imports it",
			TextEdits: edits,
		}}
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

// markerEdit inserts `import "server-only";` as the first statement of m,
// after its directive prologue (a file-level "use cache" or "use strict"
// must stay first) and hashbang line.
func markerEdit(pass *analysis.Pass, m *ssrgraph.Module) (analysis.TextEdit, bool) {
	src, err := pass.ReadFile(m.Path)
	if err != nil {
		return analysis.TextEdit{}, false
	}
	at := m.Sum.PrologueEnd
	text := `import "server-only";` + "\n"
	if at > 0 {
		if at > len(src) {
			return analysis.TextEdit{}, false
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
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}, true
}
