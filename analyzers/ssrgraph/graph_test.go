package ssrgraph_test

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/checker"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
)

func graphOf(t *testing.T, dir string) *ssrgraph.Graph {
	t.Helper()
	res, err := checker.Run([]string{dir}, checker.Options{Analyzers: []*analysis.Analyzer{ssrgraph.Analyzer}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Apps) != 1 {
		t.Fatalf("found %d apps, want 1", len(res.Apps))
	}
	return res.Results[res.Apps[0]][ssrgraph.Analyzer].(*ssrgraph.Graph)
}

// traceOf returns the shortest import trace of the module at rel (relative
// to g's app) in env, or "unreached".
func traceOf(g *ssrgraph.Graph) func(rel string, env ssrgraph.Env) string {
	return func(rel string, env ssrgraph.Env) string {
		r, ok := g.Shortest(g.Module(filepath.Join(g.App.Dir, rel)), env)
		if !ok {
			return "unreached"
		}
		return ssrgraph.TraceString(g.Related(r, nil))
	}
}

func TestClassify(t *testing.T) {
	g := graphOf(t, "testdata/classify")
	const (
		S  = ssrgraph.Server
		C  = ssrgraph.ClientSSR
		P  = ssrgraph.PagesSSR
		B  = ssrgraph.Browser
		no = ssrgraph.Env(0)
	)
	for _, tc := range []struct {
		rel   string
		entry string
		env   ssrgraph.Env
	}{
		{"app/page.tsx", ssrgraph.EntryServerComponent, S},
		{"lib/a.ts", "", S},
		{"lib/c.ts", "", S | P | B},
		{"lib/types-only.ts", "", no},
		{"lib/errors.ts", "", no},  // its only import uses it as a type: elided
		{"lib/unused.ts", "", no},  // its only import is unused: elided
		{"lib/kept.js", "", P | B}, // an unused import in JavaScript is kept
		{"lib/cyc1.ts", "", S},
		{"lib/cyc2.ts", "", S},
		{"lib/actions.ts", ssrgraph.EntryServerAction, S},
		{"app/_components/client.tsx", "", C | B},
		{"app/_components/shared.tsx", "", C | B},
		{"app/_components/lazy.tsx", "", B},
		{"app/_components/eager.tsx", "", C | B},
		{"app/_components/guarded.tsx", "", B},
		{"app/_components/in-effect.tsx", "", B},
		{"app/_components/page.tsx", "", no},
		{"app/api/x/route.ts", ssrgraph.EntryRouteHandler, S},
		{"app/icon.tsx", ssrgraph.EntryMetadataRoute, S},
		{"app/sitemap.ts", ssrgraph.EntryMetadataRoute, S},
		{"app/error.tsx", ssrgraph.EntryClientPage, C | B},
		{"middleware.ts", ssrgraph.EntryMiddleware, S},
		{"instrumentation.ts", ssrgraph.EntryInstrumentation, S},
		{"instrumentation-client.ts", ssrgraph.EntryInstrClient, B},
		{"lib/client-init.ts", "", B},
		{"pages/home.page.jsx", ssrgraph.EntryPage, P | B},
		{"pages/helper.jsx", "", no},
		{"pages/api/hello.ts", ssrgraph.EntryAPIRoute, S},
		{"pages/_document.tsx", ssrgraph.EntryDocument, S},
		{"pages/_app.tsx", ssrgraph.EntryPage, P | B},
		{"pages/data.tsx", ssrgraph.EntryPage, P | B},
		{"lib/db.ts", "", S}, // used only by getServerSideProps: stripped from the client build
	} {
		m := g.Module(filepath.Join(g.App.Dir, tc.rel))
		if m == nil {
			t.Errorf("%s: not in the graph", tc.rel)
			continue
		}
		if m.Entry != tc.entry || m.Env != tc.env {
			t.Errorf("%s: entry %q env %v, want entry %q env %v", tc.rel, m.Entry, m.Env, tc.entry, tc.env)
		}
	}
}

func TestShortestTrace(t *testing.T) {
	g := graphOf(t, "testdata/classify")
	trace := traceOf(g)
	for _, tc := range []struct {
		rel  string
		env  ssrgraph.Env
		want string
	}{
		// app/page.tsx imports c directly as well as through a → b.
		{"lib/c.ts", ssrgraph.Server, "app/page.tsx → lib/c.ts"},
		{"lib/b.ts", ssrgraph.Server, "app/page.tsx → lib/a.ts → lib/b.ts"},
		{"lib/c.ts", ssrgraph.PagesSSR, "pages/home.page.jsx → lib/c.ts"},
		{"app/_components/shared.tsx", ssrgraph.ClientSSR, "app/page.tsx → app/_components/client.tsx → app/_components/shared.tsx"},
		{"app/_components/lazy.tsx", ssrgraph.OnServer, "unreached"},
		{"app/page.tsx", ssrgraph.Server, "app/page.tsx"},
	} {
		if got := trace(tc.rel, tc.env); got != tc.want {
			t.Errorf("trace to %s in %v = %q, want %q", tc.rel, tc.env, got, tc.want)
		}
	}
	// Every trace step is a real import: its position is in the importer.
	m := g.Module(filepath.Join(g.App.Dir, "lib/b.ts"))
	r, _ := g.Shortest(m, ssrgraph.Server)
	for _, e := range r.Trace {
		p := g.Fset.Position(e.From.Pos(e.Import.StmtSpan.Start))
		if !strings.HasSuffix(p.Filename, e.From.Rel) {
			t.Errorf("edge %s → %s positioned in %s", e.From.Rel, e.Target(), p.Filename)
		}
	}
}

// TestSideEffectsPruning: a side-effect-free package's barrel is bypassed
// and its unused re-exports are never evaluated, as bundlers do.
func TestSideEffectsPruning(t *testing.T) {
	g := graphOf(t, "testdata/barrels")
	ws := filepath.Dir(filepath.Dir(g.App.Dir))
	for _, tc := range []struct {
		rel string
		env ssrgraph.Env
	}{
		{"packages/utils/src/cn.ts", ssrgraph.Server},
		{"packages/utils/src/xy.ts", ssrgraph.Server},
		{"packages/utils/src/log.ts", 0},                   // never asked for logTo
		{"packages/utils/src/types.ts", 0},                 // type-only
		{"packages/utils/src/index.ts", 0},                 // bypassed: nothing it defines is used
		{"packages/side/src/index.ts", ssrgraph.Server},    // free of side effects by the list, but…
		{"packages/side/src/polyfill.ts", ssrgraph.Server}, // …it imports a file that has them
		{"packages/side/src/styles.ts", 0},
		{"packages/side/src/a.ts", ssrgraph.Server},
		{"packages/side/src/b.ts", 0},
	} {
		m := g.Module(filepath.Join(ws, tc.rel))
		if m == nil {
			t.Errorf("%s: not in the graph", tc.rel)
			continue
		}
		if m.Env != tc.env {
			t.Errorf("%s: env %v, want %v", tc.rel, m.Env, tc.env)
		}
	}
	// The trace skips the bypassed barrel.
	m := g.Module(filepath.Join(ws, "packages/utils/src/cn.ts"))
	r, _ := g.Shortest(m, ssrgraph.Server)
	if got := ssrgraph.TraceString(g.Related(r, nil)); got != "app/page.tsx → packages/utils/src/cn.ts" {
		t.Errorf("trace = %q", got)
	}
}

// TestPerEnvPruning: the names a barrel is asked for are tracked per
// environment, so a name only a Server Component asks for does not put the
// module defining it, nor what that module imports, in the browser bundle;
// and modules free of side effects by their code (no "sideEffects" flag) are
// pruned in ProdEnv only (the development build evaluates them, and Next
// checks them for import "server-only").
func TestPerEnvPruning(t *testing.T) {
	g := graphOf(t, "testdata/perenv")
	const (
		S   = ssrgraph.Server
		C   = ssrgraph.ClientSSR
		B   = ssrgraph.Browser
		SCB = S | C | B
		no  = ssrgraph.Env(0)
	)
	for _, tc := range []struct {
		rel       string
		env, prod ssrgraph.Env
	}{
		// Declared free of side effects: pruned per environment in both.
		{"lib/flagged/index.ts", SCB, SCB}, // defines VERSION, which both pages use
		{"lib/flagged/client-part.ts", C | B, C | B},
		{"lib/flagged/server-part.ts", S, S}, // only the server page asks the kept barrel for it
		{"lib/token.ts", S, S},               // …so what it imports stays on the server
		// Free of side effects by their code: the production bundles drop
		// what their environment does not use.
		{"lib/links/index.ts", SCB, no},                   // bypassed: defines nothing
		{"lib/links/process-key.ts", SCB, C | B},          // the client page's name
		{"lib/links/key-checks.ts", SCB, S},               // only the server page asks for keyChecks
		{"lib/edge-config/is-blacklisted-key.ts", SCB, S}, // …so what it imports stays on the server
		{"lib/edge-config/index.ts", SCB, no},
		{"lib/links/transform.ts", SCB, no},    // asked for by no one
		{"lib/mixed/index.ts", SCB, SCB},       // has side effects through with-db.ts → conn.ts
		{"lib/mixed/with-db.ts", SCB, SCB},     // imports a module with a top-level call
		{"lib/db/conn.ts", SCB, SCB},           // the top-level call
		{"lib/mixed/fmt.ts", SCB, C | B},       // asked for by the client page
		{"lib/mixed/unused.ts", SCB, no},       // unused: dropped although the barrel is kept
		{"lib/mixed/server-helper.ts", SCB, S}, // the kept barrel forwards it only on the server
		{"lib/secret.ts", SCB, S},
		{"lib/db/index.ts", S, no},
		{"lib/db/register.ts", S, S},
		{"app/layout.tsx", S, S},
	} {
		m := g.Module(filepath.Join(g.App.Dir, tc.rel))
		if m == nil {
			t.Errorf("%s: not in the graph", tc.rel)
			continue
		}
		if m.Env != tc.env || g.ProdEnv(m) != tc.prod {
			t.Errorf("%s: env %v prod %v, want env %v prod %v", tc.rel, m.Env, g.ProdEnv(m), tc.env, tc.prod)
		}
	}
	trace := traceOf(g)
	for _, tc := range []struct {
		rel  string
		env  ssrgraph.Env
		want string
	}{
		{"lib/token.ts", S, "app/admin/page.tsx → lib/flagged/index.ts → lib/flagged/server-part.ts → lib/token.ts"},
		{"lib/flagged/client-part.ts", B, "app/dashboard/page.tsx → lib/flagged/index.ts → lib/flagged/client-part.ts"},
		{"lib/flagged/server-part.ts", B, "unreached"},
		{"lib/db/conn.ts", B, "app/dashboard/page.tsx → lib/mixed/index.ts → lib/mixed/with-db.ts → lib/db/conn.ts"},
	} {
		if got := trace(tc.rel, tc.env); got != tc.want {
			t.Errorf("trace to %s in %v = %q, want %q", tc.rel, tc.env, got, tc.want)
		}
	}
}

// TestDamagedCache: stat entries that point at summaries which no longer
// decode make the files be parsed again, not modules without a summary.
func TestDamagedCache(t *testing.T) {
	dir := t.TempDir()
	if err := ssrgraph.Analyzer.Flags.Set("cache", dir); err != nil {
		t.Fatal(err)
	}
	defer ssrgraph.Analyzer.Flags.Set("cache", "")
	defer ssrgraph.ResetCache()
	ssrgraph.ResetCache()
	want := len(graphOf(t, "testdata/inner").Modules)
	n, err := ssrgraph.DamageSummaries(dir)
	if err != nil || n == 0 {
		t.Fatalf("damaging the cache: %d files, %v", n, err)
	}
	ssrgraph.ResetCache()
	g := graphOf(t, "testdata/inner")
	if len(g.Modules) != want {
		t.Errorf("%d modules after damage, want %d", len(g.Modules), want)
	}
	for _, m := range g.Modules {
		if m.Sum == nil {
			t.Errorf("%s: no summary", m.Rel)
		}
	}
}
