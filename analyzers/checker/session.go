package checker

import (
	"context"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/project"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
)

// Session carries state from one Run to the next for a long-lived caller
// such as the language server: the apps discovered under each root and
// their file lists (until a file is created or deleted), and the graph
// builder's per-file summaries and import resolutions (ssrgraph.Session).
// Pass the same Session in Options for every run; runs with one Session
// must not overlap. Changed may be called at any time.
type Session struct {
	graph *ssrgraph.Session

	mu         sync.Mutex
	discovered map[string]discovery // root → its apps
	files      map[string][]string  // app dir → AllFiles
}

type discovery struct {
	apps     []*project.App
	problems []project.Problem
}

// NewSession returns an empty Session.
func NewSession() *Session {
	return &Session{graph: ssrgraph.NewSession(), discovered: map[string]discovery{}, files: map[string][]string{}}
}

// Close releases what the session holds (esbuild contexts, temporary
// directories).
func (s *Session) Close() { s.graph.Close() }

// Changed reports a file-system change at path (absolute). Creations,
// deletions and changes to config files make the next run discover the
// apps again.
func (s *Session) Changed(path string, kind ssrgraph.Change) {
	s.graph.Changed(path, kind)
	if kind == ssrgraph.Modified && !discoveryInput(filepath.Base(path)) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.discovered = map[string]discovery{}
	s.files = map[string][]string{}
	project.ForgetFiles() // workspace packages' file lists, kept per process
}

// discoveryInput reports the files Discover reads: a change to one can add
// or remove an app, a workspace package or a router.
func discoveryInput(base string) bool {
	switch {
	case base == "package.json", base == "pnpm-workspace.yaml", base == ".gitignore",
		base == "jsconfig.json", base == ".env", strings.HasPrefix(base, ".env."),
		strings.HasPrefix(base, "tsconfig") && strings.HasSuffix(base, ".json"),
		strings.HasPrefix(base, "next.config."):
		return true
	}
	return false
}

func (s *Session) discover(root string) ([]*project.App, []project.Problem, error) {
	if s == nil {
		return project.Discover(root)
	}
	s.mu.Lock()
	d, ok := s.discovered[root]
	s.mu.Unlock()
	if ok {
		return d.apps, d.problems, nil
	}
	apps, problems, err := project.Discover(root)
	if err != nil {
		return nil, nil, err
	}
	s.mu.Lock()
	s.discovered[root] = discovery{apps, problems}
	s.mu.Unlock()
	return apps, problems, nil
}

func (s *Session) allFiles(app *project.App) []string {
	if s == nil {
		return app.AllFiles()
	}
	s.mu.Lock()
	files, ok := s.files[app.Dir]
	s.mu.Unlock()
	if ok {
		return files
	}
	files = app.AllFiles()
	s.mu.Lock()
	s.files[app.Dir] = files
	s.mu.Unlock()
	return files
}

// runFunc returns how to run a in this run: the session builds the shared
// graph incrementally.
func (s *Session) runFunc(ctx context.Context, a *analysis.Analyzer, overlay map[string][]byte) func(*analysis.Pass) (any, error) {
	if s == nil || a != ssrgraph.Analyzer {
		return a.Run
	}
	return func(pass *analysis.Pass) (any, error) { return s.graph.Build(ctx, pass, overlay) }
}

// TrustChanges says whether the caller reports every change on disk through
// Changed (its client watches the files); then runs no longer compare the
// files they know with the disk.
func (s *Session) TrustChanges(on bool) { s.graph.TrustChanges(on) }

// Verify returns the files the session read that changed on disk or are
// gone since; report them through Changed. See ssrgraph.Session.Verify.
func (s *Session) Verify(ctx context.Context) (modified, deleted []string) {
	return s.graph.Verify(ctx)
}
