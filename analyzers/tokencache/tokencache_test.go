package tokencache_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
	"github.com/ssrlint/ssrlint/analyzers/tokencache"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", tokencache.Analyzer) }
