package project

import (
	"path/filepath"
	"testing"
)

func TestIgnoreMatch(t *testing.T) {
	base := filepath.FromSlash("/repo")
	for _, tc := range []struct {
		patterns string
		path     string // relative to base
		isDir    bool
		want     bool
	}{
		{"*.log", "a/b/x.log", false, true},
		{"*.log", "a/b/x.log.txt", false, false},
		{"build/", "build", true, true},
		{"build/", "build", false, false},
		{"/top.ts", "top.ts", false, true},
		{"/top.ts", "sub/top.ts", false, false},
		{"docs/*.md", "docs/a.md", false, true},
		{"docs/*.md", "x/docs/a.md", false, false},
		{"**/cache", "a/b/cache", true, true},
		{"**/cache", "cache", true, true},
		{"a/**/b", "a/b", false, true},
		{"a/**/b", "a/x/y/b", false, true},
		{"a/**", "a", true, false},
		{"a/**", "a/x", false, true},
		{"x[!0-9].ts", "xa.ts", false, true},
		{"x[!0-9].ts", "x1.ts", false, false},
		{"*.ts\n!keep.ts", "keep.ts", false, false},
		{"!keep.ts\n*.ts", "keep.ts", false, true},
		{"# comment\n\n", "# comment", false, false},
		{"\\#hash", "#hash", false, true},
		{"trailing.ts   ", "trailing.ts", false, true},
		{"bad[", "bad[", false, false},
	} {
		f := parseIgnore(base, []byte(tc.patterns))
		if got := ignored([]*ignoreFile{f}, filepath.Join(base, filepath.FromSlash(tc.path)), tc.isDir); got != tc.want {
			t.Errorf("patterns %q, path %q (dir %v): ignored = %v, want %v", tc.patterns, tc.path, tc.isDir, got, tc.want)
		}
	}
}

func TestIgnoreDeeperFileWins(t *testing.T) {
	root := parseIgnore(filepath.FromSlash("/repo"), []byte("*.ts\n"))
	sub := parseIgnore(filepath.FromSlash("/repo/sub"), []byte("!keep.ts\n"))
	files := []*ignoreFile{root, sub}
	if ignored(files, filepath.FromSlash("/repo/sub/keep.ts"), false) {
		t.Error("sub/keep.ts ignored, but sub/.gitignore re-includes it")
	}
	if !ignored(files, filepath.FromSlash("/repo/keep.ts"), false) {
		t.Error("keep.ts not ignored: sub/.gitignore must not apply outside sub")
	}
}
