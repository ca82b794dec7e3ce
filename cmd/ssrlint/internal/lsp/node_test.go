package lsp

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestVSCodeProtocol drives `ssrlint lsp` with the protocol and transport
// layers VS Code's language client is built on (vscode-languageserver-protocol
// over vscode-jsonrpc, from npm, run by Node): testdata/node/client.js.
func TestVSCodeProtocol(t *testing.T) {
	node := requireTool(t, "node")
	modules, err := filepath.Abs("../../../../.tools/lsp-node/node_modules")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(modules, "vscode-languageserver-protocol")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("vscode-languageserver-protocol is not installed (.ci/run installs it): %v", err)
		}
		t.Skip("vscode-languageserver-protocol is not installed; run scripts/install-lsp-clients.sh")
	}
	bin := buildSSRLint(t)
	root := copyFixture(t, "web")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "testdata/node/client.js", bin, root)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var res struct {
		Error       string                     `json:"error"`
		Diagnostics []PublishDiagnosticsParams `json:"diagnostics"`
		Actions     []CodeAction               `json:"actions"`
		ExitCode    *int                       `json:"exitCode"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("client output: %v\n%s", err, out)
	}
	if res.Error != "" {
		t.Fatalf("client: %s\nserver log:\n%s", res.Error, stderr.String())
	}
	if len(res.Diagnostics) != 2 {
		t.Fatalf("want a finding then its clearing, got %s", mustJSON(res.Diagnostics))
	}
	d := res.Diagnostics[0].Diagnostics
	if len(d) != 1 || d[0].Code != "serverimport" || d[0].Range != (Range{Start: Position{1, 0}, End: Position{1, 44}}) {
		t.Errorf("finding: %s", mustJSON(d))
	}
	if v := res.Diagnostics[0].Version; v == nil || *v != 2 {
		t.Errorf("version of the finding's publish = %v, want 2", v)
	}
	var ignore bool
	for _, a := range res.Actions {
		if a.Title == "Ignore serverimport on this line" {
			ignore = true
			e := a.Edit.Changes[uriOf(filepath.Join(root, "app/rooms/page.tsx"))]
			if len(e) != 1 || e[0].NewText != "// ssrlint-ignore serverimport -- <reason>\n" || e[0].Range.Start != (Position{1, 0}) {
				t.Errorf("ignore edit: %s", mustJSON(e))
			}
		}
	}
	if !ignore {
		t.Errorf("no ignore action in %s", mustJSON(res.Actions))
	}
	if res.ExitCode == nil || *res.ExitCode != 0 {
		t.Errorf("server exit code = %v, want 0", res.ExitCode)
	}
}
