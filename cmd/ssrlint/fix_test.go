package main

import (
	"bytes"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fixSources is an app whose moduleglobal findings carry fixes: a typeof
// compared with the value undefined, in a file with LF line endings and in
// an executable file with CRLF line endings.
var fixSources = map[string]string{
	"package.json": pkgJSON,
	"app/page.tsx": `import "../lib/setup";
export default function P() { return null }
`,
	"lib/setup.ts": `// Runs when the page module loads.
if (typeof window !== undefined) {
  console.log("browser");
}
export const ready = typeof document != undefined;
`,
	"app/crlf/page.tsx": "export const title = \"crlf\";\r\nconst ok = typeof window !== undefined;\r\nexport default function C() { return String(ok) }\r\n",
}

func fixApp(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, fixSources)
	if err := os.Chmod(filepath.Join(dir, "app", "crlf", "page.tsx"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "fix", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDiffAndFix(t *testing.T) {
	dir := fixApp(t)
	code, diff, errs := ssrlint(t, "--diff", dir)
	if code != exitFindings || errs != "" {
		t.Fatalf("--diff: exit %d, stderr %s", code, errs)
	}
	golden(t, "fix.diff.golden", []byte(diff))
	for name, src := range fixSources {
		if got := read(t, filepath.Join(dir, name)); string(got) != src {
			t.Errorf("--diff changed %s", name)
		}
	}

	// The diff applies with git apply and gives what --fix writes.
	applied := t.TempDir()
	write(t, applied, fixSources)
	cmd := exec.Command("git", "apply", "--whitespace=nowarn", "-")
	cmd.Dir = applied
	cmd.Stdin = strings.NewReader(diff)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}

	code, out, errs := ssrlint(t, "--fix", dir)
	if code != exitClean || out != "" || !strings.Contains(errs, "fixed 3 finding(s) in 2 file(s)") {
		t.Fatalf("--fix: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	for _, name := range []string{"lib/setup.ts", "app/crlf/page.tsx"} {
		got := read(t, filepath.Join(dir, name))
		golden(t, strings.ReplaceAll(name, "/", "_")+".golden", got)
		if want := read(t, filepath.Join(applied, name)); !bytes.Equal(got, want) {
			t.Errorf("%s: git apply of --diff gives\n%q\n--fix wrote\n%q", name, want, got)
		}
	}
	crlf := read(t, filepath.Join(dir, "app", "crlf", "page.tsx"))
	if bytes.Count(crlf, []byte("\r\n")) != 3 || bytes.Count(crlf, []byte("\n")) != 3 {
		t.Errorf("line endings of the CRLF file changed: %q", crlf)
	}
	if fi, err := os.Stat(filepath.Join(dir, "app", "crlf", "page.tsx")); err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("mode after --fix: %v, %v", fi.Mode(), err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*", ".*ssrlint-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	// Nothing left to fix.
	if code, diff, _ := ssrlint(t, "--diff", dir); code != exitClean || diff != "" {
		t.Errorf("second --diff: exit %d\n%s", code, diff)
	}
}

// TestFixRefusesConcurrentChange: a file written by someone else between
// ssrlint reading it and replacing it is left as they wrote it.
func TestFixRefusesConcurrentChange(t *testing.T) {
	dir := fixApp(t)
	target := filepath.Join(dir, "lib", "setup.ts")
	theirs := []byte("// edited in the editor meanwhile\nexport const ready = true;\n")
	beforeReplace = func(path string) {
		if path == target {
			if err := os.WriteFile(target, theirs, 0o644); err != nil {
				t.Error(err)
			}
		}
	}
	defer func() { beforeReplace = nil }()
	code, _, errs := ssrlint(t, "--fix", dir)
	if !strings.Contains(errs, "ssrlint: not fixing lib/setup.ts: changed since ssrlint read it; run ssrlint again") {
		t.Errorf("no refusal on stderr:\n%s", errs)
	}
	if got := read(t, target); !bytes.Equal(got, theirs) {
		t.Errorf("the concurrent edit was overwritten:\n%s", got)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "lib", ".*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	// The other file was fixed; what is left is reported.
	if !strings.Contains(errs, "fixed 1 finding(s) in 1 file(s)") || code != exitClean {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
	if got := read(t, filepath.Join(dir, "app", "crlf", "page.tsx")); !bytes.Contains(got, []byte(`!== "undefined"`)) {
		t.Errorf("the unrelated file was not fixed:\n%s", got)
	}
}

// TestUnifiedDiff checks the diff generator against git apply on random
// edits of a text, including insertions at the start and the end, a
// missing final newline and edits close enough to share a hunk.
func TestUnifiedDiff(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	base := []string{}
	for i := 0; i < 40; i++ {
		base = append(base, strings.Repeat(string(rune('a'+i%26)), 1+i%5))
	}
	for iter := 0; iter < 60; iter++ {
		src := strings.Join(base[:10+rng.Intn(30)], "\n")
		if iter%3 != 0 {
			src += "\n"
		}
		var edits []edit
		pos := 0
		for pos < len(src) && len(edits) < 6 {
			start := pos + rng.Intn(min(40, len(src)-pos)+1)
			if start > len(src) {
				break
			}
			end := start + rng.Intn(min(8, len(src)-start)+1)
			texts := []string{"", "X", "new line\n", "\n", "two\nlines\n"}
			edits = append(edits, edit{start, end, texts[rng.Intn(len(texts))]})
			pos = end + 1
		}
		if iter == 0 {
			edits = []edit{{0, 0, "\"use client\";\n"}, {len(src), len(src), "tail"}}
		}
		var want strings.Builder
		at := 0
		for _, e := range edits {
			want.WriteString(src[at:e.start])
			want.WriteString(e.text)
			at = e.end
		}
		want.WriteString(src[at:])
		diff := unifiedDiff("f.txt", []byte(src), edits)
		if want.String() == src {
			if diff != "" {
				t.Errorf("iteration %d: a diff for no change:\n%s", iter, diff)
			}
			continue
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "f.txt"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("git", "apply", "--whitespace=nowarn", "-")
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader(diff)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("iteration %d: git apply: %v\n%s\nsource %q\nedits %+v\ndiff:\n%s", iter, err, out, src, edits, diff)
		}
		if got := string(read(t, filepath.Join(dir, "f.txt"))); got != want.String() {
			t.Fatalf("iteration %d: applying the diff gives\n%q\nwant\n%q\ndiff:\n%s", iter, got, want.String(), diff)
		}
	}
}
