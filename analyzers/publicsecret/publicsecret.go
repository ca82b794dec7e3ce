package publicsecret

import (
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/dotenv"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/rules"
)

// Analyzer reports credentials that Next.js inlines into browser code.
var Analyzer = &analysis.Analyzer{
	Name:     "publicsecret",
	Doc:      "report credentials that Next.js inlines into browser code\n\nA NEXT_PUBLIC_ variable named like a credential, or a credential listed under next.config env, is written into the client bundle as literal text: every visitor can read it.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/publicsecret.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

// publicPrefix is the prefix Next exposes to the browser.
const publicPrefix = "NEXT_PUBLIC_"

// credential reports whether name, without a NEXT_PUBLIC_ prefix, looks like
// a credential, and the pattern it matches. A public-by-design name
// (NEXT_PUBLIC_SW_HOST, a publishable or anon key) is never one.
func credential(name string) (rules.NamePattern, bool) {
	sec := rules.Secrets()
	if _, pub := sec.IsPublicByDesign(name); pub {
		return rules.NamePattern{}, false
	}
	return sec.IsCredential(strings.TrimPrefix(name, publicPrefix))
}

// publicCredential reports a NEXT_PUBLIC_ name that looks like a credential.
func publicCredential(name string) (rules.NamePattern, bool) {
	if _, ok := rules.Secrets().PublicPrefix("next", name); !ok {
		return rules.NamePattern{}, false
	}
	return credential(name)
}

// prefixMessage reports a NEXT_PUBLIC_ credential; into says where Next
// inlines it.
func prefixMessage(name string, p rules.NamePattern, into string) string {
	return fmt.Sprintf("%s looks like a credential (%s), but the %s prefix makes Next inline its value into %s, where every visitor can see it: drop the prefix and read it only in server code",
		name, p.Words, publicPrefix, into)
}

// anyClientCode is where a NEXT_PUBLIC_ variable is inlined, seen from a
// .env file or a module outside the browser bundle.
const anyClientCode = "any client code that reads it"

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	configKeys := map[string]bool{}
	for _, k := range g.App.Config.EnvKeys {
		configKeys[k] = true
	}
	checkCode(pass, g, configKeys)
	checkConfig(pass, g)
	checkEnvFiles(pass, g)
	return nil, nil
}

// checkCode reports reads of NEXT_PUBLIC_ credentials in any module, once
// per module and name, and reads of next.config env credentials in the
// browser bundle.
func checkCode(pass *analysis.Pass, g *ssrgraph.Graph, configKeys map[string]bool) {
	for _, m := range g.Modules {
		if m.Env == 0 && !strings.HasPrefix(m.Path, g.App.Dir+string(filepath.Separator)) {
			continue // a workspace package this app does not import: the apps that do report it
		}
		reach, inBrowser := g.Shortest(m, ssrgraph.Browser)
		var related []analysis.RelatedInformation
		category, into, where := "", anyClientCode, "this module"
		if inBrowser {
			related, category = g.Related(reach, nil), ssrgraph.TraceCategory
			if reach.Entry != m {
				where += " (in the browser bundle via " + reach.Describe(m) + ")"
			}
			into = where
		}
		page := m.Entry == ssrgraph.EntryPage
		seen := map[string]bool{}
		for _, r := range m.Sum.Env {
			if r.Meta || r.Write || r.Name == "" {
				continue
			}
			start, end := m.Range(r.Span)
			if p, ok := publicCredential(r.Name); ok {
				if !seen[r.Name] {
					seen[r.Name] = true
					in := into
					if page && r.ServerData {
						in = anyClientCode // getServerSideProps and co. stay on the server
					}
					pass.Report(analysis.Diagnostic{Pos: start, End: end, Category: category, Message: prefixMessage(r.Name, p, in), Related: related})
				}
				continue
			}
			if !configKeys[r.Name] || !inBrowser || !r.Form.Inlined() || page && r.ServerData {
				continue
			}
			if p, ok := credential(r.Name); ok {
				pass.Report(analysis.Diagnostic{
					Pos: start, End: end, Category: category, Related: related,
					Message: fmt.Sprintf("next.config env inlines %s, which looks like a credential (%s), into %s: its value ships to every visitor; read it only in server code",
						r.Name, p.Words, where),
				})
			}
		}
	}
}

// checkConfig reports next.config env keys that look like credentials.
func checkConfig(pass *analysis.Pass, g *ssrgraph.Graph) {
	cfg := g.App.Config
	if g.App.ConfigFile == "" || len(cfg.EnvKeySpans) == 0 {
		return
	}
	src, err := pass.ReadFile(g.App.ConfigFile)
	if err != nil {
		return // project discovery already reported the unreadable config
	}
	tf := g.FileFor(g.App.ConfigFile, src)
	for _, k := range cfg.EnvKeys {
		p, ok := credential(k)
		if !ok {
			continue
		}
		sp := cfg.EnvKeySpans[k]
		if sp.End > tf.Size() {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos: tf.Pos(sp.Start),
			End: tf.Pos(sp.End),
			Message: fmt.Sprintf("next.config env inlines %s, which looks like a credential (%s), into every bundle, the browser's included: remove it from env and read process.env.%s only in server code",
				k, p.Words, k),
		})
	}
}

// checkEnvFiles reports NEXT_PUBLIC_ credentials defined in the .env files
// Next loads from the app directory. Only keys are reported: a message never
// holds a value.
func checkEnvFiles(pass *analysis.Pass, g *ssrgraph.Graph) {
	for _, path := range pass.OtherFiles {
		if filepath.Dir(path) != g.App.Dir || !dotenv.NextLoads(path) {
			continue
		}
		src, err := pass.ReadFile(path)
		if err != nil {
			continue // unreadable: nothing to check
		}
		f := g.FileFor(path, src)
		for _, e := range dotenv.Parse(src) {
			p, ok := publicCredential(e.Key)
			if !ok {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos:     f.Pos(e.KeySpan.Start),
				End:     f.Pos(e.KeySpan.End),
				Message: prefixMessage(e.Key, p, anyClientCode),
			})
		}
	}
}
