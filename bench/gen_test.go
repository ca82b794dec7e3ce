package bench

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/all"
	"github.com/ssrlint/ssrlint/analyzers/checker"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// tree hashes every file under dir by slash-separated relative path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		sum := sha256.Sum256(data)
		out[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func generate(t *testing.T, modules int, seed int64) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "repo")
	if err := Generate(dir, modules, seed); err != nil {
		t.Fatalf("Generate(%d, %d): %v", modules, seed, err)
	}
	return dir
}

func sources(files map[string]string) (n int) {
	for p := range files {
		if syntax.IsSource(p) {
			n++
		}
	}
	return n
}

func TestGenerateDeterministic(t *testing.T) {
	a := tree(t, generate(t, 400, 7))
	b := tree(t, generate(t, 400, 7))
	if len(a) != len(b) {
		t.Fatalf("same seed: %d files, then %d", len(a), len(b))
	}
	for p, h := range a {
		if b[p] != h {
			t.Errorf("same seed, different %s", p)
		}
	}
	c := tree(t, generate(t, 400, 8))
	same := 0
	for p, h := range a {
		if c[p] == h {
			same++
		}
	}
	// Configs and the seeded files may coincide; the modules must not.
	if same > len(a)/4 {
		t.Errorf("seeds 7 and 8 share %d of %d files", same, len(a))
	}
}

func TestGenerateModuleCount(t *testing.T) {
	for _, n := range []int{MinModules, 1237} {
		if got := sources(tree(t, generate(t, n, 1))); got != n {
			t.Errorf("Generate(%d): %d source files", n, got)
		}
	}
}

// The default monorepo resembles a real one: 3–4 KB per module on average,
// three apps, four packages, no node_modules.
func TestGenerateShape(t *testing.T) {
	dir := generate(t, DefaultModules, 1)
	var n, size int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "node_modules" {
			t.Errorf("%s: generated a node_modules", p)
		}
		if !d.IsDir() && syntax.IsSource(p) {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n++
			size += info.Size()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != DefaultModules {
		t.Errorf("%d source files, want %d", n, DefaultModules)
	}
	if avg := size / n; avg < 2500 || avg > 4500 {
		t.Errorf("average module size %d bytes, want 2.5–4.5 KB", avg)
	}
	for _, p := range []string{"pnpm-workspace.yaml", "apps/web/package.json", "apps/admin/pages/_app.tsx",
		"apps/docs/tsconfig.json", "packages/ui/package.json", "packages/signalwire/src/index.ts"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			t.Errorf("missing %s: %v", p, err)
		}
	}
}

func TestGenerateRejects(t *testing.T) {
	if err := Generate(filepath.Join(t.TempDir(), "x"), MinModules-1, 1); err == nil {
		t.Errorf("Generate(%d modules) succeeded, want an error", MinModules-1)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Generate(dir, MinModules, 1); err == nil {
		t.Error("Generate into a non-empty directory succeeded, want an error")
	}
}

// A full ssrlint run over a generated monorepo reports exactly the seeded
// mistakes, on the seeded files, and every first-party import resolves.
func TestSeededMistakes(t *testing.T) {
	for _, seed := range []int64{3, 11} {
		dir := generate(t, 600, seed)
		ssrgraph.ResetCache()
		res, err := checker.Run([]string{dir}, checker.Options{Analyzers: all.Analyzers})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Apps) != 3 {
			t.Errorf("seed %d: %d apps, want 3", seed, len(res.Apps))
		}
		var got, want []string
		for _, d := range res.Diagnostics {
			p := res.Fset.Position(d.Pos)
			rel, _ := filepath.Rel(dir, p.Filename)
			got = append(got, d.Analyzer.Name+" "+filepath.ToSlash(rel))
			t.Logf("%s: %s [%s]", p, d.Message, d.Analyzer.Name)
		}
		for _, m := range seededMistakes {
			want = append(want, m.Rule+" "+m.Path)
		}
		sort.Strings(got)
		sort.Strings(want)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("seed %d: findings\n%s\nwant\n%s", seed, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for app, results := range res.Results {
			g := results[ssrgraph.Analyzer].(*ssrgraph.Graph)
			for _, m := range g.Modules {
				for _, e := range m.Edges {
					spec := e.Import.Spec
					firstParty := strings.HasPrefix(spec, ".") || strings.HasPrefix(spec, "@/") || strings.HasPrefix(spec, "@acme/")
					if firstParty && !e.Import.TypeOnly && e.To == nil && e.File == "" {
						t.Errorf("seed %d, app %s: %s: import %q does not resolve: %s", seed, filepath.Base(app.Dir), m.Rel, spec, e.Err)
					}
				}
			}
		}
	}
}
