package config

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// A glob is a pattern over slash-separated paths relative to a base
// directory: "*", "?" and "[...]" match within one path segment (as in
// path.Match), "**" as a whole segment matches any number of segments, and a
// pattern that matches a directory matches everything under it. So
// "legacy" ignores the directory legacy/ next to the config file,
// "**/*.stories.tsx" every story file, "apps/*" every direct subdirectory
// of apps/.
type glob struct {
	base    string // absolute directory the pattern is relative to
	pattern string
	segs    []string
}

// checkGlob returns why pattern is not a valid glob, or "".
func checkGlob(pattern string) string {
	switch {
	case pattern == "":
		return "an empty pattern"
	case strings.Contains(pattern, `\`):
		return "a backslash: write paths with /"
	case strings.HasPrefix(pattern, "/"):
		return "an absolute path: patterns are relative to the config file's directory"
	}
	for _, seg := range strings.Split(strings.TrimSuffix(pattern, "/"), "/") {
		if seg == ".." {
			return "a .. segment: patterns cannot leave the config file's directory"
		}
		if _, err := path.Match(seg, ""); err != nil {
			return fmt.Sprintf("a malformed segment %q (unclosed [ ?)", seg)
		}
	}
	return ""
}

func newGlob(base, pattern string) glob {
	p := strings.TrimSuffix(strings.TrimPrefix(pattern, "./"), "/")
	var segs []string
	for _, s := range strings.Split(p, "/") {
		if s != "" && s != "." {
			segs = append(segs, s)
		}
	}
	return glob{base: base, pattern: pattern, segs: segs}
}

// match reports whether the absolute path p, or a directory above it, is
// matched.
func (g glob) match(p string) bool {
	rel, err := filepath.Rel(g.base, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	segs := strings.Split(filepath.ToSlash(rel), "/")
	if rel == "." {
		segs = nil
	}
	for n := len(segs); n >= 1; n-- {
		if matchSegs(g.segs, segs[:n]) {
			return true
		}
	}
	return len(segs) == 0 && len(g.segs) == 0
}

// matchExact reports whether the pattern matches p itself (not a directory
// above it): app directories in overrides are matched this way.
func (g glob) matchExact(p string) bool {
	rel, err := filepath.Rel(g.base, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	if rel == "." {
		return len(g.segs) == 0 || (len(g.segs) == 1 && g.segs[0] == "**")
	}
	return matchSegs(g.segs, strings.Split(filepath.ToSlash(rel), "/"))
}

func matchSegs(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for k := 0; k <= len(segs); k++ {
				if matchSegs(pat[1:], segs[k:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}
