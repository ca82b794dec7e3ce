package ssrgraph

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// summaryCache holds per-file summaries keyed by content hash. The memory
// layer lives for the process (the language server re-runs often); the disk
// layer, one file per app under the user cache dir, makes a warm CLI run skip
// parsing entirely.
type summaryCache struct {
	mu      sync.Mutex
	mem     map[string]*syntax.Summary
	dirty   bool
	loaded  map[string]bool // disk files already merged into mem
	maxSize int
}

var memCache = &summaryCache{mem: map[string]*syntax.Summary{}, loaded: map[string]bool{}, maxSize: 200_000}

// key combines content and everything else Parse depends on.
func cacheKey(path string, src []byte, optsKey string) string {
	h := sha256.New()
	fmt.Fprintf(h, "v%d\x00%s\x00%s\x00", syntax.SchemaVersion, filepath.Ext(path), optsKey)
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))
}

func (c *summaryCache) get(key string) (*syntax.Summary, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.mem[key]
	return s, ok
}

func (c *summaryCache) put(key string, s *syntax.Summary) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.mem) >= c.maxSize {
		c.mem = map[string]*syntax.Summary{}
	}
	c.mem[key] = s
	c.dirty = true
}

type diskFile struct {
	Schema    int
	Summaries map[string]*syntax.Summary
}

func diskPath(dir, appDir string) string {
	h := sha256.Sum256([]byte(appDir))
	return filepath.Join(dir, fmt.Sprintf("v%d", syntax.SchemaVersion), hex.EncodeToString(h[:8])+".gob")
}

// load merges the app's disk cache into memory. A missing or corrupt file is
// a cold cache, not an error.
func (c *summaryCache) load(dir, appDir string) {
	p := diskPath(dir, appDir)
	c.mu.Lock()
	done := c.loaded[p]
	c.loaded[p] = true
	c.mu.Unlock()
	if done {
		return
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return
	}
	var df diskFile
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&df); err != nil || df.Schema != syntax.SchemaVersion {
		return
	}
	c.mu.Lock()
	for k, s := range df.Summaries {
		if _, ok := c.mem[k]; !ok {
			c.mem[k] = s
		}
	}
	c.mu.Unlock()
}

// save writes the summaries of keys (the app's current files) atomically.
func (c *summaryCache) save(dir, appDir string, keys []string) error {
	df := diskFile{Schema: syntax.SchemaVersion, Summaries: make(map[string]*syntax.Summary, len(keys))}
	c.mu.Lock()
	for _, k := range keys {
		if s, ok := c.mem[k]; ok {
			df.Summaries[k] = s
		}
	}
	c.mu.Unlock()
	p := diskPath(dir, appDir)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("creating cache dir: %w", err)
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&df); err != nil {
		return fmt.Errorf("encoding cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("writing cache: %w", err)
	}
	if _, err := tmp.Write(buf.Bytes()); err != nil {
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
