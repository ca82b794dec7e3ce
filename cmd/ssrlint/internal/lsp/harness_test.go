package lsp

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creachadair/jrpc2"
	"github.com/creachadair/jrpc2/channel"
)

// waitLimit bounds every wait for the server, so that a broken server fails
// the test instead of hanging it. It is not a speed assertion.
const waitLimit = 2 * time.Minute

// client is an LSP client for tests: a jrpc2 client on pipes to a server
// running Serve in the same process.
type client struct {
	t     testing.TB
	cli   *jrpc2.Client
	notes chan PublishDiagnosticsParams
	exit  chan int
	toSrv *io.PipeWriter

	mu   sync.Mutex
	logs []LogMessageParams
	regs []RegistrationParams
	// onPublish, if set, is called for every publishDiagnostics (benchmark).
	onPublish func(PublishDiagnosticsParams)
}

// startServer starts a server and a client connected to it. The server
// logs into the test log.
func startServer(t testing.TB, opts Options) *client {
	t.Helper()
	srvIn, cliOut := io.Pipe()
	cliIn, srvOut := io.Pipe()
	if opts.Log == nil {
		opts.Log = testLog{t}
	}
	if os.Getenv("SSRLINT_LSP_LOG") != "" {
		opts.Verbose = true
	}
	c := &client{t: t, notes: make(chan PublishDiagnosticsParams, 1000), exit: make(chan int, 1), toSrv: cliOut}
	go func() {
		code := Serve(context.Background(), srvIn, srvOut, opts)
		srvOut.Close()
		c.exit <- code
	}()
	c.cli = jrpc2.NewClient(channel.LSP(cliIn, cliOut), &jrpc2.ClientOptions{
		OnNotify: func(req *jrpc2.Request) {
			switch req.Method() {
			case "textDocument/publishDiagnostics":
				var p PublishDiagnosticsParams
				if err := req.UnmarshalParams(&p); err != nil {
					t.Errorf("bad publishDiagnostics: %v", err)
					return
				}
				c.mu.Lock()
				f := c.onPublish
				c.mu.Unlock()
				if f != nil {
					f(p)
					return
				}
				c.notes <- p
			case "window/logMessage":
				var p LogMessageParams
				_ = req.UnmarshalParams(&p)
				c.mu.Lock()
				c.logs = append(c.logs, p)
				c.mu.Unlock()
			}
		},
		OnCallback: func(ctx context.Context, req *jrpc2.Request) (any, error) {
			if req.Method() == "client/registerCapability" {
				var p RegistrationParams
				if err := req.UnmarshalParams(&p); err != nil {
					return nil, err
				}
				c.mu.Lock()
				c.regs = append(c.regs, p)
				c.mu.Unlock()
				return nil, nil
			}
			return nil, &jrpc2.Error{Code: jrpc2.MethodNotFound, Message: req.Method()}
		},
	})
	t.Cleanup(func() {
		c.cli.Close()
		cliOut.Close()
	})
	return c
}

// testLog sends the server's log to the test log while the test runs.
type testLog struct{ t testing.TB }

func (l testLog) Write(b []byte) (int, error) {
	if os.Getenv("SSRLINT_LSP_LOG") != "" {
		l.t.Log(strings.TrimRight(string(b), "\n"))
	}
	return len(b), nil
}

func (c *client) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	if err := c.cli.CallResult(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.cli.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// initialize runs the handshake with root as the only workspace folder.
func (c *client) initialize(root string, watch bool, initOpts any) InitializeResult {
	c.t.Helper()
	caps := map[string]any{}
	if watch {
		caps["workspace"] = map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}
	}
	p := map[string]any{
		"processId":        nil,
		"rootUri":          uriOf(root),
		"workspaceFolders": []WorkspaceFolder{{URI: uriOf(root), Name: filepath.Base(root)}},
		"capabilities":     caps,
	}
	if initOpts != nil {
		p["initializationOptions"] = initOpts
	}
	var res InitializeResult
	c.call("initialize", p, &res)
	c.notify("initialized", map[string]any{})
	return res
}

// waitDiags waits for a publishDiagnostics for uri that satisfies ok,
// skipping others, and returns it.
func (c *client) waitDiags(uri string, ok func(PublishDiagnosticsParams) bool) PublishDiagnosticsParams {
	c.t.Helper()
	timeout := time.After(waitLimit)
	for {
		select {
		case p := <-c.notes:
			if p.URI == uri && ok(p) {
				return p
			}
		case <-timeout:
			c.t.Fatalf("no matching diagnostics for %s", uri)
			return PublishDiagnosticsParams{}
		}
	}
}

func hasCode(code string) func(PublishDiagnosticsParams) bool {
	return func(p PublishDiagnosticsParams) bool {
		for _, d := range p.Diagnostics {
			if d.Code == code {
				return true
			}
		}
		return false
	}
}

func isEmpty(p PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 }

// copyFixture copies testdata/<name> into a temporary directory.
func copyFixture(t testing.TB, name string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), name)
	src := filepath.Join("testdata", name)
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		out := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(out, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(out, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	// Resolve symbolic links in the temp dir's path (macOS /var), so that
	// the URIs the server publishes match the ones the test builds.
	real, err := filepath.EvalSymlinks(dst)
	if err != nil {
		t.Fatal(err)
	}
	return real
}

// edit applies LSP text edits to text, as a client would.
func edit(t testing.TB, text string, edits []TextEdit) string {
	t.Helper()
	// Apply from the end so earlier ranges stay valid.
	b := []byte(text)
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		var err error
		b, err = applyChanges(b, []TextDocumentContentChangeEvent{{Range: &e.Range, Text: e.NewText}})
		if err != nil {
			t.Fatal(err)
		}
	}
	return string(b)
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
