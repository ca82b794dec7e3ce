package tokencache

import (
	"bytes"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// The suggested fixes are text edits that change one literal or insert one
// property or declaration. Each constructor returns an action whose edits
// are nil when the edit would not be safe (a computed value, options passed
// in a variable that other calls may share): then only the advice is given.

// src returns a module's source (overlay-aware), nil if unreadable.
func (st *state) src(m *ssrgraph.Module) []byte {
	if b, ok := st.srcs[m]; ok {
		return b
	}
	b, err := st.pass.ReadFile(m.Path)
	if err != nil || len(b) != m.File.Size() {
		b = nil // changed since it was parsed: no edits
	}
	st.srcs[m] = b
	return b
}

func edit(m *ssrgraph.Module, start, end int, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: m.Pos(start), End: m.Pos(end), NewText: []byte(text)}
}

// replaceLiteral replaces the literal at sp with text; a string keeps its
// quote character.
func (st *state) replaceLiteral(m *ssrgraph.Module, sp syntax.Span, text, advice string) action {
	a := action{advice: advice}
	src := st.src(m)
	if src == nil || sp.End > len(src) || sp.Start >= sp.End {
		return a
	}
	if q := src[sp.Start]; len(text) >= 2 && text[0] == '"' && (q == '\'' || q == '`') {
		text = string(q) + text[1:len(text)-1] + string(q)
	}
	a.edits = []analysis.TextEdit{edit(m, sp.Start, sp.End, text)}
	return a
}

// setExport replaces the literal value of a segment config export
// (`export const dynamic = "force-static"`).
func (st *state) setExport(m *ssrgraph.Module, e *syntax.Export, text, advice string) action {
	src := st.src(m)
	if src == nil || e.Span.End > len(src) {
		return action{advice: advice}
	}
	decl := src[e.Span.Start:e.Span.End]
	eq := bytes.IndexByte(decl, '=')
	if eq < 0 {
		return action{advice: advice}
	}
	i := e.Span.Start + eq + 1
	for i < e.Span.End && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	if i >= e.Span.End {
		return action{advice: advice}
	}
	j := i
	switch q := src[i]; q {
	case '"', '\'', '`':
		k := bytes.IndexByte(src[i+1:e.Span.End], q)
		if k < 0 {
			return action{advice: advice}
		}
		j = i + 1 + k + 1
	default:
		for j < e.Span.End && (src[j] >= '0' && src[j] <= '9' || src[j] == '.' || src[j] == '_' || src[j] >= 'a' && src[j] <= 'z') {
			j++
		}
	}
	if j == i {
		return action{advice: advice}
	}
	return st.replaceLiteral(m, syntax.Span{Start: i, End: j}, text, advice)
}

// noStore makes a fetch skip the Data Cache: cache: "no-store" replaces a
// literal cache option, is added to inline options, or is passed as new
// options.
func (st *state) noStore(m *ssrgraph.Module, r *syntax.Request) action {
	const advice = `add cache: "no-store" to the mint fetch`
	a := action{advice: advice}
	src := st.src(m)
	if src == nil || r.Client != "fetch" {
		return a
	}
	switch {
	case r.Cache.Present():
		if !r.Cache.Literal {
			return a
		}
		return st.replaceLiteral(m, r.Cache.Span, `"no-store"`, advice)
	case r.Options.End > 0:
		i := skipBlank(src, r.Options.Start+1, r.Options.End)
		if i >= r.Options.End-1 {
			// {} or { }
			a.edits = []analysis.TextEdit{edit(m, r.Options.Start, r.Options.End, `{ cache: "no-store" }`)}
			return a
		}
		// The whitespace before the first property separates the new one
		// from it too: one space inline, a newline and the indentation in
		// a multi-line object.
		ws := i
		for ws > r.Options.Start+1 && isSpace(src[ws-1]) {
			ws--
		}
		sep := string(src[ws:i])
		if sep == "" {
			sep = " "
		}
		a.edits = []analysis.TextEdit{edit(m, i, i, `cache: "no-store",`+sep)}
	case !r.HasOptions:
		a.edits = []analysis.TextEdit{edit(m, r.URLArg.End, r.URLArg.End, `, { cache: "no-store" }`)}
	}
	return a
}

// insertDynamic adds `export const dynamic = "force-dynamic";` after the
// last import, or changes an existing literal dynamic export to it.
func (st *state) insertDynamic(m *ssrgraph.Module, existing *syntax.Export) action {
	const advice = `add export const dynamic = "force-dynamic"`
	if existing != nil {
		return st.setExport(m, existing, `"force-dynamic"`, advice)
	}
	for _, e := range m.Sum.Exports {
		if e.Name == "dynamic" {
			return action{advice: advice} // computed: leave it to the user
		}
	}
	a := action{advice: advice}
	if st.src(m) == nil {
		return a
	}
	end := -1
	for _, imp := range m.Sum.Imports {
		if imp.Kind == syntax.ImportStatic && imp.StmtSpan.End > end {
			end = imp.StmtSpan.End
		}
	}
	if end < 0 {
		a.edits = []analysis.TextEdit{edit(m, 0, 0, "export const dynamic = \"force-dynamic\";\n\n")}
		return a
	}
	a.edits = []analysis.TextEdit{edit(m, end, end, "\n\nexport const dynamic = \"force-dynamic\";")}
	return a
}

// deleteStatement removes a directive statement, with its line when it is
// alone on it.
func (st *state) deleteStatement(m *ssrgraph.Module, sp syntax.Span) (analysis.TextEdit, bool) {
	src := st.src(m)
	if src == nil || sp.End > len(src) {
		return analysis.TextEdit{}, false
	}
	start, end := sp.Start, sp.End
	ls := start
	for ls > 0 && (src[ls-1] == ' ' || src[ls-1] == '\t') {
		ls--
	}
	le := end
	for le < len(src) && (src[le] == ' ' || src[le] == '\t' || src[le] == '\r') {
		le++
	}
	if (ls == 0 || src[ls-1] == '\n') && (le == len(src) || src[le] == '\n') {
		start = ls
		end = le
		if end < len(src) {
			end++
		}
	}
	return edit(m, start, end, ""), true
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// skipBlank returns the offset of the first byte in src[i:end] that is
// neither whitespace nor inside a comment.
func skipBlank(src []byte, i, end int) int {
	for i < end {
		switch {
		case isSpace(src[i]):
			i++
		case bytes.HasPrefix(src[i:end], []byte("//")):
			nl := bytes.IndexByte(src[i:end], '\n')
			if nl < 0 {
				return end
			}
			i += nl + 1
		case bytes.HasPrefix(src[i:end], []byte("/*")):
			c := bytes.Index(src[i+2:end], []byte("*/"))
			if c < 0 {
				return end
			}
			i += 2 + c + 2
		default:
			return i
		}
	}
	return i
}
