package resolve

import (
	"os"
	"path/filepath"
	"testing"
)

func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestResolve(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"tsconfig.base.json": `{
  // comments and trailing commas are fine
  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./apps/web/*"], }, },
}`,
		"apps/web/tsconfig.json":                      `{ "extends": "../../tsconfig.base.json" }`,
		"apps/web/app/page.tsx":                       `import "@/lib/sw";`,
		"apps/web/lib/sw.ts":                          `export {}`,
		"apps/web/lib/index.ts":                       `export {}`,
		"apps/web/components/a.tsx":                   `export {}`,
		"packages/ui/package.json":                    `{"name":"@acme/ui","exports":{".":"./src/index.ts","./button":"./src/button.tsx"}}`,
		"packages/ui/src/index.ts":                    `export {}`,
		"packages/ui/src/button.tsx":                  `export {}`,
		"apps/web/node_modules/real-pkg/package.json": `{"name":"real-pkg","main":"index.js"}`,
		"apps/web/node_modules/real-pkg/index.js":     `module.exports = 1`,
	})
	web := filepath.Join(root, "apps/web")
	r, err := New(Options{Dir: web, Workspace: map[string]string{"@acme/ui": filepath.Join(root, "packages/ui")}})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	appDir := filepath.Join(web, "app")
	reqs := []Request{
		{appDir, "@/lib/sw"},
		{appDir, "../lib"},
		{appDir, "../components/a"},
		{appDir, "@acme/ui"},
		{appDir, "@acme/ui/button"},
		{appDir, "@signalwire/js"},
		{appDir, "@signalwire/web-components/dist/x.js"},
		{appDir, "real-pkg"},
		{appDir, "node:fs"},
		{appDir, "path"},
		{appDir, "./missing"},
	}
	got, err := r.ResolveAll(reqs)
	if err != nil {
		t.Fatal(err)
	}
	want := []Result{
		{File: filepath.Join(web, "lib/sw.ts")},
		{File: filepath.Join(web, "lib/index.ts")},
		{File: filepath.Join(web, "components/a.tsx")},
		{File: filepath.Join(root, "packages/ui/src/index.ts")},
		{File: filepath.Join(root, "packages/ui/src/button.tsx")},
		{Package: "@signalwire/js"},
		{Package: "@signalwire/web-components"},
		{Package: "real-pkg"},
		{Package: "fs"},
		{Package: "path"},
	}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("%s: got %+v, want %+v", reqs[i].Spec, got[i], w)
		}
	}
	if last := got[len(got)-1]; last.Err == "" || last.File != "" {
		t.Errorf("./missing: got %+v, want an error", last)
	}
	// A second batch reuses the context.
	again, err := r.ResolveAll(reqs[:1])
	if err != nil || again[0] != want[0] {
		t.Errorf("second batch: %+v %v", again, err)
	}
}

func TestPackageName(t *testing.T) {
	for spec, want := range map[string]string{
		"@signalwire/js": "@signalwire/js", "@a/b/c/d": "@a/b", "lodash/fp": "lodash", "node:fs/promises": "fs", "react": "react",
	} {
		if got := PackageName(spec); got != want {
			t.Errorf("PackageName(%q) = %q, want %q", spec, got, want)
		}
	}
}
