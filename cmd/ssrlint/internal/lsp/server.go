// Package lsp is ssrlint's language server: `ssrlint lsp` speaks the
// Language Server Protocol 3.17 over stdio, so that editors show ssrlint's
// findings while the developer types, with the import trace as related
// information and quick fixes as code actions.
//
// JSON-RPC framing and dispatch come from github.com/creachadair/jrpc2: it
// is maintained, has LSP's Content-Length framing (channel.LSP), answers a
// malformed message with a parse error and keeps reading (the other Go
// libraries close the connection), processes notifications in order, and
// lets the server push notifications and requests to the client. The
// protocol types are this package's own (protocol.go), limited to what it
// uses.
//
// Analysis runs the same checker as the CLI with the open buffers as
// overlays and a checker.Session that keeps per-file summaries and import
// resolutions between runs, so that an edit costs little more than
// classifying the graph again. Edits are debounced; an edit arriving during
// a run cancels it. After each run the server publishes diagnostics for
// every file whose findings changed, and clears them where they are gone.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"sync"
	"time"

	"github.com/creachadair/jrpc2"
	"github.com/creachadair/jrpc2/channel"
	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/all"
	"github.com/ssrlint/ssrlint/analyzers/checker"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
)

// DefaultDebounce is how long the server waits, in a burst of edits, for
// the next one before analysing: long enough to coalesce keystrokes that
// come faster than an analysis, short next to the 100 ms an edit's
// diagnostics should take. An edit that comes alone is analysed at once.
const DefaultDebounce = 20 * time.Millisecond

// Options configure a server.
type Options struct {
	// Debounce is the quiet time after a change before analysis starts
	// (0: DefaultDebounce; a client's initializationOptions.debounceMs
	// overrides it).
	Debounce time.Duration
	// Log receives the server's log (nil: discarded). The CLI passes stderr.
	Log io.Writer
	// Verbose logs every analysis and every JSON-RPC message; otherwise the
	// log has only what went wrong (editors file stderr as errors).
	Verbose bool
	// Version is reported in serverInfo.
	Version string
	// Analyzers are the rules to run (nil: all.Analyzers).
	Analyzers []*analysis.Analyzer
}

// Serve runs a language server on r and w until the client sends exit or
// closes the stream. The exit code is 0 when the client asked for shutdown
// before exiting, 1 otherwise, as LSP specifies.
func Serve(ctx context.Context, r io.Reader, w io.WriteCloser, opts Options) int {
	s := newServer(opts)
	defer s.close()
	s.rpc = jrpc2.NewServer(s, &jrpc2.ServerOptions{
		AllowPush:   true,
		Concurrency: 1, // handlers run in arrival order; analysis has its own goroutine
	})
	if opts.Verbose {
		s.rpc = jrpc2.NewServer(s, &jrpc2.ServerOptions{
			AllowPush:   true,
			Concurrency: 1,
			Logger:      func(text string) { s.log.Printf("jsonrpc: %s", text) },
		})
	}
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.ctx = runCtx
	s.wg.Add(1)
	go s.scheduler(runCtx)
	s.rpc.Start(channel.LSP(r, w))
	ended := make(chan error, 1)
	go func() { ended <- s.rpc.Wait() }()
	var err error
	select {
	case err = <-ended: // the client hung up, or the stream broke
	case <-s.exited:
		// jrpc2's reader stays blocked on the input until the client closes
		// it, so do not wait for it: the process is about to end.
		s.rpc.Stop()
	case <-runCtx.Done():
		s.rpc.Stop()
		err = runCtx.Err()
	}
	cancel()
	s.wg.Wait()
	s.mu.Lock()
	shutdown := s.shutdown
	s.mu.Unlock()
	switch {
	case err == nil || errors.Is(err, jrpc2.ErrConnClosed) || errors.Is(err, io.EOF) || errors.Is(err, context.Canceled):
		s.debugf("connection closed")
	default:
		s.log.Printf("connection ended: %v", err)
	}
	if shutdown {
		return 0
	}
	return 1
}

type server struct {
	opts Options
	log  *log.Logger
	rpc  *jrpc2.Server
	ctx  context.Context
	wg   sync.WaitGroup // the scheduler and analysis goroutines
	sess *checker.Session

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	debounce    time.Duration
	roots       []string // workspace folders, absolute
	docs        map[string]*document
	watching    bool // the client can watch files for us
	watched     bool // it does: the file watcher is registered
	wake        chan struct{}
	lastChange  time.Time     // when changed was last called
	burst       bool          // it came within the debounce time of the one before
	exited      chan struct{} // closed by the exit notification
	exitOnce    sync.Once
	cancelRun   context.CancelFunc
	published   map[string]published // by URI
	last        *snapshot            // the last completed run
	problems    map[string]bool      // problems already logged
	runs        uint64
}

type document struct {
	uri     string
	path    string
	version int
	text    []byte
}

func newServer(opts Options) *server {
	sess := checker.NewSession()
	// Analyses trust the session; changes on disk come from the client's
	// file watcher or, without one, from verify between analyses.
	sess.TrustChanges(true)
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Analyzers == nil {
		opts.Analyzers = all.Analyzers
	}
	d := opts.Debounce
	if d <= 0 {
		d = DefaultDebounce
	}
	return &server{
		opts:      opts,
		log:       log.New(opts.Log, "ssrlint lsp: ", log.LstdFlags|log.Lmicroseconds),
		sess:      sess,
		debounce:  d,
		docs:      map[string]*document{},
		wake:      make(chan struct{}, 1),
		exited:    make(chan struct{}),
		published: map[string]published{},
		problems:  map[string]bool{},
	}
}

func (s *server) close() { s.sess.Close() }

// Assign implements jrpc2.Assigner: every handler recovers from a panic
// (logged with its stack) so that a bug never takes the server down.
func (s *server) Assign(_ context.Context, method string) jrpc2.Handler {
	h := s.handler(method)
	if h == nil {
		return nil // jrpc2 answers MethodNotFound to requests, ignores notifications
	}
	return func(ctx context.Context, req *jrpc2.Request) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				s.log.Printf("internal error in %s: %v\n%s", method, r, debug.Stack())
				result, err = nil, &jrpc2.Error{Code: jrpc2.InternalError, Message: fmt.Sprintf("internal error in %s: %v", method, r)}
			}
		}()
		s.mu.Lock()
		ready, down := s.initialized, s.shutdown
		s.mu.Unlock()
		switch {
		case method == "exit" || method == "initialize":
		case !ready:
			if req.IsNotification() {
				return nil, nil // dropped, as LSP says
			}
			return nil, &jrpc2.Error{Code: -32002, Message: "server not initialized"}
		case down && !req.IsNotification():
			return nil, &jrpc2.Error{Code: jrpc2.InvalidRequest, Message: "server is shutting down"}
		}
		return h(ctx, req)
	}
}

func (s *server) handler(method string) jrpc2.Handler {
	switch method {
	case "initialize":
		return s.initialize
	case "initialized":
		return s.initializedNote
	case "shutdown":
		return s.shutdownReq
	case "exit":
		return s.exit
	case "textDocument/didOpen":
		return s.didOpen
	case "textDocument/didChange":
		return s.didChange
	case "textDocument/didSave":
		return s.didSave
	case "textDocument/didClose":
		return s.didClose
	case "textDocument/codeAction":
		return s.codeAction
	case "workspace/didChangeWatchedFiles":
		return s.didChangeWatchedFiles
	case "workspace/didChangeWorkspaceFolders":
		return s.didChangeWorkspaceFolders
	case "workspace/didChangeConfiguration":
		return func(context.Context, *jrpc2.Request) (any, error) { s.changed(); return nil, nil }
	}
	return nil
}

func params(req *jrpc2.Request, v any) error {
	if err := req.UnmarshalParams(v); err != nil {
		return &jrpc2.Error{Code: jrpc2.InvalidParams, Message: fmt.Sprintf("invalid %s params: %v", req.Method(), err)}
	}
	return nil
}

func (s *server) initialize(_ context.Context, req *jrpc2.Request) (any, error) {
	var p InitializeParams
	if err := params(req, &p); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.initialized {
		return nil, &jrpc2.Error{Code: jrpc2.InvalidRequest, Message: "initialize sent twice"}
	}
	var uris []string
	for _, f := range p.WorkspaceFolders {
		uris = append(uris, f.URI)
	}
	if len(uris) == 0 && p.RootURI != nil && *p.RootURI != "" {
		uris = append(uris, *p.RootURI)
	}
	for _, u := range uris {
		if path, err := pathOf(u); err == nil {
			s.roots = append(s.roots, path)
		} else {
			s.logf(MessageWarning, "ignoring workspace folder: %v", err)
		}
	}
	if len(uris) == 0 && p.RootPath != nil && filepath.IsAbs(*p.RootPath) {
		s.roots = append(s.roots, filepath.Clean(*p.RootPath))
	}
	if len(p.InitializationOptions) > 0 && string(p.InitializationOptions) != "null" {
		var io initOptions
		if err := json.Unmarshal(p.InitializationOptions, &io); err != nil {
			s.log.Printf("ignoring initializationOptions: %v", err)
		} else if io.DebounceMS != nil && *io.DebounceMS >= 0 {
			s.debounce = time.Duration(*io.DebounceMS) * time.Millisecond
		}
	}
	s.watching = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	s.initialized = true
	s.debugf("initialize: folders %v", s.roots)
	return InitializeResult{
		Capabilities: ServerCapabilities{
			PositionEncoding: "utf-16",
			TextDocumentSync: TextDocumentSyncOptions{OpenClose: true, Change: SyncIncremental, Save: SaveOptions{}},
			CodeActionProvider: CodeActionOptions{
				CodeActionKinds: []string{KindQuickFix},
			},
			Workspace: WorkspaceServerCapabilty{WorkspaceFolders: WorkspaceFoldersServerCapabilities{Supported: true, ChangeNotifications: true}},
		},
		ServerInfo: ServerInfo{Name: "ssrlint", Version: s.opts.Version},
	}, nil
}

// watchGlobs are the files whose changes matter: sources, and the config
// files discovery and resolution read.
var watchGlobs = []string{
	"**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}",
	"**/{package.json,tsconfig*.json,jsconfig.json,pnpm-workspace.yaml,.gitignore}",
	"**/next.config.*",
	"**/.env*",
	"**/ssrlint.json",
	"**/.ssrlintrc.json",
}

func (s *server) initializedNote(context.Context, *jrpc2.Request) (any, error) {
	s.mu.Lock()
	watch := s.watching
	s.mu.Unlock()
	if watch {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer s.recoverGo("registering file watchers")
			var watchers []FileSystemWatcher
			for _, g := range watchGlobs {
				watchers = append(watchers, FileSystemWatcher{GlobPattern: g})
			}
			ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
			defer cancel()
			_, err := s.rpc.Callback(ctx, "client/registerCapability", RegistrationParams{Registrations: []Registration{{
				ID:              "ssrlint-watch",
				Method:          "workspace/didChangeWatchedFiles",
				RegisterOptions: DidChangeWatchedFilesRegistrationOptions{Watchers: watchers},
			}}})
			if err != nil {
				s.log.Printf("client did not register file watchers (%v); files are compared with the disk between analyses", err)
				return
			}
			// The client reports every change: no need to compare files
			// with the disk.
			s.mu.Lock()
			s.watched = true
			s.mu.Unlock()
		}()
	}
	s.changed()
	return nil, nil
}

func (s *server) shutdownReq(context.Context, *jrpc2.Request) (any, error) {
	s.mu.Lock()
	s.shutdown = true
	if s.cancelRun != nil {
		s.cancelRun()
	}
	s.mu.Unlock()
	return nil, nil
}

func (s *server) exit(context.Context, *jrpc2.Request) (any, error) {
	s.exitOnce.Do(func() { close(s.exited) })
	return nil, nil
}

func (s *server) didOpen(_ context.Context, req *jrpc2.Request) (any, error) {
	var p DidOpenTextDocumentParams
	if err := params(req, &p); err != nil {
		return nil, err
	}
	path, err := pathOf(p.TextDocument.URI)
	if err != nil {
		s.log.Printf("didOpen: %v", err)
		return nil, nil
	}
	s.mu.Lock()
	s.docs[path] = &document{uri: p.TextDocument.URI, path: path, version: p.TextDocument.Version, text: []byte(p.TextDocument.Text)}
	outside := len(s.roots) > 0 && s.rootOf(path) == ""
	s.mu.Unlock()
	if outside {
		s.debugf("%s is outside the workspace folders; it is analysed only as part of an app in them", path)
	}
	s.changed()
	return nil, nil
}

func (s *server) didChange(_ context.Context, req *jrpc2.Request) (any, error) {
	var p DidChangeTextDocumentParams
	if err := params(req, &p); err != nil {
		return nil, err
	}
	path, err := pathOf(p.TextDocument.URI)
	if err != nil {
		s.log.Printf("didChange: %v", err)
		return nil, nil
	}
	s.mu.Lock()
	d := s.docs[path]
	if d == nil {
		s.mu.Unlock()
		s.logf(MessageWarning, "didChange for %s, which is not open", p.TextDocument.URI)
		return nil, nil
	}
	text, err := applyChanges(d.text, p.ContentChanges)
	if err == nil {
		d.text, d.version = text, p.TextDocument.Version
	}
	s.mu.Unlock()
	if err != nil {
		// The buffer is now unknown: analyse the disk version until the
		// client sends the whole text again.
		s.logf(MessageError, "didChange for %s: %v; the document is closed on the server until it is reopened", p.TextDocument.URI, err)
		s.mu.Lock()
		delete(s.docs, path)
		s.mu.Unlock()
	}
	s.changed()
	return nil, nil
}

func (s *server) didSave(_ context.Context, req *jrpc2.Request) (any, error) {
	var p DidSaveTextDocumentParams
	if err := params(req, &p); err != nil {
		return nil, err
	}
	if path, err := pathOf(p.TextDocument.URI); err == nil {
		s.sess.Changed(path, ssrgraph.Modified)
	}
	s.changed()
	return nil, nil
}

func (s *server) didClose(_ context.Context, req *jrpc2.Request) (any, error) {
	var p DidCloseTextDocumentParams
	if err := params(req, &p); err != nil {
		return nil, err
	}
	if path, err := pathOf(p.TextDocument.URI); err == nil {
		s.mu.Lock()
		delete(s.docs, path)
		s.mu.Unlock()
		// The disk version may differ from the last buffer.
		s.sess.Changed(path, ssrgraph.Modified)
	}
	s.changed()
	return nil, nil
}

func (s *server) didChangeWatchedFiles(_ context.Context, req *jrpc2.Request) (any, error) {
	var p DidChangeWatchedFilesParams
	if err := params(req, &p); err != nil {
		return nil, err
	}
	for _, c := range p.Changes {
		path, err := pathOf(c.URI)
		if err != nil {
			s.log.Printf("didChangeWatchedFiles: %v", err)
			continue
		}
		kind := ssrgraph.Modified
		switch c.Type {
		case FileCreated:
			kind = ssrgraph.Created
		case FileDeleted:
			kind = ssrgraph.Deleted
		}
		s.sess.Changed(path, kind)
	}
	s.changed()
	return nil, nil
}

func (s *server) didChangeWorkspaceFolders(_ context.Context, req *jrpc2.Request) (any, error) {
	var p DidChangeWorkspaceFoldersParams
	if err := params(req, &p); err != nil {
		return nil, err
	}
	s.mu.Lock()
	for _, f := range p.Event.Removed {
		if path, err := pathOf(f.URI); err == nil {
			for i, r := range s.roots {
				if r == path {
					s.roots = append(s.roots[:i], s.roots[i+1:]...)
					break
				}
			}
		}
	}
	for _, f := range p.Event.Added {
		if path, err := pathOf(f.URI); err == nil {
			s.roots = append(s.roots, path)
		} else {
			s.log.Printf("ignoring workspace folder: %v", err)
		}
	}
	s.mu.Unlock()
	s.changed()
	return nil, nil
}

// rootOf returns the workspace folder holding path, or "". s.mu is held.
func (s *server) rootOf(path string) string {
	for _, r := range s.roots {
		if within(r, path) {
			return r
		}
	}
	return ""
}

// logf logs to the server's log, and to the client's log window unless
// the type is MessageLog.
func (s *server) logf(typ int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	s.log.Print(msg)
	if typ == MessageLog || s.rpc == nil {
		return
	}
	if err := s.rpc.Notify(s.ctx, "window/logMessage", LogMessageParams{Type: typ, Message: "ssrlint: " + msg}); err != nil {
		s.log.Printf("window/logMessage: %v", err)
	}
}

// debugf logs only when the server is verbose.
func (s *server) debugf(format string, args ...any) {
	if s.opts.Verbose {
		s.log.Printf(format, args...)
	}
}

// recoverGo logs a panic in a goroutine of the server instead of crashing.
func (s *server) recoverGo(what string) {
	if r := recover(); r != nil {
		s.logf(MessageError, "internal error %s: %v (please report this)", what, r)
		s.log.Printf("%s", debug.Stack())
	}
}

// openDocs returns the open documents, sorted by path. s.mu is held.
func (s *server) openDocs() []*document {
	out := make([]*document, 0, len(s.docs))
	for _, d := range s.docs {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// analysisRoots returns what to analyse: the workspace folders that exist,
// or, when the client opened none, the directories of the open files (each
// stands for the app around it). s.mu is held.
func (s *server) analysisRoots() []string {
	var out []string
	seen := map[string]bool{}
	add := func(dir string) {
		if seen[dir] {
			return
		}
		seen[dir] = true
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			s.log.Printf("skipping %s: not a directory", dir)
			return
		}
		out = append(out, dir)
	}
	for _, r := range s.roots {
		add(r)
	}
	if len(s.roots) == 0 {
		for _, d := range s.openDocs() {
			add(filepath.Dir(d.path))
		}
	}
	return out
}
