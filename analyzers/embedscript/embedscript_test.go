package embedscript_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/embedscript"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", embedscript.Analyzer) }
