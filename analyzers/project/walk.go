package project

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// skipDirs are never entered: dependencies, VCS data, build caches.
var skipDirs = map[string]bool{
	"node_modules": true, ".git": true, ".next": true, ".turbo": true, ".vercel": true,
}

// outputDirs are build output, skipped too, except inside a router
// directory: there `app/build/page.tsx` is the /build route.
var outputDirs = map[string]bool{"dist": true, "build": true, "out": true, "coverage": true}

const (
	// MaxFileSize: larger sources are generated or vendored, and skipped
	// with the problem TooLarge.
	MaxFileSize = 1 << 20
	sniffSize   = 8 << 10 // bytes read to tell a binary file
	// TooLarge is the problem reported for a file over MaxFileSize.
	TooLarge = "skipped: larger than 1 MiB"
)

// walker enumerates a directory tree. With a wsCache it also recognises
// apps, and every file belongs to the innermost app above it.
type walker struct {
	wsc      *wsCache // nil: collect files only, without looking for apps
	visited  map[string]bool
	onPath   map[string]bool // real paths of the directories being walked
	apps     []*App
	problems []Problem // problems outside any app
}

func newWalker(wsc *wsCache) *walker {
	return &walker{wsc: wsc, visited: map[string]bool{}, onPath: map[string]bool{}}
}

func (w *walker) report(cur *App, path, msg string) {
	p := Problem{Path: path, Message: msg}
	if cur != nil {
		cur.Problems = append(cur.Problems, p)
	} else {
		w.problems = append(w.problems, p)
	}
}

// walk visits dir, whose files belong to cur (nil: to no app). ign are the
// .gitignore files in effect, outermost first.
func (w *walker) walk(dir string, ign []*ignoreFile, cur *App) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		w.report(cur, dir, fmt.Sprintf("cannot read directory: %v", err))
		return
	}
	w.walkReal(dir, real, ign, cur)
}

// walkReal is walk with dir's real path (symbolic links resolved) known:
// a subdirectory reached without a link is its parent's real path joined
// with its name, so only links cost an EvalSymlinks (one lstat per path
// component).
func (w *walker) walkReal(dir, real string, ign []*ignoreFile, cur *App) {
	if w.visited[real] {
		// Reached again through a symbolic link: its files are listed once.
		return
	}
	w.visited[real] = true
	w.onPath[real] = true
	defer delete(w.onPath, real)

	entries, err := os.ReadDir(dir)
	if err != nil {
		w.report(cur, dir, fmt.Sprintf("cannot read directory: %v", err))
		return
	}
	if w.wsc != nil && (cur == nil || cur.Dir != dir) {
		if w.isApp(dir, entries, cur) {
			cur = load(dir, os.ReadFile, w.wsc)
			w.apps = append(w.apps, cur)
		}
	}
	for _, e := range entries {
		if e.Name() == ".gitignore" && !e.IsDir() {
			p := filepath.Join(dir, ".gitignore")
			data, err := os.ReadFile(p)
			if err != nil {
				w.report(cur, p, fmt.Sprintf("cannot read: %v", err))
				break
			}
			ign = append(ign[:len(ign):len(ign)], parseIgnore(dir, data))
			break
		}
	}
	for _, e := range entries {
		name := e.Name()
		full := filepath.Join(dir, name)
		isLink := e.Type()&fs.ModeSymlink != 0
		isDir := e.IsDir()
		var info fs.FileInfo
		if isLink {
			info, err = os.Stat(full)
			if err != nil {
				if cur != nil && syntax.IsSource(name) && !ignored(ign, full, false) {
					w.report(cur, full, "skipped: broken symbolic link")
				}
				continue
			}
			isDir = info.IsDir()
		}
		if isDir {
			if skipDirs[name] || outputDirs[name] && !inRouter(cur, full) || ignored(ign, full, true) {
				continue
			}
			sub := filepath.Join(real, name)
			if isLink {
				target, err := filepath.EvalSymlinks(full)
				if err != nil {
					w.report(cur, full, fmt.Sprintf("cannot read directory: %v", err))
					continue
				}
				if w.onPath[target] {
					w.report(cur, full, "skipped: symbolic link loop back to "+target)
					continue
				}
				sub = target
			}
			w.walkReal(full, sub, ign, cur)
			continue
		}
		if cur == nil || !syntax.IsSource(name) || ignored(ign, full, false) {
			continue
		}
		regular := e.Type().IsRegular() // from the directory entry: no syscall
		if info != nil {
			regular = info.Mode().IsRegular()
		}
		if !regular {
			continue
		}
		// Binary and oversized files (IsBinary, MaxFileSize) are
		// recognised when the analysis stats or reads them: a stat of
		// every file here would double the system calls of a warm run.
		cur.Files = append(cur.Files, full)
	}
}

// isApp reports whether dir is a Next.js app: it has a next.config.*, or a
// package.json depending on next and a router directory. A package.json
// alone is not enough: a monorepo's root and its UI libraries often list
// next (for types or hoisting) without being apps, and Next itself refuses
// to build without app/ or pages/.
func (w *walker) isApp(dir string, entries []fs.DirEntry, cur *App) bool {
	hasPkg := false
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		for _, c := range configNames {
			if e.Name() == c {
				return true
			}
		}
		if e.Name() == "package.json" {
			hasPkg = true
		}
	}
	if !hasPkg {
		return false
	}
	pj := filepath.Join(dir, "package.json")
	p, err := readPackageJSON(pj, os.ReadFile)
	appDirs, pagesDirs := routerDirs(dir)
	hasRouter := len(appDirs)+len(pagesDirs) > 0
	if err != nil {
		if hasRouter {
			return true // load reports the broken package.json
		}
		w.report(cur, pj, fmt.Sprintf("invalid package.json, so whether %s is a Next.js app is unknown: %v", dir, err))
		return false
	}
	return p.dep("next") != "" && hasRouter
}

func routerDirs(dir string) (appDirs, pagesDirs []string) {
	for _, d := range []string{"app", "src/app"} {
		if p := filepath.Join(dir, filepath.FromSlash(d)); isDir(p) {
			appDirs = append(appDirs, p)
		}
	}
	for _, d := range []string{"pages", "src/pages"} {
		if p := filepath.Join(dir, filepath.FromSlash(d)); isDir(p) {
			pagesDirs = append(pagesDirs, p)
		}
	}
	return appDirs, pagesDirs
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func inRouter(cur *App, p string) bool {
	if cur == nil {
		return false
	}
	for _, d := range cur.AppDirs {
		if within(d, p) {
			return true
		}
	}
	for _, d := range cur.PagesDirs {
		if within(d, p) {
			return true
		}
	}
	return false
}

// within reports whether p is dir or below it.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// IsBinary reports whether src looks like a binary file: a NUL byte in its
// first 8 KiB, as git decides.
func IsBinary(src []byte) bool {
	if len(src) > sniffSize {
		src = src[:sniffSize]
	}
	return bytes.IndexByte(src, 0) >= 0
}

// ancestorIgnores loads the .gitignore files of start's ancestors that apply
// to it: up to the repository root (the directory holding .git), or else up
// to stop when stop is an ancestor. Outside both, none apply: a stray
// .gitignore in a home directory is not the project's.
func ancestorIgnores(start, stop string) []*ignoreFile {
	if isRepoRoot(start) {
		return nil
	}
	var dirs []string
	stopAt := -1
	found := false
	for d := filepath.Dir(start); d != start; start, d = d, filepath.Dir(d) {
		dirs = append(dirs, d)
		if d == stop {
			stopAt = len(dirs)
		}
		if isRepoRoot(d) {
			found = true
			break
		}
	}
	switch {
	case found:
	case stopAt >= 0:
		dirs = dirs[:stopAt]
	default:
		return nil
	}
	var out []*ignoreFile
	for i := len(dirs) - 1; i >= 0; i-- {
		if data, err := os.ReadFile(filepath.Join(dirs[i], ".gitignore")); err == nil {
			out = append(out, parseIgnore(dirs[i], data))
		}
	}
	return out
}
