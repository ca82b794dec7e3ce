package project

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// writeTree creates files (slash-separated path → contents) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symbolic links unavailable: %v", err)
	}
}

// rel makes paths relative to root, slash-separated, for comparison.
func rel(t *testing.T, root string, paths []string) []string {
	t.Helper()
	out := []string{}
	for _, p := range paths {
		r, err := filepath.Rel(root, p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(r))
	}
	return out
}

// problemText renders problems as "relpath: message" lines.
func problemText(t *testing.T, root string, ps []Problem) string {
	t.Helper()
	var lines []string
	for _, p := range ps {
		lines = append(lines, rel(t, root, []string{p.Path})[0]+": "+p.Message)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

const nextApp = `{"name": "web", "dependencies": {"next": "^15.1.0", "react": "19.0.0"}}`

type wantApp struct {
	dir         string // relative to the temp root; "." for the root
	name        string
	nextVersion string
	nextMajor   int
	appDirs     []string
	pagesDirs   []string
	files       []string
	configFiles []string
	problems    []string // substrings, each must occur in one of the app's problems
	noProblems  bool
}

func TestDiscover(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		setup    func(t *testing.T, root string)
		start    string // directory to run from, relative to root
		apps     []wantApp
		problems []string // substrings of top-level problems
		check    func(t *testing.T, root string, apps []*App)
	}{
		{
			name: "single app",
			files: map[string]string{
				"package.json":          nextApp,
				"app/page.tsx":          "export default function Page() { return null }",
				"app/layout.tsx":        "export default function L({children}) { return children }",
				"components/Button.jsx": "export const B = 1",
				"lib/util.mts":          "export {}",
				"README.md":             "# hi",
				"styles/globals.css":    "body{}",
				"tsconfig.json":         "{\n  // comment\n  \"compilerOptions\": { \"paths\": { \"@/*\": [\"./*\"], }, /* block */ },\n}\n",
				"tsconfig.build.json":   "{}",
				".env.local":            "A=1",
				".envrc":                "use nix",
				"next.config.mjs":       "export default { pageExtensions: ['tsx', 'mdx'], env: { SECRET: '1' } }",
			},
			apps: []wantApp{{
				dir: ".", name: "web", nextVersion: "^15.1.0", nextMajor: 15,
				appDirs:     []string{"app"},
				files:       []string{"app/layout.tsx", "app/page.tsx", "components/Button.jsx", "lib/util.mts", "next.config.mjs"},
				configFiles: []string{".env.local", "next.config.mjs", "package.json", "tsconfig.build.json", "tsconfig.json"},
				noProblems:  true,
			}},
			check: func(t *testing.T, root string, apps []*App) {
				a := apps[0]
				if !reflect.DeepEqual(a.PageExtensions, []string{"tsx", "mdx"}) {
					t.Errorf("PageExtensions = %v", a.PageExtensions)
				}
				if !reflect.DeepEqual(a.Config.EnvKeys, []string{"SECRET"}) || !a.Config.Known {
					t.Errorf("Config = %+v", a.Config)
				}
				if a.ConfigFile != filepath.Join(root, "next.config.mjs") {
					t.Errorf("ConfigFile = %s", a.ConfigFile)
				}
				if a.Workspace != nil {
					t.Errorf("Workspace = %+v, want nil", a.Workspace)
				}
			},
		},
		{
			name: "app with src and both routers, next in devDependencies",
			files: map[string]string{
				"package.json":        `{"devDependencies": {"next": "~14.2.3"}}`,
				"src/app/page.tsx":    "",
				"src/pages/_app.tsx":  "",
				"src/pages/api/x.ts":  "",
				"app.config.json":     "{}",
				"src/lib/no-ext-file": "",
			},
			apps: []wantApp{{
				dir: ".", nextVersion: "~14.2.3", nextMajor: 14,
				appDirs:     []string{"src/app"},
				pagesDirs:   []string{"src/pages"},
				files:       []string{"src/app/page.tsx", "src/pages/_app.tsx", "src/pages/api/x.ts"},
				configFiles: []string{"package.json"},
				noProblems:  true,
			}},
			check: func(t *testing.T, root string, apps []*App) {
				if want := filepath.Base(root); apps[0].Name != want {
					t.Errorf("Name = %q, want dir base %q", apps[0].Name, want)
				}
				if !reflect.DeepEqual(apps[0].PageExtensions, []string{"tsx", "ts", "jsx", "js"}) {
					t.Errorf("PageExtensions = %v, want the default", apps[0].PageExtensions)
				}
			},
		},
		{
			name: "pnpm monorepo with catalogs",
			files: map[string]string{
				"package.json": `{"name": "acme", "private": true, "devDependencies": {"turbo": "2"}}`,
				"pnpm-workspace.yaml": `packages:
  - "apps/*"
  - 'packages/*'
  - "!packages/internal-*"
catalog:
  next: ^16.0.0
catalogs:
  legacy:
    next: 14.2.3
`,
				"apps/web/package.json":                   `{"name": "@acme/web", "dependencies": {"next": "catalog:", "@acme/ui": "workspace:*"}}`,
				"apps/web/app/page.tsx":                   "",
				"apps/docs/package.json":                  `{"name": "@acme/docs", "dependencies": {"next": "catalog:legacy"}}`,
				"apps/docs/pages/index.tsx":               "",
				"packages/ui/package.json":                `{"name": "@acme/ui", "devDependencies": {"next": "^16"}}`,
				"packages/ui/src/Button.tsx":              "",
				"packages/ui/src/icons.generated.ts":      "",
				".gitignore":                              "*.generated.ts\n",
				"packages/ui/dist/index.js":               "",
				"packages/internal-test/package.json":     `{"name": "@acme/internal-test"}`,
				"packages/no-name/package.json":           `{}`,
				"packages/not-a-package/README.md":        "",
				"apps/web/node_modules/@acme/ui/x.js":     "",
				"apps/web/node_modules/next/package.json": `{"name": "next"}`,
			},
			apps: []wantApp{
				{dir: "apps/docs", name: "@acme/docs", nextVersion: "catalog:legacy", nextMajor: 14, pagesDirs: []string{"apps/docs/pages"}, files: []string{"apps/docs/pages/index.tsx"}, configFiles: []string{"apps/docs/package.json"}, noProblems: true},
				{dir: "apps/web", name: "@acme/web", nextVersion: "catalog:", nextMajor: 16, appDirs: []string{"apps/web/app"}, files: []string{"apps/web/app/page.tsx"}, configFiles: []string{"apps/web/package.json"}, noProblems: true},
			},
			check: func(t *testing.T, root string, apps []*App) {
				ws := apps[0].Workspace
				if ws == nil || ws != apps[1].Workspace {
					t.Fatalf("apps do not share one workspace: %p %p", ws, apps[1].Workspace)
				}
				if ws.Root != root {
					t.Errorf("Root = %s", ws.Root)
				}
				want := map[string]string{
					"acme":       root,
					"@acme/web":  filepath.Join(root, "apps/web"),
					"@acme/docs": filepath.Join(root, "apps/docs"),
					"@acme/ui":   filepath.Join(root, "packages/ui"),
				}
				if !reflect.DeepEqual(ws.Packages, want) {
					t.Errorf("Packages = %v\nwant %v", ws.Packages, want)
				}
				files, problems := ws.SourceFiles(filepath.Join(root, "packages/ui"))
				if got := rel(t, root, files); !reflect.DeepEqual(got, []string{"packages/ui/src/Button.tsx"}) || len(problems) > 0 {
					t.Errorf("SourceFiles = %v, %v", got, problems)
				}
			},
		},
		{
			name: "package.json workspaces, array and object forms",
			files: map[string]string{
				"package.json":                   `{"name": "root", "workspaces": ["apps/**", "libs/*"]}`,
				"apps/group/site/package.json":   `{"name": "site", "dependencies": {"next": ">=13.4 <15"}}`,
				"apps/group/site/pages/a.tsx":    "",
				"libs/shared/package.json":       `{"name": "@r/shared"}`,
				"libs/shared/index.ts":           "",
				"other/ws/package.json":          `{"name": "inner-root", "workspaces": {"packages": ["pkgs/*"]}}`,
				"other/ws/pkgs/app/package.json": `{"name": "inner-app", "dependencies": {"next": "16.0.0-canary.3"}}`,
				"other/ws/pkgs/app/app/page.tsx": "",
				"other/ws/pkgs/lib/package.json": `{"name": "inner-lib"}`,
			},
			apps: []wantApp{
				{dir: "apps/group/site", name: "site", nextVersion: ">=13.4 <15", nextMajor: 13, pagesDirs: []string{"apps/group/site/pages"}, files: []string{"apps/group/site/pages/a.tsx"}, configFiles: []string{"apps/group/site/package.json"}, noProblems: true},
				{dir: "other/ws/pkgs/app", name: "inner-app", nextVersion: "16.0.0-canary.3", nextMajor: 16, appDirs: []string{"other/ws/pkgs/app/app"}, files: []string{"other/ws/pkgs/app/app/page.tsx"}, configFiles: []string{"other/ws/pkgs/app/package.json"}, noProblems: true},
			},
			check: func(t *testing.T, root string, apps []*App) {
				want := map[string]string{
					"root":      root,
					"site":      filepath.Join(root, "apps/group/site"),
					"@r/shared": filepath.Join(root, "libs/shared"),
				}
				if ws := apps[0].Workspace; ws == nil || !reflect.DeepEqual(ws.Packages, want) {
					t.Errorf("workspace = %+v, want packages %v", ws, want)
				}
				// The innermost workspace root wins.
				want = map[string]string{
					"inner-root": filepath.Join(root, "other/ws"),
					"inner-app":  filepath.Join(root, "other/ws/pkgs/app"),
					"inner-lib":  filepath.Join(root, "other/ws/pkgs/lib"),
				}
				if ws := apps[1].Workspace; ws == nil || !reflect.DeepEqual(ws.Packages, want) {
					t.Errorf("workspace = %+v, want packages %v", ws, want)
				}
			},
		},
		{
			name: "nested app owns its files",
			files: map[string]string{
				"package.json":                        nextApp,
				"app/page.tsx":                        "",
				"lib/a.ts":                            "",
				"examples/demo/next.config.js":        "module.exports = {}",
				"examples/demo/pages/index.jsx":       "",
				"examples/demo/lib/b.ts":              "",
				"examples/not-an-app/package.json":    `{"name": "x"}`,
				"examples/not-an-app/index.ts":        "",
				"examples/lib-with-next/package.json": `{"devDependencies": {"next": "15"}}`,
				"examples/lib-with-next/index.ts":     "",
			},
			apps: []wantApp{
				{dir: ".", name: "web", nextVersion: "^15.1.0", nextMajor: 15, appDirs: []string{"app"},
					files:       []string{"app/page.tsx", "examples/lib-with-next/index.ts", "examples/not-an-app/index.ts", "lib/a.ts"},
					configFiles: []string{"package.json"}, noProblems: true},
				{dir: "examples/demo", name: "demo", nextVersion: "^15.1.0", nextMajor: 15, pagesDirs: []string{"examples/demo/pages"},
					files:       []string{"examples/demo/lib/b.ts", "examples/demo/next.config.js", "examples/demo/pages/index.jsx"},
					configFiles: []string{"examples/demo/next.config.js"}},
			},
		},
		{
			name: "gitignore, root and nested",
			files: map[string]string{
				"package.json":     nextApp,
				".gitignore":       "# generated\ngenerated/\n*.gen.ts\n!keep.gen.ts\n/rootonly.ts\nlib/deep/**\n\\#hash.ts\n",
				"app/.gitignore":   "local.ts\n",
				"app/page.tsx":     "",
				"app/local.ts":     "",
				"generated/a.ts":   "",
				"lib/x.gen.ts":     "",
				"lib/keep.gen.ts":  "",
				"rootonly.ts":      "",
				"lib/rootonly.ts":  "",
				"lib/local.ts":     "",
				"lib/deep/d.ts":    "",
				"lib/deep.ts":      "",
				"#hash.ts":         "",
				"src/generated.ts": "",
			},
			apps: []wantApp{{
				dir: ".", name: "web", nextVersion: "^15.1.0", nextMajor: 15, appDirs: []string{"app"},
				files:       []string{"app/page.tsx", "lib/deep.ts", "lib/keep.gen.ts", "lib/local.ts", "lib/rootonly.ts", "src/generated.ts"},
				configFiles: []string{"package.json"}, noProblems: true,
			}},
		},
		{
			name: "dependency and build directories skipped, route segments kept",
			files: map[string]string{
				"package.json":                 nextApp,
				"app/page.tsx":                 "",
				"app/build/page.tsx":           "",
				"app/(marketing)/out/page.tsx": "",
				"node_modules/x/index.js":      "",
				".next/server/app/page.js":     "",
				"dist/a.js":                    "",
				"build/a.js":                   "",
				"out/index.js":                 "",
				"coverage/lcov.js":             "",
				".turbo/x.js":                  "",
				".vercel/output/x.js":          "",
				"lib/dist/x.js":                "",
			},
			apps: []wantApp{{
				dir: ".", name: "web", nextVersion: "^15.1.0", nextMajor: 15, appDirs: []string{"app"},
				files:       []string{"app/(marketing)/out/page.tsx", "app/build/page.tsx", "app/page.tsx"},
				configFiles: []string{"package.json"}, noProblems: true,
			}},
		},
		{
			name: "symbolic link loops are cut, other links followed",
			files: map[string]string{
				"repo/package.json": nextApp,
				"repo/app/page.tsx": "",
				"shared/util.ts":    "",
			},
			setup: func(t *testing.T, root string) {
				symlink(t, "..", filepath.Join(root, "repo/app/up"))
				symlink(t, ".", filepath.Join(root, "repo/app/self"))
				symlink(t, "../shared", filepath.Join(root, "repo/shared"))
				symlink(t, "missing.ts", filepath.Join(root, "repo/app/dangling.ts"))
			},
			start: "repo",
			apps: []wantApp{{
				dir: "repo", name: "web", nextVersion: "^15.1.0", nextMajor: 15, appDirs: []string{"repo/app"},
				files:       []string{"repo/app/page.tsx", "repo/shared/util.ts"},
				configFiles: []string{"repo/package.json"},
				problems: []string{
					"repo/app/dangling.ts: skipped: broken symbolic link",
					"repo/app/self: skipped: symbolic link loop back to",
					"repo/app/up: skipped: symbolic link loop back to",
				},
			}},
		},
		{
			// Binary and oversized files are left to the reader
			// (IsBinary, MaxFileSize; ssrgraph reports them): discovery
			// makes no system call per file.
			name: "huge and binary files listed",
			files: map[string]string{
				"package.json": nextApp,
				"app/page.tsx": "",
				"lib/bin.js":   "var a = 1;\x00\x01",
				"lib/huge.js":  strings.Repeat("a", 1<<20+1),
				"lib/limit.js": strings.Repeat("a", 1<<20),
				"public/x.png": "\x89PNG\x00",
			},
			apps: []wantApp{{
				dir: ".", name: "web", nextVersion: "^15.1.0", nextMajor: 15, appDirs: []string{"app"},
				files:       []string{"app/page.tsx", "lib/bin.js", "lib/huge.js", "lib/limit.js"},
				configFiles: []string{"package.json"},
			}},
		},
		{
			name: "broken package.json and tsconfig",
			files: map[string]string{
				"web/package.json":    "{\n  \"name\": \"web\",\n  \"dependencies\": {\"next\": \"15\"\n",
				"web/next.config.js":  "module.exports = {}",
				"web/app/page.tsx":    "",
				"web/tsconfig.json":   "{ \"compilerOptions\": { \"paths\": } }",
				"lib/package.json":    "not json",
				"lib/index.ts":        "",
				"routed/package.json": "[",
				"routed/pages/a.tsx":  "",
			},
			apps: []wantApp{
				{dir: "routed", name: "routed", pagesDirs: []string{"routed/pages"}, files: []string{"routed/pages/a.tsx"}, configFiles: []string{"routed/package.json"},
					problems: []string{"routed/package.json: invalid package.json: unexpected end of JSON input"}},
				{dir: "web", name: "web", appDirs: []string{"web/app"}, files: []string{"web/app/page.tsx", "web/next.config.js"},
					configFiles: []string{"web/next.config.js", "web/package.json", "web/tsconfig.json"},
					problems: []string{
						"web/package.json: invalid package.json: unexpected end of JSON input",
						"web/tsconfig.json: invalid tsconfig.json: invalid character '}' looking for beginning of value at line 1, column 33",
					}},
			},
			problems: []string{"lib/package.json: invalid package.json, so whether"},
		},
		{
			name: "running from a subdirectory of an app",
			files: map[string]string{
				"package.json":             nextApp,
				".gitignore":               "ignored.ts\n",
				"app/page.tsx":             "",
				"app/dashboard/page.tsx":   "",
				"app/dashboard/ignored.ts": "",
				"lib/a.ts":                 "",
			},
			setup: func(t *testing.T, root string) {
				if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
					t.Fatal(err)
				}
			},
			start: "app/dashboard",
			apps: []wantApp{{
				dir: ".", name: "web", nextVersion: "^15.1.0", nextMajor: 15, appDirs: []string{"app"},
				files:       []string{"app/dashboard/page.tsx", "app/page.tsx", "lib/a.ts"},
				configFiles: []string{"package.json"}, noProblems: true,
			}},
		},
		{
			name: "running from a non-app package of a monorepo finds nothing",
			files: map[string]string{
				"pnpm-workspace.yaml":      "packages: [apps/*, packages/*]\n",
				"apps/web/package.json":    nextApp,
				"apps/web/app/page.tsx":    "",
				"packages/ui/package.json": `{"name": "ui"}`,
				"packages/ui/index.ts":     "",
			},
			start: "packages",
			apps:  nil,
		},
		{
			name: "app without package.json inherits next from the monorepo root",
			files: map[string]string{
				"package.json":             `{"name": "nx-root", "dependencies": {"next": "15.0.3"}}`,
				"apps/web/next.config.js":  "module.exports = {}",
				"apps/web/app/page.tsx":    "",
				"apps/bare/next.config.ts": "export default {}",
			},
			setup: func(t *testing.T, root string) {
				if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
					t.Fatal(err)
				}
			},
			apps: []wantApp{
				{dir: "apps/bare", name: "bare", nextVersion: "15.0.3", nextMajor: 15, files: []string{"apps/bare/next.config.ts"}, configFiles: []string{"apps/bare/next.config.ts"}, noProblems: true},
				{dir: "apps/web", name: "web", nextVersion: "15.0.3", nextMajor: 15, appDirs: []string{"apps/web/app"}, files: []string{"apps/web/app/page.tsx", "apps/web/next.config.js"}, configFiles: []string{"apps/web/next.config.js"}, noProblems: true},
			},
		},
		{
			name: "next as a workspace package and an unknown catalog",
			files: map[string]string{
				"package.json":               `{"workspaces": {"packages": ["packages/*", "apps/*"]}}`,
				"packages/next/package.json": `{"name": "next", "version": "16.1.0-canary.2"}`,
				"apps/a/package.json":        `{"name": "a", "dependencies": {"next": "workspace:*"}}`,
				"apps/a/app/page.tsx":        "",
				"apps/b/package.json":        `{"name": "b", "dependencies": {"next": "catalog:nope"}}`,
				"apps/b/app/page.tsx":        "",
				"apps/c/package.json":        `{"name": "c", "dependencies": {"next": "latest"}}`,
				"apps/c/app/page.tsx":        "",
			},
			apps: []wantApp{
				{dir: "apps/a", name: "a", nextVersion: "workspace:*", nextMajor: 16, appDirs: []string{"apps/a/app"}, files: []string{"apps/a/app/page.tsx"}, configFiles: []string{"apps/a/package.json"}, noProblems: true},
				{dir: "apps/b", name: "b", nextVersion: "catalog:nope", nextMajor: 0, appDirs: []string{"apps/b/app"}, files: []string{"apps/b/app/page.tsx"}, configFiles: []string{"apps/b/package.json"}, noProblems: true},
				{dir: "apps/c", name: "c", nextVersion: "latest", nextMajor: 0, appDirs: []string{"apps/c/app"}, files: []string{"apps/c/app/page.tsx"}, configFiles: []string{"apps/c/package.json"}, noProblems: true},
			},
		},
		{
			name: "config not followable and two config files",
			files: map[string]string{
				"package.json":   nextApp,
				"app/page.tsx":   "",
				"next.config.js": "module.exports = require('./cfg')",
				"next.config.ts": "export default { cacheComponents: true }",
			},
			apps: []wantApp{{
				dir: ".", name: "web", nextVersion: "^15.1.0", nextMajor: 15, appDirs: []string{"app"},
				files:       []string{"app/page.tsx", "next.config.js", "next.config.ts"},
				configFiles: []string{"next.config.js", "next.config.ts", "package.json"},
				problems: []string{
					"next.config.js: the exported config could not be followed statically",
					"next.config.ts: ignored: Next.js loads next.config.js instead",
				},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, tt.files)
			if tt.setup != nil {
				tt.setup(t, root)
			}
			apps, problems, err := Discover(filepath.Join(root, filepath.FromSlash(tt.start)))
			if err != nil {
				t.Fatalf("Discover: %v", err)
			}
			if len(apps) != len(tt.apps) {
				var dirs []string
				for _, a := range apps {
					dirs = append(dirs, a.Dir)
				}
				t.Fatalf("found %d apps %v, want %d", len(apps), dirs, len(tt.apps))
			}
			for i, w := range tt.apps {
				a := apps[i]
				if got := rel(t, root, []string{a.Dir})[0]; got != w.dir {
					t.Errorf("app %d: Dir = %s, want %s", i, got, w.dir)
					continue
				}
				if w.name != "" && a.Name != w.name {
					t.Errorf("%s: Name = %q, want %q", w.dir, a.Name, w.name)
				}
				if a.NextVersion != w.nextVersion || a.NextMajor != w.nextMajor {
					t.Errorf("%s: next %q (major %d), want %q (%d)", w.dir, a.NextVersion, a.NextMajor, w.nextVersion, w.nextMajor)
				}
				eq := func(field string, got []string, want []string) {
					if want == nil {
						want = []string{}
					}
					if g := rel(t, root, got); !reflect.DeepEqual(g, want) {
						t.Errorf("%s: %s = %q\nwant %q", w.dir, field, g, want)
					}
				}
				eq("AppDirs", a.AppDirs, w.appDirs)
				eq("PagesDirs", a.PagesDirs, w.pagesDirs)
				eq("Files", a.Files, w.files)
				eq("ConfigFiles", a.ConfigFiles, w.configFiles)
				text := problemText(t, root, a.Problems)
				if w.noProblems && text != "" {
					t.Errorf("%s: unexpected problems:\n%s", w.dir, text)
				}
				for _, p := range w.problems {
					if !strings.Contains(text, p) {
						t.Errorf("%s: problems lack %q:\n%s", w.dir, p, text)
					}
				}
				if len(w.problems) > 0 && len(a.Problems) != len(w.problems) {
					t.Errorf("%s: %d problems, want %d:\n%s", w.dir, len(a.Problems), len(w.problems), text)
				}
			}
			text := problemText(t, root, problems)
			for _, p := range tt.problems {
				if !strings.Contains(text, p) {
					t.Errorf("top-level problems lack %q:\n%s", p, text)
				}
			}
			if len(problems) != len(tt.problems) {
				t.Errorf("%d top-level problems, want %d:\n%s", len(problems), len(tt.problems), text)
			}
			if tt.check != nil {
				tt.check(t, root, apps)
			}
		})
	}
}

func TestDiscoverRootErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f.txt")
	writeTree(t, dir, map[string]string{"f.txt": "x"})
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(dir, "missing"), "does not exist"},
		{file, "is not a directory"},
	} {
		if _, _, err := Discover(tc.path); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Discover(%s) error = %v, want %q", tc.path, err, tc.want)
		}
		if _, err := Load(tc.path, nil); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Load(%s) error = %v, want %q", tc.path, err, tc.want)
		}
	}
}

func TestDiscoverEmptyDir(t *testing.T) {
	apps, problems, err := Discover(t.TempDir())
	if err != nil || len(apps) != 0 || len(problems) != 0 {
		t.Errorf("Discover(empty) = %v, %v, %v", apps, problems, err)
	}
}

func TestLoadUsesReadFileOverlay(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"package.json":   nextApp,
		"app/page.tsx":   "",
		"next.config.ts": "export default {}",
	})
	overlay := map[string]string{
		filepath.Join(root, "next.config.ts"): "export default { cacheComponents: true, env: { UNSAVED: '1' } }",
		filepath.Join(root, "package.json"):   `{"name": "edited", "dependencies": {"next": "16.0.1"}}`,
	}
	readFile := func(p string) ([]byte, error) {
		if s, ok := overlay[p]; ok {
			return []byte(s), nil
		}
		return os.ReadFile(p)
	}
	app, err := Load(root, readFile)
	if err != nil {
		t.Fatal(err)
	}
	if app.Name != "edited" || app.NextMajor != 16 || !app.Config.CacheComponents || !reflect.DeepEqual(app.Config.EnvKeys, []string{"UNSAVED"}) {
		t.Errorf("Load did not read through the overlay: %+v", app)
	}
	if len(app.Files) != 0 {
		t.Errorf("Load enumerated files: %v", app.Files)
	}
	if got := rel(t, root, app.AppDirs); !reflect.DeepEqual(got, []string{"app"}) {
		t.Errorf("AppDirs = %v", got)
	}

	// A read error other than "does not exist" is a problem, not a crash.
	failing := func(p string) ([]byte, error) {
		if filepath.Base(p) == "package.json" {
			return nil, &fs.PathError{Op: "open", Path: p, Err: errors.New("permission denied")}
		}
		return os.ReadFile(p)
	}
	app, err = Load(root, failing)
	if err != nil {
		t.Fatal(err)
	}
	if text := problemText(t, root, app.Problems); !strings.Contains(text, "package.json: cannot read package.json") {
		t.Errorf("problems = %s", text)
	}
}

func TestParseMajor(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"^14.2.0", 14},
		{"~15.0.3", 15},
		{">=13.4 <15", 13},
		{">= 13.4.0", 13},
		{"16.0.0-canary.3", 16},
		{"15", 15},
		{"14.x", 14},
		{"v15.1.0", 15},
		{"=15.1.0", 15},
		{"^13.5 || ^14", 13},
		{"npm:next@15.2.0", 15},
		{"workspace:^15.0.0", 15},
		{"workspace:*", 0},
		{"catalog:", 0},
		{"latest", 0},
		{"canary", 0},
		{"*", 0},
		{"", 0},
		{"github:vercel/next.js", 0},
		{"file:../next", 0},
		{"13abc", 0},
	} {
		if got := ParseMajor(tc.in); got != tc.want {
			t.Errorf("ParseMajor(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestIsBinary(t *testing.T) {
	for src, want := range map[string]bool{
		"var a = 1;\x00\x01":               true,
		"const s = \"caf\u00e9\";":         false,
		"":                                 false,
		strings.Repeat("a", 9000) + "\x00": false, // past the sniffed prefix
	} {
		if got := IsBinary([]byte(src)); got != want {
			t.Errorf("IsBinary(%.20q) = %v, want %v", src, got, want)
		}
	}
}
