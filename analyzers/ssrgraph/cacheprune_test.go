package ssrgraph

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

func TestPruneCache(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	cur := fmt.Sprintf("v%d", syntax.SchemaVersion)
	old := fmt.Sprintf("v%d", syntax.SchemaVersion-1)
	type file struct {
		path string
		age  time.Duration
		kept bool
	}
	files := []file{
		{cur + "/0123456789abcdef.msgp", time.Hour, true},                   // used today
		{cur + "/resolve-0123456789abcdef.msgp", 29 * 24 * time.Hour, true}, // used within the month
		{cur + "/fedcba9876543210.msgp", 31 * 24 * time.Hour, false},        // an app gone for a month
		{cur + "/resolve-fedcba9876543210.msgp", 31 * 24 * time.Hour, false},
		{cur + "/.ssrlint-123.tmp", 2 * time.Hour, false}, // left by a run that died
		{cur + "/.ssrlint-456.tmp", time.Minute, true},    // being written
		{cur + "/notes.txt", 400 * 24 * time.Hour, true},  // not ssrlint's
		{old + "/0123456789abcdef.msgp", 8 * 24 * time.Hour, false},
		{old + "/.tmp-99", 8 * 24 * time.Hour, false},
		{old + "/resolve-0123456789abcdef.gob", 8 * 24 * time.Hour, false},
		{"v3/aaaaaaaaaaaaaaaa.msgp", 6 * 24 * time.Hour, true}, // another installed version still uses it
		{"vendor/0123456789abcdef.msgp", 400 * 24 * time.Hour, true},
		{"0123456789abcdef.msgp", 400 * 24 * time.Hour, true}, // not in a version directory
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		at := now.Add(-f.age)
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	pruneCache(dir, now)
	for _, f := range files {
		_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f.path)))
		if kept := err == nil; kept != f.kept {
			t.Errorf("%s (%v old): kept = %v, want %v", f.path, f.age, kept, f.kept)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, old)); !os.IsNotExist(err) {
		t.Errorf("the emptied directory %s was not removed: %v", old, err)
	}
	if _, err := os.Stat(filepath.Join(dir, cur)); err != nil {
		t.Errorf("the current version's directory: %v", err)
	}
}

// TestCacheUseKeepsFiles: loading a cache file older than a day refreshes
// its modification time, so that pruning keeps the files in use.
func TestCacheUseKeepsFiles(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.msgp")
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, tc := range []struct {
		age     time.Duration
		touched bool
	}{{2 * time.Hour, false}, {3 * 24 * time.Hour, true}} {
		at := now.Add(-tc.age)
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		touchCacheFile(p, info, now)
		after, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if touched := !after.ModTime().Equal(info.ModTime()); touched != tc.touched {
			t.Errorf("a file %v old: touched = %v, want %v", tc.age, touched, tc.touched)
		}
	}
}
