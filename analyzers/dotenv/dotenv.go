// Package dotenv reads .env files the way Next.js loads them: @next/env
// parses them with the dotenv package (v16), whose grammar this package
// follows. It reports where each key and value is, never what a value is:
// callers name keys in messages, and Mask hides values from anything that
// prints source lines.
//
// The grammar, per line: optional blanks, an optional `export ` prefix, a
// key of letters, digits, `_`, `.` and `-`, then `=` (or `:` and a blank),
// then a value: quoted with ", ' or ` (the quotes may span lines, a backslash
// escapes the next character) or unquoted up to a `#` or the end of the
// line, trimmed. A `#` after the value starts a comment, as does a line
// whose first non-blank character is `#`. A line that does not fit is
// skipped, as dotenv skips it.
package dotenv

import (
	"bytes"
	"path/filepath"
	"strings"
)

// Span is a half-open byte range [Start, End) of the file's content.
type Span struct {
	Start, End int
}

// Entry is one KEY=value assignment.
type Entry struct {
	Key string
	// KeySpan covers the key.
	KeySpan Span
	// ValueSpan covers the value's raw text: inside the quotes for a quoted
	// value, trimmed of blanks for an unquoted one. Empty for `KEY=`.
	ValueSpan Span
	// Quote is the quote character of a quoted value, 0 when unquoted.
	Quote byte
	// Export is true for `export KEY=value`.
	Export bool
	// Comment covers the text after the `#` of a comment that follows the
	// value on its last line; zero when there is none.
	Comment Span
}

// Multiline reports whether the value spans more than one line.
func (e Entry) Multiline(src []byte) bool {
	return bytes.IndexByte(src[e.ValueSpan.Start:e.ValueSpan.End], '\n') >= 0
}

// Value decodes the entry's value as dotenv does: line endings normalised,
// and in a double-quoted value `\n` and `\r` turned into line breaks. Other
// backslashes are kept. Callers must not print it.
func (e Entry) Value(src []byte) string {
	v := string(src[e.ValueSpan.Start:e.ValueSpan.End])
	v = strings.ReplaceAll(v, "\r\n", "\n")
	if e.Quote == '"' {
		v = strings.ReplaceAll(v, `\n`, "\n")
		v = strings.ReplaceAll(v, `\r`, "\r")
	}
	return v
}

// IsEnvFile reports whether the file's name is .env or .env.<anything>: a
// file that holds environment values, whether or not Next loads it.
func IsEnvFile(path string) bool {
	base := filepath.Base(path)
	return base == ".env" || strings.HasPrefix(base, ".env.")
}

// nextLoads are the files `next dev` and `next build` load (@next/env's
// loadEnvConfig: .env.$mode.local, .env.local, .env.$mode, .env). The test
// mode's files are left out: only test runners load them.
var nextLoads = map[string]bool{
	".env": true, ".env.local": true,
	".env.development": true, ".env.development.local": true,
	".env.production": true, ".env.production.local": true,
}

// NextLoads reports whether Next.js loads the file when it runs or builds
// the app, by the file's name.
func NextLoads(path string) bool { return nextLoads[filepath.Base(path)] }

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\f' || c == '\v' }

func isKeyByte(c byte) bool {
	return c == '_' || c == '.' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// lineEnd returns the offset of the '\n' or '\r' ending the line that holds
// i, or len(src).
func lineEnd(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' && src[i] != '\r' {
		i++
	}
	return i
}

// nextLine returns the offset of the first byte after the line ending at
// end (which is a lineEnd result).
func nextLine(src []byte, end int) int {
	if end < len(src) && src[end] == '\r' {
		end++
	}
	if end < len(src) && src[end] == '\n' {
		end++
	}
	return end
}

// Parse returns the file's entries in source order. A key assigned twice
// appears twice; dotenv keeps the first (a later file in Next's order never
// overrides an earlier one either).
func Parse(src []byte) []Entry {
	var out []Entry
	for pos := 0; pos < len(src); {
		e, next, ok := parseLine(src, pos)
		if ok {
			out = append(out, e)
		}
		pos = next
	}
	return out
}

// parseLine parses the entry starting on the line at pos, if any, and
// returns the offset of the line after it (after the closing quote's line
// for a multi-line value).
func parseLine(src []byte, pos int) (Entry, int, bool) {
	skip := func() int { return nextLine(src, lineEnd(src, pos)) }
	i := pos
	for i < len(src) && isBlank(src[i]) {
		i++
	}
	if i >= len(src) || src[i] == '\n' || src[i] == '\r' || src[i] == '#' {
		return Entry{}, skip(), false
	}
	var e Entry
	if bytes.HasPrefix(src[i:], []byte("export")) && i+6 < len(src) && isBlank(src[i+6]) {
		j := i + 6
		for j < len(src) && isBlank(src[j]) {
			j++
		}
		if j < len(src) && isKeyByte(src[j]) {
			e.Export = true
			i = j
		}
	}
	k := i
	for k < len(src) && isKeyByte(src[k]) {
		k++
	}
	if k == i {
		return Entry{}, skip(), false
	}
	e.Key, e.KeySpan = string(src[i:k]), Span{i, k}
	j := k
	for j < len(src) && isBlank(src[j]) {
		j++
	}
	switch {
	case j < len(src) && src[j] == '=':
		j++
	case j+1 < len(src) && src[j] == ':' && isBlank(src[j+1]):
		j++
	default:
		return Entry{}, skip(), false
	}
	for j < len(src) && isBlank(src[j]) {
		j++
	}
	if j < len(src) && (src[j] == '"' || src[j] == '\'' || src[j] == '`') {
		if end, next, comment, ok := quoted(src, j); ok {
			e.Quote = src[j]
			e.ValueSpan = Span{j + 1, end}
			e.Comment = comment
			return e, next, true
		}
	}
	// Unquoted, or a quote that is not closed or is followed by more text:
	// the value runs to a # or the end of the line.
	end := lineEnd(src, j)
	v := j
	for v < end && src[v] != '#' {
		v++
	}
	if v < end {
		e.Comment = Span{v + 1, end}
	}
	ve := v
	for ve > j && isBlank(src[ve-1]) {
		ve--
	}
	e.ValueSpan = Span{j, ve}
	return e, nextLine(src, end), true
}

// quoted finds the closing quote of a value opening at q. It fails when the
// quote is never closed or the closing line has more than blanks and a
// comment after it.
func quoted(src []byte, q int) (end, next int, comment Span, ok bool) {
	c := src[q]
	i := q + 1
	for i < len(src) && src[i] != c {
		if src[i] == '\\' && i+1 < len(src) {
			i++
		}
		i++
	}
	if i >= len(src) {
		return 0, 0, Span{}, false
	}
	end = i
	i++
	for i < len(src) && isBlank(src[i]) {
		i++
	}
	le := lineEnd(src, i)
	if i < le {
		if src[i] != '#' {
			return 0, 0, Span{}, false
		}
		comment = Span{i + 1, le}
	}
	return end, nextLine(src, le), comment, true
}

// Mask is the placeholder that replaces values in Mask's output.
const Mask = "****"

// MaskValues returns src with every value and comment replaced by Mask,
// line by line: a line that starts an entry keeps its text up to the `=`,
// every other non-blank line becomes Mask. The line structure (and so every
// line and column before a value) is kept, so that code frames built from
// the result point where positions computed from src point.
func MaskValues(src []byte) []byte {
	keep := map[int]int{} // line start → offset after the entry's separator
	for _, e := range Parse(src) {
		start := max(bytes.LastIndexByte(src[:e.KeySpan.Start], '\n'), bytes.LastIndexByte(src[:e.KeySpan.Start], '\r')) + 1
		sep := e.KeySpan.End
		for sep < len(src) && src[sep] != '=' && src[sep] != ':' {
			sep++
		}
		keep[start] = sep + 1
	}
	out := make([]byte, 0, len(src))
	for pos := 0; pos < len(src); {
		end := lineEnd(src, pos)
		next := nextLine(src, end)
		rest := pos
		if k, ok := keep[pos]; ok && k <= end {
			rest = k
		}
		out = append(out, src[pos:rest]...)
		if len(bytes.TrimSpace(src[rest:end])) > 0 {
			out = append(out, Mask...)
		}
		// A lone '\r' ends a line for the parser but not for line tables
		// built on '\n': keep the bytes as they are.
		out = append(out, src[end:next]...)
		if next == pos {
			break
		}
		pos = next
	}
	return out
}
