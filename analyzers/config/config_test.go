package config

import (
	"golang.org/x/tools/go/analysis"

	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ssrlint/ssrlint/analyzers/effectimport"
	"github.com/ssrlint/ssrlint/analyzers/serverimport"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
)

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestErrors: every error names the file, the line and column, the key and
// what is allowed.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string // each a substring of one error line, in order
	}{
		{"unknown top key", `{
  "rulez": {}
}`, []string{`ssrlint.json:2:3: rulez: unknown key (did you mean "rules"?); allowed: $schema, globals, ignore, next, overrides, packages, rules, secrets`}},
		{"unknown rule", `{"rules": {"serverimprt": "error"}}`,
			[]string{`ssrlint.json:1:12: rules.serverimprt: unknown rule (did you mean "serverimport"?); allowed: `, "moduleglobal"}},
		{"bad severity", `{"rules": {"serverimport": "err", "moduleglobal": 2}}`, []string{
			`ssrlint.json:1:28: rules.serverimport: the string "err" is not a severity; allowed: "error", "warning", "off"`,
			`rules.moduleglobal: the number 2 is not a severity`}},
		{"list wanted", `{"globals": "AcmeBridge"}`,
			[]string{`globals: want a list of strings, each a JavaScript identifier, like ["AcmeWidget"]; got the string "AcmeBridge"`}},
		{"bad package", `{"packages": {"browserOnly": ["ok-pkg", "Acme SDK", 3]}}`, []string{
			`ssrlint.json:1:41: packages.browserOnly[1]: "Acme SDK" is not allowed: want a package name (optionally with a subpath), like "@acme/video-sdk"`,
			`packages.browserOnly[2]: want a string, a package name (optionally with a subpath), like "@acme/video-sdk"; got the number 3`}},
		{"unknown nested key", `{"packages": {"browserOnly": [], "serverOnly": []}}`,
			[]string{`packages.serverOnly: unknown key; allowed: browserOnly, sideEffects`}},
		{"lower-case secret", `{"secrets": {"credentials": ["acme_token"]}}`,
			[]string{`secrets.credentials[0]: "acme_token" is not allowed: want upper-case words joined by _, like "ACME_TOKEN"`}},
		{"absolute glob", `{"ignore": ["/abs/**", "a\\b", "../up", "x/[ab"]}`, []string{
			`ignore[0]: "/abs/**" is not allowed: want a glob relative to the configuration file`,
			`ignore[1]: "a\\b" is not allowed`,
			`ignore[2]: "../up" is not allowed: it has a .. segment`,
			`ignore[3]: "x/[ab" is not allowed: it has a malformed segment`}},
		{"override without apps", `{"overrides": [{"rules": {"moduleglobal": "off"}}, {"apps": []}]}`, []string{
			`overrides[0]: "apps" is required`,
			`overrides[1].apps: want at least one entry`}},
		{"bad next", `{"next": {"pageExtensions": [".tsx"], "env": ["API-URL"], "cacheComponents": "yes", "output": "export"}}`, []string{
			`next.pageExtensions[0]: ".tsx" is not allowed: want a page extension without the leading dot, like "page.tsx"`,
			`next.env[0]: "API-URL" is not allowed: want a JavaScript identifier`,
			`next.cacheComponents: want true or false, got the string "yes"`,
			`next.output: unknown key; allowed: cacheComponents, env, pageExtensions`}},
		{"not an object", `[1, 2]`, []string{`ssrlint.json:1:1: want an object with keys`}},
		{"syntax error", "{\n  \"rules\": {,}\n}", []string{`ssrlint.json:2:`, `invalid JSON`}},
		{"duplicate key", `{"rules": {}, "rules": {}}`, []string{`ssrlint.json:1:15: duplicate key "rules"`}},
		{"trailing data", `{} {}`, []string{`unexpected data after the top-level value`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := Parse("ssrlint.json", []byte(tc.body))
			if err == nil {
				t.Fatalf("no error; config %+v", cfg)
			}
			msg := err.Error()
			rest := msg
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("error lacks %q (in order):\n%s", w, msg)
				}
				rest = rest[i+len(w):]
			}
			for _, line := range strings.Split(msg, "\n") {
				if !strings.HasPrefix(line, "ssrlint.json:") {
					t.Errorf("error line does not name the file: %q", line)
				}
			}
		})
	}
}

func TestPackageJSON(t *testing.T) {
	body := `{
  "name": "web",
  "ssrlint": {
    "rules": {"moduleglobal": "warning"},
    "globals": ["not an identifier"]
  }
}`
	_, err := Parse("/x/package.json", []byte(body))
	if err == nil || !strings.Contains(err.Error(), `/x/package.json:5:17: ssrlint.globals[0]: "not an identifier" is not allowed: want a JavaScript identifier, like "AcmeWidget"`) {
		t.Fatalf("error = %v", err)
	}
	cfg, err := Parse("/x/package.json", []byte(strings.Replace(body, `"not an identifier"`, `"AcmeBridge"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Rules["moduleglobal"] != SeverityWarning || !reflect.DeepEqual(cfg.Globals, []string{"AcmeBridge"}) || cfg.Dir != "/x" {
		t.Errorf("config = %+v", cfg)
	}
	if _, err := Parse("/x/package.json", []byte(`{"name": "web"}`)); err == nil {
		t.Error("a package.json without the key parsed")
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, ".git", "HEAD"), "ref: refs/heads/main\n")
	writeFile(t, filepath.Join(root, "ssrlint.json"), `{}`)
	writeFile(t, filepath.Join(root, "apps", "web", "package.json"), `{"name": "web", "dependencies": {"next": "15.0.0"}}`)
	writeFile(t, filepath.Join(root, "apps", "admin", "package.json"), `{"name": "admin", "ssrlint": {}}`)
	writeFile(t, filepath.Join(root, "apps", "shop", ".ssrlintrc.json"), `{}`)
	writeFile(t, filepath.Join(root, "apps", "both", ".ssrlintrc.json"), `{}`)
	writeFile(t, filepath.Join(root, "apps", "both", "ssrlint.json"), `{}`)
	if err := os.MkdirAll(filepath.Join(root, "apps", "web", "app", "rooms"), 0o755); err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]string{
		"apps/web/app/rooms": "ssrlint.json",
		"apps/admin":         "apps/admin/package.json",
		"apps/shop":          "apps/shop/.ssrlintrc.json",
		".":                  "ssrlint.json",
	} {
		got, err := Find(filepath.Join(root, dir))
		if err != nil || got != filepath.Join(root, want) {
			t.Errorf("Find(%s) = %q, %v; want %s", dir, got, err, want)
		}
	}
	if _, err := Find(filepath.Join(root, "apps", "both")); err == nil || !strings.Contains(err.Error(), "more than one ssrlint configuration (ssrlint.json, .ssrlintrc.json)") {
		t.Errorf("two configs in one directory: %v", err)
	}
	// The search stops at the repository root.
	inner := filepath.Join(root, "vendor", "repo")
	writeFile(t, filepath.Join(inner, ".git", "HEAD"), "x\n")
	if got, err := Find(filepath.Join(inner)); err != nil || got != "" {
		t.Errorf("Find crossed a repository root: %q, %v", got, err)
	}
}

func TestForApp(t *testing.T) {
	root := t.TempDir()
	body := `{
  "rules": {"moduleglobal": "warning", "serverimport": "error"},
  "packages": {"browserOnly": ["@acme/video-sdk"]},
  "ignore": ["legacy", "**/*.stories.tsx"],
  "overrides": [
    {"apps": ["apps/admin"], "rules": {"moduleglobal": "off"}, "ignore": ["apps/admin/tmp/**"]},
    {"apps": ["apps/*-kiosk"], "packages": {"browserOnly": ["@acme/kiosk-sdk"]}, "globals": ["KioskBridge"]},
    {"apps": ["apps/nowhere"]}
  ]
}`
	cfg, err := Parse(filepath.Join(root, "ssrlint.json"), []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	app := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }

	admin := cfg.ForApp(app("apps/admin"))
	if admin.Severity("moduleglobal", SeverityError) != SeverityOff || admin.Severity("serverimport", SeverityWarning) != SeverityError ||
		admin.Severity("effectimport", SeverityError) != SeverityError {
		t.Errorf("admin rules = %v", admin.Rules)
	}
	kiosk := cfg.ForApp(app("apps/lobby-kiosk"))
	if !reflect.DeepEqual(kiosk.BrowserOnly, []string{"@acme/video-sdk", "@acme/kiosk-sdk"}) || !reflect.DeepEqual(kiosk.Globals, []string{"KioskBridge"}) ||
		kiosk.Severity("moduleglobal", SeverityError) != SeverityWarning {
		t.Errorf("kiosk settings = %+v", kiosk)
	}
	if web := cfg.ForApp(app("apps/web")); len(web.Globals) != 0 || !reflect.DeepEqual(web.BrowserOnly, []string{"@acme/video-sdk"}) {
		t.Errorf("web settings = %+v", web)
	}

	for rel, want := range map[string]bool{
		"legacy/a.tsx":                    true, // a directory matches everything under it
		"legacy":                          true,
		"legacyish/a.tsx":                 false,
		"apps/web/app/button.stories.tsx": true,
		"button.stories.tsx":              true, // ** matches no directory too
		"apps/web/app/page.tsx":           false,
		"apps/admin/tmp/x.ts":             false, // only the admin app's settings ignore it
	} {
		if got := cfg.ForApp(app("apps/web")).Ignored(app(rel)); got != want {
			t.Errorf("web: Ignored(%s) = %v, want %v", rel, got, want)
		}
	}
	if !admin.Ignored(app("apps/admin/tmp/x.ts")) {
		t.Error("admin override's ignore glob not applied")
	}
	if w := cfg.UnusedOverrides([]string{app("apps/admin"), app("apps/lobby-kiosk")}); len(w) != 1 || !strings.Contains(w[0], `overrides[2].apps ["apps/nowhere"] matches no app`) {
		t.Errorf("UnusedOverrides = %q", w)
	}
	var none *Config
	if s := none.ForApp(app("apps/web")); s.Severity("x", SeverityWarning) != SeverityWarning || s.Ignored(app("a.ts")) {
		t.Error("a nil Config configured something")
	}
}

func TestFlags(t *testing.T) {
	s := &Settings{
		BrowserOnly:    []string{"@acme/video-sdk", "legacy-player"},
		SideEffects:    []string{"@acme/widgets/register"},
		Globals:        []string{"AcmeBridge"},
		Credentials:    []string{"ACME_TOKEN"},
		PublicByDesign: nil,
	}
	flags, unread := s.Flags([]*analysis.Analyzer{serverimport.Analyzer, effectimport.Analyzer})
	want := map[*analysis.Analyzer]map[string]string{
		serverimport.Analyzer: {"packages": "@acme/video-sdk,legacy-player"},
		effectimport.Analyzer: {"packages": "@acme/widgets/register"},
		ssrgraph.Analyzer:     {"globals": "AcmeBridge"}, // reached through Requires
	}
	if !reflect.DeepEqual(flags, want) {
		t.Errorf("Flags = %v, want %v", flags, want)
	}
	if !reflect.DeepEqual(unread, []string{"secrets.credentials"}) {
		t.Errorf("unread = %v: only the secret patterns have no reader among serverimport and effectimport", unread)
	}
	// Every flag a target names exists on its analyzer.
	for _, tgt := range FlagTargets {
		for _, a := range []*analysis.Analyzer{serverimport.Analyzer, effectimport.Analyzer, ssrgraph.Analyzer} {
			if a.Name == tgt.Analyzer && a.Flags.Lookup(tgt.Flag) == nil {
				t.Errorf("%s has no flag %q for %s", a.Name, tgt.Flag, tgt.Key)
			}
		}
	}
}

func TestExamplesLoad(t *testing.T) {
	files, _ := filepath.Glob("../../examples/config/*.json")
	if len(files) < 3 {
		t.Fatalf("found %d example configs", len(files))
	}
	for _, f := range files {
		if _, err := Load(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestNextSettings: the next block applies per app, an override's
// pageExtensions and cacheComponents replacing the top-level ones and its env
// keys adding to them.
func TestNextSettings(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "ssrlint.json")
	writeFile(t, p, `{
  "next": {"env": ["API_URL"]},
  "overrides": [
    {"apps": ["apps/web"], "next": {"pageExtensions": ["page.tsx", "page.ts"], "env": ["CDN_URL"], "cacheComponents": true}},
    {"apps": ["apps/docs"], "rules": {"moduleglobal": "off"}}
  ]
}`)
	cfg, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	web := cfg.ForApp(filepath.Join(dir, "apps/web"))
	if !web.NextDeclared || strings.Join(web.Next.PageExtensions, ",") != "page.tsx,page.ts" ||
		strings.Join(web.Next.Env, ",") != "API_URL,CDN_URL" || web.Next.CacheComponents == nil || !*web.Next.CacheComponents {
		t.Errorf("apps/web: %+v (declared %v)", web.Next, web.NextDeclared)
	}
	docs := cfg.ForApp(filepath.Join(dir, "apps/docs"))
	if !docs.NextDeclared || docs.Next.PageExtensions != nil || strings.Join(docs.Next.Env, ",") != "API_URL" || docs.Next.CacheComponents != nil {
		t.Errorf("apps/docs: %+v (declared %v)", docs.Next, docs.NextDeclared)
	}
	var none *Config
	if s := none.ForApp(dir); s.NextDeclared {
		t.Error("no configuration declares next settings")
	}
}
