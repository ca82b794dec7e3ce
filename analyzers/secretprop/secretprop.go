package secretprop

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/clientenv"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/rules"
)

// Analyzer reports server credentials serialized into the page as props.
var Analyzer = &analysis.Analyzer{
	Name:     "secretprop",
	Doc:      "report server credentials serialized into the page as props\n\nA credential passed from a Server Component to a Client Component, written into an element's attributes, or returned in the props of getServerSideProps/getStaticProps is serialized into the page, where every visitor can read it.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/secretprop.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

// maxReExports bounds how many re-exports a component is followed through.
const maxReExports = 8

// sink is one place values cross, with the flows that reach it.
type sink struct {
	m     *ssrgraph.Module
	first syntax.PropFlow
	names []string
	flows []syntax.PropFlow
	// client is the "use client" module of the component, nil for an
	// intrinsic element or page props.
	client *ssrgraph.Module
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	public := clientenv.PublicNames(g)
	sec := rules.Secrets()
	for _, m := range g.Modules {
		if len(m.Sum.Props) == 0 {
			continue
		}
		// Rendered by the server only: its JSX output is what crosses. A
		// module also in the browser bundle has its reads reported by
		// clientenv.
		serverOnly := m.Env.Has(ssrgraph.Server) && !m.Env.Has(ssrgraph.Browser)
		var sinks []*sink
		bySpan := map[syntax.Span]*sink{}
		for _, p := range m.Sum.Props {
			if public(p.Name) {
				continue
			}
			if _, cred := sec.IsCredential(p.Name); !cred {
				continue // server configuration handed to the client on purpose
			}
			var client *ssrgraph.Module
			switch {
			case p.Kind == syntax.PropData:
				if m.Entry != ssrgraph.EntryPage {
					continue
				}
			case !serverOnly:
				continue
			case intrinsic(p.Tag):
			default:
				c, ok := clientComponent(m, p)
				if !ok {
					continue // a Server Component: its props stay on the server
				}
				client = c
			}
			s := bySpan[p.Span]
			if s == nil {
				s = &sink{m: m, first: p, client: client}
				bySpan[p.Span] = s
				sinks = append(sinks, s)
			}
			if !contains(s.names, p.Name) {
				s.names = append(s.names, p.Name)
			}
			s.flows = append(s.flows, p)
		}
		for _, s := range sinks {
			report(pass, s)
		}
	}
	return nil, nil
}

// intrinsic reports a tag React renders as an HTML (or custom) element.
func intrinsic(tag string) bool {
	return tag != "" && tag[0] >= 'a' && tag[0] <= 'z' && !strings.Contains(tag, ".")
}

// clientComponent returns the "use client" module a JSX tag's component is
// defined in, following re-exports.
func clientComponent(m *ssrgraph.Module, p syntax.PropFlow) (*ssrgraph.Module, bool) {
	if p.TagImport < 0 || p.TagImport >= len(m.Edges) {
		return nil, false
	}
	e := m.Edges[p.TagImport]
	if e.To == nil {
		return nil, false
	}
	name := p.TagImported
	if name == "" { // next/dynamic: the module's component
		if e.To.Sum.UseClient {
			return e.To, true
		}
		name = "default"
	}
	return definingClient(e.To, name, 0)
}

// definingClient follows the export name of m to a "use client" module.
func definingClient(m *ssrgraph.Module, name string, depth int) (*ssrgraph.Module, bool) {
	if m.Sum.UseClient {
		return m, true
	}
	if depth >= maxReExports {
		return nil, false
	}
	for _, e := range m.Edges {
		if e.To == nil || e.Import.TypeOnly {
			continue
		}
		switch e.Import.Kind {
		case syntax.ImportReExport:
			for _, fw := range e.Import.Forwards {
				if fw.Local == name && fw.Imported != "*" {
					return definingClient(e.To, fw.Imported, depth+1)
				}
			}
			if e.Import.Star && name != "default" && declares(e.To, name, depth+1) {
				if c, ok := definingClient(e.To, name, depth+1); ok {
					return c, true
				}
			}
		case syntax.ImportStatic:
			// import { Dialer } from "./dialer"; export { Dialer };
			for _, bd := range e.Import.Bindings {
				if bd.Local == name && exportsLocal(m, name) && bd.Imported != "*" {
					return definingClient(e.To, bd.Imported, depth+1)
				}
			}
		}
	}
	return nil, false
}

// declares reports whether m exports name, itself or through star
// re-exports.
func declares(m *ssrgraph.Module, name string, depth int) bool {
	for _, x := range m.Sum.Exports {
		if x.Name == name {
			return true
		}
	}
	if depth >= maxReExports {
		return false
	}
	for _, e := range m.Edges {
		if e.To != nil && e.Import.Kind == syntax.ImportReExport && e.Import.Star && declares(e.To, name, depth+1) {
			return true
		}
	}
	return false
}

func exportsLocal(m *ssrgraph.Module, name string) bool {
	for _, x := range m.Sum.Exports {
		if x.Name == name && !x.ReExport {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// credentials names the variables for a message: "the credential X is", "a
// value built from the credentials X and Y is", "the credentials X and Y
// are".
func credentials(s *sink) string {
	derived := false
	for _, f := range s.flows {
		derived = derived || f.Derived
	}
	names := append([]string(nil), s.names...)
	sort.Strings(names)
	list := "the credential " + names[0]
	if len(names) > 1 {
		list = "the credentials " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	switch {
	case derived:
		return "a value built from " + list + " is"
	case len(names) > 1:
		return list + " are"
	}
	return list + " is"
}

// props lists the props a sink's flows reach: "token", "project and token".
func props(s *sink) (string, bool) {
	var ps []string
	for _, f := range s.flows {
		if !contains(ps, f.Prop) {
			ps = append(ps, f.Prop)
		}
	}
	if len(ps) == 1 {
		return ps[0], false
	}
	return strings.Join(ps[:len(ps)-1], ", ") + " and " + ps[len(ps)-1], true
}

// advice is what to do instead, for SignalWire's credentials and others.
func advice(s *sink) string {
	md := rules.Minting()
	for _, n := range s.names {
		if md.IsCredentialEnv(n) || strings.HasPrefix(n, "SIGNALWIRE_") {
			if s.first.Kind == syntax.PropData {
				return "mint a short-lived token in " + s.first.Func + " (or fetch one from a token route) and return the token instead"
			}
			return "mint a short-lived token on the server (in the Server Component, or fetch one from a token route) and pass the token instead"
		}
	}
	return "keep the secret on the server: do the work that needs it in server code (a route handler, a server action) and pass only its result"
}

func report(pass *analysis.Pass, s *sink) {
	p := s.first
	what := credentials(s)
	var msg string
	switch {
	case p.Kind == syntax.PropData:
		var parts []string
		for _, f := range s.flows {
			w := "props"
			if f.Prop != "" {
				w += "." + f.Prop
			}
			if !contains(parts, w) {
				parts = append(parts, w)
			}
		}
		where := parts[0]
		if len(parts) > 1 {
			where = strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
		}
		msg = fmt.Sprintf("%s returned by %s as %s: Next.js serializes page props into the HTML (__NEXT_DATA__), where every visitor can read it: %s",
			what, p.Func, where, advice(s))
	case s.client == nil:
		into := "the " + p.Prop + " attribute of <" + p.Tag + ">"
		switch p.Kind {
		case syntax.PropChildren:
			into = "the content of <" + p.Tag + ">"
		case syntax.PropSpread:
			into = "the attributes of <" + p.Tag + "> (through a spread)"
		}
		msg = fmt.Sprintf("%s written into the HTML as %s, where every visitor can read it: %s", what, into, advice(s))
	default:
		names, plural := props(s)
		noun := " prop"
		if plural {
			noun = " props"
		}
		as := "as its " + names + noun
		switch p.Kind {
		case syntax.PropChildren:
			as = "as its children"
		case syntax.PropSpread:
			as = "through a spread, as its " + names + noun
			if p.Prop == "..." {
				as = "through a spread"
			}
		}
		msg = fmt.Sprintf("%s passed to the Client Component <%s> %s: React serializes a Client Component's props into the page, where every visitor can read it: %s",
			what, p.Tag, as, advice(s))
	}
	start, end := s.m.Range(p.Span)
	var related []analysis.RelatedInformation
	seen := map[syntax.Span]bool{}
	for _, f := range s.flows {
		if seen[f.Read] || f.Read.Start >= p.Span.Start && f.Read.End <= p.Span.End {
			continue
		}
		seen[f.Read] = true
		rs, re := s.m.Range(f.Read)
		related = append(related, analysis.RelatedInformation{Pos: rs, End: re, Message: f.Name + " is read here"})
	}
	if c := s.client; c != nil && len(c.Sum.Directives) > 0 {
		for _, d := range c.Sum.Directives {
			if d.Value == "use client" && d.InPrologue {
				ds, de := c.Range(d.Span)
				related = append(related, analysis.RelatedInformation{Pos: ds, End: de, Message: "<" + p.Tag + "> is a Client Component: " + c.Rel + " starts with \"use client\""})
				break
			}
		}
	}
	pass.Report(analysis.Diagnostic{Pos: start, End: end, Message: msg, Related: related})
}
