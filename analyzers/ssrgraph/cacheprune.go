package ssrgraph

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// The disk cache keeps one summary file and one resolution file per app
// under a directory named for the summary schema (v18/…). Without pruning
// it would only grow: every release that changes the schema leaves its
// directory behind, and every app that is moved or deleted (a removed
// worktree, a CI checkout under a new path) its files.
//
// So a run that writes the cache also prunes it, once per process and
// cache directory: it removes the files no run has used for a while — a
// month for the current schema, a week for other schemas (another
// installed version of ssrlint, say the one a pre-commit hook pins, still
// uses and so keeps its own) — and version directories left empty. A run
// that uses a file refreshes its modification time, at most once a day,
// which is what keeps it. Only names ssrlint writes are touched: a cache
// directory pointed at a folder that holds other files loses none of them.

const (
	cacheMaxAge      = 30 * 24 * time.Hour
	cacheOtherMaxAge = 7 * 24 * time.Hour
	cacheTouchAge    = 24 * time.Hour
	// A temporary file older than this was left by a run that died
	// between writing and renaming it.
	cacheTmpAge = time.Hour
)

var (
	versionDirName = regexp.MustCompile(`^v[0-9]+$`)
	cacheFileName  = regexp.MustCompile(`^(resolve-)?[0-9a-f]{16}\.(msgp|gob)$`)  // .gob: earlier releases
	cacheTmpName   = regexp.MustCompile(`^\.ssrlint-[0-9]+\.tmp$|^\.tmp-[0-9]+$`) // .tmp-N: earlier releases
	pruned         sync.Map                                                       // cache dir → struct{}
)

// touchCacheFile marks the cache file at p as used, so that pruning keeps
// it. Its mtime is moved at most once a day.
func touchCacheFile(p string, info os.FileInfo, now time.Time) {
	if info != nil && now.Sub(info.ModTime()) > cacheTouchAge {
		_ = os.Chtimes(p, now, now) // best effort: a read-only cache still works
	}
}

// pruneCacheOnce prunes dir the first time this process writes to it.
func pruneCacheOnce(dir string) {
	if _, done := pruned.LoadOrStore(dir, struct{}{}); done {
		return
	}
	pruneCache(dir, time.Now())
}

// pruneCache removes from the cache directory dir what no run of this
// version reads any more (see above). Errors are ignored: a file that cannot
// be removed stays, and the cache still works.
func pruneCache(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	current := fmt.Sprintf("v%d", syntax.SchemaVersion)
	for _, e := range entries {
		if !e.IsDir() || !versionDirName.MatchString(e.Name()) {
			continue
		}
		vdir := filepath.Join(dir, e.Name())
		files, err := os.ReadDir(vdir)
		if err != nil {
			continue
		}
		for _, f := range files {
			maxAge := cacheMaxAge
			if e.Name() != current {
				maxAge = cacheOtherMaxAge
			}
			switch {
			case f.IsDir():
				continue
			case cacheTmpName.MatchString(f.Name()):
				maxAge = cacheTmpAge
			case !cacheFileName.MatchString(f.Name()):
				continue
			}
			if info, err := f.Info(); err == nil && now.Sub(info.ModTime()) > maxAge {
				os.Remove(filepath.Join(vdir, f.Name()))
			}
		}
		if e.Name() != current {
			os.Remove(vdir) // only if it is empty now
		}
	}
}
