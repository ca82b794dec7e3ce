package secretimport_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/secretimport"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", secretimport.Analyzer) }
