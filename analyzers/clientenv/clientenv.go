package clientenv

import (
	"bytes"
	"fmt"
	"regexp"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/rules"
)

// Analyzer reports server-only environment variables read by browser code.
var Analyzer = &analysis.Analyzer{
	Name:     "clientenv",
	Doc:      "report server-only environment variables read by browser code\n\nNext.js inlines only NEXT_PUBLIC_ variables, NODE_ENV and next.config env keys, and only as process.env.NAME. Any other read in a module of the browser bundle is undefined in the browser, while the server render of the same module reads the real value and can write it into the HTML.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/clientenv.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	public := PublicNames(g)
	for _, m := range g.Modules {
		reach, ok := g.Shortest(m, ssrgraph.Browser)
		if !ok {
			continue
		}
		page := m.Entry == ssrgraph.EntryPage
		rendered := m.Env.Has(ssrgraph.ClientSSR | ssrgraph.PagesSSR)
		shared := sharedEnv(m)
		var src []byte
		for _, r := range m.Sum.Env {
			if r.Meta || r.Write || r.ServerOnly || page && r.ServerData {
				continue
			}
			if !g.Runs(m, r.Span.Start, ssrgraph.Browser) {
				// In a function (or a declaration) that no code of the
				// browser bundle uses: it never runs there.
				continue
			}
			if shared && r.Name != "" && !public(r.Name) {
				// The runtimeEnv map of t3-env's createEnv: the library
				// hands server variables out on the server only and
				// throws when browser code reads one.
				continue
			}
			c := check{m: m, r: r, reach: reach, public: public}
			c.server = rendered && !r.Context.BrowserOnly() && !r.Guarded
			msg := c.message()
			if msg == "" {
				continue
			}
			var fixes []analysis.SuggestedFix
			if r.Form == syntax.EnvIndex && public(r.Name) {
				if src == nil {
					src, _ = pass.ReadFile(m.Path)
				}
				fixes = memberFix(m, src, r)
			}
			pass.Report(g.Traced(m, r.Span, msg, reach, fixes...))
		}
		for _, mr := range m.Sum.MemberReads {
			if mr.ServerOnly || page && mr.ServerData || !g.Runs(m, mr.Span.Start, ssrgraph.Browser) {
				continue
			}
			env, ok := serverKey(m, mr)
			if !ok {
				continue
			}
			c := check{m: m, reach: reach, public: public}
			rendered := m.Env.Has(ssrgraph.ClientSSR|ssrgraph.PagesSSR) && !mr.Context.BrowserOnly() && !mr.Guarded
			msg := fmt.Sprintf("%s.%s is a server variable of %s's %s (createEnv) read in %s: in the browser the library throws instead of returning it",
				mr.Local, mr.Member, env.m.Rel, env.se.Name, c.where())
			if rendered {
				msg += ", while the server render reads the real value and can write it into the HTML"
			}
			msg += "; read it in server code and pass the browser only what it needs"
			if _, cred := rules.Secrets().IsCredential(mr.Member); cred {
				msg += "; " + mr.Member + " is a credential: keep it in a server route that mints a token"
			}
			pass.Report(g.Traced(m, mr.Span, msg, reach))
		}
	}
	return nil, nil
}

// sharedEnvObject is a SharedEnv with the module that defines it.
type sharedEnvObject struct {
	m  *ssrgraph.Module
	se syntax.SharedEnv
}

// serverKey reports whether mr reads a server key of a shared environment
// object (t3-env's createEnv) that m imports from another module.
func serverKey(m *ssrgraph.Module, mr syntax.MemberRead) (sharedEnvObject, bool) {
	if mr.Import < 0 || mr.Import >= len(m.Edges) {
		return sharedEnvObject{}, false
	}
	t := m.Edges[mr.Import].To
	if t == nil || len(t.Sum.SharedEnvs) == 0 || !sharedEnv(t) {
		return sharedEnvObject{}, false
	}
	imported := ""
	for _, b := range m.Sum.Imports[mr.Import].Bindings {
		if b.Local == mr.Local {
			imported = b.Imported
		}
	}
	for _, se := range t.Sum.SharedEnvs {
		if se.Name != imported {
			continue
		}
		for _, k := range se.Server {
			if k == mr.Member {
				return sharedEnvObject{t, se}, true
			}
		}
	}
	return sharedEnvObject{}, false
}

// sharedEnv reports whether m uses an environment-validation library meant
// to be imported on both sides (rules/serveronly.json sharedEnvPackages),
// as secretimport's Classify does.
func sharedEnv(m *ssrgraph.Module) bool {
	so := rules.ServerOnly()
	for _, imp := range m.Sum.Imports {
		if !imp.TypeOnly && so.SharedEnvPackage(imp.Spec) {
			return true
		}
	}
	return false
}

// PublicNames returns the test for names Next inlines into client code when
// read as process.env.NAME: a NEXT_PUBLIC_ prefix, an always-inlined name
// (NODE_ENV), or a key of next.config's env.
func PublicNames(g *ssrgraph.Graph) func(name string) bool {
	sec := rules.Secrets()
	keys := map[string]bool{}
	for _, k := range g.App.Config.EnvKeys {
		keys[k] = true
	}
	return func(name string) bool {
		if _, ok := sec.PublicPrefix("next", name); ok {
			return true
		}
		return sec.IsHarmless(name) || keys[name]
	}
}

// check is one env read in a browser-bundle module.
type check struct {
	m      *ssrgraph.Module
	r      syntax.EnvRef
	reach  ssrgraph.Reach
	public func(string) bool
	// server: the read also runs during the server render.
	server bool
}

// where names the module for messages: `this "use client" module` or
// `lib/env.ts, which … via Server Component app/page.tsx`.
func (c check) where() string {
	what := "module"
	switch {
	case c.m.Sum.UseClient:
		what = `"use client" module`
	case c.m.Entry == ssrgraph.EntryPage:
		what = "page"
	case c.m.Entry == ssrgraph.EntryInstrClient:
		what = "instrumentation-client module"
	}
	if c.reach.Entry == c.m {
		return "this " + what
	}
	return "this " + what + " (in the browser bundle via " + c.reach.Describe(c.m) + ")"
}

// expr shows the read in messages.
func expr(r syntax.EnvRef) string {
	switch r.Form {
	case syntax.EnvIndex:
		return fmt.Sprintf("process.env[%q]", r.Name)
	case syntax.EnvDestructure:
		return r.Name + " (destructured from process.env)"
	case syntax.EnvAlias:
		return r.Name + " (read through an alias of process.env)"
	}
	return "process.env." + r.Name
}

func (c check) message() string {
	r := c.r
	switch r.Form {
	case syntax.EnvDynamic:
		msg := fmt.Sprintf("process.env is read with a computed name in %s: Next never inlines such a read, so it is undefined in the browser", c.where())
		if c.server {
			msg += ", while the server render reads real values"
		}
		return msg
	case syntax.EnvRest:
		return fmt.Sprintf("the rest of process.env is collected in %s: Next never inlines it, so it is empty in the browser", c.where())
	}
	if !c.public(r.Name) {
		return c.private()
	}
	if r.Form.Inlined() {
		return ""
	}
	how := map[syntax.EnvForm]string{
		syntax.EnvIndex:       "process.env[" + fmt.Sprintf("%q", r.Name) + "] is",
		syntax.EnvDestructure: r.Name + " is destructured from process.env, which",
		syntax.EnvAlias:       r.Name + " is read through an alias of process.env, which",
	}[r.Form]
	if r.Form == syntax.EnvIndex {
		return fmt.Sprintf("%s never inlined by Next, so it is undefined in the browser in %s: write process.env.%s", how, c.where(), r.Name)
	}
	return fmt.Sprintf("%s Next never inlines, so it is undefined in the browser in %s: read process.env.%s", how, c.where(), r.Name)
}

// private is the message for a variable Next does not ship to the browser.
func (c check) private() string {
	r := c.r
	var msg string
	if c.server {
		msg = fmt.Sprintf("%s is undefined in the browser, but the server render of %s reads the real value and can write it into the HTML: a leak and a hydration mismatch",
			expr(r), c.where())
	} else {
		msg = fmt.Sprintf("%s is undefined in the browser, and %s runs this code only there: Next inlines only NEXT_PUBLIC_ variables, NODE_ENV and next.config env keys",
			expr(r), c.where())
	}
	if _, cred := rules.Secrets().IsCredential(r.Name); cred {
		msg += "; " + r.Name + " is a credential: keep it in a server route that mints a token"
	}
	return msg
}

var identifier = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)

// memberFix rewrites process.env["NAME"] as process.env.NAME: the bracket,
// quotes and spaces around the name become ".NAME". It offers nothing for a
// name that is not an identifier or for optional indexing (?.["NAME"]).
func memberFix(m *ssrgraph.Module, src []byte, r syntax.EnvRef) []analysis.SuggestedFix {
	if !identifier.MatchString(r.Name) || r.NameSpan.End > len(src) || r.Span.End > len(src) {
		return nil
	}
	open := bytes.LastIndexByte(src[r.Span.Start:r.NameSpan.Start], '[')
	shut := bytes.IndexByte(src[r.NameSpan.End:r.Span.End], ']')
	if open < 0 || shut < 0 {
		return nil
	}
	open += r.Span.Start
	shut += r.NameSpan.End
	if open > 0 && src[open-1] == '.' {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message: "read process.env." + r.Name + ", which Next inlines",
		TextEdits: []analysis.TextEdit{{
			Pos:     m.Pos(open),
			End:     m.Pos(shut + 1),
			NewText: []byte("." + r.Name),
		}},
	}}
}
