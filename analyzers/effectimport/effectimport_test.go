package effectimport_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/effectimport"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", effectimport.Analyzer) }
