package ssrgraph

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// EdgeEnv says in which environments the target of e is evaluated when its
// importer runs in the single environment from. For package edges it tells
// whether the import itself executes there.
func EdgeEnv(e *Edge, from Env) Env { return transfer(e, from) }

// Reach is how a module comes to be evaluated in one environment: the
// environment and the shortest trace from an entry.
type Reach struct {
	Env   Env
	Trace []*Edge
	Entry *Module
}

// Describe says, for messages, which entry pulls m in: "Server Component
// app/page.tsx", or "Server Component" alone when m is the entry.
func (r Reach) Describe(m *Module) string {
	if r.Entry == m {
		return article(r.Entry.Entry)
	}
	return r.Entry.Entry + " " + r.Entry.Rel
}

func article(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case 'a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U':
		return "an " + s
	case '"':
		return "a " + s
	}
	return "a " + s
}

// Reaches returns, for each environment in want that m is evaluated in, the
// shortest trace; ordered as AllEnvs.
func (g *Graph) Reaches(m *Module, want Env) []Reach {
	var out []Reach
	for _, e := range AllEnvs {
		if !want.Has(e) || !m.Env.Has(e) {
			continue
		}
		t := g.Trace(m, e)
		out = append(out, Reach{Env: e, Trace: t, Entry: Root(m, t)})
	}
	return out
}

// Shortest returns the reach with the shortest trace among envs in want,
// preferring earlier environments on ties. ok is false if m is evaluated in
// none of them.
func (g *Graph) Shortest(m *Module, want Env) (Reach, bool) {
	var best Reach
	found := false
	for _, r := range g.Reaches(m, want) {
		if !found || len(r.Trace) < len(best.Trace) {
			best, found = r, true
		}
	}
	return best, found
}

// Related renders a trace as related locations: the entry file first, then
// each import on the way, then last (an import in m, if not nil). Messages are
// the display names of the modules, so the list reads as the chain
// entry → … → target. Diagnostics carrying it set Category to TraceCategory.
func (g *Graph) Related(r Reach, last *Edge) []analysis.RelatedInformation {
	rel := []analysis.RelatedInformation{{
		Pos:     r.Entry.Pos(0),
		End:     r.Entry.Pos(0),
		Message: r.Entry.Rel,
	}}
	add := func(e *Edge) {
		rel = append(rel, analysis.RelatedInformation{
			Pos:     e.From.Pos(e.Import.StmtSpan.Start),
			End:     e.From.Pos(e.Import.StmtSpan.End),
			Message: e.Target(),
		})
	}
	for _, e := range r.Trace {
		add(e)
	}
	if last != nil {
		add(last)
	}
	return rel
}

// TraceString renders a trace for messages: "app/page.tsx → lib/sw.ts".
func TraceString(rel []analysis.RelatedInformation) string {
	parts := make([]string, len(rel))
	for i, r := range rel {
		parts[i] = r.Message
	}
	return strings.Join(parts, " → ")
}

// Range returns the positions of a span in m.
func (m *Module) Range(s syntax.Span) (token.Pos, token.Pos) {
	return m.Pos(s.Start), m.Pos(s.End)
}

// Traced is a diagnostic at span s of m whose Related locations are the
// import trace r (Category TraceCategory), with the given fixes.
func (g *Graph) Traced(m *Module, s syntax.Span, msg string, r Reach, fixes ...analysis.SuggestedFix) analysis.Diagnostic {
	start, end := m.Range(s)
	return analysis.Diagnostic{
		Pos:            start,
		End:            end,
		Category:       TraceCategory,
		Message:        msg,
		Related:        g.Related(r, nil),
		SuggestedFixes: fixes,
	}
}
