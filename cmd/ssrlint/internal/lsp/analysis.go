package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"go/token"
	"os"
	"sort"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/checker"
	"github.com/ssrlint/ssrlint/analyzers/config"
	"github.com/ssrlint/ssrlint/analyzers/dotenv"
	"github.com/ssrlint/ssrlint/analyzers/project"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/suppress"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/rules"
)

// changed records that something analysis depends on changed: a running
// analysis is now stale and is cancelled, and a new one is scheduled.
func (s *server) changed() {
	s.mu.Lock()
	if s.cancelRun != nil {
		s.cancelRun()
		s.cancelRun = nil
	}
	now := time.Now()
	s.burst = now.Sub(s.lastChange) < s.debounce
	s.lastChange = now
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default: // a run is already due
	}
}

// scheduler runs analyses one at a time. A change that comes alone (the
// previous one is older than the debounce time) is analysed at once; in a
// burst of changes, it waits until none has come for the debounce time.
// Either way a change cancels the analysis it makes stale. Once changes
// pause for verifyIdle after an analysis, files are compared with the disk
// (when the client does not watch them).
func (s *server) scheduler(ctx context.Context) {
	defer s.wg.Done()
	verifyDue := false
	for {
		var idle <-chan time.Time
		if verifyDue {
			idle = time.After(verifyIdle)
		}
		select {
		case <-ctx.Done():
			return
		case <-idle:
			verifyDue = false
			s.verify(ctx)
			continue
		case <-s.wake:
		}
		s.mu.Lock()
		d, burst := s.debounce, s.burst
		s.mu.Unlock()
		if burst {
			timer := time.NewTimer(d)
		quiet:
			for {
				select {
				case <-ctx.Done():
					timer.Stop()
					return
				case <-s.wake:
					timer.Reset(d)
				case <-timer.C:
					break quiet
				}
			}
		}
		s.analyze(ctx)
		verifyDue = true
	}
}

// verifyIdle is the pause in changes after which the server compares files
// with the disk, when the client does not watch them: not during a burst
// of edits, whose analyses it would slow down.
const verifyIdle = 250 * time.Millisecond

// verify, when the client does not report file changes, compares the files
// the session holds with the disk after an analysis (not before: the next
// edit's analysis should not wait for thousands of stats) and schedules a
// new analysis when some changed. A change from the client cancels it.
func (s *server) verify(ctx context.Context) {
	defer s.recoverGo("checking files on disk")
	s.mu.Lock()
	if s.watched || s.shutdown {
		s.mu.Unlock()
		return
	}
	vctx, cancel := context.WithCancel(ctx)
	s.cancelRun = cancel
	s.mu.Unlock()
	defer cancel()
	modified, deleted := s.sess.Verify(vctx)
	for _, p := range modified {
		s.sess.Changed(p, ssrgraph.Modified)
	}
	for _, p := range deleted {
		s.sess.Changed(p, ssrgraph.Deleted)
	}
	if len(modified)+len(deleted) > 0 {
		s.debugf("%d files changed on disk, %d deleted", len(modified), len(deleted))
		s.changed()
	}
}

// snapshot is what one run saw and found: the code actions of the next
// requests are computed from it.
type snapshot struct {
	run      uint64
	fset     *token.FileSet
	versions map[string]int // open documents' versions, by path
	// texts are the contents positions were computed on: overlays, and the
	// disk files that had findings (read once per run).
	mu    sync.Mutex
	texts map[string][]byte
	// diags are the findings by URI, in the order published.
	diags map[string][]found
}

// found is a finding as published, with what code actions need.
type found struct {
	lsp  Diagnostic
	diag checker.Diagnostic
	path string
}

// text returns the content the run saw for path.
func (sn *snapshot) text(path string) ([]byte, error) {
	sn.mu.Lock()
	defer sn.mu.Unlock()
	if b, ok := sn.texts[path]; ok {
		return b, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	sn.texts[path] = b
	return b, nil
}

// published is the last diagnostics sent for a URI, to send only changes.
type published struct {
	json []byte
}

// analyze runs the checker on the workspace with the open buffers as
// overlays and publishes what changed. A run cancelled by a newer change
// publishes nothing.
func (s *server) analyze(ctx context.Context) {
	defer s.recoverGo("analysing")
	s.mu.Lock()
	if s.shutdown {
		s.mu.Unlock()
		return
	}
	roots := s.analysisRoots()
	overlay := map[string][]byte{}
	versions := map[string]int{}
	for _, d := range s.openDocs() {
		overlay[d.path] = d.text
		versions[d.path] = d.version
	}
	runCtx, cancel := context.WithCancel(ctx)
	s.cancelRun = cancel
	s.runs++
	run := s.runs
	s.mu.Unlock()
	defer cancel()

	if len(roots) == 0 {
		s.publish(ctx, &snapshot{run: run, fset: token.NewFileSet(), versions: versions, texts: overlay, diags: map[string][]found{}})
		return
	}
	start := time.Now()
	res, err := checker.Run(roots, checker.Options{
		Analyzers: s.opts.Analyzers,
		Overlay:   overlay,
		Session:   s.sess,
		Context:   runCtx,
		// Extra packages, globals and secret patterns from ssrlint.json,
		// per app, as on the command line.
		AppFlags: func(app *project.App) map[*analysis.Analyzer]map[string]string {
			set := s.appSettings(app)
			if set == nil {
				return nil
			}
			flags, _ := set.Flags(s.opts.Analyzers)
			return flags
		},
		Prepare: func(app *project.App) {
			if set := s.appSettings(app); set != nil && set.NextDeclared {
				app.DeclareNextConfig(set.Next.PageExtensions, set.Next.Env, set.Next.CacheComponents)
			}
		},
	})
	if runCtx.Err() != nil {
		s.debugf("run %d cancelled after %v", run, time.Since(start).Round(time.Millisecond))
		return
	}
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			s.logf(MessageError, "analysis failed: %v", err)
		}
		return
	}
	texts := make(map[string][]byte, len(overlay))
	for p, b := range overlay {
		texts[p] = b
	}
	sn := &snapshot{run: run, fset: res.Fset, versions: versions, texts: texts, diags: map[string][]found{}}
	sups := suppress.NewSet()
	settings := map[*project.App]*config.Settings{}
	for _, d := range res.Diagnostics {
		if pos := res.Fset.Position(d.Pos); pos.IsValid() {
			if !sups.Has(pos.Filename) {
				sups.Add(pos.Filename, s.fileSuppressions(sn, res, d.App, pos.Filename))
			}
			if sups.Match(pos.Filename, pos.Line, d.Analyzer.Name) {
				continue
			}
		}
		set, ok := settings[d.App]
		if !ok {
			set = s.appSettings(d.App)
			settings[d.App] = set
		}
		f, ok := s.convert(sn, d)
		if !ok {
			continue
		}
		// The configuration file (ssrlint.json, …) decides as on the
		// command line: a rule switched off or an ignored file reports
		// nothing, and a configured severity replaces the default.
		if set != nil {
			sev := set.Severity(d.Analyzer.Name, "")
			if sev == config.SeverityOff || set.Ignored(f.path) {
				continue
			}
			switch sev {
			case config.SeverityError:
				f.lsp.Severity = SeverityError
			case config.SeverityWarning:
				f.lsp.Severity = SeverityWarning
			}
		}
		uri := uriOf(f.path)
		sn.diags[uri] = append(sn.diags[uri], f)
	}
	s.reportProblems(res)
	// A change that arrived meanwhile makes these findings stale; the next
	// run publishes.
	if runCtx.Err() != nil {
		return
	}
	s.publish(ctx, sn)
	s.debugf("run %d: %d findings in %d files, %v", run, len(res.Diagnostics), len(sn.diags), time.Since(start).Round(time.Millisecond))
}

// appSettings loads the configuration that applies to app, found upwards
// from its directory as the command line finds it; nil when there is none
// or it does not load (the error is logged: the editor shows the file's
// problems through the command line's messages).
func (s *server) appSettings(app *project.App) *config.Settings {
	if app == nil {
		return nil
	}
	path, err := config.Find(app.Dir)
	if err != nil || path == "" {
		return nil
	}
	cfg, err := config.Load(path)
	if err != nil {
		s.logf(MessageWarning, "configuration %s: %v", path, err)
		return nil
	}
	return cfg.ForApp(app.Dir)
}

// fileSuppressions returns the ssrlint-ignore comments of a file with
// findings: from its summary when it is a module of the app (parsed with
// the editor's unsaved text), otherwise read now (.env files, config files
// a rule reports on).
func (s *server) fileSuppressions(sn *snapshot, res *checker.Result, app *project.App, path string) []syntax.Suppression {
	if g, _ := res.Results[app][ssrgraph.Analyzer].(*ssrgraph.Graph); g != nil {
		if m := g.Module(path); m != nil {
			return m.Sum.Suppressions
		}
	}
	src, err := sn.text(path)
	if err != nil {
		return nil
	}
	switch {
	case dotenv.IsEnvFile(path):
		return suppress.Env(src)
	case syntax.IsSource(path):
		if sum, err := syntax.Parse(path, src, nil); err == nil {
			return sum.Suppressions
		}
	}
	return nil
}

// reportProblems logs what could not be analysed (to the server log only:
// broken config files and unresolved imports are not findings, and the
// editor's own TypeScript support reports syntax errors).
func (s *server) reportProblems(res *checker.Result) {
	for _, p := range res.Problems {
		key := p.Path + ": " + p.Message
		if !s.problems[key] {
			// Once per session: the same broken file is met on every run.
			s.problems[key] = true
			s.log.Printf("warning: %s", key)
		}
	}
}

// publish sends the snapshot's diagnostics for every URI whose diagnostics
// changed since they were last sent, including empty lists for URIs whose
// findings are gone, then makes the snapshot the current one.
func (s *server) publish(ctx context.Context, sn *snapshot) {
	s.mu.Lock()
	type note struct {
		uri    string
		params PublishDiagnosticsParams
		data   []byte
	}
	var notes []note
	uris := map[string]bool{}
	for uri := range sn.diags {
		uris[uri] = true
	}
	for uri := range s.published {
		uris[uri] = true
	}
	for uri := range uris {
		diags := make([]Diagnostic, 0, len(sn.diags[uri]))
		for _, f := range sn.diags[uri] {
			diags = append(diags, f.lsp)
		}
		p := PublishDiagnosticsParams{URI: uri, Diagnostics: diags}
		if path, err := pathOf(uri); err == nil {
			if v, ok := sn.versions[path]; ok {
				p.Version = &v
			}
		}
		// The version counts: a client may drop diagnostics it sees as
		// older than the buffer.
		data, _ := json.Marshal(p)
		if old, ok := s.published[uri]; ok && bytes.Equal(old.json, data) {
			continue
		}
		notes = append(notes, note{uri, p, data})
	}
	s.last = sn
	s.mu.Unlock()
	sort.Slice(notes, func(i, j int) bool { return notes[i].uri < notes[j].uri })
	for _, n := range notes {
		if err := s.rpc.Notify(ctx, "textDocument/publishDiagnostics", n.params); err != nil {
			s.log.Printf("publishing diagnostics for %s: %v", n.uri, err)
			return
		}
		s.mu.Lock()
		if len(n.params.Diagnostics) == 0 {
			delete(s.published, n.uri)
		} else {
			s.published[n.uri] = published{json: n.data}
		}
		s.mu.Unlock()
	}
}

// convert turns a checker diagnostic into an LSP one on the text the run saw.
func (s *server) convert(sn *snapshot, d checker.Diagnostic) (found, bool) {
	tf := sn.fset.File(d.Pos)
	if tf == nil {
		return found{}, false
	}
	path := tf.Name()
	src, err := sn.text(path)
	if err != nil {
		s.log.Printf("reading %s: %v", path, err)
		return found{}, false
	}
	rng, ok := rangeOf(sn.fset, src, d.Pos, d.End)
	if !ok {
		return found{}, false
	}
	ld := Diagnostic{
		Range:    rng,
		Severity: severity(d.Analyzer),
		Code:     d.Analyzer.Name,
		Source:   "ssrlint",
		Message:  d.Message,
	}
	if d.Analyzer.URL != "" {
		ld.CodeDescription = &CodeDescription{Href: d.Analyzer.URL}
	}
	for i, r := range d.Related {
		rf := sn.fset.File(r.Pos)
		if rf == nil {
			continue
		}
		rsrc, err := sn.text(rf.Name())
		if err != nil {
			continue
		}
		rr, ok := rangeOf(sn.fset, rsrc, r.Pos, r.End)
		if !ok {
			continue
		}
		msg := r.Message
		if d.Category == ssrgraph.TraceCategory {
			if i == 0 {
				msg = "import trace starts at " + msg
			} else {
				msg = "imports " + msg
			}
		}
		ld.RelatedInformation = append(ld.RelatedInformation, DiagnosticRelatedInformation{
			Location: Location{URI: uriOf(rf.Name()), Range: rr},
			Message:  msg,
		})
	}
	return found{lsp: ld, diag: d, path: path}, true
}

// rangeOf converts a token.Pos range to an LSP range on src. An End of
// NoPos makes an empty range.
func rangeOf(fset *token.FileSet, src []byte, pos, end token.Pos) (Range, bool) {
	tf := fset.File(pos)
	if tf == nil {
		return Range{}, false
	}
	start := tf.Offset(pos)
	stop := start
	if end.IsValid() && fset.File(end) == tf && end >= pos {
		stop = tf.Offset(end)
	}
	return Range{Start: positionOf(src, start), End: positionOf(src, stop)}, true
}

// severity is the rule's default severity from its documentation.
func severity(a *analysis.Analyzer) int {
	if doc, ok := rules.Doc(a.Name); ok {
		switch doc.Severity {
		case "warning":
			return SeverityWarning
		case "info":
			return SeverityInformation
		case "hint":
			return SeverityHint
		}
	}
	return SeverityError
}
