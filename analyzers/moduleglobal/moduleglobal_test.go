package moduleglobal_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/moduleglobal"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", moduleglobal.Analyzer) }
