package embedscript

import (
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/rules"
)

// Analyzer reports the embed bundle loaded before hydration or in a worker.
var Analyzer = &analysis.Analyzer{
	Name:     "embedscript",
	Doc:      "report the web-components embed bundle loaded before hydration or in a worker\n\nLoad signalwire-web-components-embed.iife.js with next/script and strategy=\"afterInteractive\" or \"lazyOnload\"; not \"beforeInteractive\", not \"worker\", and not with a blocking raw <script>.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/embedscript.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	bundles := bundleNames(rules.Packages())
	if len(bundles) == 0 {
		return nil, nil
	}
	for _, m := range g.Modules {
		// A file no entry renders (a story, a test fixture) loads nothing.
		if m.Env == 0 {
			continue
		}
		for i := range m.Sum.Scripts {
			s := &m.Sum.Scripts[i]
			src, ok := s.Attr("src")
			if !ok {
				continue
			}
			bundle := match(src.Value, bundles)
			if bundle == "" {
				continue
			}
			if s.Next {
				checkNext(pass, g, m, s, bundle)
			} else {
				checkRaw(pass, m, s, bundle)
			}
		}
	}
	return nil, nil
}

// bundleNames are the file names of the bundles that register elements when
// they run: the substring entries of importSideEffects.
func bundleNames(d *rules.PackageData) []string {
	var out []string
	for _, s := range d.SideEffects() {
		if s.Contains != "" {
			out = append(out, s.Contains)
		}
	}
	return out
}

// match returns the bundle's file name as written in src (from the matched
// entry to the end of the path segment), or "".
func match(src string, bundles []string) string {
	for _, b := range bundles {
		i := strings.Index(src, b)
		if i < 0 {
			continue
		}
		j := i + len(b)
		for j < len(src) && strings.IndexByte("/?#\"'`}$ ", src[j]) < 0 {
			j++
		}
		return src[i:j]
	}
	return ""
}

func checkNext(pass *analysis.Pass, g *ssrgraph.Graph, m *ssrgraph.Module, s *syntax.ScriptTag, bundle string) {
	a, ok := s.Attr("strategy")
	if !ok || !a.Const {
		// No strategy is afterInteractive; a computed one is not known.
		return
	}
	var why string
	switch a.Value {
	case "beforeInteractive":
		why = fmt.Sprintf(`strategy="beforeInteractive" loads %s before any Next.js code and before hydration, so the page stays non-interactive until the bundle has downloaded and registered its elements`, bundle)
	case "worker":
		why = fmt.Sprintf(`strategy="worker" runs %s in a web worker (Partytown), which has no DOM and no custom element registry for the page, so the sw-* elements are never defined`, bundle)
		if appRouter(g, m) {
			why += "; nor does the worker strategy work in the App Router"
		}
	default:
		return
	}
	start, end := m.Range(a.Span)
	edit := analysis.TextEdit{Pos: m.Pos(a.ValueSpan.Start), End: m.Pos(a.ValueSpan.End), NewText: []byte(`"afterInteractive"`)}
	pass.Report(analysis.Diagnostic{
		Pos:     start,
		End:     end,
		Message: why + `: use strategy="afterInteractive" or "lazyOnload"`,
		SuggestedFixes: []analysis.SuggestedFix{{
			Message:   `use strategy="afterInteractive"`,
			TextEdits: []analysis.TextEdit{edit},
		}},
	})
}

func checkRaw(pass *analysis.Pass, m *ssrgraph.Module, s *syntax.ScriptTag, bundle string) {
	if s.Spread {
		// {...props} may set async or defer.
		return
	}
	for _, name := range []string{"async", "defer"} {
		if a, ok := s.Attr(name); ok && (!a.Const || a.Value != "false") {
			return
		}
	}
	if t, ok := s.Attr("type"); ok && (!t.Const || t.Value == "module") {
		// Module scripts are deferred.
		return
	}
	start, end := m.Range(s.Span)
	pass.Report(analysis.Diagnostic{
		Pos: start,
		End: end,
		Message: fmt.Sprintf(`%s is loaded with a <script> that has neither async nor defer: it blocks HTML parsing where it stands and runs before hydration, and a <script> that React inserts in the browser (after a client-side navigation) never runs; load it with next/script and strategy="afterInteractive"`,
			bundle),
	})
}

// appRouter reports whether an App Router entry renders m.
func appRouter(g *ssrgraph.Graph, m *ssrgraph.Module) bool {
	for _, r := range g.Reaches(m, ssrgraph.Server|ssrgraph.ClientSSR|ssrgraph.PagesSSR|ssrgraph.Browser) {
		for _, dir := range g.App.AppDirs {
			if rel, err := filepath.Rel(dir, r.Entry.Path); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return true
			}
		}
	}
	return false
}
