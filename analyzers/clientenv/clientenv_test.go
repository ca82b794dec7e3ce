package clientenv_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/clientenv"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", clientenv.Analyzer) }
