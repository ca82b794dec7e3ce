package serverimport_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/serverimport"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", serverimport.Analyzer) }
