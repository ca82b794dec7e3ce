package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// contentLog remembers a hash of every file the analysis read, so that
// --fix can refuse to edit a file that changed after it was analysed: the
// fix's offsets refer to the content the analysis saw.
type contentLog struct {
	mu     sync.Mutex
	hashes map[string][32]byte
}

func newContentLog() *contentLog { return &contentLog{hashes: map[string][32]byte{}} }

// readFile is os.ReadFile that logs what it read (checker.Options.ReadFile).
func (l *contentLog) readFile(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err == nil {
		l.remember(path, data)
	}
	return data, err
}

func (l *contentLog) remember(path string, data []byte) {
	h := sha256.Sum256(data)
	l.mu.Lock()
	l.hashes[path] = h
	l.mu.Unlock()
}

func (l *contentLog) hash(path string) ([32]byte, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	h, ok := l.hashes[path]
	return h, ok
}

// fileFix is the accepted edits of one file.
type fileFix struct {
	path  string
	edits []edit // sorted, non-overlapping
}

// fixPlan is the set of fixes one run applies.
type fixPlan struct {
	files   map[string]*fileFix
	fixed   map[*finding][]string // findings whose fix was accepted → the files it edits
	skipped int                   // fixes that overlap an accepted one
	outside int                   // fixes with an edit at no valid position
}

// planFixes takes the first suggested fix of each finding (go/analysis
// orders alternatives by preference) and accepts it when none of its edits
// overlaps an edit already accepted. An edit identical to an accepted one
// (two findings asking for the same import "client-only") is shared.
func planFixes(fset *token.FileSet, findings []*finding) *fixPlan {
	p := &fixPlan{files: map[string]*fileFix{}, fixed: map[*finding][]string{}}
	for _, f := range findings {
		if len(f.SuggestedFixes) == 0 {
			continue
		}
		type fileEdit struct {
			file string
			e    edit
		}
		var es []fileEdit
		ok := true
		for _, te := range f.SuggestedFixes[0].TextEdits {
			start := fset.Position(te.Pos)
			end := start
			if te.End.IsValid() {
				end = fset.Position(te.End)
			}
			if !start.IsValid() || end.Filename != start.Filename || end.Offset < start.Offset {
				ok = false
				break
			}
			es = append(es, fileEdit{start.Filename, edit{start.Offset, end.Offset, string(te.NewText)}})
		}
		if !ok || len(es) == 0 {
			p.outside++
			continue
		}
		conflict := false
		var fresh []fileEdit
		for _, fe := range es {
			dup := false
			if ff := p.files[fe.file]; ff != nil {
				for _, a := range ff.edits {
					if a == fe.e {
						dup = true
						break
					}
					if overlaps(a, fe.e) {
						conflict = true
					}
				}
			}
			if !dup {
				fresh = append(fresh, fe)
			}
		}
		// Edits of one fix must not overlap each other either.
		for i := range fresh {
			for j := i + 1; j < len(fresh); j++ {
				if fresh[i].file == fresh[j].file && overlaps(fresh[i].e, fresh[j].e) {
					conflict = true
				}
			}
		}
		if conflict {
			p.skipped++
			continue
		}
		for _, fe := range fresh {
			ff := p.files[fe.file]
			if ff == nil {
				ff = &fileFix{path: fe.file}
				p.files[fe.file] = ff
			}
			ff.edits = append(ff.edits, fe.e)
		}
		for _, fe := range es {
			if !contains(p.fixed[f], fe.file) {
				p.fixed[f] = append(p.fixed[f], fe.file)
			}
		}
	}
	for _, ff := range p.files {
		sort.Slice(ff.edits, func(i, j int) bool {
			a, b := ff.edits[i], ff.edits[j]
			if a.start != b.start {
				return a.start < b.start
			}
			return a.end < b.end
		})
	}
	return p
}

// overlaps reports whether two edits touch the same bytes, or are two
// different insertions at one offset (their order would be arbitrary).
func overlaps(a, b edit) bool {
	if a.start == a.end && b.start == b.end {
		return a.start == b.start
	}
	// Otherwise overlapping ranges; an insertion overlaps a range it falls
	// strictly inside of.
	return a.start < b.end && b.start < a.end
}

// paths returns the planned files, sorted.
func (p *fixPlan) paths() []string {
	out := make([]string, 0, len(p.files))
	for path := range p.files {
		out = append(out, path)
	}
	sort.Strings(out)
	return out
}

// errChanged is returned for a file that differs from what was analysed.
var errChanged = errors.New("changed since ssrlint read it; run ssrlint again")

// fixedContent returns the file's current content and the content with the
// edits applied. It refuses a file whose content is not what the analysis
// read. In a file with CRLF line endings, line breaks in inserted text
// become CRLF too.
func fixedContent(ff *fileFix, analysed func(string) ([32]byte, bool)) (before, after []byte, err error) {
	before, err = os.ReadFile(ff.path)
	if err != nil {
		return nil, nil, err
	}
	if want, ok := analysed(ff.path); !ok || sha256.Sum256(before) != want {
		return nil, nil, errChanged
	}
	crlf := bytes.Contains(before, []byte("\r\n"))
	var b bytes.Buffer
	pos := 0
	for _, e := range ff.edits {
		if e.end > len(before) {
			return nil, nil, errChanged
		}
		b.Write(before[pos:e.start])
		text := e.text
		if crlf {
			text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
		}
		b.WriteString(text)
		pos = e.end
	}
	b.Write(before[pos:])
	return before, b.Bytes(), nil
}

// beforeReplace, when set (by tests), runs after the new content is in the
// temporary file and before the final check that the file is unchanged.
var beforeReplace func(path string)

// writeAtomic replaces path with data: a temporary file in the same
// directory (so the rename cannot cross file systems) with the original's
// permission bits, then a rename over the original. Just before the rename
// the original is read again and must still hash to what was read
// (expected); otherwise nothing is replaced. A symbolic link is followed
// and its target replaced.
func writeAtomic(path string, expected, data []byte) (err error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	fi, err := os.Stat(real)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(real), "."+filepath.Base(real)+".ssrlint-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), fi.Mode().Perm()); err != nil {
		return err
	}
	if beforeReplace != nil {
		beforeReplace(path)
	}
	now, err := os.ReadFile(real)
	if err != nil {
		return err
	}
	if sha256.Sum256(now) != sha256.Sum256(expected) {
		return errChanged
	}
	return os.Rename(tmp.Name(), real)
}

// applyFixes writes the plan, file by file. It returns the files written
// and, per file, why it was not.
func applyFixes(p *fixPlan, analysed func(string) ([32]byte, bool)) (written []string, failed map[string]error) {
	failed = map[string]error{}
	for _, path := range p.paths() {
		before, after, err := fixedContent(p.files[path], analysed)
		if err == nil {
			err = writeAtomic(path, before, after)
		}
		if err != nil {
			if errors.Is(err, fs.ErrPermission) {
				err = fmt.Errorf("cannot write: %w", err)
			}
			failed[path] = err
			continue
		}
		written = append(written, path)
	}
	return written, failed
}
