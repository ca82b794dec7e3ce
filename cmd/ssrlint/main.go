// Command ssrlint finds server-side-rendering misuse of browser-only SDKs in
// Next.js apps: it follows the whole import graph, knows which files Next
// runs where, and prints the chain of imports that pulls a browser SDK onto
// the server.
//
// Usage:
//
//	ssrlint [flags] [path ...]     analyse the Next.js apps under each path (default ".")
//	ssrlint rules                  list the rules
//	ssrlint explain <rule>         print a rule's documentation
//	ssrlint version
//
// Exit codes: 0 no findings, 1 findings, 2 usage, configuration or internal error.
//
// For profiling, SSRLINT_CPUPROFILE=file writes a CPU profile of the run
// (go tool pprof reads it).
package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

func main() {
	os.Exit(profiled(func() int { return run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr) }))
}

// profiled runs f, with a CPU profile when SSRLINT_CPUPROFILE names a file.
func profiled(f func() int) int {
	path := os.Getenv("SSRLINT_CPUPROFILE")
	if path == "" {
		return f()
	}
	out, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "ssrlint: SSRLINT_CPUPROFILE: %v\n", err)
		return exitError
	}
	defer out.Close()
	if err := pprof.StartCPUProfile(out); err != nil {
		fmt.Fprintf(os.Stderr, "ssrlint: SSRLINT_CPUPROFILE: %v\n", err)
		return exitError
	}
	defer pprof.StopCPUProfile()
	return f()
}
