package ssrgraph_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
)

// TestRuns checks the inner graph: which top-level statements of a module
// can run in an environment, given the exports its importers use there.
func TestRuns(t *testing.T) {
	g := graphOf(t, "testdata/inner")
	for _, tc := range []struct {
		rel, mark string
		env       ssrgraph.Env
		want      bool
	}{
		{"app/_components/widget.tsx", "MARK_CLIENT_REFERENCE", ssrgraph.Browser, true}, // a client reference: every export
		{"lib/mixed.ts", "MARK_SERVER_ONLY", ssrgraph.Server, true},
		{"lib/mixed.ts", "MARK_UNUSED_EXPORT", ssrgraph.Server, false},
		{"lib/mixed.ts", "MARK_SERVER_ONLY", ssrgraph.Browser, false}, // not in the browser bundle at all
		{"lib/impl.ts", "MARK_HELPER", ssrgraph.Browser, true},        // shown → helper
		{"lib/impl.ts", "MARK_TABLE", ssrgraph.Browser, true},         // helper → table
		{"lib/impl.ts", "MARK_HIDDEN", ssrgraph.Browser, true},        // re-exported under another name
		{"lib/impl.ts", "MARK_HIDDEN", ssrgraph.ClientSSR, true},
		{"lib/impl.ts", "MARK_DEAD", ssrgraph.Browser, false},
		{"lib/impl.ts", "MARK_UNUSED_CONST", ssrgraph.Browser, false},
		{"lib/impl.ts", "MARK_EFFECT", ssrgraph.Browser, true}, // side effects run with the module
		{"lib/def.ts", "MARK_DEFAULT", ssrgraph.Browser, true},
		{"lib/def.ts", "MARK_OTHER", ssrgraph.Browser, false},
		{"lib/required.js", "MARK_REQUIRED", ssrgraph.Browser, true}, // require(): every export
	} {
		path := filepath.Join(g.App.Dir, filepath.FromSlash(tc.rel))
		m := g.Module(path)
		if m == nil {
			t.Fatalf("%s: no module", tc.rel)
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		off := strings.Index(string(src), tc.mark)
		if off < 0 {
			t.Fatalf("%s: no %s", tc.rel, tc.mark)
		}
		if got := g.Runs(m, off, tc.env); got != tc.want {
			t.Errorf("Runs(%s, %s, %v) = %v, want %v", tc.rel, tc.mark, tc.env, got, tc.want)
		}
	}
}
