package ssrgraph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ssrlint/ssrlint/analyzers/resolve"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

const resolutionSchema = 2

func resolutionPath(dir, appDir string) string {
	h := sha256.Sum256([]byte(appDir))
	return filepath.Join(dir, fmt.Sprintf("v%d", syntax.SchemaVersion), "resolve-"+hex.EncodeToString(h[:8])+".msgp")
}

// lockfiles are the package-manager files whose change may mean a different
// node_modules.
var lockfiles = []string{"pnpm-lock.yaml", "package-lock.json", "yarn.lock", "bun.lock", "bun.lockb", "npm-shrinkwrap.json"}

// resolutionConfigName reports whether a file's content steers esbuild's
// resolution (package.json exports and workspaces, tsconfig paths).
func resolutionConfigName(base string) bool {
	if base == "package.json" {
		return true
	}
	return (strings.HasPrefix(base, "tsconfig") || strings.HasPrefix(base, "jsconfig")) && strings.HasSuffix(base, ".json")
}

// resolutionKey digests the inputs of resolution for the graph's app: the
// file list, the mtimes of the directories holding the files (a file created
// or removed there changes them), the content of every package.json and
// tsconfig/jsconfig that esbuild may read, the lockfiles and node_modules
// directories, and the workspace map. Contents are read with readFile, so
// overlays count.
func (g *Graph) resolutionKey(files []string, readFile func(string) ([]byte, error)) string {
	h := sha256.New()
	fmt.Fprintf(h, "r%d\x00%d\x00%s\x00", resolutionSchema, syntax.SchemaVersion, g.App.Dir)
	stat := func(p string) {
		if fi, err := os.Stat(p); err == nil {
			fmt.Fprintf(h, "s\x00%s\x00%d\x00%d\x00%v\x00", p, fi.Size(), fi.ModTime().UnixNano(), fi.IsDir())
		} else {
			fmt.Fprintf(h, "s\x00%s\x00-\x00", p)
		}
	}
	content := func(p string) {
		if b, err := readFile(p); err == nil {
			fmt.Fprintf(h, "c\x00%s\x00%d\x00", p, len(b))
			h.Write(b)
		} else {
			fmt.Fprintf(h, "c\x00%s\x00-\x00", p)
		}
	}
	sorted := append([]string(nil), files...)
	sort.Strings(sorted)
	dirs := map[string]bool{}
	configs := map[string]bool{}
	for _, p := range sorted {
		fmt.Fprintf(h, "f\x00%s\x00", p)
		dirs[filepath.Dir(p)] = true
		if resolutionConfigName(filepath.Base(p)) {
			configs[p] = true
		}
	}
	// Directories whose package.json / tsconfig esbuild looks at: the app's
	// ancestors, the workspace root and packages.
	roots := []string{g.App.Dir}
	var wsNames []string
	if ws := g.App.Workspace; ws != nil {
		roots = append(roots, ws.Root)
		for name := range ws.Packages {
			wsNames = append(wsNames, name)
		}
		sort.Strings(wsNames)
		for _, name := range wsNames {
			fmt.Fprintf(h, "w\x00%s\x00%s\x00", name, ws.Packages[name])
			roots = append(roots, ws.Packages[name])
		}
	}
	for d := g.App.Dir; ; {
		roots = append(roots, d)
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	for _, d := range roots {
		for _, name := range []string{"package.json", "tsconfig.json", "jsconfig.json", "tsconfig.base.json"} {
			configs[filepath.Join(d, name)] = true
		}
	}
	for _, d := range []string{g.App.Dir, rootOf(g)} {
		for _, name := range lockfiles {
			stat(filepath.Join(d, name))
		}
		stat(filepath.Join(d, "node_modules"))
	}
	for _, d := range sortedKeys(dirs) {
		stat(d)
	}
	for _, p := range sortedKeys(configs) {
		content(p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func rootOf(g *Graph) string {
	if g.App.Workspace != nil {
		return g.App.Workspace.Root
	}
	return g.App.Dir
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// loadResolutions returns the stored results when their key is key. A
// missing or corrupt file is an empty cache.
func loadResolutions(dir, appDir, key string) map[resolve.Request]resolve.Result {
	p := resolutionPath(dir, appDir)
	info, err := os.Stat(p)
	if err != nil {
		return nil
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	touchCacheFile(p, info, time.Now())
	var rf resolutionFile
	if rest, err := rf.UnmarshalMsg(data); err != nil || len(rest) != 0 || rf.Schema != resolutionSchema || rf.Key != key {
		return nil
	}
	out := make(map[resolve.Request]resolve.Result, len(rf.Entries))
	for _, e := range rf.Entries {
		if e.Dir < 0 || e.Dir >= len(rf.Dirs) {
			return nil
		}
		out[resolve.Request{Dir: rf.Dirs[e.Dir], Spec: e.Spec}] = resolve.Result{File: e.File, Package: e.Package, Err: e.Err}
	}
	return out
}

// saveResolutions writes the app's results atomically.
func saveResolutions(dir, appDir, key string, results map[resolve.Request]resolve.Result) error {
	rf := resolutionFile{Schema: resolutionSchema, Key: key, Entries: make([]resEntry, 0, len(results))}
	dirs := map[string]int{}
	for req, res := range results {
		i, ok := dirs[req.Dir]
		if !ok {
			i = len(rf.Dirs)
			dirs[req.Dir] = i
			rf.Dirs = append(rf.Dirs, req.Dir)
		}
		rf.Entries = append(rf.Entries, resEntry{Dir: i, Spec: req.Spec, File: res.File, Package: res.Package, Err: res.Err})
	}
	data, err := rf.MarshalMsg(nil)
	if err != nil {
		return fmt.Errorf("encoding resolution cache: %w", err)
	}
	defer pruneCacheOnce(dir)
	return writeAtomic(resolutionPath(dir, appDir), data)
}

// writeAtomic writes data to p through a temporary file and a rename.
func writeAtomic(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("creating cache dir: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".ssrlint-*.tmp")
	if err != nil {
		return fmt.Errorf("writing cache: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("writing cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing cache: %w", err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing cache: %w", err)
	}
	return nil
}
