package report

import (
	"bytes"
	"encoding/xml"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestGitHubEscaping: workflow commands end at a line break and their
// properties at ":" and ","; both must be percent-encoded, and "%" first.
func TestGitHubEscaping(t *testing.T) {
	fset := token.NewFileSet()
	src := "const a = window.x;\n"
	name := root + "/app/a,b:c%/page.tsx"
	f := fset.AddFile(name, -1, len(src))
	f.SetLinesForContent([]byte(src))
	diags := []Diagnostic{{
		Diagnostic: analysis.Diagnostic{Pos: f.Pos(10), End: f.Pos(18), Message: "100% wrong:\r\nreally, yes"},
		Rule:       "moduleglobal",
	}}
	var buf bytes.Buffer
	opts := Options{Root: root, ReadFile: func(string) ([]byte, error) { return []byte(src), nil }}
	if err := Write(&buf, "github", fset, diags, nil, opts); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=app/a%2Cb%3Ac%25/page.tsx,line=1,col=11,endLine=1,endColumn=19,title=ssrlint moduleglobal::" +
		"100%25 wrong:%0D%0Areally, yes%0Asee: ssrlint explain moduleglobal\n"
	if buf.String() != want {
		t.Errorf("github output\n got %q\nwant %q", buf.String(), want)
	}
	if strings.Count(buf.String(), "\n") != 1 {
		t.Error("one finding took more than one line")
	}
}

// TestXMLFormats decodes the Checkstyle and JUnit reports back and checks
// that they hold every finding, grouped by file.
func TestXMLFormats(t *testing.T) {
	fx := newFixture(t, sources)
	diags := fx.diagnostics(t)

	var cs csReport
	if err := xml.Unmarshal(render(t, "checkstyle", fx, diags, false), &cs); err != nil {
		t.Fatalf("checkstyle is not XML: %v", err)
	}
	n := 0
	for _, f := range cs.Files {
		for _, e := range f.Errors {
			n++
			if !strings.HasPrefix(e.Source, "ssrlint.") || e.Line < 1 || (e.Severity != "error" && e.Severity != "warning") {
				t.Errorf("checkstyle error %+v in %s", e, f.Name)
			}
		}
	}
	if n != len(diags) || len(cs.Files) != 4 || cs.Files[3].Name != "app/rooms/page.tsx" || len(cs.Files[3].Errors) != 2 {
		t.Errorf("checkstyle has %d errors in %d files: %+v", n, len(cs.Files), cs.Files)
	}
	if !strings.Contains(cs.Files[3].Errors[1].Message, "\nimport trace: app/rooms/page.tsx → lib/sw.ts → @signalwire/js") {
		t.Errorf("trace lost: %q", cs.Files[3].Errors[1].Message)
	}

	var ju juSuites
	if err := xml.Unmarshal(render(t, "junit", fx, diags, false), &ju); err != nil {
		t.Fatalf("junit is not XML: %v", err)
	}
	cases := 0
	for _, s := range ju.Suites {
		if s.Tests != len(s.Cases) || s.Failures != len(s.Cases) {
			t.Errorf("suite %s counts %d/%d for %d cases", s.Name, s.Tests, s.Failures, len(s.Cases))
		}
		for _, c := range s.Cases {
			cases++
			if c.Failure == nil || c.Failure.Message == "" || !strings.HasPrefix(c.Failure.Body, c.File+":") {
				t.Errorf("case %+v", c)
			}
		}
	}
	if cases != len(diags) || ju.Tests != len(diags) || ju.Failures != len(diags) {
		t.Errorf("junit: %d cases, tests=%d failures=%d, want %d", cases, ju.Tests, ju.Failures, len(diags))
	}
}

func TestXMLFormatsEmpty(t *testing.T) {
	fx := newFixture(t, sources)
	var ju juSuites
	if err := xml.Unmarshal(render(t, "junit", fx, nil, false), &ju); err != nil {
		t.Fatal(err)
	}
	if ju.Tests != 1 || ju.Failures != 0 || len(ju.Suites) != 1 || ju.Suites[0].Cases[0].Failure != nil {
		t.Errorf("junit without findings = %+v, want one passing case", ju)
	}
	var cs csReport
	if err := xml.Unmarshal(render(t, "checkstyle", fx, nil, false), &cs); err != nil {
		t.Fatal(err)
	}
	if cs.Version != checkstyleVersion || len(cs.Files) != 0 {
		t.Errorf("checkstyle without findings = %+v", cs)
	}
	if out := render(t, "github", fx, nil, false); len(out) != 0 {
		t.Errorf("github printed %q for no findings", out)
	}
}
