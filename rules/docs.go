package rules

import (
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// RuleDoc is the documentation of one rule, from rules/<Name>.md.
type RuleDoc struct {
	// Name is the rule id (the Analyzer name): "serverimport".
	Name string
	// Title is the one-line short description from the front matter.
	Title string
	// Severity is the default severity: "error" or "warning".
	Severity string
	// Since is the ssrlint version that introduced the rule.
	Since string
	// Help is the one-line fix printed under each diagnostic.
	Help string
	// Markdown is the document after its front matter.
	Markdown string
}

// Example is a fenced code block of a rule document that names its file
// (```tsx title="app/page.tsx"). The blocks of the Example section together
// form a small app with incorrect code; the Use instead blocks replace the
// files of the same name, and files they do not repeat stay as in Example.
// The examples were type-checked with tsc against Next 15, React 19 and
// @signalwire/js 4.0.0-beta.12 when written.
type Example struct {
	// Section is the "## " heading the block sits under.
	Section string
	// File is the path from the title attribute, relative to the app root.
	File string
	// Lang is the fence's language: tsx, ts, jsx, js, json.
	Lang string
	// Code is the block's content, ending in a newline.
	Code string
}

// RequiredSections are the "## " headings every rule document has, in this
// order.
var RequiredSections = []string{"What it does", "Why is this bad?", "Example", "Use instead", "Fix", "Options and data"}

var docsOnce = sync.OnceValue(mustLoad(loadDocs))

// Docs returns every rule's documentation, sorted by name.
func Docs() []RuleDoc { return append([]RuleDoc(nil), docsOnce()...) }

// Doc returns the documentation of the named rule.
func Doc(rule string) (RuleDoc, bool) {
	for _, d := range docsOnce() {
		if d.Name == rule {
			return d, true
		}
	}
	return RuleDoc{}, false
}

var ruleName = regexp.MustCompile(`^[a-z][a-z0-9]*$`)

func loadDocs() ([]RuleDoc, error) {
	paths, err := fs.Glob(files, "*.md")
	if err != nil {
		return nil, err
	}
	var docs []RuleDoc
	for _, p := range paths {
		src, err := files.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", p, err)
		}
		d, err := parseDoc(strings.TrimSuffix(p, ".md"), string(src))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		docs = append(docs, d)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Name < docs[j].Name })
	return docs, nil
}

// parseDoc splits a rule document into its front matter and body and checks
// both: known keys only, a valid severity, the required sections in order.
func parseDoc(name, src string) (RuleDoc, error) {
	d := RuleDoc{Name: name}
	if !ruleName.MatchString(name) {
		return d, fmt.Errorf("rule name %q is not a lower-case identifier", name)
	}
	src = strings.ReplaceAll(src, "\r\n", "\n")
	rest, ok := strings.CutPrefix(src, "---\n")
	if !ok {
		return d, fmt.Errorf("no front matter")
	}
	front, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		return d, fmt.Errorf("front matter is not closed by ---")
	}
	for _, line := range strings.Split(front, "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return d, fmt.Errorf("front matter line %q is not key: value", line)
		}
		value = strings.TrimSpace(value)
		switch strings.TrimSpace(key) {
		case "title":
			d.Title = value
		case "severity":
			d.Severity = value
		case "since":
			d.Since = value
		case "help":
			d.Help = value
		default:
			return d, fmt.Errorf("unknown front matter key %q", key)
		}
	}
	d.Markdown = strings.TrimLeft(body, "\n")
	switch {
	case d.Title == "" || d.Since == "":
		return d, fmt.Errorf("front matter needs title and since")
	case d.Severity != "error" && d.Severity != "warning":
		return d, fmt.Errorf("severity %q is neither error nor warning", d.Severity)
	case strings.HasSuffix(d.Title, ".") || strings.ToLower(d.Title[:1]) != d.Title[:1]:
		return d, fmt.Errorf("title %q must start lower-case and have no trailing period", d.Title)
	case !semver.MatchString(d.Since):
		return d, fmt.Errorf("since %q is not a version", d.Since)
	}
	if got := headings(d.Markdown); !inOrder(got, RequiredSections) {
		return d, fmt.Errorf("sections %q do not contain %q in order", got, RequiredSections)
	}
	if _, err := examples(d.Markdown); err != nil {
		return d, err
	}
	return d, nil
}

// Examples returns the document's code blocks that name their file, in
// document order.
func (d RuleDoc) Examples() []Example {
	ex, _ := examples(d.Markdown) // checked when the document was loaded
	return ex
}

var fenceTitle = regexp.MustCompile(`^([a-z]+)(?:\s+title="([^"]+)")?\s*$`)

// examples reads the fenced code blocks of a Markdown body, outside of
// which "## " lines are section headings.
func examples(md string) ([]Example, error) {
	var out []Example
	section := ""
	lines := strings.SplitAfter(md, "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], "\n")
		if h, ok := strings.CutPrefix(line, "## "); ok {
			section = strings.TrimSpace(h)
			continue
		}
		info, ok := strings.CutPrefix(line, "```")
		if !ok {
			continue
		}
		m := fenceTitle.FindStringSubmatch(info)
		if m == nil {
			return nil, fmt.Errorf("line %q: a code block needs a language (and may have title=\"file\")", line)
		}
		var code strings.Builder
		closed := false
		for i++; i < len(lines); i++ {
			if strings.TrimRight(lines[i], "\n") == "```" {
				closed = true
				break
			}
			code.WriteString(lines[i])
		}
		if !closed {
			return nil, fmt.Errorf("code block %q is not closed", line)
		}
		if m[2] != "" {
			out = append(out, Example{Section: section, File: m[2], Lang: m[1], Code: code.String()})
		}
	}
	return out, nil
}

// headings returns the "## " headings outside code blocks.
func headings(md string) []string {
	var out []string
	inCode := false
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "```") {
			inCode = !inCode
			continue
		}
		if h, ok := strings.CutPrefix(line, "## "); ok && !inCode {
			out = append(out, strings.TrimSpace(h))
		}
	}
	return out
}

// inOrder reports whether want is a subsequence of got.
func inOrder(got, want []string) bool {
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	return i == len(want)
}
