package tokenauth_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
	"github.com/ssrlint/ssrlint/analyzers/tokenauth"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", tokenauth.Analyzer) }
