// Package project finds the Next.js apps under a path and what the rules
// need to know about each: its routers, the next version it depends on, its
// next.config (read statically, never executed), its workspace packages and
// its source files.
//
// Problems with the user's files (a broken package.json, a symbolic link
// loop, a binary file with a source extension) are returned as Problems, never
// as errors: discovery goes on around them.
package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// App is one Next.js app.
type App struct {
	// Dir is the absolute app directory (where package.json or next.config
	// is).
	Dir string
	// Name is the package.json name, or Dir's base name.
	Name string
	// NextVersion is the range for next as written in package.json
	// ("^15.1.0", "canary", "workspace:*", "catalog:"); "" when no
	// package.json of the app (or above it, up to the workspace root)
	// declares next.
	NextVersion string
	// NextMajor is the major version NextVersion allows at its low end,
	// with catalog: and workspace: ranges looked up; 0 when unknown.
	NextMajor int
	// AppDirs are the existing App Router directories among app/, src/app/.
	AppDirs []string
	// PagesDirs are the existing Pages Router directories among pages/,
	// src/pages/.
	PagesDirs []string
	// PageExtensions are next.config's pageExtensions, or Next's default
	// tsx, ts, jsx, js.
	PageExtensions []string
	// Config is what could be read from next.config statically.
	Config syntax.NextConfig
	// ConfigFile is the absolute path of the next.config.* Next loads, or "".
	ConfigFile string
	// Workspace is the monorepo the app is in; nil when it is in none.
	Workspace *Workspace
	// Files are the app's source files (syntax.IsSource), absolute and
	// sorted; files of nested apps are not included. Load leaves it empty.
	Files []string
	// ConfigFiles are the app directory's package.json, tsconfig*.json,
	// jsconfig.json, next.config.* and .env* files, sorted.
	ConfigFiles []string
	// Problems are what went wrong reading the app's files.
	Problems []Problem
}

// Problem is a file discovery could not use, and why.
type Problem struct {
	Path    string
	Message string
}

func (p Problem) String() string { return p.Path + ": " + p.Message }

// unfollowedConfig is the problem reported for a next.config that cannot be
// read statically.
const unfollowedConfig = "the exported config could not be followed statically; pageExtensions, env and cacheComponents are taken as unset (state them under \"next\" in ssrlint.json)"

// DeclareNextConfig applies what the ssrlint configuration states about the
// app's next.config (nil: not stated) when its next.config could not be read
// statically, and drops the problem that said so; it reports whether it did.
// A next.config ssrlint reads is what Next runs, so it wins. Calling it again
// with the same values changes nothing.
func (a *App) DeclareNextConfig(pageExtensions, env []string, cacheComponents *bool) bool {
	if a.ConfigFile == "" || a.Config.Known {
		return false
	}
	if pageExtensions != nil {
		a.Config.PageExtensions = pageExtensions
		a.PageExtensions = pageExtensions
	}
	if env != nil {
		a.Config.EnvKeys = env
	}
	if cacheComponents != nil {
		a.Config.CacheComponents = *cacheComponents
	}
	kept := a.Problems[:0]
	for _, p := range a.Problems {
		if !(p.Path == a.ConfigFile && p.Message == unfollowedConfig) {
			kept = append(kept, p)
		}
	}
	a.Problems = kept
	return true
}

// configNames are the config files Next looks for, in the order it tries
// them; the first that exists is the one it loads.
var configNames = []string{"next.config.js", "next.config.mjs", "next.config.ts", "next.config.mts", "next.config.cjs"}

// DefaultPageExtensions returns Next's default pageExtensions.
func DefaultPageExtensions() []string { return []string{"tsx", "ts", "jsx", "js"} }

// Discover finds every Next.js app under root. Root may be an app, a
// directory holding apps (a monorepo root), or a directory inside an app; in
// the last case the enclosing app is returned whole, along with any apps
// nested under root, and the caller limits its report to root. An app's
// files never include those of an app nested in it. The error is non-nil
// only when root cannot be used at all; everything else is a Problem, on
// the app it concerns or, outside any app, in the returned list.
func Discover(root string) ([]*App, []Problem, error) {
	abs, err := checkDir(root)
	if err != nil {
		return nil, nil, err
	}
	wsc := &wsCache{}
	w := newWalker(wsc)
	start := abs
	var enclosing *App
	if !quietIsApp(abs) {
		if d := enclosingApp(abs); d != "" {
			enclosing = load(d, os.ReadFile, wsc)
			w.apps = append(w.apps, enclosing)
			start = d
		}
	}
	w.walk(start, ancestorIgnores(start, ""), enclosing)
	var apps []*App
	for _, a := range w.apps {
		if a == enclosing || within(abs, a.Dir) {
			sort.Strings(a.Files)
			apps = append(apps, a)
		}
	}
	sort.Slice(apps, func(i, j int) bool { return apps[i].Dir < apps[j].Dir })
	return apps, w.problems, nil
}

// Load reads the app in dir — package.json, next.config, routers,
// workspace — without enumerating its files. readFile (nil: os.ReadFile) is
// used for file contents so that an editor's unsaved buffers count; the
// directory structure is read from disk. The error is non-nil only when dir
// is missing or not a directory.
func Load(dir string, readFile func(string) ([]byte, error)) (*App, error) {
	abs, err := checkDir(dir)
	if err != nil {
		return nil, err
	}
	if readFile == nil {
		readFile = os.ReadFile
	}
	return load(abs, readFile, &wsCache{}), nil
}

func checkDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("resolving %s: %w", dir, err)
	}
	fi, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%s does not exist", dir)
	}
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", dir, err)
	}
	if !fi.IsDir() {
		return "", fmt.Errorf("%s is not a directory", dir)
	}
	return abs, nil
}

func quietIsApp(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	return newWalker(nil).isApp(dir, entries, nil)
}

// enclosingApp returns the innermost app directory above dir, looking no
// higher than the repository root.
func enclosingApp(dir string) string {
	for d := dir; !isRepoRoot(d); {
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
		if quietIsApp(d) {
			return d
		}
	}
	return ""
}

func load(dir string, readFile func(string) ([]byte, error), wsc *wsCache) *App {
	app := &App{Dir: dir, Name: filepath.Base(dir)}
	add := func(path, msg string) { app.Problems = append(app.Problems, Problem{Path: path, Message: msg}) }

	pjPath := filepath.Join(dir, "package.json")
	pkg, err := readPackageJSON(pjPath, readFile)
	pkgMissing := errors.Is(err, fs.ErrNotExist)
	if err != nil && !pkgMissing {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			add(pjPath, fmt.Sprintf("cannot read package.json: %v", err))
		} else {
			add(pjPath, fmt.Sprintf("invalid package.json: %v; the next version is unknown", err))
		}
	}
	if pkg != nil && pkg.Name != "" {
		app.Name = pkg.Name
	}

	ws, wsProblems := wsc.find(dir, readFile)
	app.Workspace = ws
	app.Problems = append(app.Problems, wsProblems...)

	app.NextVersion = pkg.dep("next")
	if app.NextVersion == "" {
		app.NextVersion = inheritedNext(dir, ws, readFile)
		switch {
		case app.NextVersion != "":
		case pkgMissing:
			add(pjPath, "no package.json, and none above declares next; the next version is unknown")
		case pkg != nil:
			add(pjPath, "next is not in dependencies or devDependencies; the next version is unknown")
		}
	}
	app.NextMajor = resolveMajor(app.NextVersion, ws, readFile)

	for _, name := range configNames {
		p := filepath.Join(dir, name)
		data, err := readFile(p)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				add(p, fmt.Sprintf("cannot read: %v", err))
			}
			continue
		}
		if app.ConfigFile != "" {
			add(p, "ignored: Next.js loads "+filepath.Base(app.ConfigFile)+" instead")
			continue
		}
		app.ConfigFile = p
		cfg, err := syntax.ReadNextConfig(p, data)
		if err != nil {
			add(p, err.Error())
			continue
		}
		app.Config = cfg
		if !cfg.Known {
			add(p, unfollowedConfig)
		}
	}
	app.PageExtensions = app.Config.PageExtensions
	if len(app.PageExtensions) == 0 {
		app.PageExtensions = DefaultPageExtensions()
	}
	app.AppDirs, app.PagesDirs = routerDirs(dir)

	for _, name := range []string{"tsconfig.json", "jsconfig.json"} {
		p := filepath.Join(dir, name)
		data, err := readFile(p)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				add(p, fmt.Sprintf("cannot read: %v", err))
			}
			continue
		}
		var v any
		if err := decodeJSON(data, &v, true); err != nil {
			add(p, fmt.Sprintf("invalid %s: %v; its paths and baseUrl are ignored", name, err))
		}
	}

	entries, err := os.ReadDir(dir)
	if err != nil {
		add(dir, fmt.Sprintf("cannot read directory: %v", err))
	}
	for _, e := range entries {
		if !e.IsDir() && isConfigFile(e.Name()) {
			app.ConfigFiles = append(app.ConfigFiles, filepath.Join(dir, e.Name()))
		}
	}
	return app
}

func isConfigFile(name string) bool {
	switch {
	case name == "package.json", name == "jsconfig.json", name == ".env":
		return true
	case strings.HasPrefix(name, "tsconfig") && strings.HasSuffix(name, ".json"):
		return true
	case strings.HasPrefix(name, ".env."):
		return true
	}
	for _, c := range configNames {
		if name == c {
			return true
		}
	}
	return false
}

// inheritedNext finds next declared by a package.json above dir, as in a
// monorepo whose root package.json holds the dependencies (Nx), looking no
// higher than the workspace or repository root.
func inheritedNext(dir string, ws *Workspace, readFile func(string) ([]byte, error)) string {
	for d := dir; !isRepoRoot(d) && (ws == nil || d != ws.Root); {
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
		if p, err := readPackageJSON(filepath.Join(d, "package.json"), readFile); err == nil {
			if v := p.dep("next"); v != "" {
				return v
			}
		}
	}
	return ""
}

// resolveMajor is ParseMajor with pnpm/bun catalogs and workspace: ranges
// looked up.
func resolveMajor(v string, ws *Workspace, readFile func(string) ([]byte, error)) int {
	switch {
	case strings.HasPrefix(v, "catalog:"):
		r, ok := ws.catalogRange(v, "next")
		if !ok {
			return 0
		}
		return ParseMajor(r)
	case strings.HasPrefix(v, "workspace:"):
		if m := ParseMajor(v); m > 0 {
			return m
		}
		// workspace:* or workspace:^ — next is itself a workspace package.
		if d, ok := ws.PackageDir("next"); ok {
			if p, err := readPackageJSON(filepath.Join(d, "package.json"), readFile); err == nil {
				return ParseMajor(p.Version)
			}
		}
		return 0
	}
	return ParseMajor(v)
}
