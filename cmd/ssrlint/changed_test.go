package main

import (
	"os/exec"
	"strings"
	"testing"
)

// gitT runs git in dir for a test.
func gitT(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// changedFixture is an app committed clean except for one old finding.
func changedFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"package.json": pkgJSON,
		"app/page.tsx": `import { Panel } from "./_components/panel";
export default function Home() { return <Panel /> }
`,
		"app/dial/page.tsx": `import { Dialer } from "../_components/dialer";
export default function Dial() { return <Dialer /> }
`,
		"app/_components/dialer.tsx": `"use client";

import { dial } from "../../lib/dial";
export function Dialer() { return <button onClick={() => dial()}>call</button> }
`,
		"lib/dial.ts": `import { SignalWire } from "@signalwire/js";
export function dial() { return new SignalWire({ token: "" }) }
`,
		"app/_components/panel.tsx": `"use client";
// the call panel
import { SignalWire } from "@signalwire/js";
export function Panel() { return <p>{String(SignalWire)}</p> }
`,
		"lib/sw.ts": `import { SignalWire } from "@signalwire/js";
export const sw = SignalWire;
`,
		"app/old/page.tsx": `import "@signalwire/js";
export default function Old() { return null }
`,
	})
	gitT(t, dir, "init", "-q")
	gitT(t, dir, "add", "-A")
	gitT(t, dir, "commit", "-q", "-m", "base")
	return dir
}

func TestNewFromRev(t *testing.T) {
	dir := changedFixture(t)
	if code, got, _ := jsonFindings(t, "--new-from-rev", "HEAD", dir); code != exitClean || len(got) != 0 {
		t.Fatalf("no changes: exit %d, %q", code, got)
	}
	write(t, dir, map[string]string{
		// A new, untracked page with a finding on its own lines.
		"app/new/page.tsx": "import \"@signalwire/js\";\nexport default function N() { return null }\n",
		// An import added here makes lib/sw.ts run on the server.
		"app/page.tsx": `import { Panel } from "./_components/panel";
import { sw } from "../lib/sw";
export default function Home() { return <Panel s={sw} /> }
`,
		// "use client" removed: the dialer runs on the server, and so does
		// lib/dial.ts, unchanged.
		"app/_components/dialer.tsx": `
import { dial } from "../../lib/dial";
export function Dialer() { return <button onClick={() => dial()}>call</button> }
`,
		// "use client" removed: the panel is now a Server Component.
		"app/_components/panel.tsx": `// the call panel
import { SignalWire } from "@signalwire/js";
export function Panel() { return <p>{String(SignalWire)}</p> }
`,
	})
	code, got, errs := jsonFindings(t, "--new-from-rev", "HEAD", dir)
	want := []string{
		"app/_components/panel.tsx:2 serverimport [reported because its directives changed since HEAD (line 1)]",
		"app/new/page.tsx:1 serverimport",
		"lib/dial.ts:1 serverimport [reported because the directives of app/_components/dialer.tsx, on the import trace, changed since HEAD (line 1)]",
		"lib/sw.ts:1 serverimport [reported because app/page.tsx changed since HEAD: line 2 is on the import trace]",
	}
	if code != exitFindings || !sameList(got, want) {
		t.Errorf("exit %d, findings:\n%s\nwant:\n%s\nstderr: %s", code, strings.Join(got, "\n"), strings.Join(want, "\n"), errs)
	}
	// The text report says it too.
	_, out, _ := ssrlint(t, "--new-from-rev", "HEAD", dir)
	if !strings.Contains(out, "  = note: reported because app/page.tsx changed since HEAD: line 2 is on the import trace\n") {
		t.Errorf("text report lacks the cause:\n%s", out)
	}
	// Without the restriction, the old finding is there too.
	if _, all, _ := jsonFindings(t, dir); len(all) != 5 {
		t.Errorf("whole report: %q", all)
	}
	if code, _, errs := ssrlint(t, "--new-from-rev", "no-such-rev", dir); code != exitError || !strings.Contains(errs, "--new-from-rev no-such-rev: not a commit") {
		t.Errorf("bad rev: exit %d, %s", code, errs)
	}
	if code, _, errs := ssrlint(t, "--staged", t.TempDir()); code != exitError || !strings.Contains(errs, "not in a git repository") {
		t.Errorf("outside a repository: exit %d, %s", code, errs)
	}
}

// TestStaged: the index is what is analysed and compared with HEAD; the
// working tree's unstaged edits do not count.
func TestStaged(t *testing.T) {
	dir := changedFixture(t)
	withImport := `import { Panel } from "./_components/panel";
import { sw } from "../lib/sw";
export default function Home() { return <Panel s={sw} /> }
`
	write(t, dir, map[string]string{
		"app/page.tsx":     withImport,
		"app/new/page.tsx": "import \"@signalwire/js\";\nexport default function N() { return null }\n",
	})
	gitT(t, dir, "add", "app/page.tsx")
	// Unstaged: the import is gone again from the working tree, and the new
	// page is not staged at all.
	write(t, dir, map[string]string{"app/page.tsx": `import { Panel } from "./_components/panel";
export default function Home() { return <Panel /> }
`})
	code, got, errs := jsonFindings(t, "--staged", dir)
	want := []string{"lib/sw.ts:1 serverimport [reported because app/page.tsx changed in the index: line 2 is on the import trace]"}
	if code != exitFindings || !sameList(got, want) {
		t.Errorf("exit %d, findings:\n%s\nwant:\n%s\nstderr: %s", code, strings.Join(got, "\n"), strings.Join(want, "\n"), errs)
	}
}

func TestParseUnifiedDiff(t *testing.T) {
	diff := `diff --git a/app/a.tsx b/app/a.tsx
--- a/app/a.tsx
+++ b/app/a.tsx
@@ -3 +3,2 @@ x
-old
+new
+new2
@@ -10,2 +11,0 @@
-gone
-gone
diff --git a/app/new.tsx b/app/new.tsx
new file mode 100644
--- /dev/null
+++ b/app/new.tsx
@@ -0,0 +1 @@
+x
diff --git a/gone.ts b/gone.ts
deleted file mode 100644
--- a/gone.ts
+++ /dev/null
@@ -1 +0,0 @@
-x
diff --git "a/app/t\tab.tsx" "b/app/t\tab.tsx"
--- "a/app/t\tab.tsx"
+++ "b/app/t\tab.tsx"
@@ -1 +1 @@
-a
+b
`
	files := map[string]*changedFile{}
	if err := parseUnifiedDiff([]byte(diff), "/r", files); err != nil {
		t.Fatal(err)
	}
	check := func(name string, lines ...int) {
		t.Helper()
		cf := files[name]
		if cf == nil {
			t.Fatalf("no changes for %s; have %v", name, files)
		}
		if len(cf.lines) != len(lines) {
			t.Errorf("%s: lines %v, want %v", name, cf.lines, lines)
		}
		for _, l := range lines {
			if !cf.has(l) {
				t.Errorf("%s: line %d not changed (%v)", name, l, cf.lines)
			}
		}
	}
	check("/r/app/a.tsx", 3, 4, 11, 12)
	check("/r/app/new.tsx", 1)
	check("/r/app/t\tab.tsx", 1)
	if len(files) != 3 {
		t.Errorf("files: %v", files)
	}
}
