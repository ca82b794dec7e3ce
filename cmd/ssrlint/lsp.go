package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/cmd/ssrlint/internal/lsp"
)

// cmdLSP runs the language server on stdin and stdout; its log goes to
// stderr, which editors keep in their LSP log.
func cmdLSP(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ssrlint lsp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	debounce := fs.Duration("debounce", lsp.DefaultDebounce, "quiet time after an edit before analysing")
	quiet := fs.Bool("quiet", false, "do not log to stderr")
	verbose := fs.Bool("v", false, "log every analysis and JSON-RPC message to stderr")
	fs.Bool("stdio", true, "talk LSP over standard input and output (the only transport; accepted because clients pass it)")
	noCache := fs.Bool("no-cache", false, "do not read or write the per-file summary cache")
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: ssrlint lsp [flags]

Runs the ssrlint language server over standard input and output (LSP 3.17).
Editors start it for TypeScript and JavaScript files (typescript,
typescriptreact, javascript, javascriptreact); see editors/ in the repository.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitError
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "ssrlint lsp: unexpected argument %q\n", fs.Arg(0))
		return exitError
	}
	cache := ""
	if !*noCache {
		if dir, err := os.UserCacheDir(); err == nil {
			cache = dir + string(os.PathSeparator) + "ssrlint"
		}
	}
	if err := ssrgraph.Analyzer.Flags.Set("cache", cache); err != nil {
		fmt.Fprintf(stderr, "ssrlint lsp: %v\n", err)
		return exitError
	}
	// A server keeps the graph between edits; collecting less often trades
	// some memory for shorter runs.
	debug.SetGCPercent(200)
	var logw io.Writer = stderr
	if *quiet {
		logw = io.Discard
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return lsp.Serve(ctx, stdin, nopCloser{stdout}, lsp.Options{
		Debounce: *debounce,
		Log:      logw,
		Verbose:  *verbose,
		Version:  toolVersion(),
	})
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
