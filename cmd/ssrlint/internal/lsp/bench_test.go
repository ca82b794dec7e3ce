package lsp

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ssrlint/ssrlint/bench"
)

// BenchmarkEdit measures what a developer waits for: from a one-line edit
// sent over the pipe to the publishDiagnostics that reflects it, in the
// generated monorepo (bench.Generate; 5,000 modules unless
// SSRLINT_BENCH_MODULES says otherwise). Each iteration adds or removes the
// line `import { SignalWire } from "@signalwire/js"; export const sdk =
// SignalWire;` at the top of a Server Component page, which adds or clears a
// serverimport finding (an import nothing uses is elided by the compiler,
// and not reported). It reports the median and 90th percentile latency, and
// the CPU time per edit.
//
// "watched": the client registered file watchers, so the server trusts its
// change notifications. "unwatched": a client without them, so the server
// compares the files with the disk after each analysis.
//
//	go test -run '^$' -bench Edit -benchtime 100x -cpu 2 ./cmd/ssrlint/internal/lsp/
func BenchmarkEdit(b *testing.B) {
	// As `ssrlint lsp` does (cmd/ssrlint/lsp.go).
	defer debug.SetGCPercent(debug.SetGCPercent(200))
	n := bench.DefaultModules
	if v := os.Getenv("SSRLINT_BENCH_MODULES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatalf("SSRLINT_BENCH_MODULES: %v", err)
		}
	}
	root := filepath.Join(b.TempDir(), "repo")
	if err := bench.Generate(root, n, 1); err != nil {
		b.Fatalf("generating the monorepo: %v", err)
	}
	page := serverPage(b, root)
	for _, mode := range []struct {
		name  string
		watch bool
	}{{"watched", true}, {"unwatched", false}} {
		b.Run(mode.name, func(b *testing.B) { benchEdits(b, root, page, mode.watch) })
	}
}

func benchEdits(b *testing.B, root, page string, watch bool) {
	c := startServer(b, Options{})
	published := make(chan PublishDiagnosticsParams, 100)
	c.mu.Lock()
	c.onPublish = func(p PublishDiagnosticsParams) {
		published <- p
	}
	c.mu.Unlock()
	c.initialize(root, watch, nil)
	uri := uriOf(page)
	text := readFile(b, page)
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, LanguageID: "typescriptreact", Version: 1, Text: text}})

	version := 1
	// toggle sends the edit and waits for the page's diagnostics to show it.
	toggle := func(add bool) time.Duration {
		version++
		change := TextDocumentContentChangeEvent{Range: &Range{Start: Position{0, 0}, End: Position{0, 0}}, Text: "import { SignalWire } from \"@signalwire/js\"; export const sdk = SignalWire;\n"}
		if !add {
			change = TextDocumentContentChangeEvent{Range: &Range{Start: Position{0, 0}, End: Position{1, 0}}, Text: ""}
		}
		start := time.Now()
		c.notify("textDocument/didChange", DidChangeTextDocumentParams{TextDocument: VersionedTextDocumentIdentifier{URI: uri, Version: version}, ContentChanges: []TextDocumentContentChangeEvent{change}})
		timeout := time.After(waitLimit)
		for {
			select {
			case p := <-published:
				if p.URI == uri && p.Version != nil && *p.Version == version && hasCode("serverimport")(p) == add {
					return time.Since(start)
				}
			case <-timeout:
				b.Fatalf("no diagnostics for edit %d", version)
			}
		}
	}
	// The first analysis of the workspace (cold: every import resolved)
	// is not what is measured; the first toggle waits for it.
	cold := toggle(true)
	toggle(false)
	b.Logf("first analysis of %s: %v", root, cold.Round(time.Millisecond))

	var lat []time.Duration
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lat = append(lat, toggle(i%2 == 0))
	}
	b.StopTimer()
	// CPU time of the process (server and client) per edit: unlike the
	// latency, it does not depend on what else the machine is running.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/edit")
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	q := func(f float64) float64 {
		return float64(lat[min(len(lat)-1, int(f*float64(len(lat))))]) / float64(time.Millisecond)
	}
	b.ReportMetric(q(0.5), "ms-median")
	b.ReportMetric(q(0.9), "ms-p90")
	var null any
	c.call("shutdown", nil, &null)
	c.notify("exit", nil)
	<-c.exit
}

// cpuTime is the process's user and system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// serverPage returns a Server Component page of the generated web app.
func serverPage(b *testing.B, root string) string {
	var found string
	dir := filepath.Join(root, "apps", "web", "src", "app")
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || found != "" || d.IsDir() || d.Name() != "page.tsx" {
			return err
		}
		if src, err := os.ReadFile(p); err == nil && !strings.Contains(string(src), "use client") && !strings.Contains(string(src), "@signalwire") {
			found = p
		}
		return nil
	})
	if found == "" {
		b.Fatalf("no Server Component page under %s", dir)
	}
	return found
}
