package directive

import (
	"bytes"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// Analyzer reports directives that are ignored, conflicting or pointless.
var Analyzer = &analysis.Analyzer{
	Name:     "directive",
	Doc:      "report misplaced, conflicting and pointless \"use client\"/\"use server\" directives\n\nA directive only counts before every other statement; both directives in one file are rejected; \"use client\" cannot make a route handler, middleware or other server-only file run in the browser.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/directive.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

// serverOnly names the entry kinds that only ever run on the server, as
// they read in "this file is …".
var serverOnly = map[string]string{
	ssrgraph.EntryRouteHandler:    "a route handler",
	ssrgraph.EntryMetadataRoute:   "a metadata route",
	ssrgraph.EntryMiddleware:      "middleware",
	ssrgraph.EntryProxy:           "the proxy (middleware)",
	ssrgraph.EntryInstrumentation: "instrumentation",
	ssrgraph.EntryAPIRoute:        "a Pages Router API route",
	ssrgraph.EntryDocument:        "the Pages Router _document",
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	for _, m := range g.Modules {
		if quiet(m) {
			continue
		}
		src, err := pass.ReadFile(m.Path)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", m.Path, err)
		}
		check(pass, m, src)
	}
	return nil, nil
}

// quiet reports whether m's directives are all fine, so that check, which
// needs the source for its fixes, can be skipped: every directive is in the
// prologue, not both kinds, and no "use client" in a server-only file.
func quiet(m *ssrgraph.Module) bool {
	_, serverFile := serverOnly[m.Entry]
	for _, d := range m.Sum.Directives {
		if !d.InPrologue || d.Value == "use client" && serverFile {
			return false
		}
	}
	return !(m.Sum.UseClient && m.Sum.UseServer)
}

func check(pass *analysis.Pass, m *ssrgraph.Module, src []byte) {
	sum := m.Sum
	report := func(d syntax.Directive, msg string, fix *analysis.SuggestedFix) {
		start, end := m.Range(d.Span)
		diag := analysis.Diagnostic{Pos: start, End: end, Message: msg}
		if fix != nil {
			diag.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
		pass.Report(diag)
	}
	where, serverFile := serverOnly[m.Entry]
	inPrologue := map[string]bool{"use client": sum.UseClient, "use server": sum.UseServer}
	moved := map[string]bool{}
	seen := map[string]bool{} // prologue directives so far
	reportedBoth := false
	for _, d := range sum.Directives {
		if d.Span.End > len(src) {
			continue
		}
		other := "use server"
		if d.Value == "use server" {
			other = "use client"
		}
		switch {
		case d.Value == "use client" && serverFile:
			report(d, fmt.Sprintf(`this file is %s, which runs only on the server: "use client" cannot make it a Client Component; remove the directive`, where),
				&analysis.SuggestedFix{Message: `remove "use client"`, TextEdits: []analysis.TextEdit{deleteLine(m, src, d.Span)}})
		case d.InPrologue:
			seen[d.Value] = true
			if seen[other] && !reportedBoth {
				reportedBoth = true
				report(d, `"use client" and "use server" are both at the top of this file: Next rejects a module that is both a client boundary and a file of Server Functions; move the Server Functions into their own "use server" file`, nil)
			}
		case inPrologue[d.Value] || moved[d.Value]:
			report(d, fmt.Sprintf(`%q is repeated after other statements, where it is only a string: remove it`, d.Value),
				&analysis.SuggestedFix{Message: fmt.Sprintf("remove the repeated %q", d.Value), TextEdits: []analysis.TextEdit{deleteLine(m, src, d.Span)}})
		default:
			moved[d.Value] = true
			msg, fix := misplaced(m, src, d, inPrologue[other] || moved[other])
			report(d, msg, fix)
		}
	}
}

// misplaced describes a directive that is not in the prologue, with a fix
// that moves it to the top when that leaves a valid file.
func misplaced(m *ssrgraph.Module, src []byte, d syntax.Directive, conflict bool) (string, *analysis.SuggestedFix) {
	var msg string
	if d.Value == "use client" {
		msg = `"use client" is not at the top of the file, so it is only a string: Next ignores it and this module is not a client boundary, or fails the build ("The "use client" directive must be placed before other expressions")`
	} else {
		msg = `"use server" is not at the top of the file, so it is only a string: this module's exports are not Server Functions, and a Client Component that imports them gets their code instead of a reference to the server`
	}
	switch {
	case conflict:
		other := "use client"
		if d.Value == "use client" {
			other = "use server"
		}
		return msg + fmt.Sprintf("; moving it up would put it next to %q, which Next rejects: split the file in two", other), nil
	case d.Value == "use client" && exports(m.Sum, "metadata", "generateMetadata"):
		return msg + "; this file exports metadata, which a Client Component cannot: move the client part into its own file", nil
	case d.Value == "use server" && !allAsyncFunctions(m.Sum):
		// A "use server" file may only export async functions; whether
		// `export const f = async () => …` is one is not known here.
		return msg + "; move it above the imports (a \"use server\" file may export only async functions)", nil
	}
	text := src[d.Span.Start:d.Span.End]
	at, prefix := prologueStart(src)
	insert := append([]byte(prefix), text...)
	insert = append(insert, '\n')
	return msg + "; move it above the imports", &analysis.SuggestedFix{
		Message: fmt.Sprintf("move %q to the top of the file", d.Value),
		TextEdits: []analysis.TextEdit{
			{Pos: m.Pos(at), End: m.Pos(at), NewText: insert},
			deleteLine(m, src, d.Span),
		},
	}
}

func exports(sum *syntax.Summary, names ...string) bool {
	for _, e := range sum.Exports {
		for _, n := range names {
			if e.Name == n {
				return true
			}
		}
	}
	return false
}

// allAsyncFunctions reports whether every export is an `export async
// function` declared here.
func allAsyncFunctions(sum *syntax.Summary) bool {
	for _, e := range sum.Exports {
		if !e.Async || e.ReExport {
			return false
		}
	}
	return true
}

// prologueStart returns where a directive can be inserted: after a byte
// order mark, a shebang line and the comments that open the file. prefix is
// "\n" when the last comment is followed by more text on its line.
func prologueStart(src []byte) (at int, prefix string) {
	i := 0
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		i = 3
	}
	seen := false
	if bytes.HasPrefix(src[i:], []byte("#!")) {
		for i < len(src) && src[i] != '\n' {
			i++
		}
		seen = true
	}
	for {
		j := i
		for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r') {
			j++
		}
		if bytes.HasPrefix(src[j:], []byte("//")) {
			for j < len(src) && src[j] != '\n' {
				j++
			}
		} else if bytes.HasPrefix(src[j:], []byte("/*")) {
			end := bytes.Index(src[j+2:], []byte("*/"))
			if end < 0 {
				break
			}
			j += 2 + end + 2
		} else {
			break
		}
		i, seen = j, true
	}
	if !seen {
		return i, ""
	}
	k := i
	for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r') {
		k++
	}
	if k < len(src) && src[k] == '\n' {
		return k + 1, ""
	}
	return i, "\n"
}

// deleteLine removes the statement at s, and its whole line when nothing
// else is on it.
func deleteLine(m *ssrgraph.Module, src []byte, s syntax.Span) analysis.TextEdit {
	start, end := s.Start, s.End
	ls := start
	for ls > 0 && (src[ls-1] == ' ' || src[ls-1] == '\t') {
		ls--
	}
	le := end
	for le < len(src) && (src[le] == ' ' || src[le] == '\t' || src[le] == '\r') {
		le++
	}
	lineStart := ls == 0 || src[ls-1] == '\n'
	switch {
	case lineStart && (le == len(src) || src[le] == '\n'):
		start, end = ls, le
		if end < len(src) {
			end++
		}
	case lineStart && (bytes.HasPrefix(src[le:], []byte("//")) || bytes.HasPrefix(src[le:], []byte("/*"))):
		// Keep a trailing comment, at the start of the line.
		end = le
	}
	return analysis.TextEdit{Pos: m.Pos(start), End: m.Pos(end)}
}
