package ssrgraph

import (
	"go/token"
	"sync"
	"sync/atomic"

	"github.com/ssrlint/ssrlint/analyzers/resolve"
)

// The apps of a monorepo import the same workspace packages, whose files'
// imports every app would otherwise send to esbuild again: in a workspace of
// three apps and shared packages that is a third of all requests. Where an
// import leads depends only on the importing directory, the specifier, the
// tsconfig files above that directory and the workspace's packages — not on
// the app — so the apps of one run share what they resolved.
//
// A run is identified by its token.FileSet, which every app of a
// checker.Run shares. ShareResolutions opens the sharing for a FileSet; the
// returned function closes it. Graphs built in a FileSet with no sharing
// open (a language-server Session, a single-app driver) resolve on their
// own, as before.

// esbuildRequests counts the requests sent to esbuild by this process (for
// tests of the sharing).
var esbuildRequests atomic.Int64

type shareKey struct {
	// workspace is the workspace root ("" for an app outside any
	// workspace): requests resolve against its packages.
	workspace string
	req       resolve.Request
}

type resolutionShare struct {
	mu sync.Mutex
	m  map[shareKey]resolve.Result
}

var (
	sharesMu sync.Mutex
	shares   = map[*token.FileSet]*resolutionShare{}
)

// ShareResolutions lets the apps analysed in fset reuse each other's import
// resolutions until the returned function is called.
func ShareResolutions(fset *token.FileSet) (release func()) {
	sharesMu.Lock()
	defer sharesMu.Unlock()
	if _, ok := shares[fset]; ok {
		return func() {}
	}
	shares[fset] = &resolutionShare{m: map[shareKey]resolve.Result{}}
	return func() {
		sharesMu.Lock()
		delete(shares, fset)
		sharesMu.Unlock()
	}
}

func shareFor(fset *token.FileSet) *resolutionShare {
	sharesMu.Lock()
	defer sharesMu.Unlock()
	return shares[fset]
}

func (g *Graph) shareKey(rq resolve.Request) shareKey {
	k := shareKey{req: rq}
	if ws := g.App.Workspace; ws != nil {
		k.workspace = ws.Root
	}
	return k
}

// take returns the shared results for reqs, with ok[i] telling which were
// there.
func (s *resolutionShare) take(g *Graph, reqs []resolve.Request) (out []resolve.Result, ok []bool) {
	out = make([]resolve.Result, len(reqs))
	ok = make([]bool, len(reqs))
	if s == nil {
		return out, ok
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, rq := range reqs {
		out[i], ok[i] = s.m[g.shareKey(rq)]
	}
	return out, ok
}

// give publishes results for the other apps.
func (s *resolutionShare) give(g *Graph, reqs []resolve.Request, res []resolve.Result) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, rq := range reqs {
		s.m[g.shareKey(rq)] = res[i]
	}
}
