package expiryunits_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/expiryunits"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", expiryunits.Analyzer) }
