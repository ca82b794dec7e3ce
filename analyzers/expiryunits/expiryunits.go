package expiryunits

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
)

// Analyzer reports credential results whose expiry_at is in seconds.
var Analyzer = &analysis.Analyzer{
	Name:     "expiryunits",
	Doc:      "report a credential expiry_at in seconds instead of milliseconds\n\nA CredentialProvider's authenticate() and refresh() return { token, expiry_at }, with expiry_at a millisecond timestamp (Date.now() style). A value in seconds reads as a date in 1970, so the token looks expired from the start.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/expiryunits.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	for _, m := range g.Modules {
		for _, e := range m.Sum.Expiries {
			start, end := m.Range(e.Span)
			msg := fmt.Sprintf("expiry_at is in seconds (%s), but the SDK expects a millisecond timestamp like Date.now() + lifetime: read as milliseconds it is a date in January 1970, so the token looks expired from the start; multiply seconds by 1000",
				e.Text)
			if e.Literal {
				msg = fmt.Sprintf("expiry_at is %s, a number of seconds (a lifetime or a Unix time), but the SDK expects a millisecond timestamp like Date.now() + lifetime: read as milliseconds it is a date in early 1970, so the token looks expired from the start",
					e.Text)
			}
			d := analysis.Diagnostic{Pos: start, End: end, Message: msg}
			if e.HasFix {
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message:   "use the millisecond timestamp " + e.Fix,
					TextEdits: []analysis.TextEdit{{Pos: start, End: end, NewText: []byte(e.Fix)}},
				}}
			}
			pass.Report(d)
		}
	}
	return nil, nil
}
