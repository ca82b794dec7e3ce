package ssrgraph

import "github.com/ssrlint/ssrlint/analyzers/syntax"

// ResetCache empties the process-wide summary cache and forgets which disk
// cache files were loaded, so that the next run parses every file again (or,
// with -cache set, reloads the disk cache). Benchmarks call it to measure cold
// and warm-start runs in one process; the language server can call it to
// give memory back under pressure. It must not run concurrently with an
// analysis.
func ResetCache() {
	memCache.mu.Lock()
	defer memCache.mu.Unlock()
	memCache.mem = map[string]*syntax.Summary{}
	memCache.raw = map[string][]byte{}
	memCache.loaded = map[string]bool{}
	memCache.stats = map[string]statEntry{}
	memCache.dirty = false
	memCache.inflight = nil
}
