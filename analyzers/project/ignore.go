package project

import (
	"path"
	"path/filepath"
	"strings"
)

// This is a small gitignore matcher written here rather than taken from
// github.com/sabhiram/go-gitignore: that module has had no release since
// 2021, handles one file with no notion of the directory it applies to (we
// need nested .gitignore files, each relative to its own directory, with
// deeper files taking precedence), and treats `**` and directory-only
// patterns loosely. The semantics below follow gitignore(5); because the
// walker never descends into an ignored directory, a negation cannot
// re-include a file under one, exactly as in git.

// ignoreRule is one pattern line of a .gitignore file.
type ignoreRule struct {
	segs     []string // pattern split on "/"; "**" matches any number of segments
	negate   bool     // "!pattern"
	dirOnly  bool     // "pattern/"
	anchored bool     // a slash before the end: match the path from the file's directory
}

// ignoreFile is the rules of one .gitignore and the directory they apply to.
type ignoreFile struct {
	base  string
	rules []ignoreRule
}

func parseIgnore(base string, data []byte) *ignoreFile {
	f := &ignoreFile{base: base}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		// Trailing spaces are ignored unless escaped with a backslash.
		for strings.HasSuffix(line, " ") && !strings.HasSuffix(line, "\\ ") {
			line = line[:len(line)-1]
		}
		if line == "" {
			continue
		}
		var r ignoreRule
		if line[0] == '!' {
			r.negate = true
			line = line[1:]
		}
		if strings.HasSuffix(line, "/") {
			r.dirOnly = true
			line = strings.TrimRight(line, "/")
		}
		if strings.Contains(line, "/") {
			r.anchored = true
			line = strings.TrimLeft(line, "/")
		}
		if line == "" {
			continue
		}
		// gitignore writes a negated bracket as [!…]; path.Match wants [^…].
		line = strings.ReplaceAll(line, "[!", "[^")
		r.segs = strings.Split(line, "/")
		f.rules = append(f.rules, r)
	}
	return f
}

// match reports whether a rule of f matches rel (slash-separated, relative to
// f.base) and, if so, whether the last matching rule ignores it.
func (f *ignoreFile) match(rel string, isDir bool) (matched, ignore bool) {
	name := strings.Split(rel, "/")
	for _, r := range f.rules {
		if r.dirOnly && !isDir {
			continue
		}
		var ok bool
		if r.anchored {
			ok = matchSegs(r.segs, name)
			// "dir/**" matches everything inside dir, not dir itself.
			if ok && r.segs[len(r.segs)-1] == "**" && matchSegs(r.segs[:len(r.segs)-1], name) {
				ok = false
			}
		} else {
			// A pattern without a slash matches a name at any depth; the
			// walker checks every directory on the way down, so matching the
			// last element is enough.
			ok = matchSeg(r.segs[0], name[len(name)-1])
		}
		if ok {
			matched, ignore = true, !r.negate
		}
	}
	return matched, ignore
}

// ignored applies the .gitignore files in effect for p, outermost first, so
// that a deeper file overrides a shallower one.
func ignored(files []*ignoreFile, p string, isDir bool) bool {
	result := false
	for _, f := range files {
		rel, err := filepath.Rel(f.base, p)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		if m, ign := f.match(filepath.ToSlash(rel), isDir); m {
			result = ign
		}
	}
	return result
}

func matchSeg(pat, name string) bool {
	ok, err := path.Match(pat, name)
	return err == nil && ok
}

// matchSegs matches path segments against pattern segments, where a "**"
// segment matches zero or more path segments.
func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchSegs(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 || !matchSeg(pat[0], name[0]) {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}
