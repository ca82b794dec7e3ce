// Package report renders ssrlint diagnostics in the formats the CLI offers:
// "text" (code frames for people), "json" (a small stable schema for scripts,
// see [JSONReport]), "sarif" (SARIF 2.1.0 for GitHub code scanning and
// other SARIF consumers), "github" (GitHub Actions workflow commands, which
// become annotations on the pull request), "checkstyle" and "junit" (XML for
// CI systems that read those).
//
// Positions stay token.Pos values until this package turns them into
// file/line/column; every format is computed from one sorted, resolved list
// of diagnostics so the formats cannot disagree about what they report.
// The package prints only what it is given.
package report

import (
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Severity is how serious a diagnostic is. Its values are the words printed
// by every format and the SARIF result levels.
type Severity string

// The severities a diagnostic or a rule can carry.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Rule describes one analyzer for the formats that carry rule metadata
// (SARIF's tool.driver.rules) and for the "see:" note of the text format.
type Rule struct {
	Name     string   // rule id, e.g. "serverimport"; the Analyzer name
	Short    string   // one-line description
	Doc      string   // full help text, markdown
	HelpURI  string   // absolute URL of the rule's documentation, or ""
	Severity Severity // default severity
}

// Diagnostic is an analysis.Diagnostic together with what the driver knows
// about it: the rule that reported it, the severity after configuration, the
// import chain that makes it a problem and a one-line help.
type Diagnostic struct {
	analysis.Diagnostic
	Rule     string   // rule id; when empty, Diagnostic.Category is used
	Severity Severity // when empty, the rule's default, else warning
	Trace    []string // display chain, e.g. {"app/page.tsx", "lib/sw.ts", "@signalwire/js"}
	Help     string   // one-line help, or ""
	Notes    []string // extra lines, e.g. which changed file made a finding new
}

// Options carry what the formats need besides the diagnostics.
type Options struct {
	// Root is the absolute scanned root. Printed paths are relative to it and
	// slash-separated; files outside it are printed with absolute paths.
	Root string
	// Color enables ANSI colours in the text format. The caller decides
	// (terminal, NO_COLOR); the other formats ignore it.
	Color bool
	// ReadFile returns the content of a file named as in the FileSet. It is the
	// source for code frames, fingerprints and UTF-16 columns. Nil means
	// os.ReadFile. A file that cannot be read is reported without a frame.
	ReadFile func(path string) ([]byte, error)
	// Version is the ssrlint version recorded by the json and sarif formats.
	Version string
}

// toolName and toolURI identify ssrlint in machine-readable output.
const (
	toolName = "ssrlint"
	toolURI  = "https://github.com/ssrlint/ssrlint"
)

// Formats lists the supported format names; the first is the default.
func Formats() []string { return []string{"text", "json", "sarif", "github", "checkstyle", "junit"} }

// Write renders diags in the named format to w. An empty format means
// "text". Diagnostics are reported sorted by file, line, column and rule,
// whatever their order in diags. rules should list every rule that ran, so
// that SARIF consumers learn about rules that found nothing.
func Write(w io.Writer, format string, fset *token.FileSet, diags []Diagnostic, rules []Rule, opts Options) error {
	if fset == nil {
		fset = token.NewFileSet()
	}
	switch format {
	case "", "text", "json", "sarif", "github", "checkstyle", "junit":
	default:
		return fmt.Errorf("unknown output format %q (want one of %s)", format, strings.Join(Formats(), ", "))
	}
	r := newResolver(fset, opts)
	items := r.resolve(diags, rules)
	switch format {
	case "json":
		return writeJSON(w, r, items, opts)
	case "sarif":
		return writeSARIF(w, r, items, rules, opts)
	case "github":
		return writeGitHub(w, r, items)
	case "checkstyle":
		return writeCheckstyle(w, items)
	case "junit":
		return writeJUnit(w, items)
	default:
		return writeText(w, r, items, opts)
	}
}

// span is a resolved source range. Columns are 1-based byte columns, as in
// token.Position; end is exclusive. When the diagnostic had no end, end
// equals start and hasEnd is false.
type span struct {
	valid     bool
	file      string // file name as recorded in the FileSet
	path      string // display path: slash-separated, relative to Root when inside it
	inRoot    bool
	line, col int
	endLine   int
	endCol    int
	hasEnd    bool
	offset    int // byte offsets of start and end
	endOffset int
}

// item is a diagnostic with everything the formats print resolved.
type item struct {
	d       *Diagnostic
	rule    string
	sev     Severity
	at      span
	related []relatedItem
}

type relatedItem struct {
	at      span
	message string
}

// resolver turns positions into spans and reads sources, caching files.
type resolver struct {
	fset  *token.FileSet
	root  string
	read  func(string) ([]byte, error)
	files map[string]*sourceFile
}

func newResolver(fset *token.FileSet, opts Options) *resolver {
	read := opts.ReadFile
	if read == nil {
		read = os.ReadFile
	}
	root := opts.Root
	if root != "" {
		root = filepath.Clean(root)
	}
	return &resolver{fset: fset, root: root, read: read, files: map[string]*sourceFile{}}
}

// resolve resolves and sorts diags. Severity falls back to the rule's
// default, then to warning.
func (r *resolver) resolve(diags []Diagnostic, rules []Rule) []item {
	defaults := map[string]Severity{}
	for _, rl := range rules {
		defaults[rl.Name] = rl.Severity
	}
	items := make([]item, 0, len(diags))
	for i := range diags {
		d := &diags[i]
		it := item{d: d, rule: d.Rule}
		if it.rule == "" {
			it.rule = d.Category
		}
		it.sev = d.Severity
		if it.sev == "" {
			it.sev = defaults[it.rule]
		}
		if it.sev != SeverityError {
			it.sev = SeverityWarning
		}
		it.at = r.span(d.Pos, d.End)
		for _, rel := range d.Related {
			it.related = append(it.related, relatedItem{at: r.span(rel.Pos, rel.End), message: rel.Message})
		}
		items = append(items, it)
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		switch {
		case a.at.valid != b.at.valid:
			return !a.at.valid // position-less diagnostics first, like whole-project ones
		case a.at.path != b.at.path:
			return a.at.path < b.at.path
		case a.at.line != b.at.line:
			return a.at.line < b.at.line
		case a.at.col != b.at.col:
			return a.at.col < b.at.col
		case a.rule != b.rule:
			return a.rule < b.rule
		}
		return a.d.Message < b.d.Message
	})
	return items
}

func (r *resolver) span(pos, end token.Pos) span {
	if !pos.IsValid() {
		return span{}
	}
	p := r.fset.Position(pos)
	if !p.IsValid() {
		return span{}
	}
	s := span{valid: true, file: p.Filename, line: p.Line, col: p.Column, offset: p.Offset}
	s.path, s.inRoot = r.displayPath(p.Filename)
	s.endLine, s.endCol, s.endOffset = s.line, s.col, s.offset
	if end.IsValid() && end >= pos {
		if e := r.fset.Position(end); e.IsValid() && e.Filename == p.Filename {
			s.endLine, s.endCol, s.endOffset, s.hasEnd = e.Line, e.Column, e.Offset, true
		}
	}
	return s
}

// displayPath returns name relative to the root with forward slashes, and
// whether it lies inside the root. Names outside it stay absolute.
func (r *resolver) displayPath(name string) (string, bool) {
	if r.root != "" && filepath.IsAbs(name) {
		if rel, err := filepath.Rel(r.root, name); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && rel != "." {
			return filepath.ToSlash(rel), true
		}
	}
	return filepath.ToSlash(name), false
}

// sourceFile is a file's content split into lines.
type sourceFile struct {
	data   []byte
	starts []int // byte offset of each line's first byte
	ok     bool
}

func (r *resolver) source(name string) *sourceFile {
	if f, ok := r.files[name]; ok {
		return f
	}
	f := &sourceFile{}
	if data, err := r.read(name); err == nil {
		f.data, f.ok = data, true
		f.starts = append(f.starts, 0)
		for i, c := range data {
			if c == '\n' {
				f.starts = append(f.starts, i+1)
			}
		}
	}
	r.files[name] = f
	return f
}

// line returns the 1-based line n of the named file without its line ending.
func (r *resolver) line(name string, n int) (string, bool) {
	f := r.source(name)
	if !f.ok || n < 1 || n > len(f.starts) {
		return "", false
	}
	start := f.starts[n-1]
	end := len(f.data)
	if n < len(f.starts) {
		end = f.starts[n] - 1
	}
	text := string(f.data[start:end])
	return strings.TrimSuffix(text, "\r"), true
}

// counts returns the number of errors and warnings and of distinct files.
func counts(items []item) (errs, warns, files int) {
	seen := map[string]bool{}
	for _, it := range items {
		if it.sev == SeverityError {
			errs++
		} else {
			warns++
		}
		if it.at.valid && !seen[it.at.path] {
			seen[it.at.path] = true
			files++
		}
	}
	return errs, warns, files
}
