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

// buildSSRLint builds the ssrlint command into a temporary directory, for
// tests that start it the way editors do.
func buildSSRLint(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "ssrlint")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/ssrlint/ssrlint/cmd/ssrlint")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building ssrlint: %v\n%s", err, out)
	}
	return bin
}

// requireTool returns the path of an external client program. Locally a
// missing one skips the test; in CI (CI set) it fails it, since .ci/run
// installs them.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (.ci/run installs it)", name)
		}
		t.Skipf("%s is not installed; run scripts/install-lsp-clients.sh", name)
	}
	return p
}

type nvimDiag struct {
	Lnum     int    `json:"lnum"`
	Col      int    `json:"col"`
	EndCol   int    `json:"end_col"`
	Severity int    `json:"severity"`
	Source   string `json:"source"`
	Message  string `json:"message"`
	Code     string `json:"code"`
	Related  int    `json:"related"`
}

type nvimResult struct {
	Error string `json:"error"`
	Steps []struct {
		Name        string     `json:"name"`
		OK          bool       `json:"ok"`
		Diagnostics []nvimDiag `json:"diagnostics"`
	} `json:"steps"`
	Stopped bool `json:"stopped"`
}

// TestNeovim attaches Neovim's built-in LSP client (headless) to
// `ssrlint lsp` on the fixture app and checks the diagnostics Neovim ends up
// with after unsaved edits (testdata/nvim/e2e.lua).
func TestNeovim(t *testing.T) {
	nvim := requireTool(t, "nvim")
	bin := buildSSRLint(t)
	root := copyFixture(t, "web")
	out := filepath.Join(t.TempDir(), "result.json")
	script, err := filepath.Abs("testdata/nvim/e2e.lua")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-c", "luafile "+script)
	cmd.Env = append(os.Environ(), "SSRLINT_BIN="+bin, "SSRLINT_FIXTURE="+root, "SSRLINT_OUT="+out, "XDG_STATE_HOME="+t.TempDir(), "XDG_CACHE_HOME="+t.TempDir())
	cmd.Dir = root
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("nvim: %v\n%s", err, output)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("nvim wrote no result: %v\n%s", err, output)
	}
	var res nvimResult
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("result: %v\n%s", err, data)
	}
	if res.Error != "" {
		t.Fatalf("script error: %s", res.Error)
	}
	steps := map[string][]nvimDiag{}
	for _, s := range res.Steps {
		if !s.OK {
			t.Errorf("step %q: Neovim never got the expected diagnostics; it has %+v", s.Name, s.Diagnostics)
		}
		steps[s.Name] = s.Diagnostics
	}
	if len(res.Steps) != 4 {
		t.Fatalf("steps run: %d, want 4", len(res.Steps))
	}
	bug := steps["bug"]
	if len(bug) != 1 {
		t.Fatalf("bug: want 1 diagnostic, got %+v", bug)
	}
	d := bug[0]
	// Neovim turns the UTF-16 column 14 into byte column 17 on the line
	// `/* 📞 café */ import ...`: right only if the server counted UTF-16.
	if d.Lnum != 0 || d.Col != 17 || d.EndCol != 17+44 {
		t.Errorf("bug: at %d:%d-%d, want 0:17-61", d.Lnum, d.Col, d.EndCol)
	}
	if d.Severity != 1 || d.Source != "ssrlint" || d.Code != "serverimport" || !strings.Contains(d.Message, "@signalwire/js") {
		t.Errorf("bug: %+v", d)
	}
	cross := steps["cross-file"]
	if len(cross) != 1 || cross[0].Code != "serverimport" || cross[0].Related != 4 {
		t.Errorf("cross-file: want one serverimport finding with a 4-step trace in lib/sw.ts, got %+v", cross)
	}
	if !res.Stopped {
		t.Errorf("the server did not stop when Neovim asked")
	}
}
