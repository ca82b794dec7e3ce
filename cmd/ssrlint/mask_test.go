package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// canary is part of every fake secret value in the fixture: it must appear
// in no output of any format.
const canary = "c4nary-7f3a9"

func leakFixture(t *testing.T, value string) string {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"package.json": pkgJSON,
		".env.local": "# rotated: PT-old-" + value + "\n" +
			"NEXT_PUBLIC_SIGNALWIRE_TOKEN=PT-" + value + "\n" +
			"export NEXT_PUBLIC_API_SECRET=\"sk-" + value + " # in quotes\" # " + value + "\n" +
			"NEXT_PUBLIC_PRIVATE_KEY=\"-----BEGIN PRIVATE KEY-----\n" + value + "\n-----END PRIVATE KEY-----\"\n" +
			"SIGNALWIRE_TOKEN=PT-" + value + "\n",
		".env":            "NEXT_PUBLIC_SIGNALWIRE_PROJECT_ID='" + value + "'\n",
		"next.config.mjs": "export default { env: { SIGNALWIRE_TOKEN: process.env.SIGNALWIRE_TOKEN } };\n",
		"app/page.tsx": `import { Call } from "./call";
export default function P() { return <Call /> }`,
		"app/call.tsx": `"use client";
export function Call() { return <p>{process.env.NEXT_PUBLIC_SIGNALWIRE_TOKEN}{process.env.SIGNALWIRE_TOKEN}</p> }`,
	})
	return dir
}

// TestEnvValuesNeverPrinted runs the CLI in every format on an app whose
// .env files hold secrets that the rules report, and checks that no value
// reaches standard output or error, while the findings in the .env files
// are there.
func TestEnvValuesNeverPrinted(t *testing.T) {
	dir := leakFixture(t, canary)
	for _, format := range []string{"text", "json", "sarif"} {
		for _, color := range []string{"never", "always"} {
			code, out, errs := ssrlint(t, "--no-cache", "--format", format, "--color", color, dir)
			if code != 1 {
				t.Fatalf("%s: exit %d, want 1\nstdout:\n%s\nstderr:\n%s", format, code, out, errs)
			}
			if strings.Contains(out+errs, canary) {
				t.Errorf("%s: a secret value was printed:\n%s\n%s", format, out, errs)
			}
			for _, want := range []string{".env.local", "NEXT_PUBLIC_SIGNALWIRE_TOKEN", "NEXT_PUBLIC_PRIVATE_KEY", "NEXT_PUBLIC_SIGNALWIRE_PROJECT_ID", "next.config.mjs"} {
				if !strings.Contains(out, want) {
					t.Errorf("%s: output does not mention %s:\n%s", format, want, out)
				}
			}
		}
	}
	_, out, _ := ssrlint(t, "--no-cache", "--color", "never", dir)
	if !strings.Contains(out, "NEXT_PUBLIC_SIGNALWIRE_TOKEN=****") {
		t.Errorf("text: no masked code frame for the .env line:\n%s", out)
	}
}

// TestEnvFindingsInSARIF: a finding in a .env file is located at its key,
// even after a multi-line value, and its fingerprint does not depend on the
// value: hashing a secret would leak it to anyone who can guess it.
func TestEnvFindingsInSARIF(t *testing.T) {
	dir := leakFixture(t, canary)
	sarif := func() (string, []byte) {
		t.Helper()
		outFile := filepath.Join(t.TempDir(), "out.sarif")
		if code, _, errs := ssrlint(t, "--no-cache", "--format", "sarif", "--output", outFile, dir); code != 1 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		data, err := os.ReadFile(outFile)
		if err != nil {
			t.Fatal(err)
		}
		return outFile, data
	}
	_, data := sarif()
	var doc struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						Region           struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
							EndColumn   int `json:"endColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, r := range doc.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation
		if r.RuleID != "publicsecret" || loc.ArtifactLocation.URI != ".env.local" {
			continue
		}
		key := strings.Fields(r.Message.Text)[0]
		want := map[string][3]int{
			"NEXT_PUBLIC_SIGNALWIRE_TOKEN": {2, 1, 29},
			"NEXT_PUBLIC_API_SECRET":       {3, 8, 30},
			"NEXT_PUBLIC_PRIVATE_KEY":      {4, 1, 24},
		}[key]
		if got := [3]int{loc.Region.StartLine, loc.Region.StartColumn, loc.Region.EndColumn}; got != want {
			t.Errorf("%s: region %v, want %v", key, got, want)
		}
		found[key] = true
	}
	if len(found) != 3 {
		t.Errorf(".env.local findings %v, want 3 keys:\n%s", found, data)
	}
	// Same app, other secret values: byte-identical SARIF.
	for name, content := range map[string]string{".env.local": "", ".env": ""} {
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		content = strings.ReplaceAll(string(b), canary, "other-value-42")
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, again := sarif(); string(again) != string(data) {
		t.Errorf("SARIF output depends on the secret values")
	}
}

func TestMaskEnvValuesOnlyTouchesEnvFiles(t *testing.T) {
	files := map[string][]byte{"/a/.env.production": []byte("A=secret\n"), "/a/app/page.tsx": []byte("const A = \"secret\";\n")}
	read := maskEnvValues(func(p string) ([]byte, error) { return files[p], nil })
	if got, _ := read("/a/.env.production"); string(got) != "A=****\n" {
		t.Errorf(".env.production read as %q", got)
	}
	if got, _ := read("/a/app/page.tsx"); string(got) != string(files["/a/app/page.tsx"]) {
		t.Errorf("page.tsx read as %q", got)
	}
}
