// Package suppress applies ssrlint-ignore comments to diagnostics and finds
// the comments that suppress nothing. It also computes the fingerprints that
// identify a finding across edits, for baselines and SARIF.
//
// The comments themselves are found while parsing (syntax.Summary's
// Suppressions, cached with the rest of the summary) or, for .env files,
// by Env. A Set collects them per file; Match answers, for one finding,
// whether a suppression covers it and records that the suppression was
// used; Problems then lists malformed, unknown-rule and unused ones. The
// CLI and the language server share this package, so an editor shows the
// same "unused suppression" the CI fails on.
package suppress

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/ssrlint/ssrlint/analyzers/dotenv"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// Rule is the rule id of the diagnostics about suppressions themselves:
// malformed comments, unknown rule names, suppressions that match nothing.
// It can be configured like any rule ("suppression": "warning").
const Rule = "suppression"

// Set holds the suppressions of a run, by file. The zero value is not
// usable; call NewSet.
type Set struct {
	files map[string][]*entry
}

type entry struct {
	syntax.Suppression
	used map[string]bool // rule → matched a finding
}

// NewSet returns an empty Set.
func NewSet() *Set { return &Set{files: map[string][]*entry{}} }

// Add records the suppressions of a file (absolute path). Adding a file
// twice (a workspace file shared by two apps) keeps the first.
func (s *Set) Add(file string, sups []syntax.Suppression) {
	if _, dup := s.files[file]; dup {
		return
	}
	es := make([]*entry, len(sups))
	for i, sup := range sups {
		es[i] = &entry{Suppression: sup, used: map[string]bool{}}
	}
	s.files[file] = es
}

// Has reports whether the file's suppressions were added.
func (s *Set) Has(file string) bool {
	_, ok := s.files[file]
	return ok
}

// Match reports whether a finding of rule starting on line (1-based) of
// file is suppressed, and marks the matching suppressions used. A malformed
// suppression (no reason) matches nothing. Findings of Rule itself are
// never suppressed: a broken suppression must not hide its own report.
func (s *Set) Match(file string, line int, rule string) bool {
	if rule == Rule {
		return false
	}
	matched := false
	for _, e := range s.files[file] {
		if e.Problem != "" || (!e.File && e.Line != line) {
			continue
		}
		for _, r := range e.Rules {
			if r == rule {
				e.used[r] = true
				matched = true
			}
		}
	}
	return matched
}

// Problem is a diagnostic about a suppression comment.
type Problem struct {
	File    string      // absolute path
	Span    syntax.Span // the comment
	Message string
}

// Problems returns the malformed suppressions, rule names that known
// rejects, and rules that suppressed nothing, sorted by file and position.
// Call it after every finding went through Match. A rule for which active
// returns false (switched off for the file's app, say) is not reported as
// unused: it could not have matched.
func (s *Set) Problems(known func(rule string) bool, active func(file, rule string) bool) []Problem {
	var out []Problem
	for file, es := range s.files {
		for _, e := range es {
			directive := "ssrlint-ignore"
			where := fmt.Sprintf("on line %d", e.Line)
			if e.File {
				directive += "-file"
				where = "in this file"
			}
			if e.Problem != "" {
				out = append(out, Problem{file, e.Span, "malformed suppression: " + e.Problem})
				continue
			}
			var unknown, unused []string
			for _, r := range e.Rules {
				switch {
				case !known(r):
					unknown = append(unknown, r)
				case !e.used[r] && active(file, r):
					unused = append(unused, r)
				}
			}
			if len(unknown) > 0 {
				out = append(out, Problem{file, e.Span, fmt.Sprintf("%s names unknown rule%s %s (ssrlint rules lists them)", directive, plural(len(unknown)), quoteAll(unknown))})
			}
			if len(unused) == 0 {
				continue
			}
			msg := fmt.Sprintf("%s %s suppresses no finding %s: remove it", directive, strings.Join(unused, ","), where)
			if len(unused)+len(unknown) < len(e.Rules) {
				msg = fmt.Sprintf("%s %s %s suppresses no finding %s: remove %s from the list", "rule"+plural(len(unused)), quoteAll(unused), "in this "+directive, where, them(len(unused)))
			}
			out = append(out, Problem{file, e.Span, msg})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		if out[i].Span.Start != out[j].Span.Start {
			return out[i].Span.Start < out[j].Span.Start
		}
		return out[i].Message < out[j].Message
	})
	return out
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// Env finds the suppressions of a .env file: `# ssrlint-ignore rule --
// reason` alone on a line applies to the next line (skipping further
// comment lines, as in source files); after a value, to that line. Lines
// inside a multi-line quoted value are not comments.
func Env(src []byte) []syntax.Suppression {
	entries := dotenv.Parse(src)
	var values []dotenv.Span // multi-line values, whose lines are not comments
	trailing := map[int]dotenv.Span{}
	for _, e := range entries {
		if e.Multiline(src) {
			values = append(values, e.ValueSpan)
		}
		if e.Comment != (dotenv.Span{}) {
			trailing[e.Comment.Start] = e.Comment
		}
	}
	inValue := func(off int) bool {
		for _, v := range values {
			if off >= v.Start && off < v.End {
				return true
			}
		}
		return false
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	starts := make([]int, len(lines))
	for i, off := 0, 0; i < len(lines); i++ {
		starts[i] = off
		off += len(lines[i])
	}
	lineOf := func(off int) int {
		return sort.Search(len(starts), func(i int) bool { return starts[i] > off })
	}
	// commentAt returns the span of a whole-line comment on 0-based line i.
	commentAt := func(i int) (syntax.Span, bool) {
		if i >= len(lines) {
			return syntax.Span{}, false
		}
		text := lines[i]
		j := 0
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if j == len(text) || text[j] != '#' || inValue(starts[i]+j) {
			return syntax.Span{}, false
		}
		end := len(bytes.TrimRight(text, "\r\n"))
		return syntax.Span{Start: starts[i] + j, End: starts[i] + end}, true
	}
	var out []syntax.Suppression
	for i := range lines {
		sp, ok := commentAt(i)
		if !ok {
			continue
		}
		s, ok := syntax.ParseSuppression(string(src[sp.Start+1 : sp.End]))
		if !ok {
			continue
		}
		s.Span = sp
		if !s.File {
			next := i + 1
			for {
				if _, ok := commentAt(next); !ok {
					break
				}
				next++
			}
			s.Line = next + 1
		}
		out = append(out, s)
	}
	for _, c := range trailing {
		s, ok := syntax.ParseSuppression(string(src[c.Start:c.End]))
		if !ok {
			continue
		}
		s.Span = syntax.Span{Start: c.Start - 1, End: c.End}
		if !s.File {
			s.Line = lineOf(c.Start)
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// Fingerprint identifies a finding independently of its line number: the
// rule, the file's path (slash-separated, relative to a fixed directory), the
// text of the finding's first line without surrounding blanks, and the
// message. Lines added or removed above a finding keep its fingerprint;
// editing the line itself, renaming the file or a new message make a new
// finding. Two findings with equal fingerprints are told apart by their
// order in the file (see the callers). The result is 32 hex digits.
func Fingerprint(rule, path, lineText, message string) string {
	h := sha256.New()
	for _, part := range []string{rule, path, strings.TrimSpace(lineText), message} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}
