package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The SARIF output is checked by two independent validators:
//
//   - Microsoft's SARIF Multitool ("validate"), which runs the SARIF rules
//     (SARIF1xxx/2xxx) and GitHub code scanning's ingestion rules (GHxxxx),
//     but whose schema check lets enum and minimum violations through
//     (checked for Multitool 5.7.0: "level": "fatal" and "startLine": 0 pass);
//   - the SARIF 2.1.0 JSON schema shipped in the same npm package, applied
//     with a complete JSON Schema validator, which catches those.
//
// Both come from scripts/install-sarif-multitool.sh. Without them the tests
// skip, except under CI, where a missing tool is a failure.

const multitoolPkg = ".tools/sarif/node_modules/@microsoft/sarif-multitool-linux"

// requireTool returns the path named by env or found at rel under the
// repository root.
func requireTool(t *testing.T, env, rel string) string {
	t.Helper()
	p := os.Getenv(env)
	if p == "" {
		if repo, err := repoRoot(); err == nil {
			p = filepath.Join(repo, filepath.FromSlash(rel))
		}
	}
	if p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("%s not found (set %s, or run: bash scripts/install-sarif-multitool.sh)", path.Base(rel), env)
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the test directory")
		}
		dir = parent
	}
}

// multitoolConfig turns on the GitHub code scanning rules GH1001-GH1007 as
// errors: "--rule-kind Ghas" alone selects them, but they are disabled by
// default and would silently not run. It turns off SARIF2006, which fetches
// every URI in the log over HTTP; a test must not depend on the network.
const multitoolConfig = `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="GH1001.ProvideRequiredLocationProperties.Options"><Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" /></Properties>
  <Properties Key="GH1002.InlineThreadFlowLocations.Options"><Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" /></Properties>
  <Properties Key="GH1003.ProvideRequiredRegionProperties.Options"><Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" /></Properties>
  <Properties Key="GH1004.ReviewArraysThatExceedConfigurableDefaults.Options"><Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" /></Properties>
  <Properties Key="GH1005.LocationsMustBeRelativeUrisOrFilePaths.Options"><Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" /></Properties>
  <Properties Key="GH1006.ProvideCheckoutPath.Options"><Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" /></Properties>
  <Properties Key="GH1007.ProvideFullyFormattedMessageStrings.Options"><Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" /></Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options"><Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" /></Properties>
</Properties>
`

// finding is one result of a Multitool validation run.
type finding struct {
	level, ruleID, text string
}

func (f finding) String() string { return f.level + " " + f.ruleID + ": " + f.text }

// validateWithMultitool runs "Sarif.Multitool validate" on the given SARIF
// files and returns its results per file base name. The Multitool exits 0
// whatever it finds: the verdict is in the SARIF log it writes with -o, so
// that log is parsed, and a missing log, a failed invocation or an
// error-level tool notification fails the test.
func validateWithMultitool(t *testing.T, bin string, files ...string) map[string][]finding {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "validation.sarif")
	config := filepath.Join(dir, "config.xml")
	if err := os.WriteFile(config, []byte(multitoolConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	// The files go first: list-valued options such as --level consume the
	// arguments after them.
	args := append(append([]string{"validate"}, files...),
		"--rule-kind", "Sarif;Ghas", // SARIF rules plus GitHub code scanning's
		"--config", config,
		"--level", "Error;Warning;Note",
		"--output", out)
	cmd := exec.Command(bin, args...)
	cmd.Env = os.Environ()
	if os.Getenv("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT") == "" {
		// The Multitool is a self-contained .NET program; .NET aborts at
		// start-up when it finds no libicu it supports. Validation does not
		// depend on culture data, so invariant mode is always safe.
		cmd.Env = append(cmd.Env, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1")
	}
	console, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", bin, strings.Join(args, " "), err, console)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("the Multitool wrote no log: %v\n%s", err, console)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID             string `json:"id"`
						MessageStrings map[string]struct{ Text string }
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Invocations []struct {
				ExecutionSuccessful       bool `json:"executionSuccessful"`
				ToolExecutionNotification []struct {
					Level   string `json:"level"`
					Message struct{ Text string }
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Results *[]struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text      string   `json:"text"`
					ID        string   `json:"id"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 || log.Runs[0].Results == nil || len(log.Runs[0].Invocations) == 0 {
		t.Fatalf("unexpected Multitool log (%v):\n%s\nconsole:\n%s", err, data, console)
	}
	run := log.Runs[0]
	for _, inv := range run.Invocations {
		if !inv.ExecutionSuccessful {
			t.Fatalf("Multitool execution failed:\n%s\n%s", data, console)
		}
		for _, n := range inv.ToolExecutionNotification {
			if n.Level == "error" {
				t.Fatalf("Multitool error notification: %s\n%s", n.Message.Text, console)
			}
		}
	}
	placeholder := regexp.MustCompile(`\{(\d+)\}`)
	byFile := map[string][]finding{}
	for _, r := range *run.Results {
		f := finding{level: r.Level, ruleID: r.RuleID, text: r.Message.Text}
		if f.level == "" {
			f.level = "warning" // SARIF's default result level
		}
		if f.text == "" && r.RuleIndex >= 0 && r.RuleIndex < len(run.Tool.Driver.Rules) {
			tmpl := run.Tool.Driver.Rules[r.RuleIndex].MessageStrings[r.Message.ID].Text
			f.text = placeholder.ReplaceAllStringFunc(tmpl, func(m string) string {
				var i int
				fmt.Sscanf(m, "{%d}", &i)
				if i < len(r.Message.Arguments) {
					return r.Message.Arguments[i]
				}
				return m
			})
		}
		file := "?"
		if len(r.Locations) > 0 {
			if u, err := url.Parse(r.Locations[0].PhysicalLocation.ArtifactLocation.URI); err == nil {
				file = path.Base(u.Path)
			}
		}
		byFile[file] = append(byFile[file], f)
	}
	return byFile
}

func errorsOf(fs []finding) []finding {
	var errs []finding
	for _, f := range fs {
		if f.level == "error" {
			errs = append(errs, f)
		}
	}
	return errs
}

// mutate decodes doc, lets change edit it and re-encodes it.
func mutate(t *testing.T, doc []byte, change func(log map[string]any)) []byte {
	t.Helper()
	var log map[string]any
	if err := json.Unmarshal(doc, &log); err != nil {
		t.Fatal(err)
	}
	change(log)
	out, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// obj walks a decoded JSON document by keys and indexes.
func obj(v any, keys ...any) map[string]any {
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v.(map[string]any)
}

func TestSARIFMultitoolValidate(t *testing.T) {
	bin := requireTool(t, "SSRLINT_SARIF_MULTITOOL", multitoolPkg+"/Sarif.Multitool")
	fx := newFixture(t, sources)
	good := render(t, "sarif", fx, fx.diagnostics(t), false)
	empty := render(t, "sarif", fx, nil, false)

	// Deliberately broken documents: each must produce an error, or the check
	// could pass without looking at anything.
	broken := map[string]struct {
		doc  []byte
		rule string // the error the Multitool must report
	}{
		"broken-no-driver-name.sarif": {mutate(t, good, func(l map[string]any) {
			delete(obj(l, "runs", 0, "tool", "driver"), "name")
		}), "JSON1002"}, // schema: required property missing
		"broken-base-uri.sarif": {mutate(t, good, func(l map[string]any) {
			obj(l, "runs", 0, "originalUriBaseIds", "%SRCROOT%")["uri"] = "file:///work/demo"
		}), "SARIF1004"}, // SARIF rule: a base URI must end in a slash
		"broken-absolute-location.sarif": {mutate(t, good, func(l map[string]any) {
			a := obj(l, "runs", 0, "results", 0, "locations", 0, "physicalLocation", "artifactLocation")
			a["uri"] = "file:///work/demo/" + a["uri"].(string)
			delete(a, "uriBaseId")
		}), "GH1006"}, // GitHub rule: no checkout path for an absolute location
	}

	dir := t.TempDir()
	files := []string{filepath.Join(dir, "ssrlint.sarif"), filepath.Join(dir, "empty.sarif")}
	if err := os.WriteFile(files[0], good, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(files[1], empty, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, b := range broken {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b.doc, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}

	results := validateWithMultitool(t, bin, files...)

	for name, doc := range map[string][]byte{"ssrlint.sarif": good, "empty.sarif": empty} {
		for _, f := range results[name] {
			t.Logf("%s: %s", name, f) // warnings and notes are advice, shown with -v
		}
		if errs := errorsOf(results[name]); len(errs) > 0 {
			t.Errorf("the Multitool reports errors in %s:\n%v\ndocument:\n%s", name, errs, doc)
		}
	}
	for name, b := range broken {
		errs := errorsOf(results[name])
		found := false
		for _, f := range errs {
			found = found || f.ruleID == b.rule
		}
		if !found {
			t.Errorf("%s: the Multitool did not report %s; errors: %v", name, b.rule, errs)
		}
	}
}

// compileSARIFSchema compiles the SARIF 2.1.0 schema shipped with the
// Multitool, asserting formats such as "uri".
func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	p := requireTool(t, "SSRLINT_SARIF_SCHEMA", multitoolPkg+"/sarif-2.1.0.json")
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const id = "https://json.schemastore.org/sarif-2.1.0.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatalf("compiling %s: %v", p, err)
	}
	return sch
}

func validateSchema(sch *jsonschema.Schema, doc []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

func TestSARIFSchema(t *testing.T) {
	sch := compileSARIFSchema(t)
	fx := newFixture(t, sources)
	good := render(t, "sarif", fx, fx.diagnostics(t), false)
	if err := validateSchema(sch, good); err != nil {
		t.Errorf("output violates the SARIF 2.1.0 schema: %v", err)
	}
	if err := validateSchema(sch, render(t, "sarif", fx, nil, false)); err != nil {
		t.Errorf("empty output violates the SARIF 2.1.0 schema: %v", err)
	}
	// The violations the Multitool lets through must fail here.
	for name, change := range map[string]func(map[string]any){
		"bad level": func(l map[string]any) { obj(l, "runs", 0, "results", 0)["level"] = "fatal" },
		"line 0": func(l map[string]any) {
			obj(l, "runs", 0, "results", 0, "locations", 0, "physicalLocation", "region")["startLine"] = 0
		},
		"bad uri":     func(l map[string]any) { obj(l, "runs", 0, "tool", "driver")["informationUri"] = "not a uri" },
		"column kind": func(l map[string]any) { obj(l, "runs", 0)["columnKind"] = "bytes" },
	} {
		if err := validateSchema(sch, mutate(t, good, change)); err == nil {
			t.Errorf("%s: schema validation passed a broken document", name)
		}
	}
}
