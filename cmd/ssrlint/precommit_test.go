package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHook commits through the pre-commit framework, set up as a
// user would: a .pre-commit-config.yaml naming this repository and the
// ssrlint hook of its .pre-commit-hooks.yaml, and `pre-commit install`. The
// repository is a snapshot of this checkout in a temporary git repository
// (pre-commit clones it and builds the hook with `go install ./...`, as it
// does from GitHub); the Go module and build caches of this machine are
// reused, so nothing is downloaded that the build of ssrlint itself did not
// already need. A commit with a staged Server Component that imports the
// browser SDK is refused with the diagnostic; after the fix it goes through.
//
// It needs the pre-commit program (Debian package pre-commit; .ci/run
// installs it): without it the test skips, except under CI.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ssrlint through pre-commit")
	}
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		msg := "pre-commit not installed (apt-get install pre-commit)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	src, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(src, ".pre-commit-hooks.yaml")); err != nil {
		t.Fatal(err)
	}
	goEnv := func(name string) string {
		out, err := exec.Command("go", "env", name).Output()
		if err != nil {
			t.Fatalf("go env %s: %v", name, err)
		}
		return strings.TrimSpace(string(out))
	}
	home := t.TempDir()
	env := append(os.Environ(),
		"HOME="+home,
		"PRE_COMMIT_HOME="+filepath.Join(home, "pre-commit"),
		"GOMODCACHE="+goEnv("GOMODCACHE"),
		"GOCACHE="+goEnv("GOCACHE"),
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com",
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
	)
	runIn := func(dir string, name string, args ...string) (string, error) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = env
		cmd.Stdin = nil
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}
	must := func(dir string, name string, args ...string) string {
		t.Helper()
		out, err := runIn(dir, name, args...)
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return out
	}

	// The hook repository: this checkout's files, committed.
	hooks := filepath.Join(t.TempDir(), "ssrlint")
	list := must(src, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	for _, rel := range strings.Split(list, "\x00") {
		if rel == "" {
			continue
		}
		if err := copyFile(filepath.Join(src, rel), filepath.Join(hooks, rel)); err != nil {
			t.Fatal(err)
		}
	}
	must(hooks, "git", "init", "-q", "-b", "main")
	must(hooks, "git", "add", "-A")
	must(hooks, "git", "commit", "-q", "-m", "ssrlint snapshot")
	rev := strings.TrimSpace(must(hooks, "git", "rev-parse", "HEAD"))

	// The user's Next.js repository.
	proj := t.TempDir()
	write(t, proj, map[string]string{
		"package.json": `{"name": "shop", "private": true, "dependencies": {"next": "15.1.0", "@signalwire/js": "^3.27.0"}}`,
		"app/page.tsx": "export default function Home() {\n  return <main>shop</main>;\n}\n",
		".pre-commit-config.yaml": "repos:\n" +
			"  - repo: " + hooks + "\n" +
			"    rev: " + rev + "\n" +
			"    hooks:\n" +
			"      - id: ssrlint\n",
	})
	must(proj, "git", "init", "-q", "-b", "main")
	must(proj, "git", "add", "-A")
	must(proj, "git", "commit", "-q", "-m", "init") // before the hook exists
	must(proj, preCommit, "install")

	// A Server Component importing the browser SDK: refused.
	write(t, proj, map[string]string{
		"app/rooms/page.tsx": `import { SignalWire } from "@signalwire/js";

export default function Rooms() {
  return <p>{typeof SignalWire}</p>;
}
`,
	})
	must(proj, "git", "add", "app/rooms/page.tsx")
	out, err := runIn(proj, "git", "commit", "-m", "rooms")
	if err == nil {
		t.Fatalf("the commit went through:\n%s", out)
	}
	t.Logf("refused commit:\n%s", out)
	for _, want := range []string{
		"ssrlint",
		"app/rooms/page.tsx:1:1: error: browser-only @signalwire/js is imported by a Server Component",
		"[serverimport]",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("hook output lacks %q:\n%s", want, out)
		}
	}
	if log := must(proj, "git", "log", "--oneline"); strings.Count(log, "\n") != 1 {
		t.Errorf("history after a refused commit:\n%s", log)
	}

	// The fix: the page becomes a Client Component.
	write(t, proj, map[string]string{
		"app/rooms/page.tsx": `"use client";

import { SignalWire } from "@signalwire/js";

export default function Rooms() {
  return <p>{typeof SignalWire}</p>;
}
`,
	})
	must(proj, "git", "add", "app/rooms/page.tsx")
	out = must(proj, "git", "commit", "-m", "rooms, fixed")
	if !strings.Contains(out, "ssrlint") || !strings.Contains(out, "Passed") {
		t.Errorf("the hook did not run and pass:\n%s", out)
	}
}

// copyFile copies a regular file, keeping its permission bits; symbolic
// links and files over 4 MiB (stray binaries in a working checkout) are
// left out.
func copyFile(from, to string) error {
	fi, err := os.Lstat(from)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > 4<<20 {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, fi.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
