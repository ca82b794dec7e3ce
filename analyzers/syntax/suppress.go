package syntax

import (
	"bytes"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// Suppression is an ssrlint-ignore comment:
//
//	// ssrlint-ignore serverimport,moduleglobal -- the SDK is mocked in this story
//	// ssrlint-ignore-file moduleglobal -- this module only runs in the browser
//	{/* ssrlint-ignore moduleglobal -- … */}   (JSX)
//	# ssrlint-ignore publicsecret -- …          (.env files, see ParseSuppression)
//
// The first form suppresses the listed rules' findings that start on one
// line, the second those anywhere in the file. A reason after " -- " is
// required; a malformed suppression (no reason, no rule, an unknown
// ssrlint-ignore-* word) suppresses nothing and says why in Problem.
type Suppression struct {
	// Span covers the whole comment.
	Span Span
	// Line is the 1-based line whose findings are suppressed. A comment alone
	// on its line (a JSX comment's braces count as nothing) applies to the
	// next line, skipping further comment lines so that suppressions can be
	// stacked; a comment that shares its line with code applies to that line.
	// Line is 0 for a file-wide suppression.
	Line int
	// File is true for ssrlint-ignore-file.
	File bool
	// Rules are the rule names as written, in order.
	Rules []string
	// Reason is the text after " -- ", with runs of white space collapsed.
	Reason string
	// Problem is empty for a well-formed suppression.
	Problem string
}

// suppressWord starts every suppression directive.
const suppressWord = "ssrlint-ignore"

// ParseSuppression parses the text of a comment without its delimiters
// ("//", "/* */", "#"). ok is false when the text is not an ssrlint-ignore
// directive at all, so that ordinary comments mentioning the word are left
// alone. Line and Span are left zero for the caller.
func ParseSuppression(text string) (s Suppression, ok bool) {
	t := strings.TrimLeft(text, " \t\r\n*")
	if !strings.HasPrefix(t, suppressWord) {
		return s, false
	}
	rest := t[len(suppressWord):]
	switch {
	case strings.HasPrefix(rest, "-file") && (len(rest) == len("-file") || isSpaceByte(rest[len("-file")])):
		s.File = true
		rest = rest[len("-file"):]
	case rest == "" || isSpaceByte(rest[0]):
	case rest[0] == '-' || rest[0] == ':' || rest[0] == '=':
		word := suppressWord + strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' })[0]
		s.Problem = "unknown directive " + word + ": write ssrlint-ignore <rule> -- <reason> (next line) or ssrlint-ignore-file <rule> -- <reason> (whole file)"
		return s, true
	default:
		return s, false // "ssrlint-ignored", a longer word
	}
	rulesPart, reason, hasReason := strings.Cut(rest, "--")
	for _, r := range strings.FieldsFunc(rulesPart, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
		s.Rules = append(s.Rules, r)
	}
	s.Reason = strings.Join(strings.Fields(reason), " ")
	directive := suppressWord
	if s.File {
		directive += "-file"
	}
	switch {
	case len(s.Rules) == 0:
		s.Problem = "no rule named: write " + directive + " <rule>[,<rule>] -- <reason>"
	case !hasReason || s.Reason == "":
		s.Problem = "a reason is required: write " + directive + " " + strings.Join(s.Rules, ",") + " -- <why this finding is fine>"
	}
	return s, true
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// suppressions finds ssrlint-ignore comments: a byte scan for the word, and
// tree-sitter confirms that each hit is a comment node, so the word inside a
// string or JSX text is not a directive.
func (f *file) suppressions() {
	word := []byte(suppressWord)
	var standalone []int // indexes into f.sum.Suppressions, in source order
	for off := 0; ; {
		i := bytes.Index(f.src[off:], word)
		if i < 0 {
			break
		}
		at := off + i
		off = at + len(word)
		n := f.nodeAt(at, at+len(word))
		if n == nil || n.Type() != "comment" || inJSXText(n) {
			continue
		}
		sp := span(n)
		off = max(off, sp.End) // one directive per comment
		s, ok := ParseSuppression(commentBody(f.text(n)))
		if !ok {
			continue
		}
		s.Span = sp
		alone := false
		if !s.File {
			before, after := f.lineAround(sp)
			alone = before == "" && after == ""
			if alone {
				s.Line = f.lineOf(sp.End) + 1
			} else if before != "" {
				s.Line = f.lineOf(sp.Start)
			} else {
				s.Line = f.lineOf(sp.End)
			}
		}
		f.sum.Suppressions = append(f.sum.Suppressions, s)
		if alone {
			standalone = append(standalone, len(f.sum.Suppressions)-1)
		}
	}
	// Stacked comments: a standalone suppression whose next line is another
	// comment alone on its line applies past it. Walk backwards so that each
	// later suppression is resolved before the one above it.
	startLine := map[int]int{} // first line of a standalone suppression → its Line
	for k := len(standalone) - 1; k >= 0; k-- {
		s := &f.sum.Suppressions[standalone[k]]
		for {
			if next, ok := startLine[s.Line]; ok {
				s.Line = next
				break
			}
			end, ok := f.commentLine(s.Line)
			if !ok {
				break
			}
			s.Line = end + 1
		}
		startLine[f.lineOf(s.Span.Start)] = s.Line
	}
}

// inJSXText reports whether a comment node is really JSX text: the grammar
// lets comments appear anywhere, so "<p>// x</p>" yields a comment that is a
// direct child of the element. Real JSX comments sit in braces, inside a
// jsx_expression.
func inJSXText(n *sitter.Node) bool {
	p := n.Parent()
	return p != nil && p.Type() == "jsx_element"
}

// commentBody strips a comment's delimiters.
func commentBody(text string) string {
	switch {
	case strings.HasPrefix(text, "//"):
		return text[2:]
	case strings.HasPrefix(text, "/*"):
		return strings.TrimSuffix(text[2:], "*/")
	}
	return text
}

// lineOf returns the 1-based line of a byte offset.
func (f *file) lineOf(off int) int { return int(f.point(off).Row) + 1 }

// lineAround returns the trimmed text before a span on its first line and
// after it on its last line, without a JSX expression container's braces.
func (f *file) lineAround(sp Span) (before, after string) {
	ls := sp.Start
	for ls > 0 && f.src[ls-1] != '\n' {
		ls--
	}
	le := sp.End
	for le < len(f.src) && f.src[le] != '\n' {
		le++
	}
	before = strings.TrimSpace(string(f.src[ls:sp.Start]))
	after = strings.TrimSpace(string(f.src[sp.End:le]))
	if strings.HasSuffix(before, "{") && strings.HasPrefix(after, "}") {
		before = strings.TrimSpace(strings.TrimSuffix(before, "{"))
		after = strings.TrimSpace(strings.TrimPrefix(after, "}"))
	}
	return before, after
}

// commentLine reports whether 1-based line holds nothing but a comment (in
// JSX, inside braces), and returns the comment's last line.
func (f *file) commentLine(line int) (int, bool) {
	if line < 1 || line > len(f.lines) {
		return 0, false
	}
	start := f.lines[line-1]
	i := start
	for i < len(f.src) && (f.src[i] == ' ' || f.src[i] == '\t') {
		i++
	}
	if i < len(f.src) && f.src[i] == '{' {
		i++
		for i < len(f.src) && (f.src[i] == ' ' || f.src[i] == '\t') {
			i++
		}
	}
	if i+1 >= len(f.src) || f.src[i] != '/' || (f.src[i+1] != '/' && f.src[i+1] != '*') {
		return 0, false
	}
	n := f.nodeAt(i, i+2)
	if n == nil || n.Type() != "comment" || int(n.StartByte()) != i || inJSXText(n) {
		return 0, false
	}
	sp := span(n)
	if before, after := f.lineAround(sp); before != "" || after != "" {
		return 0, false
	}
	return f.lineOf(sp.End), true
}
