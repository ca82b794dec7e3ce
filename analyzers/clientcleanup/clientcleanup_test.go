package clientcleanup_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/clientcleanup"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", clientcleanup.Analyzer) }
