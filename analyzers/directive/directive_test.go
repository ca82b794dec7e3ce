package directive_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/directive"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", directive.Analyzer) }
