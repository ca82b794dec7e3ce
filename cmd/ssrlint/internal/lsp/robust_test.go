package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// rawConn speaks LSP framing by hand, so a test can send what a real
// client library never would.
type rawConn struct {
	t    *testing.T
	w    io.WriteCloser
	msgs chan map[string]json.RawMessage
}

func startRaw(t *testing.T) (*rawConn, chan int) {
	srvIn, w := io.Pipe()
	r, srvOut := io.Pipe()
	exit := make(chan int, 1)
	go func() {
		exit <- Serve(context.Background(), srvIn, srvOut, Options{Log: testLog{t}, Debounce: time.Millisecond})
		srvOut.Close()
	}()
	c := &rawConn{t: t, w: w, msgs: make(chan map[string]json.RawMessage, 100)}
	go func() {
		defer close(c.msgs)
		br := bufio.NewReader(r)
		tp := textproto.NewReader(br)
		for {
			h, err := tp.ReadMIMEHeader()
			if err != nil {
				return
			}
			n, err := strconv.Atoi(h.Get("Content-Length"))
			if err != nil {
				t.Errorf("bad Content-Length %q", h.Get("Content-Length"))
				return
			}
			body := make([]byte, n)
			if _, err := io.ReadFull(br, body); err != nil {
				return
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("server sent invalid JSON: %s", body)
				return
			}
			c.msgs <- m
		}
	}()
	t.Cleanup(func() { w.Close() })
	return c, exit
}

func (c *rawConn) send(body string) {
	c.t.Helper()
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatalf("sending: %v", err)
	}
}

// response waits for the response with the given id (JSON text), skipping
// notifications, and returns its error code (0 for a result).
func (c *rawConn) response(id string) (int, json.RawMessage) {
	c.t.Helper()
	timeout := time.After(waitLimit)
	for {
		select {
		case m, ok := <-c.msgs:
			if !ok {
				c.t.Fatalf("connection closed while waiting for response %s", id)
			}
			if _, isReq := m["method"]; isReq {
				continue
			}
			if string(m["id"]) != id {
				c.t.Fatalf("response for id %s while waiting for %s: %v", m["id"], id, m)
			}
			if e, ok := m["error"]; ok {
				var er struct{ Code int }
				_ = json.Unmarshal(e, &er)
				return er.Code, e
			}
			return 0, m["result"]
		case <-timeout:
			c.t.Fatalf("no response %s", id)
		}
	}
}

// TestRobustness sends what breaks naive servers: requests before
// initialize, malformed JSON, unknown methods, bad parameters, edits that
// do not apply, files outside the workspace and URIs that are not files,
// then hangs up without shutdown. The server answers each as LSP says and
// keeps going.
func TestRobustness(t *testing.T) {
	root := copyFixture(t, "web")
	c, exit := startRaw(t)

	c.send(`{"jsonrpc":"2.0","id":1,"method":"textDocument/codeAction","params":{}}`)
	if code, _ := c.response("1"); code != -32002 {
		t.Errorf("request before initialize: code %d, want -32002", code)
	}
	c.send(`{"jsonrpc":"2.0","id":2,"method":"initialize",`) // truncated JSON
	if code, _ := c.response("null"); code != -32700 {
		t.Errorf("malformed JSON: code %d, want -32700 (parse error)", code)
	}
	init, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 3, "method": "initialize", "params": map[string]any{
		"processId": nil, "rootUri": uriOf(root), "capabilities": map[string]any{},
	}})
	c.send(string(init))
	if code, res := c.response("3"); code != 0 {
		t.Fatalf("initialize after garbage: %s", res)
	}
	c.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
	c.send(`{"jsonrpc":"2.0","id":4,"method":"ssrlint/nonesuch","params":{}}`)
	if code, _ := c.response("4"); code != -32601 {
		t.Errorf("unknown method: code %d, want -32601", code)
	}
	// Notifications the server does not handle, or cannot use, get no answer.
	outside := filepath.Join(t.TempDir(), "elsewhere.tsx")
	for _, note := range []string{
		`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":99}}`,
		`{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"verbose"}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":[1,2,3]}`,
		`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:Untitled-1","languageId":"typescriptreact","version":1,"text":"import x from \"@signalwire/js\""}}}`,
		fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":%q,"languageId":"typescriptreact","version":1,"text":"export {}"}}}`, uriOf(outside)),
		fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":%q,"version":2},"contentChanges":[{"range":{"start":{"line":3,"character":0},"end":{"line":1,"character":0}},"text":""}]}}`, uriOf(outside)),
		fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":%q,"version":2},"contentChanges":[{"text":"x"}]}}`, uriOf(filepath.Join(root, "app/page.tsx"))),
		`{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"file:///nonexistent/dir/a.ts","type":3},{"uri":"%%%","type":1}]}}`,
	} {
		c.send(note)
	}
	c.send(fmt.Sprintf(`{"jsonrpc":"2.0","id":5,"method":"textDocument/codeAction","params":{"textDocument":{"uri":%q},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[]}}}`, uriOf(outside)))
	if code, res := c.response("5"); code != 0 || string(res) != "[]" {
		t.Errorf("codeAction outside the workspace: code %d, result %s", code, res)
	}
	c.send(`{"jsonrpc":"2.0","id":6,"method":"textDocument/codeAction","params":"nonsense"}`)
	if code, _ := c.response("6"); code != -32600 {
		t.Errorf("params neither object nor array: code %d, want -32600 (invalid request)", code)
	}
	c.send(`{"jsonrpc":"2.0","id":7,"method":"textDocument/codeAction","params":{"textDocument":5}}`)
	if code, _ := c.response("7"); code != -32602 {
		t.Errorf("params of the wrong shape: code %d, want -32602 (invalid params)", code)
	}
	// Hang up without shutdown: the server ends with exit code 1.
	c.w.Close()
	select {
	case code := <-exit:
		if code != 1 {
			t.Errorf("exit code after a disconnect = %d, want 1", code)
		}
	case <-time.After(waitLimit):
		t.Fatal("server did not end after the client hung up")
	}
}
