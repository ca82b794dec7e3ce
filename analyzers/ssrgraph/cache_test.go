package ssrgraph

import (
	"os"
	"reflect"
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// TestDiskCache saves summaries and stat entries, loads them into an empty
// cache (still encoded), and checks what get and stat return; a damaged
// file is a cold cache.
func TestDiskCache(t *testing.T) {
	dir, app := t.TempDir(), "/some/app"
	src := []byte(`"use client";
import { SignalWire } from "@signalwire/js";
export function Dial() { return <button onClick={() => new SignalWire({})}>{process.env.NEXT_PUBLIC_X}</button>; }
`)
	sum, err := syntax.Parse("dial.tsx", src, &syntax.Options{Globals: []string{"window"}})
	if err != nil {
		t.Fatal(err)
	}
	key := cacheKey("dial.tsx", src, "k")
	c := &summaryCache{mem: map[string]*syntax.Summary{}, raw: map[string][]byte{}, loaded: map[string]bool{}, maxSize: 10, stats: map[string]statEntry{}}
	c.put(key, sum)
	st := statEntry{Size: int64(len(src)), MTime: 1, Key: key, Lines: []int{0, 14, 58}}
	c.putStat("/some/app/dial.tsx", st, 1<<62)
	if err := c.save(dir, app, []string{key}); err != nil {
		t.Fatal(err)
	}

	fresh := func() *summaryCache {
		return &summaryCache{mem: map[string]*syntax.Summary{}, raw: map[string][]byte{}, loaded: map[string]bool{}, maxSize: 10, stats: map[string]statEntry{}}
	}
	d := fresh()
	d.load(dir, app)
	if len(d.raw) != 1 || len(d.mem) != 0 {
		t.Fatalf("after load: %d encoded, %d decoded summaries; want 1, 0", len(d.raw), len(d.mem))
	}
	if e, ok := d.stat("/some/app/dial.tsx", st.Size, st.MTime); !ok || !reflect.DeepEqual(e, st) {
		t.Errorf("stat = %+v, %v; want %+v", e, ok, st)
	}
	got, ok := d.get(key)
	if !ok || !reflect.DeepEqual(got, sum) {
		t.Errorf("get after load: ok=%v, summary differs: %v", ok, !reflect.DeepEqual(got, sum))
	}
	// Saving again writes the still-encoded bytes unchanged.
	before, _ := os.ReadFile(diskPath(dir, app))
	if err := d.save(dir, app, []string{key}); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(diskPath(dir, app)); !reflect.DeepEqual(before, after) {
		t.Errorf("a save of unchanged summaries changed the file")
	}

	// Damaged: truncated, and garbage.
	for _, data := range [][]byte{before[:len(before)/2], []byte("not a cache")} {
		if err := os.WriteFile(diskPath(dir, app), data, 0o600); err != nil {
			t.Fatal(err)
		}
		e := fresh()
		e.load(dir, app)
		if _, ok := e.get(key); ok || len(e.stats) != 0 {
			t.Errorf("a damaged cache file gave entries")
		}
	}
}
