package renderglobal_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/renderglobal"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", renderglobal.Analyzer) }
