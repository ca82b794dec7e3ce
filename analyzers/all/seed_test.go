package all_test

import (
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/all"
	"github.com/ssrlint/ssrlint/analyzers/checker"
)

// TestSeedIsClean runs every rule on the SignalWire SSR guide's own code
// (testdata/seed: the Dialer, the widget mount, the layout's embed script,
// the token routes, the credential provider, the Pages Router page): the
// guide's patterns are the ones users copy, so none may be reported.
func TestSeedIsClean(t *testing.T) {
	res, err := checker.Run([]string{"../../testdata/seed"}, checker.Options{Analyzers: all.Analyzers})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Apps) != 1 {
		t.Fatalf("found %d apps in testdata/seed, want 1", len(res.Apps))
	}
	for _, d := range res.Diagnostics {
		t.Errorf("%s: %s [%s]", res.Fset.Position(d.Pos), d.Message, d.Analyzer.Name)
	}
}
