package lsp

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/creachadair/jrpc2"
	"golang.org/x/tools/go/analysis"
)

// codeAction offers, for each finding of the last run that touches the
// requested range: the rule's suggested fixes, and a suppression comment for
// the finding's line. Nothing is offered while the document has changed
// since that run (the client asks again when new diagnostics arrive).
func (s *server) codeAction(_ context.Context, req *jrpc2.Request) (any, error) {
	var p CodeActionParams
	if err := params(req, &p); err != nil {
		return nil, err
	}
	actions := []CodeAction{}
	if !wantsQuickFix(p.Context.Only) {
		return actions, nil
	}
	path, err := pathOf(p.TextDocument.URI)
	if err != nil {
		s.log.Printf("codeAction: %v", err)
		return actions, nil
	}
	s.mu.Lock()
	sn := s.last
	d := s.docs[path]
	s.mu.Unlock()
	if sn == nil {
		return actions, nil
	}
	if v, ok := sn.versions[path]; d != nil && (!ok || v != d.version) {
		return actions, nil
	}
	uri := uriOf(path)
	src, err := sn.text(path)
	if err != nil {
		return actions, nil
	}
	for _, f := range sn.diags[uri] {
		if !touches(f.lsp.Range, p.Range) {
			continue
		}
		for _, fix := range f.diag.SuggestedFixes {
			edit, err := s.workspaceEdit(sn, fix.TextEdits)
			if err != nil {
				s.log.Printf("fix %q for %s: %v", fix.Message, uri, err)
				continue
			}
			actions = append(actions, CodeAction{
				Title:       fix.Message,
				Kind:        KindQuickFix,
				Diagnostics: []Diagnostic{f.lsp},
				IsPreferred: len(f.diag.SuggestedFixes) == 1,
				Edit:        edit,
			})
		}
		actions = append(actions, ignoreAction(uri, path, src, f))
	}
	return actions, nil
}

func wantsQuickFix(only []string) bool {
	if len(only) == 0 {
		return true
	}
	for _, k := range only {
		if k == KindQuickFix || strings.HasPrefix(KindQuickFix, k+".") || k == "" {
			return true
		}
	}
	return false
}

// touches reports whether two ranges overlap or meet (a cursor at either
// end of a finding is on it).
func touches(a, b Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func before(x, y Position) bool {
	return x.Line < y.Line || x.Line == y.Line && x.Character < y.Character
}

// workspaceEdit converts analysis text edits, positions in the run's
// FileSet, into LSP text edits by document.
func (s *server) workspaceEdit(sn *snapshot, edits []analysis.TextEdit) (*WorkspaceEdit, error) {
	out := &WorkspaceEdit{Changes: map[string][]TextEdit{}}
	for _, e := range edits {
		tf := sn.fset.File(e.Pos)
		if tf == nil {
			return nil, fmt.Errorf("edit position outside every file")
		}
		src, err := sn.text(tf.Name())
		if err != nil {
			return nil, err
		}
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		rng, ok := rangeOf(sn.fset, src, e.Pos, end)
		if !ok {
			return nil, fmt.Errorf("edit position outside every file")
		}
		uri := uriOf(tf.Name())
		out.Changes[uri] = append(out.Changes[uri], TextEdit{Range: rng, NewText: string(e.NewText)})
	}
	for _, es := range out.Changes {
		sort.SliceStable(es, func(i, j int) bool { return before(es[i].Range.Start, es[j].Range.Start) })
	}
	return out, nil
}

// reasonPlaceholder is what the suppression comment says until the
// developer writes why the finding is fine (a reason is required).
const reasonPlaceholder = "<reason>"

// ignoreAction inserts an ssrlint-ignore comment for the finding's rule on
// its own line above the line the finding starts on, indented like it: a
// JSX comment in JSX children, a # comment in .env files, // elsewhere.
func ignoreAction(uri, path string, src []byte, f found) CodeAction {
	rule := f.diag.Analyzer.Name
	line := f.lsp.Range.Start.Line
	lineStart, _ := offsetOf(src, Position{Line: line})
	indentEnd := lineStart
	for indentEnd < len(src) && (src[indentEnd] == ' ' || src[indentEnd] == '\t') {
		indentEnd++
	}
	indent := string(src[lineStart:indentEnd])
	body := "ssrlint-ignore " + rule + " -- " + reasonPlaceholder
	var comment string
	switch {
	case strings.HasPrefix(filepath.Base(path), ".env"):
		comment = "# " + body
	case inJSXChildren(path, src, indentEnd):
		comment = "{/* " + body + " */}"
	default:
		comment = "// " + body
	}
	eol := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		eol = "\r\n"
	}
	at := Position{Line: line, Character: 0}
	return CodeAction{
		Title:       fmt.Sprintf("Ignore %s on this line", rule),
		Kind:        KindQuickFix,
		Diagnostics: []Diagnostic{f.lsp},
		Edit: &WorkspaceEdit{Changes: map[string][]TextEdit{
			uri: {{Range: Range{Start: at, End: at}, NewText: indent + comment + eol}},
		}},
	}
}

// inJSXChildren reports whether a line whose first non-blank byte is at off
// sits among JSX children, where a // comment would be text and the
// suppression must be {/* */}. The language server sees text, not syntax
// trees, so this reads the text around: the line opens a JSX element or
// expression ("<" or "{"), and the code before it, skipping blanks, ends a
// JSX tag (">" that is not part of "=>"), or closes an expression child
// ("}") before an element.
func inJSXChildren(path string, src []byte, off int) bool {
	switch filepath.Ext(path) {
	case ".tsx", ".jsx", ".js", ".mjs", ".cjs":
	default:
		return false
	}
	if off >= len(src) || (src[off] != '<' && src[off] != '{') {
		return false
	}
	i := off - 1
	for i >= 0 && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i--
	}
	if i < 0 {
		return false
	}
	switch src[i] {
	case '>':
		return i == 0 || src[i-1] != '='
	case '}':
		return src[off] == '<'
	}
	return false
}
