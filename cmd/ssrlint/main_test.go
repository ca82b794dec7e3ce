package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/ssrtest"
)

func write(t *testing.T, root string, files map[string]string) { ssrtest.WriteTree(t, root, files) }

func ssrlint(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	var out, errb bytes.Buffer
	code := run(args, nil, &out, &errb)
	return code, out.String(), errb.String()
}

const pkgJSON = `{"name":"t","dependencies":{"next":"15.0.0"}}`

func TestExitCodes(t *testing.T) {
	clean := t.TempDir()
	write(t, clean, map[string]string{
		"package.json": pkgJSON,
		"app/page.tsx": `export default function P() { return null }`,
	})
	bad := t.TempDir()
	write(t, bad, map[string]string{
		"package.json": pkgJSON,
		"app/page.tsx": `import { SignalWire } from "@signalwire/js";
export default function P() { return String(SignalWire) }`,
	})
	for _, tc := range []struct {
		name string
		args []string
		code int
		out  string // substring of stdout
		err  string // substring of stderr
	}{
		{"clean", []string{clean}, 0, "", ""},
		{"findings", []string{bad}, 1, "app/page.tsx:1:1: error: browser-only @signalwire/js is imported by a Server Component", ""},
		{"missing path", []string{filepath.Join(clean, "nope")}, 2, "", "no such file or directory"},
		{"file restricts the report", []string{filepath.Join(bad, "package.json")}, 0, "", ""},
		{"file with a finding", []string{filepath.Join(bad, "app", "page.tsx")}, 1, "app/page.tsx:1:1: error:", ""},
		{"no app", []string{t.TempDir()}, 2, "", "no Next.js app found"},
		{"bad format", []string{"--format", "xml", clean}, 2, "", `unknown --format "xml"`},
		{"bad flag", []string{"--frobnicate", clean}, 2, "", "flag provided but not defined"},
		{"explain", []string{"explain", "serverimport"}, 0, "serverimport", ""},
		{"explain unknown", []string{"explain", "nope"}, 2, "", `unknown rule "nope"`},
		{"rules", []string{"rules"}, 0, "moduleglobal", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := ssrlint(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out, errs)
			}
			if !strings.Contains(out, tc.out) {
				t.Errorf("stdout lacks %q:\n%s", tc.out, out)
			}
			if !strings.Contains(errs, tc.err) {
				t.Errorf("stderr lacks %q:\n%s", tc.err, errs)
			}
			if strings.Contains(errs, "goroutine ") || strings.Contains(errs, "panic") {
				t.Errorf("stack trace on stderr:\n%s", errs)
			}
		})
	}
}

// TestBadInput: broken files are reported clearly and the rest is analysed.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"package.json":  pkgJSON,
		"tsconfig.json": `{ "compilerOptions": { "paths": { "@/*": ["./*"] }, `, // truncated
		"app/page.tsx": `import { a } from "../lib/a";
import { broken } from "../lib/broken";
export default function P() { return a + broken }`,
		"lib/a.ts":      `import { b } from "./b"; export const a = b; import "@signalwire/js";`,
		"lib/b.ts":      `import { a } from "./a"; export const b = 1; export { a };`,
		"lib/broken.ts": "export const broken = (;\nimport \"@signalwire/web-components\";\n",
		"lib/blob.js":   "\x00\x01\x02binary",
	})
	if err := os.Symlink(dir, filepath.Join(dir, "lib", "loop")); err != nil {
		t.Fatal(err)
	}
	code, out, errs := ssrlint(t, dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	for _, want := range []string{"lib/a.ts:1:", "lib/broken.ts:2:1"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks a finding at %s:\n%s", want, out)
		}
	}
	for _, want := range []string{"lib/broken.ts", "tsconfig.json", "lib/blob.js", "lib/loop"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not mention %s:\n%s", want, errs)
		}
	}
}

// TestNotesOncePerFile: a workspace package's file is part of every app
// that imports it, but what is said about it is said once; files the apps
// run come first in the parser note; a bare "&" in JSX, which the grammar
// stumbles over, is not called a syntax error.
func TestNotesOncePerFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"package.json":             `{"private":true,"workspaces":["apps/*","packages/*"]}`,
		"packages/ui/package.json": `{"name":"@acme/ui","main":"index.ts"}`,
		"packages/ui/index.ts":     "export const x = (;\nexport * from \"./card\";\n",
		"packages/ui/card.tsx":     "export const Card = () => <p>Terms & Conditions <a href=\"?a=1&b=2\">x</a></p>;\n",
		"packages/ui/a.test.ts":    "const y = (;\n", // no app imports it
	}
	for _, app := range []string{"a", "b"} {
		files["apps/"+app+"/package.json"] = `{"name":"` + app + `","dependencies":{"next":"15.0.0","@acme/ui":"*"}}`
		files["apps/"+app+"/app/page.tsx"] = "import { Card } from \"@acme/ui\";\nexport default function P() { return <Card /> }\n"
	}
	write(t, dir, files)
	code, out, errs := ssrlint(t, dir)
	if code != 0 {
		t.Fatalf("exit %d, want 0\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	want := "could not read part of 2 file(s) (1 of them outside the apps' import graphs, such as tests); the rest of each was analysed: packages/ui/index.ts:1:16, packages/ui/a.test.ts:1:9"
	if !strings.Contains(errs, want) || strings.Count(errs, "packages/ui/index.ts") != 1 {
		t.Errorf("stderr should name packages/ui/index.ts once, in %q:\n%s", want, errs)
	}
	if strings.Contains(errs, "card.tsx") {
		t.Errorf("a bare & in JSX was reported as a syntax error:\n%s", errs)
	}
}

// TestDeclaredNextConfig: a next.config assembled from another module
// cannot be read statically; what ssrlint.json states under "next" is used
// instead, and the warning goes away.
func TestDeclaredNextConfig(t *testing.T) {
	files := map[string]string{
		"package.json":   pkgJSON,
		"next.config.ts": "import { base } from \"./config/base\";\nexport default withPlugins(base);\n",
		"config/base.ts": "export const base = { pageExtensions: [\"page.tsx\"], env: { API_URL: \"https://api\" } };\n",
		// A page only with pageExtensions ["page.tsx"]; with the default
		// ones, pages/index.page.tsx is the route /index.page instead.
		"pages/index.page.tsx":  "import { Banner } from \"../components/banner\";\nexport default function Home() { return <Banner />; }\n",
		"pages/helper.tsx":      "import \"@signalwire/js\";\nexport const x = 1;\n",
		"components/banner.tsx": "export function Banner() { return <p>{process.env.API_URL}</p>; }\n",
	}
	dir := t.TempDir()
	write(t, dir, files)
	code, out, errs := ssrlint(t, dir)
	if !strings.Contains(errs, "could not be followed statically") || !strings.Contains(errs, `under "next" in ssrlint.json`) {
		t.Errorf("without a declaration, stderr should warn and say what to do:\n%s", errs)
	}
	if code != 1 || !strings.Contains(out, "API_URL") || !strings.Contains(out, "pages/helper.tsx") {
		t.Errorf("without a declaration: exit %d; want API_URL (not known as an env key) and pages/helper.tsx (a page) reported:\n%s", code, out)
	}
	write(t, dir, map[string]string{"ssrlint.json": `{"next": {"pageExtensions": ["page.tsx"], "env": ["API_URL"]}}`})
	code, out, errs = ssrlint(t, dir)
	if code != 0 || strings.Contains(errs, "could not be followed") {
		t.Errorf("with the declaration: exit %d, want 0 and no warning\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
}

func TestJSONAndSARIF(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"package.json": pkgJSON,
		"app/page.tsx": `import { connect } from "../lib/sw";
export default function P() { return String(connect) }`,
		"lib/sw.ts": `import { SignalWire } from "@signalwire/js";
export const connect = () => new SignalWire();`,
	})
	code, out, errs := ssrlint(t, "--format", "json", dir)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Version     int `json:"version"`
		Diagnostics []struct {
			Rule  string   `json:"rule"`
			File  string   `json:"file"`
			Trace []string `json:"trace"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("json output: %v\n%s", err, out)
	}
	if doc.Version != 1 || len(doc.Diagnostics) != 1 || doc.Diagnostics[0].File != "lib/sw.ts" ||
		strings.Join(doc.Diagnostics[0].Trace, " → ") != "app/page.tsx → lib/sw.ts → @signalwire/js" {
		t.Errorf("unexpected json: %s", out)
	}
	outFile := filepath.Join(t.TempDir(), "out.sarif")
	code, out, errs = ssrlint(t, "--format", "sarif", "--output", outFile, dir)
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, out, errs)
	}
	data, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	var sarif struct {
		Runs []struct {
			Results []struct {
				RuleID           string            `json:"ruleId"`
				RelatedLocations []json.RawMessage `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &sarif); err != nil {
		t.Fatal(err)
	}
	if len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) != 1 || sarif.Runs[0].Results[0].RuleID != "serverimport" ||
		len(sarif.Runs[0].Results[0].RelatedLocations) != 3 {
		t.Errorf("unexpected sarif: %s", data)
	}
}

// TestSubdirectory: running inside an app analyses the whole app but the
// paths stay relative to where the user pointed.
func TestNoColorWhenPiped(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"package.json": pkgJSON,
		"app/page.tsx": `import "@signalwire/js"; export default function P() { return null }`,
	})
	_, out, _ := ssrlint(t, dir)
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour escapes in piped output:\n%q", out)
	}
	_, out, _ = ssrlint(t, "--color", "always", dir)
	if !strings.Contains(out, "\x1b[") {
		t.Errorf("no colour with --color always:\n%q", out)
	}
}

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestDemoGolden: the README's first command, byte for byte.
func TestDemoGolden(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			code, out, errs := ssrlint(t, "--format", format, "../../testdata/demo")
			if code != 1 || errs != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			// The JSON header names the absolute root; nothing else may.
			root, _ := filepath.Abs("../../testdata/demo")
			out = strings.Replace(out, `"root": "`+root+`"`, `"root": "$ROOT"`, 1)
			if wd, _ := os.Getwd(); strings.Contains(out, filepath.Dir(filepath.Dir(wd))) {
				t.Errorf("output contains an absolute path:\n%s", out)
			}
			golden := filepath.Join("testdata", "demo."+format+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s:\n%s", golden, out)
			}
		})
	}
}
