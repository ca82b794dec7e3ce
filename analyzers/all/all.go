// Package all lists ssrlint's rules: the analyzers the CLI, the language
// server and the docs iterate over.
package all

import (
	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/clientcleanup"
	"github.com/ssrlint/ssrlint/analyzers/clientenv"
	"github.com/ssrlint/ssrlint/analyzers/directive"
	"github.com/ssrlint/ssrlint/analyzers/dynamicssr"
	"github.com/ssrlint/ssrlint/analyzers/effectimport"
	"github.com/ssrlint/ssrlint/analyzers/embedscript"
	"github.com/ssrlint/ssrlint/analyzers/expiryunits"
	"github.com/ssrlint/ssrlint/analyzers/moduleglobal"
	"github.com/ssrlint/ssrlint/analyzers/publicsecret"
	"github.com/ssrlint/ssrlint/analyzers/renderglobal"
	"github.com/ssrlint/ssrlint/analyzers/secretimport"
	"github.com/ssrlint/ssrlint/analyzers/secretprop"
	"github.com/ssrlint/ssrlint/analyzers/serverimport"
	"github.com/ssrlint/ssrlint/analyzers/srcobject"
	"github.com/ssrlint/ssrlint/analyzers/tokenauth"
	"github.com/ssrlint/ssrlint/analyzers/tokencache"
)

// Analyzers are the rules, in documentation order.
var Analyzers = []*analysis.Analyzer{
	serverimport.Analyzer,
	effectimport.Analyzer,
	moduleglobal.Analyzer,
	renderglobal.Analyzer,
	clientenv.Analyzer,
	publicsecret.Analyzer,
	secretprop.Analyzer,
	secretimport.Analyzer,
	tokencache.Analyzer,
	tokenauth.Analyzer,
	dynamicssr.Analyzer,
	directive.Analyzer,
	embedscript.Analyzer,
	clientcleanup.Analyzer,
	srcobject.Analyzer,
	expiryunits.Analyzer,
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
