package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWarmCacheSeesChanges: with the disk caches on (the default), a second
// and third run must see a file that was added, an import that was edited
// and a tsconfig path that changed — a stale cache would hide or invent
// findings in a pre-commit hook.
func TestWarmCacheSeesChanges(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // shared by the runs below
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"package.json":  pkgJSON,
		"tsconfig.json": `{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }`,
		"app/page.tsx":  `import { sw } from "@/sw"; export default function P() { return String(sw) }`,
		"src/sw.ts":     `export const sw = 1;`,
		"lib/sw.ts":     `import { SignalWire } from "@signalwire/js"; export const sw = new SignalWire();`,
	})
	lint := func() (int, string) {
		t.Helper()
		var out, errb bytes.Buffer
		code := run([]string{"--format", "json", dir}, nil, &out, &errb)
		if code == exitError {
			t.Fatalf("exit 2: %s", errb.String())
		}
		return code, out.String()
	}
	if code, out := lint(); code != exitClean {
		t.Fatalf("cold run: exit %d\n%s", code, out)
	}
	if code, _ := lint(); code != exitClean {
		t.Fatalf("warm run on unchanged files: exit %d", code)
	}
	// The alias now points at lib/, where the SDK is imported.
	time.Sleep(150 * time.Millisecond) // past the racy-timestamp window
	write(t, dir, map[string]string{
		"tsconfig.json": `{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./lib/*"] } } }`,
	})
	if code, out := lint(); code != exitFindings || !strings.Contains(out, "lib/sw.ts") {
		t.Fatalf("after a tsconfig change: exit %d\n%s", code, out)
	}
	// Back, then a new file that the page imports through an edited import.
	write(t, dir, map[string]string{
		"tsconfig.json": `{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }`,
	})
	if code, _ := lint(); code != exitClean {
		t.Fatalf("after reverting tsconfig: exit %d", code)
	}
	time.Sleep(150 * time.Millisecond)
	write(t, dir, map[string]string{
		"src/call.ts":  `import "@signalwire/web-components"; export const call = 1;`,
		"app/page.tsx": `import { sw } from "@/sw"; import { call } from "@/call"; export default function P() { return String(sw) + call }`,
	})
	if code, out := lint(); code != exitFindings || !strings.Contains(out, "src/call.ts") {
		t.Fatalf("after adding a file and an import: exit %d\n%s", code, out)
	}
	// Removing the file again is seen too.
	if err := os.Remove(filepath.Join(dir, "src/call.ts")); err != nil {
		t.Fatal(err)
	}
	write(t, dir, map[string]string{
		"app/page.tsx": `import { sw } from "@/sw"; export default function P() { return String(sw) }`,
	})
	if code, out := lint(); code != exitClean {
		t.Fatalf("after removing it: exit %d\n%s", code, out)
	}
}
