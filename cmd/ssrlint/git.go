package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// changeSet is what --new-from-rev or --staged found changed: lines per
// file, and for --staged the index's content of files whose working copy
// differs, so that the analysis sees what will be committed.
type changeSet struct {
	what    string                  // "since REV" or "in the index", for messages
	files   map[string]*changedFile // absolute path → changes
	overlay map[string][]byte
}

// changedFile holds the changed lines of one file, numbered as in the new
// version (the working tree, or the index for --staged).
type changedFile struct {
	all   bool // a new (or untracked) file: every line counts
	lines map[int]bool
}

func (c *changedFile) has(line int) bool { return c != nil && (c.all || c.lines[line]) }

// firstIn returns the first changed line in [from, to], or 0.
func (c *changedFile) firstIn(from, to int) int {
	if c == nil {
		return 0
	}
	if c.all {
		return from
	}
	for l := from; l <= to; l++ {
		if c.lines[l] {
			return l
		}
	}
	return 0
}

// git runs git in dir and returns its standard output.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "core.quotePath=false"}, args...)...)
	// Keep the user's configuration from changing the output we parse.
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = err.Error()
			}
			return nil, fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
		}
		return nil, fmt.Errorf("running git: %w", err)
	}
	return out, nil
}

// gitChanges computes the changed lines of the repository holding dir: the
// working tree against rev, untracked files included, or (staged) the index
// against HEAD.
func gitChanges(dir, rev string, staged bool) (*changeSet, error) {
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("%s is not in a git repository (%v)", dir, err)
	}
	repo := strings.TrimSpace(string(top))
	cs := &changeSet{files: map[string]*changedFile{}}
	diffArgs := []string{"diff", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/", "-M"}
	if staged {
		cs.what = "in the index"
		diffArgs = append(diffArgs, "--cached")
	} else {
		cs.what = "since " + rev
		if _, err := git(repo, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
			return nil, fmt.Errorf("--new-from-rev %s: not a commit in %s", rev, repo)
		}
		diffArgs = append(diffArgs, rev)
	}
	out, err := git(repo, append(diffArgs, "--")...)
	if err != nil {
		return nil, err
	}
	if err := parseUnifiedDiff(out, repo, cs.files); err != nil {
		return nil, err
	}
	if staged {
		// Files whose working copy differs from the index: analyse the
		// staged content, which is what the line numbers refer to.
		out, err := git(repo, "diff", "--name-only", "--no-renames", "-z", "--")
		if err != nil {
			return nil, err
		}
		for _, name := range strings.Split(string(out), "\x00") {
			if name == "" {
				continue
			}
			content, err := git(repo, "show", ":"+name)
			if err != nil {
				continue // not in the index (deleted from it): nothing staged to analyse
			}
			if cs.overlay == nil {
				cs.overlay = map[string][]byte{}
			}
			cs.overlay[filepath.Join(repo, filepath.FromSlash(name))] = content
		}
	} else {
		out, err := git(repo, "ls-files", "--others", "--exclude-standard", "-z")
		if err != nil {
			return nil, err
		}
		for _, name := range strings.Split(string(out), "\x00") {
			if name != "" {
				cs.files[filepath.Join(repo, filepath.FromSlash(name))] = &changedFile{all: true}
			}
		}
	}
	return cs, nil
}

// parseUnifiedDiff records the added and changed lines of a --unified=0
// diff, by new file name. A deletion marks the lines on both sides of the
// gap it leaves, so that removing a guard or a "use client" counts as a
// change next to where it was.
func parseUnifiedDiff(diff []byte, repo string, files map[string]*changedFile) error {
	var cur *changedFile
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "diff --git "):
			cur = nil
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				cur = nil // deleted
				continue
			}
			name, err := unquoteGitPath(name)
			if err != nil {
				return err
			}
			name = strings.TrimPrefix(name, "b/")
			p := filepath.Join(repo, filepath.FromSlash(name))
			cur = files[p]
			if cur == nil {
				cur = &changedFile{lines: map[int]bool{}}
				files[p] = cur
			}
		case strings.HasPrefix(line, "@@ ") && cur != nil:
			start, count, err := newRange(line)
			if err != nil {
				return err
			}
			if count == 0 {
				cur.lines[start] = true
				cur.lines[start+1] = true
				continue
			}
			for l := start; l < start+count; l++ {
				cur.lines[l] = true
			}
		}
	}
	return sc.Err()
}

// newRange parses the "+c,d" part of a hunk header "@@ -a,b +c,d @@".
func newRange(header string) (start, count int, err error) {
	fields := strings.Fields(header)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, fmt.Errorf("unexpected hunk header %q in git diff", header)
	}
	spec := strings.TrimPrefix(fields[2], "+")
	count = 1
	if s, c, ok := strings.Cut(spec, ","); ok {
		spec = s
		if count, err = strconv.Atoi(c); err != nil {
			return 0, 0, fmt.Errorf("unexpected hunk header %q in git diff", header)
		}
	}
	if start, err = strconv.Atoi(spec); err != nil {
		return 0, 0, fmt.Errorf("unexpected hunk header %q in git diff", header)
	}
	return start, count, nil
}

// unquoteGitPath undoes git's C-style quoting of unusual file names
// ("b/tab\there"); core.quotePath=false leaves other bytes alone.
func unquoteGitPath(s string) (string, error) {
	if !strings.HasPrefix(s, `"`) {
		return s, nil
	}
	u, err := strconv.Unquote(s)
	if err != nil {
		return "", fmt.Errorf("cannot read file name %s in git diff", s)
	}
	return u, nil
}
