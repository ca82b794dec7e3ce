package checker_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ssrlint/ssrlint/analyzers/all"
	"github.com/ssrlint/ssrlint/analyzers/checker"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
)

// render lists a run's findings in a stable text form, trace included.
func render(res *checker.Result) string {
	var lines []string
	for _, d := range res.Diagnostics {
		p := res.Fset.Position(d.Pos)
		e := res.Fset.Position(d.End)
		var rel []string
		for _, r := range d.Related {
			rp := res.Fset.Position(r.Pos)
			rel = append(rel, fmt.Sprintf("%s:%d:%d %s", filepath.Base(rp.Filename), rp.Line, rp.Column, r.Message))
		}
		fixes := 0
		for _, f := range d.SuggestedFixes {
			fixes += len(f.TextEdits)
		}
		lines = append(lines, fmt.Sprintf("%s:%d:%d-%d:%d [%s] %s {%s} fixes=%d", p.Filename, p.Line, p.Column, e.Line, e.Column, d.Analyzer.Name, d.Message, strings.Join(rel, " | "), fixes))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func run(t *testing.T, root string, opts checker.Options) *checker.Result {
	t.Helper()
	opts.Analyzers = all.Analyzers
	res, err := checker.Run([]string{root}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestSessionMatchesFreshRun: runs with a Session, first and again, find
// exactly what a run without one finds, on every rule's fixtures.
func TestSessionMatchesFreshRun(t *testing.T) {
	dirs, _ := filepath.Glob("../*/testdata")
	dirs = append(dirs, "../../testdata/demo")
	sess := checker.NewSession()
	defer sess.Close()
	for _, dir := range dirs {
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		t.Run(dir, func(t *testing.T) {
			want := render(run(t, dir, checker.Options{}))
			for i := 0; i < 2; i++ {
				if got := render(run(t, dir, checker.Options{Session: sess})); got != want {
					t.Errorf("run %d with a session:\n%s\nwithout:\n%s", i, got, want)
				}
			}
		})
	}
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSessionChanges: overlays, files created and deleted on disk, and a
// tsconfig change are all seen by a session's next run.
func TestSessionChanges(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "package.json"), `{"dependencies": {"next": "15.1.0"}}`)
	write(t, filepath.Join(root, "tsconfig.json"), `{"compilerOptions": {"paths": {"@/*": ["./*"]}}}`)
	page := filepath.Join(root, "app/page.tsx")
	write(t, page, "import { late } from \"@/lib/late\";\nexport default function Page() { return <p>{String(late)}</p>; }\n")
	late := filepath.Join(root, "lib/late.ts")

	sess := checker.NewSession()
	defer sess.Close()
	findings := func(opts checker.Options) string {
		t.Helper()
		opts.Session = sess
		return render(run(t, root, opts))
	}
	if got := findings(checker.Options{}); got != "" {
		t.Fatalf("before lib/late.ts exists: %s", got)
	}

	// Created on disk: the unresolved import now leads to it.
	write(t, late, "import { SignalWire } from \"@signalwire/js\";\nexport const late = SignalWire;\n")
	sess.Changed(late, ssrgraph.Created)
	if got := findings(checker.Options{}); !strings.Contains(got, "late.ts:1:1") || !strings.Contains(got, "[serverimport]") {
		t.Fatalf("after creating lib/late.ts: %q", got)
	}

	// An unsaved buffer wins over the disk, and the disk is back once it
	// is gone.
	if got := findings(checker.Options{Overlay: map[string][]byte{late: []byte("export const late = 1;\n")}}); got != "" {
		t.Errorf("with a clean overlay: %s", got)
	}
	if got := findings(checker.Options{}); !strings.Contains(got, "[serverimport]") {
		t.Errorf("overlay dropped: %q", got)
	}

	// A tsconfig change is noticed without being told (its modification
	// time), and the alias no longer resolves.
	tsconfig := filepath.Join(root, "tsconfig.json")
	write(t, tsconfig, `{"compilerOptions": {"paths": {"@/*": ["./src/*"]}}}`)
	future := time.Now().Add(time.Minute)
	if err := os.Chtimes(tsconfig, future, future); err != nil {
		t.Fatal(err)
	}
	if got := findings(checker.Options{}); got != "" {
		t.Errorf("after the alias moved: %s", got)
	}
	write(t, tsconfig, `{"compilerOptions": {"paths": {"@/*": ["./*"]}}}`)
	sess.Changed(tsconfig, ssrgraph.Modified)
	if got := findings(checker.Options{}); !strings.Contains(got, "[serverimport]") {
		t.Errorf("after the alias came back: %q", got)
	}

	// A change on disk is seen through modification times, unless the
	// caller promised to report every change.
	write(t, late, "export const late = 2;\n")
	future = future.Add(time.Minute)
	if err := os.Chtimes(late, future, future); err != nil {
		t.Fatal(err)
	}
	if got := findings(checker.Options{}); got != "" {
		t.Errorf("after editing lib/late.ts on disk: %s", got)
	}
	sess.TrustChanges(true)
	write(t, late, "import { SignalWire } from \"@signalwire/js\";\nexport const late = SignalWire;\n")
	sess.Changed(late, ssrgraph.Modified)
	if got := findings(checker.Options{}); !strings.Contains(got, "[serverimport]") {
		t.Errorf("after a reported change: %q", got)
	}

	// Deleted: the import no longer resolves, the finding goes.
	if err := os.Remove(late); err != nil {
		t.Fatal(err)
	}
	sess.Changed(late, ssrgraph.Deleted)
	if got := findings(checker.Options{}); got != "" {
		t.Errorf("after deleting lib/late.ts: %s", got)
	}
}

func TestSessionCancelled(t *testing.T) {
	sess := checker.NewSession()
	defer sess.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := checker.Run([]string{"../../testdata/demo"}, checker.Options{Analyzers: all.Analyzers, Session: sess, Context: ctx})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: err = %v", err)
	}
	// The session is still usable.
	if _, err := checker.Run([]string{"../../testdata/demo"}, checker.Options{Analyzers: all.Analyzers, Session: sess}); err != nil {
		t.Fatal(err)
	}
}

// TestSessionCancelledMidRun: a run cancelled at any point leaves the
// session able to see the next run's overlay.
func TestSessionCancelledMidRun(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "package.json"), `{"dependencies": {"next": "15.1.0"}}`)
	page := filepath.Join(root, "app/page.tsx")
	write(t, page, "export default function Page() { return <p/>; }\n")
	for i := 1; i < 20; i++ {
		write(t, filepath.Join(root, fmt.Sprintf("lib/m%d.ts", i)), fmt.Sprintf("export const m%d = %d;\n", i, i))
	}
	bug := []byte("import { SignalWire } from \"@signalwire/js\";\nexport default function Page() { return <p>{String(SignalWire)}</p>; }\n")
	for cancelAt := 1; cancelAt < 80; cancelAt++ {
		sess := checker.NewSession()
		sess.TrustChanges(cancelAt%2 == 0)
		run(t, root, checker.Options{Session: sess})
		ctx, cancel := context.WithCancel(context.Background())
		reads := 0
		_, err := checker.Run([]string{root}, checker.Options{Analyzers: all.Analyzers, Session: sess, Context: ctx,
			Overlay: map[string][]byte{page: []byte("export default function Page() { return <div/>; }\n")},
			ReadFile: func(p string) ([]byte, error) {
				if reads++; reads == cancelAt {
					cancel()
				}
				return os.ReadFile(p)
			}})
		cancel()
		_ = err
		got := render(run(t, root, checker.Options{Session: sess, Overlay: map[string][]byte{page: bug}}))
		if !strings.Contains(got, "[serverimport]") {
			t.Errorf("cancelled after %d reads: the next run found %q", cancelAt, got)
		}
		sess.Close()
	}
}

// TestSessionWorkspaceFileCreated: a file created in a workspace package
// (outside the app) is analysed after the change is reported, although the
// packages' file lists are kept for the process.
func TestSessionWorkspaceFileCreated(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "package.json"), `{"private": true}`)
	write(t, filepath.Join(root, "pnpm-workspace.yaml"), "packages:\n  - apps/*\n  - packages/*\n")
	write(t, filepath.Join(root, "apps/web/package.json"), `{"name": "web", "dependencies": {"next": "15.1.0", "@acme/ui": "workspace:*"}}`)
	write(t, filepath.Join(root, "apps/web/app/page.tsx"), "import { late } from \"@acme/ui/late\";\nexport default function Page() { return <p>{String(late)}</p>; }\n")
	write(t, filepath.Join(root, "packages/ui/package.json"), `{"name": "@acme/ui"}`)
	write(t, filepath.Join(root, "packages/ui/index.ts"), "export const ui = 1;\n")

	sess := checker.NewSession()
	defer sess.Close()
	if got := render(run(t, root, checker.Options{Session: sess})); got != "" {
		t.Fatalf("before packages/ui/late.ts exists: %s", got)
	}
	late := filepath.Join(root, "packages/ui/late.ts")
	write(t, late, "import { SignalWire } from \"@signalwire/js\";\nexport const late = SignalWire;\n")
	sess.Changed(late, ssrgraph.Created)
	if got := render(run(t, root, checker.Options{Session: sess})); !strings.Contains(got, "late.ts:1:1") || !strings.Contains(got, "[serverimport]") {
		t.Errorf("after creating packages/ui/late.ts: %q", got)
	}
}

// TestSkippedFiles: a file over 1 MiB and a binary file are reported as
// problems and left out of the graph, with and without a Session.
func TestSkippedFiles(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "package.json"), `{"dependencies": {"next": "15.1.0"}}`)
	write(t, filepath.Join(root, "app/page.tsx"), "import { x } from \"../lib/huge\";\nimport { y } from \"../lib/bin\";\nexport default function Page() { return <p>{x}{y}</p>; }\n")
	write(t, filepath.Join(root, "lib/huge.js"), "export const x = 1;\n"+strings.Repeat("//", 1<<19)+"\n")
	write(t, filepath.Join(root, "lib/bin.js"), "export const y = 1;\x00\x01\x02")
	sess := checker.NewSession()
	defer sess.Close()
	for _, opts := range []checker.Options{{}, {Session: sess}} {
		res := run(t, root, opts)
		g := res.Results[res.Apps[0]][ssrgraph.Analyzer].(*ssrgraph.Graph)
		got := map[string]string{}
		for _, p := range g.Problems {
			got[filepath.Base(p.Path)] = p.Message
		}
		if got["huge.js"] != "skipped: larger than 1 MiB" || got["bin.js"] != "skipped: binary" {
			t.Errorf("session %v: problems %v", opts.Session != nil, got)
		}
		for _, m := range g.Modules {
			if base := filepath.Base(m.Path); base == "huge.js" || base == "bin.js" {
				t.Errorf("session %v: %s is a module", opts.Session != nil, base)
			}
		}
	}
}
