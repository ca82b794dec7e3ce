package secretprop_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/secretprop"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", secretprop.Analyzer) }
