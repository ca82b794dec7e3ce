package project

import (
	"sort"
	"sync"
)

// wsFiles memoises Workspace.SourceFiles per package directory for a
// process: the apps of a monorepo share their packages.
var wsFiles sync.Map // dir → []string

// ForgetFiles drops the memoised file lists of workspace packages, so that
// the next AllFiles walks them again: a long-lived process (the language
// server) calls it when a file was created or deleted.
func ForgetFiles() { wsFiles.Clear() }

// AllFiles returns what an analysis pass over the app reads: the app's source
// and config files plus the source files of the workspace packages it may
// import (other Next.js apps of the workspace excluded). Sorted, distinct.
func (a *App) AllFiles() []string {
	seen := map[string]bool{}
	var out []string
	add := func(fs []string) {
		for _, f := range fs {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	add(a.Files)
	add(a.ConfigFiles)
	if a.Workspace != nil {
		for _, dir := range a.Workspace.Packages {
			if dir == a.Workspace.Root || within(a.Dir, dir) || within(dir, a.Dir) || quietIsApp(dir) {
				continue
			}
			v, ok := wsFiles.Load(dir)
			if !ok {
				files, _ := a.Workspace.SourceFiles(dir)
				v, _ = wsFiles.LoadOrStore(dir, files)
			}
			add(v.([]string))
		}
	}
	sort.Strings(out)
	return out
}
