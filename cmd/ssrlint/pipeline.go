package main

import (
	"fmt"
	"go/token"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/all"
	"github.com/ssrlint/ssrlint/analyzers/checker"
	"github.com/ssrlint/ssrlint/analyzers/config"
	"github.com/ssrlint/ssrlint/analyzers/dotenv"
	"github.com/ssrlint/ssrlint/analyzers/project"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/suppress"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/cmd/ssrlint/internal/report"
	"github.com/ssrlint/ssrlint/rules"
)

// The report pipeline, in the order golangci-lint taught everyone: rule
// severities and ignore globs from the configuration, then ssrlint-ignore
// comments (and the comments that suppressed nothing), then the
// restriction to given files or changed lines, then the baseline. Each stage
// is a small function over []*finding.

// finding is a diagnostic on its way to the report.
type finding struct {
	report.Diagnostic
	app           *project.App
	file          string // absolute file name; "" without a position
	line, endLine int
}

// pipeline holds what the stages need to know about the run.
type pipeline struct {
	res      *checker.Result
	cfg      *config.Config
	readFile func(string) ([]byte, error)
	// maskedRead reads lines for fingerprints: .env values never reach a
	// hash that is written to a file.
	maskedRead func(string) ([]byte, error)

	settings map[*project.App]*config.Settings
	modules  map[string]*ssrgraph.Module // by absolute path, from the first app that has it
	fileApp  map[string]*project.App     // source and .env files → their (first) app
	tokFiles map[string]*token.File
	lines    map[string][]string
}

func newPipeline(res *checker.Result, cfg *config.Config, readFile, maskedRead func(string) ([]byte, error)) *pipeline {
	p := &pipeline{res: res, cfg: cfg, readFile: readFile, maskedRead: maskedRead,
		settings: map[*project.App]*config.Settings{}, modules: map[string]*ssrgraph.Module{},
		fileApp: map[string]*project.App{}, tokFiles: map[string]*token.File{}, lines: map[string][]string{}}
	for _, app := range res.Apps {
		p.settings[app] = cfg.ForApp(app.Dir)
		if g, _ := res.Results[app][ssrgraph.Analyzer].(*ssrgraph.Graph); g != nil {
			for _, m := range g.Modules {
				if _, ok := p.modules[m.Path]; !ok {
					p.modules[m.Path] = m
					p.fileApp[m.Path] = app
				}
			}
		}
		for _, f := range app.ConfigFiles {
			if _, ok := p.fileApp[f]; !ok {
				p.fileApp[f] = app
			}
		}
	}
	res.Fset.Iterate(func(f *token.File) bool {
		if _, ok := p.tokFiles[f.Name()]; !ok {
			p.tokFiles[f.Name()] = f
		}
		return true
	})
	return p
}

// settingsFor returns the configuration of the app that file belongs to
// (or app, when given).
func (p *pipeline) settingsFor(app *project.App, file string) *config.Settings {
	if app == nil {
		app = p.fileApp[file]
	}
	if s, ok := p.settings[app]; ok {
		return s
	}
	return p.cfg.ForApp(filepath.Dir(file))
}

// defaultSeverity is a rule's severity from its documentation.
func defaultSeverity(rule string) config.Severity {
	if doc, ok := rules.Doc(rule); ok && doc.Severity == string(config.SeverityWarning) {
		return config.SeverityWarning
	}
	return config.SeverityError
}

// collect turns the analyzers' diagnostics into findings with their
// configured severity, dropping rules switched off and ignored files.
func (p *pipeline) collect() []*finding {
	var out []*finding
	for _, d := range p.res.Diagnostics {
		rule := d.Analyzer.Name
		f := p.newFinding(d.Diagnostic, rule, d.App)
		if f == nil {
			continue
		}
		if doc, ok := rules.Doc(rule); ok {
			f.Help = doc.Help
		}
		if d.Category == ssrgraph.TraceCategory {
			for _, r := range d.Related {
				f.Trace = append(f.Trace, r.Message)
			}
		}
		out = append(out, f)
	}
	return out
}

// newFinding resolves a diagnostic's position and severity; nil when the
// configuration switches it off or ignores its file.
func (p *pipeline) newFinding(d analysis.Diagnostic, rule string, app *project.App) *finding {
	f := &finding{Diagnostic: report.Diagnostic{Diagnostic: d, Rule: rule}, app: app}
	if pos := p.res.Fset.Position(d.Pos); pos.IsValid() {
		f.file, f.line, f.endLine = pos.Filename, pos.Line, pos.Line
		if end := p.res.Fset.Position(d.End); end.IsValid() && end.Filename == pos.Filename && end.Line > pos.Line {
			f.endLine = end.Line
			if end.Column == 1 {
				f.endLine-- // a range ending at a line start does not cover that line
			}
		}
	}
	s := p.settingsFor(app, f.file)
	sev := s.Severity(rule, defaultSeverity(rule))
	if sev == config.SeverityOff || (f.file != "" && s.Ignored(f.file)) {
		return nil
	}
	f.Severity = report.Severity(sev)
	return f
}

// suppressions drops the findings an ssrlint-ignore comment covers and adds
// findings for malformed, unknown-rule and unused comments.
func (p *pipeline) suppressions(fs []*finding) []*finding {
	set := suppress.NewSet()
	for path, m := range p.modules {
		set.Add(path, m.Sum.Suppressions)
	}
	for path := range p.fileApp {
		if dotenv.IsEnvFile(path) {
			if src, err := p.readFile(path); err == nil {
				set.Add(path, suppress.Env(src))
			}
		}
	}
	var kept []*finding
	for _, f := range fs {
		if f.file == "" {
			kept = append(kept, f)
			continue
		}
		if !set.Has(f.file) {
			// A file outside the graph (a config file a rule reports on):
			// read its comments now.
			var sups []syntax.Suppression
			if syntax.IsSource(f.file) {
				if src, err := p.readFile(f.file); err == nil {
					if sum, err := syntax.Parse(f.file, src, nil); err == nil {
						sups = sum.Suppressions
					}
				}
			}
			set.Add(f.file, sups)
		}
		if !set.Match(f.file, f.line, f.Rule) {
			kept = append(kept, f)
		}
	}
	known := func(rule string) bool { return rule == suppress.Rule || all.ByName(rule) != nil }
	active := func(file, rule string) bool {
		return all.ByName(rule) != nil && p.settingsFor(nil, file).Severity(rule, defaultSeverity(rule)) != config.SeverityOff
	}
	for _, prob := range set.Problems(known, active) {
		tf := p.tokenFile(prob.File)
		if tf == nil || prob.Span.End > tf.Size() {
			continue
		}
		d := analysis.Diagnostic{Pos: tf.Pos(prob.Span.Start), End: tf.Pos(prob.Span.End), Message: prob.Message}
		f := p.newFinding(d, suppress.Rule, p.fileApp[prob.File])
		if f == nil {
			continue
		}
		f.Help = "write // ssrlint-ignore <rule>[,<rule>] -- <reason> on the line before the finding, or ssrlint-ignore-file for the whole file"
		kept = append(kept, f)
	}
	return kept
}

// tokenFile returns the FileSet's file of that name, adding it (from
// readFile) when no analyzer did: a .env file with a suppression but no
// finding, say.
func (p *pipeline) tokenFile(name string) *token.File {
	if tf, ok := p.tokFiles[name]; ok {
		return tf
	}
	src, err := p.readFile(name)
	if err != nil {
		return nil
	}
	tf := p.res.Fset.AddFile(name, -1, len(src))
	tf.SetLinesForContent(src)
	p.tokFiles[name] = tf
	return tf
}

// lineText returns the 1-based line of a file without its line ending.
func (p *pipeline) lineText(file string, line int) string {
	ls, ok := p.lines[file]
	if !ok {
		if src, err := p.maskedRead(file); err == nil {
			ls = strings.Split(string(src), "\n")
		}
		p.lines[file] = ls
	}
	if line < 1 || line > len(ls) {
		return ""
	}
	return strings.TrimSuffix(ls[line-1], "\r")
}

// scope restricts the report to some files or some changed lines, keeping
// findings elsewhere whose import trace passes through them.
type scope struct {
	files   map[string]bool // --  files given on the command line; nil: no restriction
	dirs    []string        // directories given alongside files: reported whole
	changes *changeSet      // nil: no restriction
}

// restrict keeps the findings in scope. A finding in an unchanged (or not
// given) file stays when a position on its import trace is in scope, or a
// change touches the directive prologue of a module on the trace (a removed
// "use client"); it then says which file made it appear.
func (p *pipeline) restrict(fs []*finding, sc scope, rel func(string) string) []*finding {
	var kept []*finding
	for _, f := range fs {
		if f.file == "" { // a whole-project finding
			kept = append(kept, f)
			continue
		}
		if sc.files != nil && !sc.files[f.file] && !under(f.file, sc.dirs) {
			cause := ""
			for _, r := range f.Related {
				if pos := p.res.Fset.Position(r.Pos); pos.IsValid() && sc.files[pos.Filename] {
					cause = pos.Filename
					break
				}
			}
			if cause == "" {
				continue
			}
			f.Notes = append(f.Notes, fmt.Sprintf("reported because its import trace passes through %s", rel(cause)))
		}
		if sc.changes != nil {
			if sc.changes.files[f.file].firstIn(f.line, f.endLine) == 0 {
				note := p.changeCause(f, sc.changes, rel)
				if note == "" {
					continue
				}
				f.Notes = append(f.Notes, note)
			}
		}
		kept = append(kept, f)
	}
	return kept
}

// changeCause returns the note for a finding that a change elsewhere on
// its import trace brought in, or "".
func (p *pipeline) changeCause(f *finding, cs *changeSet, rel func(string) string) string {
	seen := map[string]bool{}
	for _, r := range f.Related {
		pos := p.res.Fset.Position(r.Pos)
		if !pos.IsValid() {
			continue
		}
		cf := cs.files[pos.Filename]
		if cf == nil {
			continue
		}
		end := pos.Line
		if e := p.res.Fset.Position(r.End); e.IsValid() && e.Filename == pos.Filename && e.Line > end {
			end = e.Line
		}
		if l := cf.firstIn(pos.Line, end); l > 0 {
			return fmt.Sprintf("reported because %s changed %s: line %d is on the import trace", rel(pos.Filename), cs.what, l)
		}
		if !seen[pos.Filename] {
			seen[pos.Filename] = true
			if l := cf.firstIn(1, p.prologueEnd(pos.Filename)); l > 0 {
				if pos.Filename == f.file {
					return fmt.Sprintf("reported because its directives changed %s (line %d)", cs.what, l)
				}
				return fmt.Sprintf("reported because the directives of %s, on the import trace, changed %s (line %d)", rel(pos.Filename), cs.what, l)
			}
		}
	}
	if !seen[f.file] {
		if l := cs.files[f.file].firstIn(1, p.prologueEnd(f.file)); l > 0 {
			return fmt.Sprintf("reported because its directives changed %s (line %d)", cs.what, l)
		}
	}
	return ""
}

// prologueEnd is the last line of a module's directive prologue as far as
// the summary tells: the line of its first import, export or directive
// (a deleted "use client" leaves its neighbour line changed, which is this
// one when the prologue is gone). 1 when unknown.
func (p *pipeline) prologueEnd(file string) int {
	m := p.modules[file]
	if m == nil {
		return 1
	}
	first := -1
	consider := func(off int) {
		if first < 0 || off < first {
			first = off
		}
	}
	for _, imp := range m.Sum.Imports {
		consider(imp.StmtSpan.Start)
	}
	for _, e := range m.Sum.Exports {
		consider(e.Span.Start)
	}
	for _, d := range m.Sum.Directives {
		consider(d.Span.Start)
	}
	if first < 0 || first > m.File.Size() {
		return 1
	}
	return p.res.Fset.Position(m.Pos(first)).Line
}

func under(file string, dirs []string) bool {
	for _, d := range dirs {
		if file == d || strings.HasPrefix(file, d+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// sortFindings orders findings as the report does, so that fingerprint
// occurrence numbers and fix order are stable.
func sortFindings(fset *token.FileSet, fs []*finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.file != b.file {
			return a.file < b.file
		}
		pa, pb := fset.Position(a.Pos), fset.Position(b.Pos)
		if pa.Offset != pb.Offset {
			return pa.Offset < pb.Offset
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}
