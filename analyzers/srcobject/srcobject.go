package srcobject

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
)

// Analyzer reports srcObject JSX props on intrinsic elements.
var Analyzer = &analysis.Analyzer{
	Name:     "srcobject",
	Doc:      "report srcObject passed as a JSX prop instead of set on the element\n\nsrcObject is a DOM property with no HTML attribute: React does not set it from JSX and the server cannot render a MediaStream, so the element never gets the stream. Set it in an effect or a ref callback.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/srcobject.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	for _, m := range g.Modules {
		for _, o := range m.Sum.SrcObjects {
			if !intrinsic(o.Tag) {
				continue
			}
			start, end := m.Range(o.Span)
			pass.Report(analysis.Diagnostic{
				Pos: start,
				End: end,
				Message: fmt.Sprintf("srcObject is passed as a JSX prop of <%s>: it is a DOM property with no HTML attribute, so React does not set it (\"React does not recognize the `srcObject` prop on a DOM element\") and the server cannot render a MediaStream into HTML; set el.srcObject in an effect (with a ref) or a ref callback",
					o.Tag),
			})
		}
	}
	return nil, nil
}

// intrinsic reports whether tag names a built-in HTML element: lower case,
// not a custom element (which has a dash) and not a member (<motion.video>,
// a component).
func intrinsic(tag string) bool {
	return tag != "" && tag[0] >= 'a' && tag[0] <= 'z' && !strings.ContainsAny(tag, "-.:")
}
