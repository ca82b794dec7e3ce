package ssrgraph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// summaryCache holds per-file summaries keyed by content hash. The memory
// layer lives for the process (the language server re-runs often); the disk
// layer, one file per app under the user cache dir, makes a warm CLI run skip
// parsing entirely.
type summaryCache struct {
	mu  sync.Mutex
	mem map[string]*syntax.Summary
	// raw holds encoded summaries from the disk cache, decoded on first
	// get (in the parallel parse loop) and kept for the next save.
	raw     map[string][]byte
	dirty   bool
	loaded  map[string]bool // disk files already merged into mem
	maxSize int
	// stats maps a path to what its file looked like when last summarised,
	// so that an unchanged file on disk is neither read nor hashed.
	stats map[string]statEntry
	// inflight are the keys being parsed now: the apps of a monorepo are
	// analysed side by side and share their workspace packages' files.
	inflight map[string]*flight
}

// flight is one parse in progress; done is closed when sum or err is set.
type flight struct {
	done chan struct{}
	sum  *syntax.Summary
	err  error
}

// summarise returns the summary for key, calling parse on a miss. Callers
// asking for a key that another goroutine is parsing wait for its result
// instead of parsing the same file again.
func (c *summaryCache) summarise(key string, parse func() (*syntax.Summary, error)) (*syntax.Summary, error) {
	if s, ok := c.get(key); ok {
		return s, nil
	}
	c.mu.Lock()
	if s, ok := c.mem[key]; ok {
		c.mu.Unlock()
		return s, nil
	}
	if f, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		<-f.done
		return f.sum, f.err
	}
	if c.inflight == nil {
		c.inflight = map[string]*flight{}
	}
	f := &flight{done: make(chan struct{})}
	c.inflight[key] = f
	c.mu.Unlock()
	defer close(f.done)
	f.sum, f.err = parse()
	if f.err == nil {
		c.put(key, f.sum) // before the flight ends: a later caller finds it
	}
	c.mu.Lock()
	delete(c.inflight, key)
	c.mu.Unlock()
	return f.sum, f.err
}

var memCache = &summaryCache{mem: map[string]*syntax.Summary{}, raw: map[string][]byte{}, loaded: map[string]bool{}, maxSize: 200_000, stats: map[string]statEntry{}}

// racyWindow: a file modified this close to (or after) the moment its entry
// was recorded may change again within the same timestamp, so its entry is
// not trusted (git's "racy clean" problem).
const racyWindow = int64(100 * time.Millisecond)

// stat returns the entry for path if it matches size and mtime.
func (c *summaryCache) stat(path string, size, mtime int64) (statEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.stats[path]
	if !ok || e.Size != size || e.MTime != mtime {
		return statEntry{}, false
	}
	if _, ok := c.mem[e.Key]; !ok {
		if _, ok := c.raw[e.Key]; !ok {
			return statEntry{}, false
		}
	}
	return e, true
}

// putStat records path's entry unless its mtime is too recent to trust.
func (c *summaryCache) putStat(path string, e statEntry, now int64) {
	if e.MTime > now-racyWindow {
		return
	}
	c.mu.Lock()
	if old, ok := c.stats[path]; !ok || old.Size != e.Size || old.MTime != e.MTime || old.Key != e.Key {
		c.stats[path] = e
		c.dirty = true
	}
	c.mu.Unlock()
}

// key combines content and everything else Parse depends on.
func cacheKey(path string, src []byte, optsKey string) string {
	h := sha256.New()
	fmt.Fprintf(h, "v%d\x00%s\x00%s\x00", syntax.SchemaVersion, filepath.Ext(path), optsKey)
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))
}

func (c *summaryCache) get(key string) (*syntax.Summary, bool) {
	c.mu.Lock()
	s, ok := c.mem[key]
	b, enc := c.raw[key]
	c.mu.Unlock()
	if ok || !enc {
		return s, ok
	}
	s = new(syntax.Summary)
	if rest, err := s.UnmarshalMsg(b); err != nil || len(rest) != 0 {
		// A damaged entry is a miss: the file is parsed again.
		c.mu.Lock()
		delete(c.raw, key)
		c.mu.Unlock()
		return nil, false
	}
	c.mu.Lock()
	if old, ok := c.mem[key]; ok {
		s = old // another goroutine decoded it first
	} else {
		c.mem[key] = s
	}
	c.mu.Unlock()
	return s, true
}

func (c *summaryCache) put(key string, s *syntax.Summary) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.mem) >= c.maxSize {
		c.mem = map[string]*syntax.Summary{}
		c.raw = map[string][]byte{}
	}
	c.mem[key] = s
	c.dirty = true
}

func diskPath(dir, appDir string) string {
	h := sha256.Sum256([]byte(appDir))
	return filepath.Join(dir, fmt.Sprintf("v%d", syntax.SchemaVersion), hex.EncodeToString(h[:8])+".msgp")
}

// load merges the app's disk cache into memory, still encoded: a summary is
// decoded when it is first asked for. A missing or corrupt file is a cold
// cache, not an error.
func (c *summaryCache) load(dir, appDir string) {
	p := diskPath(dir, appDir)
	c.mu.Lock()
	done := c.loaded[p]
	c.loaded[p] = true
	c.mu.Unlock()
	if done {
		return
	}
	info, err := os.Stat(p)
	if err != nil {
		return
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return
	}
	touchCacheFile(p, info, time.Now())
	var df diskFile
	if rest, err := df.UnmarshalMsg(data); err != nil || len(rest) != 0 || df.Schema != syntax.SchemaVersion {
		return
	}
	c.mu.Lock()
	for k, b := range df.Summaries {
		if _, ok := c.mem[k]; !ok {
			if _, ok := c.raw[k]; !ok {
				c.raw[k] = b
			}
		}
	}
	for p, e := range df.Stats {
		if _, ok := c.stats[p]; !ok {
			c.stats[p] = e
		}
	}
	c.mu.Unlock()
}

// save writes the summaries of keys (the app's current files) atomically.
// Summaries loaded from disk and still encoded are written as they are.
func (c *summaryCache) save(dir, appDir string, keys []string) error {
	df := diskFile{Schema: syntax.SchemaVersion, Summaries: make(rawMap, len(keys)), Stats: map[string]statEntry{}}
	c.mu.Lock()
	for _, k := range keys {
		if b, ok := c.raw[k]; ok {
			df.Summaries[k] = b
		} else if s, ok := c.mem[k]; ok {
			b, err := s.MarshalMsg(nil)
			if err != nil {
				c.mu.Unlock()
				return fmt.Errorf("encoding cache: %w", err)
			}
			c.raw[k] = b
			df.Summaries[k] = b
		}
	}
	for p, e := range c.stats {
		if _, ok := df.Summaries[e.Key]; ok {
			df.Stats[p] = e
		}
	}
	c.mu.Unlock()
	data, err := df.MarshalMsg(nil)
	if err != nil {
		return fmt.Errorf("encoding cache: %w", err)
	}
	defer pruneCacheOnce(dir)
	return writeAtomic(diskPath(dir, appDir), data)
}
