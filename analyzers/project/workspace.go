package project

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Workspace is the monorepo an app belongs to: its root and its packages, so
// that `@acme/ui` can be resolved in a checkout with no node_modules.
type Workspace struct {
	// Root is the absolute directory holding pnpm-workspace.yaml, or the
	// package.json with "workspaces".
	Root string
	// Patterns are the workspace globs as written, negations ("!…")
	// included.
	Patterns []string
	// Packages maps each workspace package's package.json name to its
	// absolute directory. The root package is included when it has a name.
	Packages map[string]string

	// catalogs maps a catalog name ("default" for pnpm's `catalog:`) to
	// package → range.
	catalogs map[string]map[string]string
}

// PackageDir returns the directory of the workspace package named name.
func (w *Workspace) PackageDir(name string) (string, bool) {
	if w == nil {
		return "", false
	}
	d, ok := w.Packages[name]
	return d, ok
}

// SourceFiles enumerates the source files under dir (normally a workspace
// package's directory) with the same rules as app discovery: build output
// and node_modules skipped, .gitignore honoured up to the workspace root,
// binary and huge files reported as problems. The result is sorted.
func (w *Workspace) SourceFiles(dir string) ([]string, []Problem) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, []Problem{{Path: dir, Message: err.Error()}}
	}
	stop := ""
	if w != nil {
		stop = w.Root
	}
	col := &App{Dir: abs}
	wk := newWalker(nil)
	wk.walk(abs, ancestorIgnores(abs, stop), col)
	sort.Strings(col.Files)
	return col.Files, append(col.Problems, wk.problems...)
}

// catalogRange resolves a "catalog:" or "catalog:name" dependency.
func (w *Workspace) catalogRange(spec, pkg string) (string, bool) {
	if w == nil {
		return "", false
	}
	name := strings.TrimSpace(strings.TrimPrefix(spec, "catalog:"))
	if name == "" {
		name = "default"
	}
	r, ok := w.catalogs[name][pkg]
	return r, ok
}

// packageJSON is the part of package.json discovery reads. Fields of an
// unexpected type are ignored rather than failing the whole file.
type packageJSON struct {
	Name            string
	Version         string
	Dependencies    map[string]string
	DevDependencies map[string]string
	// Workspaces is set when the file has a "workspaces" field.
	Workspaces    []string
	HasWorkspaces bool
	Catalogs      map[string]map[string]string
}

func readPackageJSON(path string, readFile func(string) ([]byte, error)) (*packageJSON, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	var raw map[string]json.RawMessage
	if err := decodeJSON(data, &raw, false); err != nil {
		return nil, err
	}
	if raw == nil {
		return nil, errors.New("not a JSON object")
	}
	p := &packageJSON{}
	_ = json.Unmarshal(raw["name"], &p.Name)
	_ = json.Unmarshal(raw["version"], &p.Version)
	p.Dependencies = stringMap(raw["dependencies"])
	p.DevDependencies = stringMap(raw["devDependencies"])
	if w, ok := raw["workspaces"]; ok {
		p.HasWorkspaces = true
		// npm and yarn: an array; yarn classic and bun: {packages: [...]},
		// bun adds catalog/catalogs there.
		if json.Unmarshal(w, &p.Workspaces) != nil {
			var obj struct {
				Packages []string                   `json:"packages"`
				Catalog  json.RawMessage            `json:"catalog"`
				Catalogs map[string]json.RawMessage `json:"catalogs"`
			}
			if json.Unmarshal(w, &obj) == nil {
				p.Workspaces = obj.Packages
				p.Catalogs = map[string]map[string]string{}
				if c := stringMap(obj.Catalog); c != nil {
					p.Catalogs["default"] = c
				}
				for name, c := range obj.Catalogs {
					if m := stringMap(c); m != nil {
						p.Catalogs[name] = m
					}
				}
			}
		}
	}
	return p, nil
}

// stringMap decodes an object's string-valued members.
func stringMap(raw json.RawMessage) map[string]string {
	if raw == nil {
		return nil
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		var s string
		if json.Unmarshal(v, &s) == nil {
			out[k] = s
		}
	}
	return out
}

// dep returns the range declared for name in dependencies, then
// devDependencies.
func (p *packageJSON) dep(name string) string {
	if p == nil {
		return ""
	}
	if v, ok := p.Dependencies[name]; ok {
		return v
	}
	return p.DevDependencies[name]
}

type pnpmWorkspace struct {
	Packages []string                     `yaml:"packages"`
	Catalog  map[string]string            `yaml:"catalog"`
	Catalogs map[string]map[string]string `yaml:"catalogs"`
}

// wsCache shares one Workspace between the apps of a monorepo.
type wsCache struct {
	byRoot map[string]*Workspace
}

// find returns the workspace enclosing dir, searching upward from dir itself
// and stopping at a repository root (a directory holding .git). Problems are
// returned only by the call that builds a workspace, so that apps sharing
// one do not repeat them.
func (c *wsCache) find(dir string, readFile func(string) ([]byte, error)) (ws *Workspace, problems []Problem) {
	for d := dir; ; {
		if w, ok := c.byRoot[d]; ok {
			return w, nil
		}
		yml := filepath.Join(d, "pnpm-workspace.yaml")
		if data, err := readFile(yml); err == nil {
			w := &Workspace{Root: d}
			var pw pnpmWorkspace
			if err := yaml.Unmarshal(data, &pw); err != nil {
				problems = append(problems, Problem{Path: yml, Message: fmt.Sprintf("invalid pnpm-workspace.yaml: %v", err)})
			}
			w.Patterns = pw.Packages
			w.catalogs = map[string]map[string]string{}
			for name, m := range pw.Catalogs {
				w.catalogs[name] = m
			}
			if pw.Catalog != nil {
				w.catalogs["default"] = pw.Catalog
			}
			return c.finish(w, readFile, problems)
		} else if !errors.Is(err, fs.ErrNotExist) {
			problems = append(problems, Problem{Path: yml, Message: fmt.Sprintf("cannot read: %v", err)})
		}
		pj := filepath.Join(d, "package.json")
		if p, err := readPackageJSON(pj, readFile); err == nil && p.HasWorkspaces {
			w := &Workspace{Root: d, Patterns: p.Workspaces, catalogs: p.Catalogs}
			return c.finish(w, readFile, problems)
		}
		if isRepoRoot(d) {
			return nil, problems
		}
		parent := filepath.Dir(d)
		if parent == d {
			return nil, problems
		}
		d = parent
	}
}

func (c *wsCache) finish(w *Workspace, readFile func(string) ([]byte, error), problems []Problem) (*Workspace, []Problem) {
	pkgs, ps := expandWorkspace(w.Root, w.Patterns, readFile)
	w.Packages = pkgs
	if root, err := readPackageJSON(filepath.Join(w.Root, "package.json"), readFile); err == nil && root.Name != "" {
		if _, dup := w.Packages[root.Name]; !dup {
			w.Packages[root.Name] = w.Root
		}
	}
	if c.byRoot == nil {
		c.byRoot = map[string]*Workspace{}
	}
	c.byRoot[w.Root] = w
	return w, append(problems, ps...)
}

func isRepoRoot(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ".git"))
	return err == nil
}

// expandWorkspace finds the package directories the workspace globs match
// (a directory counts when it holds a package.json) and maps each package's
// name to its directory. Globs are the pnpm/npm/yarn kind: "packages/*",
// "apps/**", "!**/test/**".
func expandWorkspace(root string, patterns []string, readFile func(string) ([]byte, error)) (map[string]string, []Problem) {
	var include, exclude [][]string
	for _, p := range patterns {
		neg := strings.HasPrefix(p, "!")
		p = strings.TrimPrefix(p, "!")
		p = strings.TrimPrefix(filepath.ToSlash(strings.TrimSpace(p)), "./")
		p = strings.TrimSuffix(strings.TrimSuffix(p, "/package.json"), "/")
		if p == "" || p == "." {
			continue
		}
		segs := strings.Split(p, "/")
		if neg {
			exclude = append(exclude, segs)
		} else {
			include = append(include, segs)
		}
	}
	dirs := map[string]bool{}
	for _, segs := range include {
		// Walk only from the pattern's literal prefix, and no deeper than it
		// can match.
		n := 0
		for n < len(segs) && !strings.ContainsAny(segs[n], "*?[{") {
			n++
		}
		limit := len(segs) - n
		for _, s := range segs[n:] {
			if s == "**" {
				limit = -1
			}
		}
		base := filepath.Join(root, filepath.FromSlash(strings.Join(segs[:n], "/")))
		var visit func(dir string, rel []string, depth int)
		visit = func(dir string, rel []string, depth int) {
			if matchSegs(segs, rel) && !matchesAny(exclude, rel) {
				if _, err := os.Stat(filepath.Join(dir, "package.json")); err == nil {
					dirs[dir] = true
				}
			}
			if limit >= 0 && depth >= limit {
				return
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				return
			}
			for _, e := range entries {
				name := e.Name()
				// Symbolic links are not followed: they are how package
				// managers link packages, and they can loop.
				if !e.IsDir() || name == "node_modules" || strings.HasPrefix(name, ".") {
					continue
				}
				visit(filepath.Join(dir, name), append(rel[:len(rel):len(rel)], name), depth+1)
			}
		}
		visit(base, segs[:n:n], 0)
	}
	sorted := make([]string, 0, len(dirs))
	for d := range dirs {
		sorted = append(sorted, d)
	}
	sort.Strings(sorted)
	pkgs := map[string]string{}
	var problems []Problem
	for _, d := range sorted {
		pj := filepath.Join(d, "package.json")
		p, err := readPackageJSON(pj, readFile)
		if err != nil {
			problems = append(problems, Problem{Path: pj, Message: "invalid package.json: " + err.Error()})
			continue
		}
		if p.Name == "" {
			continue
		}
		if prev, dup := pkgs[p.Name]; dup {
			problems = append(problems, Problem{Path: pj, Message: fmt.Sprintf("workspace package %s is also defined in %s; using that one", p.Name, prev)})
			continue
		}
		pkgs[p.Name] = d
	}
	return pkgs, problems
}

func matchesAny(pats [][]string, rel []string) bool {
	for _, p := range pats {
		if matchSegs(p, rel) {
			return true
		}
	}
	return false
}
