package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/all"
	"github.com/ssrlint/ssrlint/analyzers/serverimport"
)

// The tests in this file run the CLI end to end on small apps for the CI
// gate features: configuration, suppressions, several reports, baselines.

const serverSDKPage = `import { SignalWire } from "@signalwire/js";
export default function P() { return String(SignalWire) }
`

// jsonFindings runs ssrlint with --format json and returns the exit code
// and "file:line rule" of each finding.
func jsonFindings(t *testing.T, args ...string) (int, []string, string) {
	t.Helper()
	code, out, errs := ssrlint(t, append([]string{"--format", "json"}, args...)...)
	if code == exitError {
		return code, nil, errs
	}
	var doc struct {
		Diagnostics []struct {
			Rule     string   `json:"rule"`
			Severity string   `json:"severity"`
			File     string   `json:"file"`
			Line     int      `json:"line"`
			Message  string   `json:"message"`
			Notes    []string `json:"notes"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("json output: %v\n%s\nstderr: %s", err, out, errs)
	}
	var got []string
	for _, d := range doc.Diagnostics {
		s := d.File + ":" + itoa(d.Line) + " " + d.Rule
		if d.Severity == "warning" {
			s += " (warning)"
		}
		for _, n := range d.Notes {
			s += " [" + n + "]"
		}
		got = append(got, s)
	}
	return code, got, errs
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func sameList(got, want []string) bool {
	return strings.Join(got, "\n") == strings.Join(want, "\n")
}

func TestConfigSeverities(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"package.json": pkgJSON,
		"app/page.tsx": serverSDKPage,
		"app/legacy/page.tsx": `import "@signalwire/js";
export default function L() { return null }
`,
		"ssrlint.json": `{
  "$schema": "../../ssrlint.schema.json",
  "rules": {"serverimport": "warning"},
  "ignore": ["app/legacy"]
}`,
	})
	// Any finding fails the run by default (exit 1: findings); warnings
	// can be allowed with --max-warnings.
	code, got, errs := jsonFindings(t, dir)
	if code != exitFindings || !sameList(got, []string{"app/page.tsx:1 serverimport (warning)"}) {
		t.Errorf("exit %d, findings %q; stderr %s", code, got, errs)
	}
	if code, _, _ := jsonFindings(t, "--max-warnings", "-1", dir); code != exitClean {
		t.Errorf("--max-warnings -1 with a warning: exit %d", code)
	}
	if code, _, _ := jsonFindings(t, "--max-warnings", "1", dir); code != exitClean {
		t.Errorf("--max-warnings 1 with one warning: exit %d", code)
	}
	// A configuration found upwards from a directory inside the app.
	if code, got, _ := jsonFindings(t, filepath.Join(dir, "app")); code != exitFindings || len(got) != 1 {
		t.Errorf("from app/: exit %d, %q", code, got)
	}
	// Off, from --config.
	other := filepath.Join(t.TempDir(), "strict.json")
	write(t, filepath.Dir(other), map[string]string{"strict.json": `{"rules": {"serverimport": "off"}}`})
	if code, got, _ := jsonFindings(t, "--config", other, dir); code != exitClean || len(got) != 0 {
		t.Errorf("serverimport off: exit %d, %q", code, got)
	}
}

func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"package.json": `{"name": "t", "dependencies": {"next": "15.0.0"},
  "ssrlint": {"rules": {"serverimprt": "error"}, "packages": {"browserOnly": ["acme sdk"]}}}`,
		"app/page.tsx": serverSDKPage,
	})
	code, out, errs := ssrlint(t, dir)
	if code != exitError || out != "" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{
		`package.json:2:25: ssrlint.rules.serverimprt: unknown rule (did you mean "serverimport"?); allowed: `,
		`package.json:2:79: ssrlint.packages.browserOnly[0]: "acme sdk" is not allowed: want a package name`,
		"ssrlint: invalid configuration",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	// Two configurations in one directory.
	write(t, dir, map[string]string{"package.json": pkgJSON, "ssrlint.json": `{}`, ".ssrlintrc.json": `{}`})
	if code, _, errs := ssrlint(t, dir); code != exitError || !strings.Contains(errs, "more than one ssrlint configuration") {
		t.Errorf("two configs: exit %d, %s", code, errs)
	}
	if code, _, errs := ssrlint(t, "--config", filepath.Join(dir, "nope.json"), dir); code != exitError || !strings.Contains(errs, "nope.json: no such file") {
		t.Errorf("missing --config: exit %d, %s", code, errs)
	}
}

// TestConfigPerApp: overrides give the apps of a monorepo different
// package lists, which reach serverimport through its flags.
func TestConfigPerApp(t *testing.T) {
	dir := t.TempDir()
	page := `import { Player } from "@acme/player";
export default function P() { return String(Player) }
`
	write(t, dir, map[string]string{
		"package.json":            `{"name": "mono", "private": true, "workspaces": ["apps/*"]}`,
		"apps/kiosk/package.json": `{"name": "kiosk", "dependencies": {"next": "15.0.0"}}`,
		"apps/kiosk/app/page.tsx": page,
		"apps/web/package.json":   `{"name": "web", "dependencies": {"next": "15.0.0"}}`,
		"apps/web/app/page.tsx":   page,
		"apps/admin/package.json": `{"name": "admin", "dependencies": {"next": "15.0.0"}}`,
		"apps/admin/app/page.tsx": serverSDKPage,
		"ssrlint.json": `{
  "overrides": [
    {"apps": ["apps/kiosk"], "packages": {"browserOnly": ["@acme/player"]}},
    {"apps": ["apps/admin"], "rules": {"serverimport": "off"}},
    {"apps": ["apps/typo"], "globals": ["X"]}
  ]
}`,
	})
	code, got, errs := jsonFindings(t, dir)
	if code != exitFindings || !sameList(got, []string{"apps/kiosk/app/page.tsx:1 serverimport"}) {
		t.Errorf("exit %d, findings %q\n%s", code, got, errs)
	}
	if !strings.Contains(errs, `overrides[2].apps ["apps/typo"] matches no app`) {
		t.Errorf("no warning for the override that matches nothing:\n%s", errs)
	}
	// The per-app values were set for the kiosk's pass only, and put back.
	if v := serverimport.Analyzer.Flags.Lookup("packages").Value.String(); v != "" {
		t.Errorf("serverimport -packages is %q after the run", v)
	}
}

// TestEnvSuppressions: in .env files suppressions are # comments, alone on
// the line before the entry or after its value.
func TestEnvSuppressions(t *testing.T) {
	if all.ByName("publicsecret") == nil {
		t.Skip("no rule reports on .env files in this build")
	}
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"package.json": pkgJSON,
		"app/page.tsx": "export default function P() { return null }\n",
		".env":         "NEXT_PUBLIC_SIGNALWIRE_TOKEN=abc\nNEXT_PUBLIC_API_SECRET=x\n",
	})
	if code, got, _ := jsonFindings(t, dir); code != exitFindings || !sameList(got, []string{".env:1 publicsecret", ".env:2 publicsecret"}) {
		t.Fatalf("without suppressions: exit %d, %q", code, got)
	}
	write(t, dir, map[string]string{".env": "# ssrlint-ignore publicsecret -- a token for the local mock server\n" +
		"NEXT_PUBLIC_SIGNALWIRE_TOKEN=abc\n" +
		"NEXT_PUBLIC_API_SECRET=x # ssrlint-ignore publicsecret -- also the mock's\n"})
	if code, got, errs := jsonFindings(t, dir); code != exitClean || len(got) != 0 {
		t.Errorf("suppressed: exit %d, %q\n%s", code, got, errs)
	}
}

func TestSuppressionsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"package.json": pkgJSON,
		"app/page.tsx": `// ssrlint-ignore serverimport -- the SDK is mocked in this preview route
import { SignalWire } from "@signalwire/js";
import { Widget } from "./widget";
export default function P() { return <Widget s={String(SignalWire)} /> }
`,
		"app/widget.tsx": `// ssrlint-ignore serverimport -- stale: nothing to suppress
export function Widget(p: { s: string }) {
  return (
    <div>
      {/* ssrlint-ignore moduleglobal */}
      {p.s}
    </div>
  );
}
`,
		"app/other/page.tsx": `// ssrlint-ignore-file serverimport -- a design-system sandbox page
import "@signalwire/js";
// ssrlint-ignore serverimport,nosuchrule -- one known, one not
export default function O() { return null }
`,
		"app/env/page.tsx": "export default function E() { return null }\n",
		".env":             "# ssrlint-ignore publicsecret -- no finding here\nNEXT_PUBLIC_X=1\n",
	})
	code, got, errs := jsonFindings(t, dir)
	want := []string{
		".env:1 suppression",
		"app/other/page.tsx:3 suppression", // unknown rule
		"app/other/page.tsx:3 suppression", // unused serverimport
		"app/widget.tsx:1 suppression",     // unused
		"app/widget.tsx:5 suppression",     // no reason
	}
	if code != exitFindings || !sameList(got, want) {
		t.Errorf("exit %d, findings:\n%s\nwant:\n%s\nstderr: %s", code, strings.Join(got, "\n"), strings.Join(want, "\n"), errs)
	}
	_, out, _ := ssrlint(t, dir)
	for _, msg := range []string{
		"app/widget.tsx:1:1: error: ssrlint-ignore serverimport suppresses no finding on line 2: remove it [suppression]",
		"app/widget.tsx:5:8: error: malformed suppression: a reason is required: write ssrlint-ignore moduleglobal -- <why this finding is fine> [suppression]",
		`ssrlint-ignore names unknown rule "nosuchrule"`,
		`app/other/page.tsx:3:1: error: ssrlint-ignore serverimport suppresses no finding on line 4: remove it`,
	} {
		if !strings.Contains(out, msg) {
			t.Errorf("text output lacks %q:\n%s", msg, out)
		}
	}
	// The suppression rule is configured like the others.
	write(t, dir, map[string]string{"ssrlint.json": `{"rules": {"suppression": "off"}}`})
	if code, got, _ := jsonFindings(t, dir); code != exitClean || len(got) != 0 {
		t.Errorf("suppression off: exit %d, %q", code, got)
	}
}

func TestSeveralReports(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"package.json": pkgJSON, "app/page.tsx": serverSDKPage})
	outDir := t.TempDir()
	sarif, junit, checkstyle := filepath.Join(outDir, "r.sarif"), filepath.Join(outDir, "r.xml"), filepath.Join(outDir, "c.xml")
	t.Setenv("GITHUB_WORKSPACE", dir)
	code, out, errs := ssrlint(t, "--format", "sarif", "--output", sarif, "--output", junit, "--format", "junit",
		"--format", "github", "--format", "checkstyle", "--output", checkstyle, dir)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "::error file=app/page.tsx,line=1,col=1,endLine=1,endColumn=45,title=ssrlint serverimport::browser-only @signalwire/js") {
		t.Errorf("github report on stdout:\n%s", out)
	}
	for file, want := range map[string]string{sarif: `"ruleId": "serverimport"`, junit: `<testcase name="app/page.tsx:1:1 serverimport"`, checkstyle: `source="ssrlint.serverimport"`} {
		data, err := os.ReadFile(file)
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %q (%v):\n%s", file, want, err, data)
		}
	}
	for _, tc := range []struct {
		args []string
		err  string
	}{
		{[]string{"--format", "json", "--format", "text"}, "2 reports write to standard output"},
		{[]string{"--format", "json", "--output", "a", "--format", "sarif", "--output", "a"}, "two reports write to a"},
		{[]string{"--format", "yaml"}, `unknown --format "yaml"`},
		{[]string{"--fix", "--diff"}, "cannot be combined"},
		{[]string{"--staged", "--new-from-rev", "HEAD"}, "cannot be combined"},
	} {
		if code, _, errs := ssrlint(t, append(tc.args, dir)...); code != exitError || !strings.Contains(errs, tc.err) {
			t.Errorf("%q: exit %d, stderr %s", tc.args, code, errs)
		}
	}
}

// TestBaseline: record the findings, move code around, add a finding: only
// the new one is reported.
func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"package.json": pkgJSON,
		"app/page.tsx": serverSDKPage,
		"app/rooms/page.tsx": `import "@signalwire/js";
import "@signalwire/js";
export default function R() { return null }
`,
	})
	base := filepath.Join(dir, ".ssrlint-baseline.json")
	code, out, errs := ssrlint(t, "--write-baseline", base, dir)
	if code != exitClean || out != "" || !strings.Contains(errs, "recorded 3 finding(s)") {
		t.Fatalf("write-baseline: exit %d, stdout %q, stderr %s", code, out, errs)
	}
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	var doc baselineFile
	if err := json.Unmarshal(data, &doc); err != nil || doc.Version != 1 || len(doc.Findings) != 2 || doc.Findings[1].Count != 2 || doc.Findings[0].File != "app/page.tsx" {
		t.Fatalf("baseline (%v):\n%s", err, data)
	}
	if code, got, _ := jsonFindings(t, "--baseline", base, dir); code != exitClean || len(got) != 0 {
		t.Errorf("with the baseline: exit %d, %q", code, got)
	}
	// Lines added above the findings, and a new finding.
	write(t, dir, map[string]string{
		"app/page.tsx": "// a comment\n\n" + serverSDKPage,
		"app/rooms/page.tsx": `// moved down
import "@signalwire/js";
import "@signalwire/js";
import "@signalwire/web-components";
export default function R() { return null }
`,
	})
	code, got, errs := jsonFindings(t, "--baseline", base, dir)
	if code != exitFindings || !sameList(got, []string{"app/rooms/page.tsx:4 serverimport"}) {
		t.Errorf("after moving lines: exit %d, %q\n%s", code, got, errs)
	}
	// A recorded finding that is fixed is noted, so the baseline can shrink.
	write(t, dir, map[string]string{"app/page.tsx": "export default function P() { return null }\n"})
	if _, _, errs := jsonFindings(t, "--baseline", base, dir); !strings.Contains(errs, "1 finding(s) recorded in") {
		t.Errorf("no note about the gone finding:\n%s", errs)
	}
	write(t, dir, map[string]string{"bad.json": `{"version": 9, "tool": "ssrlint", "findings": []}`})
	if code, _, errs := ssrlint(t, "--baseline", filepath.Join(dir, "bad.json"), dir); code != exitError || !strings.Contains(errs, "baseline version 9") {
		t.Errorf("bad baseline: exit %d, %s", code, errs)
	}
}
