package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"go/token"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/tools/go/analysis"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// root is the synthetic scanned root of the fixture. Nothing is read from
// disk: ReadFile serves the in-memory sources below.
const root = "/work/demo"

var sources = map[string]string{
	"app/rooms/page.tsx": `import { SignalWire } from "@signalwire/js";

export default function Page() {
  return <Room />;
}
`,
	"lib/sw.ts": `export { SignalWire } from "@signalwire/js";
`,
	// Non-ASCII before the range: é and ö are 2 bytes and 1 UTF-16 unit,
	// the globe is 4 bytes, 2 UTF-16 units and 2 terminal cells.
	"app/[lang]/café/page.tsx": `const greeting = "héllo 🌍 wörld"; const w = window.innerWidth;
`,
	// Tabs before the range, and a space in the path.
	"app/my page/layout.tsx": "export default function Layout() {\n\tif (typeof document !== \"undefined\") {\n\t\tdocument.title = \"x\";\n\t}\n}\n",
	"app/dash/page.tsx": `"use client";
const x = useEffect(() => {
  new SignalWire();
}, []);
`,
}

var testRules = []Rule{
	{Name: "serverimport", Short: "browser-only SDK imported by server code", Severity: SeverityError,
		Doc:     "# serverimport\n\n## What it does\n\nReports a browser-only SDK that a Server Component imports,\ndirectly or through other modules.\n\n## Why is this bad?\n\nThe SDK touches `window` at import time.\n",
		HelpURI: "https://github.com/ssrlint/ssrlint/blob/main/rules/serverimport.md"},
	{Name: "browserglobal", Short: "browser global used during server rendering", Severity: SeverityWarning},
	{Name: "clientboundary", Short: "client boundary problem", Severity: SeverityError, Doc: "Reports misplaced \"use client\" directives."},
	{Name: "effectsdk", Short: "SDK constructed in an effect without cleanup", Severity: SeverityWarning},
	{Name: "envleak", Short: "server secret reaches client code", Severity: SeverityError}, // reports nothing here
}

// fixture is a FileSet over sources plus helpers to make positions.
type fixture struct {
	fset  *token.FileSet
	files map[string]*token.File
	srcs  map[string]string // by relative path
}

func newFixture(t *testing.T, srcs map[string]string) *fixture {
	t.Helper()
	fx := &fixture{fset: token.NewFileSet(), files: map[string]*token.File{}, srcs: srcs}
	// Add files in a fixed order so token.Pos values are deterministic.
	for _, rel := range sortedKeys(srcs) {
		src := srcs[rel]
		f := fx.fset.AddFile(filepath.Join(root, filepath.FromSlash(rel)), -1, len(src))
		f.SetLinesForContent([]byte(src))
		fx.files[rel] = f
	}
	return fx
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// pos returns the position of the n-th byte of the first occurrence of sub.
func (fx *fixture) pos(t *testing.T, rel, sub string) token.Pos {
	t.Helper()
	i := strings.Index(fx.srcs[rel], sub)
	if i < 0 {
		t.Fatalf("%q not in %s", sub, rel)
	}
	return fx.files[rel].Pos(i)
}

// end returns the position just after the first occurrence of sub.
func (fx *fixture) end(t *testing.T, rel, sub string) token.Pos {
	t.Helper()
	return fx.pos(t, rel, sub) + token.Pos(len(sub))
}

func (fx *fixture) options(color bool) Options {
	return Options{
		Root:    root,
		Color:   color,
		Version: "0.0.0-test",
		ReadFile: func(path string) ([]byte, error) {
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return nil, err
			}
			src, ok := fx.srcs[filepath.ToSlash(rel)]
			if !ok {
				return nil, fs.ErrNotExist
			}
			return []byte(src), nil
		},
	}
}

// diagnostics builds the fixture's findings, deliberately out of order.
func (fx *fixture) diagnostics(t *testing.T) []Diagnostic {
	const page = "app/rooms/page.tsx"
	importLine := `import { SignalWire } from "@signalwire/js";`
	return []Diagnostic{
		{ // a multi-line range
			Diagnostic: analysis.Diagnostic{
				Pos:     fx.pos(t, "app/dash/page.tsx", "useEffect("),
				End:     fx.end(t, "app/dash/page.tsx", "}, [])"),
				Message: "SignalWire is constructed in an effect without cleanup",
			},
			Rule: "effectsdk",
		},
		{ // tabs before the range, no End
			Diagnostic: analysis.Diagnostic{
				Pos:     fx.pos(t, "app/my page/layout.tsx", "document.title"),
				Message: "document is not defined during server rendering",
			},
			Rule:     "browserglobal",
			Severity: SeverityError, // configured above the rule's default
			Notes:    []string{"reported because app/my page/page.tsx changed (line 2)"},
		},
		{ // trace, related information, help and a fix
			Diagnostic: analysis.Diagnostic{
				Pos:     fx.pos(t, page, importLine),
				End:     fx.end(t, page, importLine),
				Message: "@signalwire/js is imported by a Server Component",
				Related: []analysis.RelatedInformation{
					{Pos: fx.pos(t, "lib/sw.ts", `"@signalwire/js"`), End: fx.end(t, "lib/sw.ts", `"@signalwire/js"`), Message: "lib/sw.ts re-exports @signalwire/js"},
				},
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   "Mark the page as a Client Component",
					TextEdits: []analysis.TextEdit{{Pos: fx.files[page].Pos(0), NewText: []byte("\"use client\";\n\n")}},
				}},
			},
			Rule:  "serverimport",
			Trace: []string{"app/rooms/page.tsx", "lib/sw.ts", "@signalwire/js"},
			Help:  `move the SDK into a "use client" component, or load it with next/dynamic { ssr: false }`,
		},
		{ // non-ASCII before the range
			Diagnostic: analysis.Diagnostic{
				Pos:     fx.pos(t, "app/[lang]/café/page.tsx", "window.innerWidth"),
				End:     fx.end(t, "app/[lang]/café/page.tsx", "window.innerWidth"),
				Message: "window is not defined during server rendering",
				SuggestedFixes: []analysis.SuggestedFix{{
					Message: "Guard the access",
					TextEdits: []analysis.TextEdit{
						{Pos: fx.pos(t, "app/[lang]/café/page.tsx", "window.innerWidth"), End: fx.end(t, "app/[lang]/café/page.tsx", "window.innerWidth"),
							NewText: []byte(`(typeof window === "undefined" ? 0 : window.innerWidth)`)},
					},
				}},
			},
			Rule: "browserglobal",
		},
		{ // same position as serverimport: sorted by rule
			Diagnostic: analysis.Diagnostic{
				Pos:     fx.pos(t, page, importLine),
				Message: "page.tsx has no \"use client\" directive but imports client-only code",
			},
			Rule: "clientboundary",
		},
	}
}

func render(t *testing.T, format string, fx *fixture, diags []Diagnostic, color bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, fx.fset, diags, testRules, fx.options(color)); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test -update if the change is intended)\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

func TestGolden(t *testing.T) {
	fx := newFixture(t, sources)
	diags := fx.diagnostics(t)
	for _, tc := range []struct {
		golden, format string
		color          bool
	}{
		{"text.golden", "text", false},
		{"text-color.golden", "text", true},
		{"json.golden", "json", false},
		{"sarif.golden", "sarif", false},
		{"github.golden", "github", false},
		{"checkstyle.golden", "checkstyle", false},
		{"junit.golden", "junit", false},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			checkGolden(t, tc.golden, render(t, tc.format, fx, diags, tc.color))
		})
	}
}

func TestTextShape(t *testing.T) {
	fx := newFixture(t, sources)
	diags := fx.diagnostics(t)
	out := string(render(t, "text", fx, diags, false))
	want := `app/rooms/page.tsx:1:1: error: @signalwire/js is imported by a Server Component [serverimport]
  1 │ import { SignalWire } from "@signalwire/js";
    │ ` + strings.Repeat("^", len(`import { SignalWire } from "@signalwire/js";`)) + `
  = import trace: app/rooms/page.tsx → lib/sw.ts → @signalwire/js
  = help: move the SDK into a "use client" component, or load it with next/dynamic { ssr: false }
  = see: ssrlint explain serverimport
`
	if !strings.Contains(out, want) {
		t.Errorf("text output lacks the serverimport frame:\n%s\nwant:\n%s", out, want)
	}
	if !strings.HasSuffix(out, "\n5 problems (3 errors, 2 warnings) in 4 files\n") {
		t.Errorf("bad summary line in:\n%s", out)
	}
	if strings.Contains(out, "\x1b") {
		t.Error("colour escapes printed with Color off")
	}
	if c := string(render(t, "text", fx, diags, true)); !strings.Contains(c, "\x1b[31m") {
		t.Error("no colour escapes with Color on")
	}

	// Headers come sorted by path, line, column, rule.
	var headers []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "app/") || strings.HasPrefix(l, "lib/") {
			headers = append(headers, l[:strings.Index(l, ": ")])
		}
	}
	wantHeaders := []string{"app/[lang]/café/page.tsx:1:50", "app/dash/page.tsx:2:11", "app/my page/layout.tsx:3:3", "app/rooms/page.tsx:1:1", "app/rooms/page.tsx:1:1"}
	if !reflect.DeepEqual(headers, wantHeaders) {
		t.Errorf("headers = %q, want %q", headers, wantHeaders)
	}
	if strings.Index(out, "[clientboundary]") > strings.Index(out, "[serverimport]") {
		t.Error("diagnostics at one position are not sorted by rule")
	}
}

// frameFor returns the source and caret lines printed under the header that
// starts with prefix.
func frameFor(t *testing.T, out, prefix string) (src, carets string) {
	t.Helper()
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) && i+2 < len(lines) {
			_, src, _ = strings.Cut(lines[i+1], "│ ")
			_, carets, _ = strings.Cut(lines[i+2], "│ ")
			return src, carets
		}
	}
	t.Fatalf("no frame for %q in:\n%s", prefix, out)
	return "", ""
}

func TestCaretAlignment(t *testing.T) {
	fx := newFixture(t, sources)
	out := string(render(t, "text", fx, fx.diagnostics(t), false))

	// Tabs: expanded in the source line, so the carets line up with spaces.
	src, carets := frameFor(t, out, "app/my page/layout.tsx:3:3")
	if strings.Contains(src, "\t") {
		t.Errorf("tab printed in frame %q", src)
	}
	if col := strings.Index(src, "document"); col != len(carets)-1 || carets[col] != '^' {
		t.Errorf("caret not under document (no End: one caret):\n%s\n%s", src, carets)
	}

	// Non-ASCII: the globe takes two cells, é and ö one each.
	src, carets = frameFor(t, out, "app/[lang]/café/page.tsx")
	prefix := `const greeting = "héllo 🌍 wörld"; const w = `
	cells := len([]rune(prefix)) + 1
	if strings.TrimLeft(carets, " ") != strings.Repeat("^", len("window.innerWidth")) || len(carets)-len(strings.TrimLeft(carets, " ")) != cells {
		t.Errorf("carets misaligned under window.innerWidth:\n%s\n%s", src, carets)
	}

	// Multi-line range: underlined to the end of the first line.
	src, carets = frameFor(t, out, "app/dash/page.tsx:2:11")
	if want := strings.Repeat(" ", len("const x = ")) + strings.Repeat("^", len("useEffect(() => {")); carets != want || src != "const x = useEffect(() => {" {
		t.Errorf("multi-line frame:\n%s\n%s", src, carets)
	}
}

func TestDrawLine(t *testing.T) {
	for _, tc := range []struct {
		text               string
		start, end         int
		shown              string
		wantPad, wantWidth int
	}{
		{"abc", 1, 2, "abc", 1, 1},
		{"\tx", 1, 2, "    x", 4, 1},
		{"a\tx", 2, 3, "a   x", 4, 1},
		{"日本x", 6, 7, "日本x", 4, 1},         // wide characters take two cells
		{"abc", 3, 3, "abc", 3, 1},         // empty range at end of line: one caret
		{"ab", 1, 10, "ab", 1, 9},          // end past the line: counted in bytes
		{"a\x1bb", 2, 3, "a\uFFFDb", 2, 1}, // control characters never reach the terminal
	} {
		shown, pad, width := drawLine(tc.text, tc.start, tc.end)
		if shown != tc.shown || pad != tc.wantPad || width != tc.wantWidth {
			t.Errorf("drawLine(%q, %d, %d) = %q, %d, %d; want %q, %d, %d", tc.text, tc.start, tc.end, shown, pad, width, tc.shown, tc.wantPad, tc.wantWidth)
		}
	}
}

func TestNoDiagnostics(t *testing.T) {
	fx := newFixture(t, sources)
	if out := render(t, "text", fx, nil, true); len(out) != 0 {
		t.Errorf("text printed %q for no diagnostics", out)
	}
	var doc JSONReport
	if err := json.Unmarshal(render(t, "json", fx, nil, false), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Diagnostics == nil || len(doc.Diagnostics) != 0 || doc.Summary.Problems != 0 {
		t.Errorf("json for no diagnostics: %+v", doc)
	}
	log := decodeSARIF(t, render(t, "sarif", fx, nil, false))
	run := log.Runs[0]
	if run.Results == nil || len(run.Results) != 0 {
		t.Errorf("sarif results = %v, want []", run.Results)
	}
	if len(run.Tool.Driver.Rules) != len(testRules) {
		t.Errorf("sarif lists %d rules, want all %d", len(run.Tool.Driver.Rules), len(testRules))
	}
}

func TestUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, "xml", token.NewFileSet(), nil, nil, Options{})
	if err == nil || !strings.Contains(err.Error(), "xml") {
		t.Errorf("Write(xml) error = %v", err)
	}
	for _, f := range Formats() {
		if err := Write(&bytes.Buffer{}, f, token.NewFileSet(), nil, nil, Options{}); err != nil {
			t.Errorf("Write(%s): %v", f, err)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	fx := newFixture(t, sources)
	for _, f := range Formats() {
		err := Write(failingWriter{}, f, fx.fset, fx.diagnostics(t), testRules, fx.options(false))
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("Write(%s) to a failing writer: %v", f, err)
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	fx := newFixture(t, sources)
	out := render(t, "json", fx, fx.diagnostics(t), false)

	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	var doc JSONReport
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("output does not decode into JSONReport: %v", err)
	}
	var again bytes.Buffer
	enc := json.NewEncoder(&again)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), out) {
		t.Errorf("re-encoding changed the document:\n%s\nvs\n%s", again.Bytes(), out)
	}

	if doc.Version != 1 || doc.Tool != (JSONTool{Name: "ssrlint", Version: "0.0.0-test"}) || doc.Root != root {
		t.Errorf("header = %d %+v %q", doc.Version, doc.Tool, doc.Root)
	}
	if doc.Summary != (JSONSummary{Problems: 5, Errors: 3, Warnings: 2, Files: 4}) {
		t.Errorf("summary = %+v", doc.Summary)
	}
	var si JSONDiagnostic
	for _, d := range doc.Diagnostics {
		if d.Rule == "serverimport" {
			si = d
		}
	}
	want := JSONDiagnostic{
		Rule: "serverimport", Severity: SeverityError,
		Message: "@signalwire/js is imported by a Server Component",
		File:    "app/rooms/page.tsx", Line: 1, Column: 1, EndLine: 1, EndColumn: 45,
		Trace:   []string{"app/rooms/page.tsx", "lib/sw.ts", "@signalwire/js"},
		Related: []JSONRelated{{File: "lib/sw.ts", Line: 1, Column: 28, EndLine: 1, EndColumn: 44, Message: "lib/sw.ts re-exports @signalwire/js"}},
		Help:    `move the SDK into a "use client" component, or load it with next/dynamic { ssr: false }`,
		Notes:   []string{},
		Fixes: []JSONFix{{Message: "Mark the page as a Client Component", Edits: []JSONEdit{{
			File: "app/rooms/page.tsx", Offset: 0, EndOffset: 0, Line: 1, Column: 1, EndLine: 1, EndColumn: 1, NewText: "\"use client\";\n\n",
		}}}},
	}
	if !reflect.DeepEqual(si, want) {
		t.Errorf("serverimport diagnostic =\n%+v\nwant\n%+v", si, want)
	}
}

// The types below decode only what the structural SARIF test checks.
type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				Version        string `json:"version"`
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID               string `json:"id"`
					ShortDescription struct{ Text string }
					FullDescription  struct{ Text string }
					Help             struct{ Text, Markdown string }
					HelpURI          string                 `json:"helpUri"`
					Default          struct{ Level string } `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		ColumnKind         string                          `json:"columnKind"`
		Results            []sarifDocResult                `json:"results"`
	} `json:"runs"`
}

type sarifDocResult struct {
	RuleID              string `json:"ruleId"`
	RuleIndex           *int   `json:"ruleIndex"`
	Level               string `json:"level"`
	Message             struct{ Text string }
	Locations           []sarifDocLocation `json:"locations"`
	RelatedLocations    []sarifDocLocation `json:"relatedLocations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Fixes               []struct {
		Description     struct{ Text string }
		ArtifactChanges []struct {
			ArtifactLocation sarifDocArtifact `json:"artifactLocation"`
			Replacements     []struct {
				DeletedRegion   sarifDocRegion `json:"deletedRegion"`
				InsertedContent *struct{ Text string }
			}
		} `json:"artifactChanges"`
	} `json:"fixes"`
}

type sarifDocLocation struct {
	ID               *int `json:"id"`
	PhysicalLocation struct {
		ArtifactLocation sarifDocArtifact `json:"artifactLocation"`
		Region           sarifDocRegion   `json:"region"`
	} `json:"physicalLocation"`
	Message struct{ Text string }
}

type sarifDocArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifDocRegion struct {
	StartLine, StartColumn, EndLine, EndColumn int
}

func decodeSARIF(t *testing.T, data []byte) sarifDoc {
	t.Helper()
	var doc sarifDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("sarif output is not JSON: %v", err)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("sarif has %d runs, want exactly 1", len(doc.Runs))
	}
	return doc
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

func TestSARIFStructure(t *testing.T) {
	fx := newFixture(t, sources)
	doc := decodeSARIF(t, render(t, "sarif", fx, fx.diagnostics(t), false))
	if doc.Schema != "https://json.schemastore.org/sarif-2.1.0.json" || doc.Version != "2.1.0" {
		t.Errorf("$schema/version = %q %q", doc.Schema, doc.Version)
	}
	run := doc.Runs[0]
	d := run.Tool.Driver
	if d.Name != "ssrlint" || d.Version != "0.0.0-test" || d.InformationURI != "https://github.com/ssrlint/ssrlint" {
		t.Errorf("driver = %q %q %q", d.Name, d.Version, d.InformationURI)
	}
	if len(d.Rules) != len(testRules) {
		t.Fatalf("%d rules, want every rule passed in (%d)", len(d.Rules), len(testRules))
	}
	for i, want := range testRules {
		got := d.Rules[i]
		if got.ID != want.Name || got.ShortDescription.Text != want.Short || got.Default.Level != string(want.Severity) ||
			got.HelpURI != want.HelpURI || got.FullDescription.Text == "" || got.Help.Text == "" {
			t.Errorf("rule %d = %+v, from %+v", i, got, want)
		}
	}
	si := d.Rules[0]
	if si.FullDescription.Text != "Reports a browser-only SDK that a Server Component imports, directly or through other modules." ||
		si.Help.Markdown != strings.TrimSpace(testRules[0].Doc) {
		t.Errorf("serverimport descriptions = %q / %q", si.FullDescription.Text, si.Help.Markdown)
	}

	base, ok := run.OriginalURIBaseIDs["%SRCROOT%"]
	if !ok {
		t.Fatal("no %SRCROOT% in originalUriBaseIds")
	}
	u, err := url.Parse(base.URI)
	if err != nil || u.Scheme != "file" || !u.IsAbs() || u.Path != root+"/" || !strings.HasSuffix(base.URI, "/") {
		t.Errorf("%%SRCROOT%% uri = %q (%v)", base.URI, err)
	}
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	if len(run.Results) != 5 {
		t.Fatalf("%d results, want 5", len(run.Results))
	}

	byRule := map[string][]sarifDocResult{}
	for _, r := range run.Results {
		if r.RuleIndex == nil || *r.RuleIndex < 0 || *r.RuleIndex >= len(d.Rules) || d.Rules[*r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s has ruleIndex %v", r.RuleID, r.RuleIndex)
		}
		if r.Level != "error" && r.Level != "warning" {
			t.Errorf("result %s level %q", r.RuleID, r.Level)
		}
		if len(r.Locations) != 1 {
			t.Fatalf("result %s has %d locations", r.RuleID, len(r.Locations))
		}
		a := r.Locations[0].PhysicalLocation.ArtifactLocation
		if a.URIBaseID != "%SRCROOT%" || strings.HasPrefix(a.URI, "/") || strings.Contains(a.URI, "://") {
			t.Errorf("result %s artifact = %+v, want a relative uri under %%SRCROOT%%", r.RuleID, a)
		}
		if len(r.PartialFingerprints["ssrlint/v1"]) == 0 {
			t.Errorf("result %s has no partial fingerprint", r.RuleID)
		}
		byRule[r.RuleID] = append(byRule[r.RuleID], r)
	}

	// UTF-16 columns after non-ASCII text, and a percent-encoded URI that
	// resolves back to the file.
	var cafe sarifDocResult
	for _, r := range byRule["browserglobal"] {
		if strings.Contains(r.Message.Text, "window") {
			cafe = r
		}
	}
	line := strings.Split(sources["app/[lang]/café/page.tsx"], "\n")[0]
	prefix := line[:strings.Index(line, "window")]
	loc := cafe.Locations[0].PhysicalLocation
	wantRegion := sarifDocRegion{1, 1 + utf16Len(prefix), 1, 1 + utf16Len(prefix+"window.innerWidth")}
	if loc.Region != wantRegion {
		t.Errorf("café region = %+v, want %+v (byte column would be %d)", loc.Region, wantRegion, len(prefix)+1)
	}
	if loc.Region.StartColumn == len(prefix)+1 {
		t.Error("columns are bytes, not UTF-16 code units")
	}
	resolved, err := url.Parse(base.URI)
	if err == nil {
		var ref *url.URL
		ref, err = url.Parse(loc.ArtifactLocation.URI)
		if err == nil {
			resolved = resolved.ResolveReference(ref)
		}
	}
	if err != nil || resolved.Path != root+"/app/[lang]/café/page.tsx" || strings.ContainsAny(loc.ArtifactLocation.URI, "[] é") {
		t.Errorf("café uri %q resolves to %v (%v)", loc.ArtifactLocation.URI, resolved, err)
	}
	if f := cafe.Fixes; len(f) != 1 || f[0].ArtifactChanges[0].Replacements[0].DeletedRegion != wantRegion {
		t.Errorf("café fix = %+v, want deletedRegion %+v", f, wantRegion)
	}

	// Related locations with ids and messages; an insertion fix.
	s := byRule["serverimport"][0]
	if len(s.RelatedLocations) != 1 || s.RelatedLocations[0].ID == nil || s.RelatedLocations[0].Message.Text != "lib/sw.ts re-exports @signalwire/js" ||
		s.RelatedLocations[0].PhysicalLocation.ArtifactLocation.URI != "lib/sw.ts" {
		t.Errorf("serverimport relatedLocations = %+v", s.RelatedLocations)
	}
	if f := s.Fixes; len(f) != 1 || f[0].Description.Text != "Mark the page as a Client Component" ||
		f[0].ArtifactChanges[0].Replacements[0].DeletedRegion != (sarifDocRegion{1, 1, 1, 1}) ||
		f[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text != "\"use client\";\n\n" {
		t.Errorf("serverimport fixes = %+v", f)
	}

	// A diagnostic without End has no end in its region; tabs count as one unit.
	for _, r := range byRule["browserglobal"] {
		if strings.Contains(r.Message.Text, "document") {
			if got := r.Locations[0].PhysicalLocation; got.Region != (sarifDocRegion{3, 3, 0, 0}) || got.ArtifactLocation.URI != "app/my%20page/layout.tsx" {
				t.Errorf("layout location = %+v", got)
			}
		}
	}
	// Multi-line region.
	if got := byRule["effectsdk"][0].Locations[0].PhysicalLocation.Region; got != (sarifDocRegion{2, 11, 4, 7}) {
		t.Errorf("multi-line region = %+v", got)
	}
}

func TestFingerprints(t *testing.T) {
	fingerprints := func(srcs map[string]string, edit func([]Diagnostic)) map[string]string {
		fx := newFixture(t, srcs)
		diags := fx.diagnostics(t)
		if edit != nil {
			edit(diags)
		}
		doc := decodeSARIF(t, render(t, "sarif", fx, diags, false))
		m := map[string]string{}
		for _, r := range doc.Runs[0].Results {
			m[r.RuleID+" "+r.Message.Text] = r.PartialFingerprints["ssrlint/v1"]
		}
		return m
	}
	base := fingerprints(sources, nil)
	if again := fingerprints(sources, nil); !reflect.DeepEqual(base, again) {
		t.Errorf("fingerprints differ between runs: %v vs %v", base, again)
	}
	seen := map[string]bool{}
	for k, fp := range base {
		if seen[fp] {
			t.Errorf("fingerprint %s repeated (%s)", fp, k)
		}
		seen[fp] = true
	}

	// Lines added above a finding leave its fingerprint alone.
	shifted := map[string]string{}
	for k, v := range sources {
		shifted[k] = v
	}
	shifted["app/dash/page.tsx"] = "\n\n// added\n" + sources["app/dash/page.tsx"]
	moved := fingerprints(shifted, nil)
	if !reflect.DeepEqual(base, moved) {
		t.Errorf("fingerprints changed when lines moved:\n%v\n%v", base, moved)
	}

	// A different message is a different finding.
	changed := fingerprints(sources, func(d []Diagnostic) { d[0].Message = "something else" })
	if changed["effectsdk something else"] == base["effectsdk SignalWire is constructed in an effect without cleanup"] {
		t.Error("fingerprint ignores the message")
	}
}

func TestOutsideRoot(t *testing.T) {
	fset := token.NewFileSet()
	src := "window.x\n"
	f := fset.AddFile("/elsewhere/my lib/x.ts", -1, len(src))
	f.SetLinesForContent([]byte(src))
	diags := []Diagnostic{{Diagnostic: analysis.Diagnostic{Pos: f.Pos(0), End: f.Pos(6), Message: "m"}, Rule: "browserglobal"}}
	opts := Options{Root: root, ReadFile: func(string) ([]byte, error) { return []byte(src), nil }}

	var text, sarif bytes.Buffer
	if err := Write(&text, "text", fset, diags, nil, opts); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(text.String(), "/elsewhere/my lib/x.ts:1:1: warning: m [browserglobal]\n") {
		t.Errorf("text = %q", text.String())
	}
	if err := Write(&sarif, "sarif", fset, diags, nil, opts); err != nil {
		t.Fatal(err)
	}
	doc := decodeSARIF(t, sarif.Bytes())
	res := doc.Runs[0].Results[0]
	if a := res.Locations[0].PhysicalLocation.ArtifactLocation; a != (sarifDocArtifact{URI: "file:///elsewhere/my%20lib/x.ts"}) {
		t.Errorf("artifact = %+v", a)
	}
	// A rule that was not passed in still gets a descriptor for its ruleIndex.
	if rules := doc.Runs[0].Tool.Driver.Rules; len(rules) != 1 || rules[0].ID != "browserglobal" || *res.RuleIndex != 0 {
		t.Errorf("rules = %+v, ruleIndex %v", rules, res.RuleIndex)
	}
}

func TestUnreadableSource(t *testing.T) {
	fx := newFixture(t, sources)
	opts := fx.options(false)
	opts.ReadFile = func(string) ([]byte, error) { return nil, fs.ErrPermission }
	var buf bytes.Buffer
	if err := Write(&buf, "text", fx.fset, fx.diagnostics(t), testRules, opts); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "│") {
		t.Errorf("frame printed without a source:\n%s", buf.String())
	}
	if !strings.Contains(buf.String(), "app/rooms/page.tsx:1:1: error: @signalwire/js is imported by a Server Component [serverimport]\n  = import trace:") {
		t.Errorf("header and notes missing:\n%s", buf.String())
	}
}

func TestEscapeURIPath(t *testing.T) {
	for in, want := range map[string]string{
		"app/page.tsx":               "app/page.tsx",
		"app/my page/a.tsx":          "app/my%20page/a.tsx",
		"app/[slug]/(group)/@modal":  "app/%5Bslug%5D/(group)/@modal",
		"app/café.tsx":               "app/caf%C3%A9.tsx",
		"a:b.ts":                     "a%3Ab.ts",
		"100%/x#y?z":                 "100%25/x%23y%3Fz",
		"C:/Users/me/proj/file.ts\\": "C%3A/Users/me/proj/file.ts%5C",
	} {
		if got := escapeURIPath(in, false); got != want {
			t.Errorf("escapeURIPath(%q) = %q, want %q", in, got, want)
		}
	}
	if got := dirFileURI("/home/me/my proj"); got != "file:///home/me/my%20proj/" {
		t.Errorf("dirFileURI = %q", got)
	}
	if got := dirFileURI("/"); got != "file:///" {
		t.Errorf("dirFileURI(/) = %q", got)
	}
}

func TestRuneWidth(t *testing.T) {
	for r, want := range map[rune]int{'a': 1, 'é': 1, '\u0301': 0, '日': 2, '한': 2, '🌍': 2, 'Ａ': 2, 'ｱ': 1} {
		if got := runeWidth(r); got != want {
			t.Errorf("runeWidth(%q) = %d, want %d", r, got, want)
		}
	}
}
