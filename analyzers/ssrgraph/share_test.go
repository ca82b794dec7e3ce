package ssrgraph_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/checker"
	"github.com/ssrlint/ssrlint/analyzers/project"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

// sharedWorkspace is two apps importing one workspace package whose own
// tsconfig maps "~/*" to its src directory.
func sharedWorkspace(t *testing.T, brokenApp string) string {
	root := t.TempDir()
	files := map[string]string{
		"package.json":               `{"private":true,"workspaces":["apps/*","packages/*"]}`,
		"packages/ui/package.json":   `{"name":"@acme/ui","main":"src/index.ts"}`,
		"packages/ui/tsconfig.json":  `{"compilerOptions":{"baseUrl":".","paths":{"~/*":["./src/*"]}}}`,
		"packages/ui/src/index.ts":   `export { Button } from "~/button";` + "\n" + `export { Card } from "./card";`,
		"packages/ui/src/button.tsx": `export function Button() { return null }`,
		"packages/ui/src/card.tsx":   `export function Card() { return null }`,
		"apps/a/package.json":        `{"name":"a","dependencies":{"next":"15.0.0","@acme/ui":"*"}}`,
		"apps/a/app/page.tsx":        `import { Button } from "@acme/ui";` + "\n" + `export default function Page() { return <Button /> }`,
		"apps/b/package.json":        `{"name":"b","dependencies":{"next":"15.0.0","@acme/ui":"*"}}`,
		"apps/b/app/page.tsx":        `import { Card } from "@acme/ui";` + "\n" + `export default function Page() { return <Card /> }`,
		"apps/b/app/about/page.tsx":  `import { Card } from "@acme/ui";` + "\n" + `export default function About() { return <Card /> }`,
	}
	if brokenApp != "" {
		files["apps/"+brokenApp+"/tsconfig.json"] = `{ "compilerOptions": { "paths": `
	}
	ssrtest.WriteTree(t, root, files)
	return root
}

// runGraphs analyses the workspace's apps; in order, one after the other
// (a, then b), when sequential, else side by side.
func runGraphs(t *testing.T, root string, sequential bool) map[string]*ssrgraph.Graph {
	t.Helper()
	opts := checker.Options{Analyzers: []*analysis.Analyzer{ssrgraph.Analyzer}}
	if sequential {
		// Per-app analyzer flags make the checker run apps in turn.
		opts.AppFlags = func(*project.App) map[*analysis.Analyzer]map[string]string {
			return map[*analysis.Analyzer]map[string]string{ssrgraph.Analyzer: {"cache": ""}}
		}
	}
	res, err := checker.Run([]string{root}, opts)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*ssrgraph.Graph{}
	for _, app := range res.Apps {
		out[filepath.Base(app.Dir)] = res.Results[app][ssrgraph.Analyzer].(*ssrgraph.Graph)
	}
	if len(out) != 2 {
		t.Fatalf("found apps %v, want a and b", out)
	}
	return out
}

// target is where the import spec of the module at rel (relative to the
// workspace root) leads in g.
func target(t *testing.T, g *ssrgraph.Graph, root, rel, spec string) string {
	t.Helper()
	m := g.Module(filepath.Join(root, filepath.FromSlash(rel)))
	if m == nil {
		t.Fatalf("%s is not a module of %s", rel, g.App.Dir)
	}
	for _, e := range m.Edges {
		if e.Import.Spec == spec {
			if e.Err != "" {
				return "error: " + e.Err
			}
			return e.Target()
		}
	}
	t.Fatalf("%s has no import %q", rel, spec)
	return ""
}

// TestSharedResolutions: the apps of one run resolve the workspace package's
// imports once, with the same results as each app on its own.
func TestSharedResolutions(t *testing.T) {
	root := sharedWorkspace(t, "")
	before := ssrgraph.EsbuildRequests()
	graphs := runGraphs(t, root, false)
	asked := ssrgraph.EsbuildRequests() - before
	for name, g := range graphs {
		if got := target(t, g, root, "packages/ui/src/index.ts", "~/button"); got != "packages/ui/src/button.tsx" {
			t.Errorf("app %s: ~/button → %s, want packages/ui/src/button.tsx", name, got)
		}
		if got := target(t, g, root, "packages/ui/src/index.ts", "./card"); got != "packages/ui/src/card.tsx" {
			t.Errorf("app %s: ./card → %s", name, got)
		}
	}
	// a: its page's @acme/ui; b: @acme/ui from two directories; the
	// package's two imports once, not once per app.
	if want := int64(1 + 2 + 2); asked != want {
		t.Errorf("sent %d requests to esbuild, want %d", asked, want)
	}
}

// TestSharedResolutionsBrokenTsconfig: an app whose tsconfig is broken is
// resolved without tsconfig files, the same way whether it runs first or
// last, and what it resolved that way is not given to the other app.
func TestSharedResolutionsBrokenTsconfig(t *testing.T) {
	for _, broken := range []string{"a", "b"} { // a runs first, b last
		root := sharedWorkspace(t, broken)
		other := map[string]string{"a": "b", "b": "a"}[broken]
		graphs := runGraphs(t, root, true)
		if got := target(t, graphs[other], root, "packages/ui/src/index.ts", "~/button"); got != "packages/ui/src/button.tsx" {
			t.Errorf("%s broken: app %s: ~/button → %s, want packages/ui/src/button.tsx", broken, other, got)
		}
		// Without tsconfig, "~/button" is a bare specifier: package "~".
		if got := target(t, graphs[broken], root, "packages/ui/src/index.ts", "~/button"); got != "~" {
			t.Errorf("%s broken: app %s: ~/button → %s, want the unresolved package ~", broken, broken, got)
		}
	}
}
