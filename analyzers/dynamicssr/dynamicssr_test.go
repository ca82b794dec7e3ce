package dynamicssr_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/dynamicssr"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", dynamicssr.Analyzer) }
