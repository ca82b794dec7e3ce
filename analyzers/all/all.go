// Package all lists ssrlint's rules: the analyzers the CLI, the language
// server and the docs iterate over.
package all

import (
	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/effectimport"
	"github.com/ssrlint/ssrlint/analyzers/moduleglobal"
	"github.com/ssrlint/ssrlint/analyzers/serverimport"
)

// Analyzers are the rules, in documentation order.
var Analyzers = []*analysis.Analyzer{
	serverimport.Analyzer,
	effectimport.Analyzer,
	moduleglobal.Analyzer,
}

// ByName returns the rule named name, or nil.
func ByName(name string) *analysis.Analyzer {
	for _, a := range Analyzers {
		if a.Name == name {
			return a
		}
	}
	return nil
}
