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
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
