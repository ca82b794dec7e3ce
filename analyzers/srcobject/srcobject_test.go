package srcobject_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/srcobject"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

func Test(t *testing.T) { ssrtest.Run(t, "testdata", srcobject.Analyzer) }
