// Package config reads ssrlint's configuration file and resolves it for
// each app: rule severities, extra browser-only and side-effect packages,
// extra browser globals, extra secret-name patterns, ignore globs, and
// per-app overrides for monorepos. The CLI and the language server both use
// it, so an editor shows what CI enforces.
//
// The file is ssrlint.json or .ssrlintrc.json, or the "ssrlint" key of a
// package.json, found by Find from a directory upwards. Its shape is
// documented by ssrlint.schema.json at the repository root (editors complete
// keys from it); a test checks that the schema and this package agree on
// every key. Unknown keys and bad values are errors that name the file, the
// line, the key and what is allowed.
//
// Settings that extend ssrlint's data reach the analyzers through their
// flags (see FlagTargets and Settings.Flags), which checker.Options.AppFlags
// sets for each app's pass.
package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/all"
	"github.com/ssrlint/ssrlint/analyzers/suppress"
)

// FileNames are the configuration files Find looks for in each directory,
// besides package.json's "ssrlint" key.
var FileNames = []string{"ssrlint.json", ".ssrlintrc.json"}

// PackageJSONKey is the package.json key that holds a configuration.
const PackageJSONKey = "ssrlint"

// Severity is a rule's configured severity.
type Severity string

// Severities a configuration can give a rule.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityOff     Severity = "off"
)

// Severities lists the allowed severity words.
func Severities() []Severity { return []Severity{SeverityError, SeverityWarning, SeverityOff} }

// Config is a parsed configuration file. The zero value, and a nil
// *Config, configure nothing.
type Config struct {
	// Path is the file the configuration was read from.
	Path string `json:"-"`
	// Dir is the directory relative paths in it are resolved against: the
	// directory of Path.
	Dir string `json:"-"`

	Schema    string              `json:"$schema"`
	Rules     map[string]Severity `json:"rules"`
	Packages  Packages            `json:"packages"`
	Globals   []string            `json:"globals"`
	Secrets   Secrets             `json:"secrets"`
	Ignore    []string            `json:"ignore"`
	Next      Next                `json:"next"`
	Overrides []Override          `json:"overrides"`
}

// Next states what an app's next.config holds when ssrlint cannot read it
// statically (a config assembled by code from other modules, say). It is
// used only then: a next.config ssrlint follows is what Next runs.
type Next struct {
	// PageExtensions replace Next's default pageExtensions.
	PageExtensions []string `json:"pageExtensions"`
	// Env are the keys of next.config's env, which Next inlines into every
	// bundle.
	Env []string `json:"env"`
	// CacheComponents is next.config's cacheComponents (Next 16), or its
	// experimental forms.
	CacheComponents *bool `json:"cacheComponents"`
}

func (n Next) declared() bool {
	return n.PageExtensions != nil || n.Env != nil || n.CacheComponents != nil
}

// Packages extend the package lists in rules/packages.json.
type Packages struct {
	// BrowserOnly are packages that must not be imported by server code
	// (serverimport).
	BrowserOnly []string `json:"browserOnly"`
	// SideEffects are packages (or entry points) that run browser code when
	// imported (effectimport).
	SideEffects []string `json:"sideEffects"`
}

// Secrets extend the environment variable name patterns in
// rules/secrets.json: words joined by "_", matched as whole words.
type Secrets struct {
	// Credentials are names of variables that hold secrets.
	Credentials []string `json:"credentials"`
	// PublicByDesign are names that look like secrets but are meant for the
	// browser (publishable keys).
	PublicByDesign []string `json:"publicByDesign"`
}

// Override applies settings to some apps of a monorepo. Rules replace the
// top-level severities rule by rule; the lists are added to the top-level
// ones. Later overrides win over earlier ones.
type Override struct {
	// Apps are globs matched against app directories relative to Dir.
	Apps     []string            `json:"apps"`
	Rules    map[string]Severity `json:"rules"`
	Packages Packages            `json:"packages"`
	Globals  []string            `json:"globals"`
	Secrets  Secrets             `json:"secrets"`
	Ignore   []string            `json:"ignore"`
	Next     Next                `json:"next"`
}

// Error is one problem in a configuration file.
type Error struct {
	Path      string // the file
	Line, Col int    // 1-based; 0 when the problem is the whole file
	Key       string // e.g. "rules.serverimport", "overrides[0].apps"; "" for the file
	Msg       string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors are all the problems found in one file, in file order.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// KnownRules returns the rule names a configuration may mention: the
// registered analyzers and the suppression rule, sorted.
func KnownRules() []string {
	names := []string{suppress.Rule}
	for _, a := range all.Analyzers {
		names = append(names, a.Name)
	}
	sort.Strings(names)
	return names
}

// Find returns the configuration file that applies to dir: the first of
// ssrlint.json, .ssrlintrc.json and a package.json with an "ssrlint" key in
// dir or the nearest directory above it. The search stops at the
// repository root (a directory holding .git) and at the file system root.
// It returns "" when there is none, and an error when one directory holds
// more than one.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; {
		var found []string
		for _, name := range FileNames {
			if fi, err := os.Stat(filepath.Join(d, name)); err == nil && !fi.IsDir() {
				found = append(found, filepath.Join(d, name))
			}
		}
		pj := filepath.Join(d, "package.json")
		if data, err := os.ReadFile(pj); err == nil {
			var keys map[string]json.RawMessage
			if json.Unmarshal(data, &keys) == nil {
				if _, ok := keys[PackageJSONKey]; ok {
					found = append(found, pj)
				}
			}
		}
		switch len(found) {
		case 0:
		case 1:
			return found[0], nil
		default:
			names := make([]string, len(found))
			for i, f := range found {
				names[i] = filepath.Base(f)
				if names[i] == "package.json" {
					names[i] = `package.json "ssrlint"`
				}
			}
			return "", fmt.Errorf("%s: more than one ssrlint configuration (%s): keep one", d, strings.Join(names, ", "))
		}
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}

// Load reads and validates the configuration file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &Error{Path: path, Msg: "no such file"}
		}
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	return Parse(path, data)
}

// Parse validates data, the content of the configuration file at path (an
// editor's unsaved buffer, say). For a package.json, the configuration is
// its "ssrlint" key. The error is an Errors listing every problem.
func Parse(path string, data []byte) (*Config, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	fail := func(off int, key, msg string) error {
		line, col := position(data, off)
		return Errors{{Path: path, Line: line, Col: col, Key: key, Msg: msg}}
	}
	root, err := parseJSON(data)
	if err != nil {
		var se *syntaxError
		if errors.As(err, &se) {
			return nil, fail(se.off, "", se.msg)
		}
		return nil, fail(0, "", err.Error())
	}
	prefix := ""
	raw := data
	if filepath.Base(path) == "package.json" {
		if root.kind != "object" {
			return nil, fail(root.off, "", "package.json is not a JSON object")
		}
		v, ok := root.fields[PackageJSONKey]
		if !ok {
			return nil, fail(0, "", `no "ssrlint" key`)
		}
		root, prefix = v, PackageJSONKey
		var pj map[string]json.RawMessage
		if err := json.Unmarshal(data, &pj); err != nil {
			return nil, fail(0, "", err.Error())
		}
		raw = pj[PackageJSONKey]
	}
	v := &validator{path: path, data: data, rules: KnownRules()}
	v.object(root, prefix, topFields)
	if len(v.errs) > 0 {
		sort.SliceStable(v.errs, func(i, j int) bool {
			a, b := v.errs[i], v.errs[j]
			return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
		})
		return nil, v.errs
	}
	cfg := &Config{}
	if err := json.Unmarshal(raw, cfg); err != nil {
		// Validation accepted what the decoder rejects: a bug here.
		return nil, fail(root.off, prefix, "internal error: "+err.Error())
	}
	cfg.Path, cfg.Dir = abs, filepath.Dir(abs)
	return cfg, nil
}

// kind is the JSON shape of a configuration key.
type kind int

const (
	kindString     kind = iota // a string
	kindList                   // a list of strings, each checked by item
	kindSeverities             // an object from rule name to severity
	kindObject                 // an object with fields
	kindObjectList             // a list of objects with fields
	kindBool                   // true or false
)

// field describes one key of the configuration: the validator and the
// schema agreement test both read this table.
type field struct {
	name     string
	kind     kind
	item     *item   // kindList
	fields   []field // kindObject, kindObjectList
	required bool    // inside kindObjectList elements
	nonEmpty bool    // a list that must have at least one element
}

// item says which strings a list accepts.
type item struct {
	what    string         // "a package name", for messages
	example string         // shown after "like"
	pattern *regexp.Regexp // also the schema's "pattern"
	check   func(string) string
}

// Item patterns. The schema repeats them verbatim (the test checks it), so
// they use only syntax that Go's regexp and ECMAScript agree on.
var (
	packagePattern = regexp.MustCompile(`^(@[A-Za-z0-9._~-]+/)?[A-Za-z0-9._~-]+(/[A-Za-z0-9._~@-]+)*$`)
	identPattern   = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)
	wordsPattern   = regexp.MustCompile(`^[A-Z0-9]+(_[A-Z0-9]+)*$`)
	globPattern    = regexp.MustCompile(`^[^/\\][^\\]*$`)
	extPattern     = regexp.MustCompile(`^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$`)
)

var (
	packageItem = &item{what: "a package name (optionally with a subpath)", example: `"@acme/video-sdk"`, pattern: packagePattern}
	identItem   = &item{what: "a JavaScript identifier", example: `"AcmeWidget"`, pattern: identPattern}
	wordsItem   = &item{what: "upper-case words joined by _", example: `"ACME_TOKEN"`, pattern: wordsPattern}
	globItem    = &item{what: "a glob relative to the configuration file", example: `"legacy/**"`, pattern: globPattern, check: checkGlob}
	extItem     = &item{what: "a page extension without the leading dot", example: `"page.tsx"`, pattern: extPattern}
)

func settingsFields() []field {
	return []field{
		{name: "rules", kind: kindSeverities},
		{name: "packages", kind: kindObject, fields: []field{
			{name: "browserOnly", kind: kindList, item: packageItem},
			{name: "sideEffects", kind: kindList, item: packageItem},
		}},
		{name: "globals", kind: kindList, item: identItem},
		{name: "secrets", kind: kindObject, fields: []field{
			{name: "credentials", kind: kindList, item: wordsItem},
			{name: "publicByDesign", kind: kindList, item: wordsItem},
		}},
		{name: "ignore", kind: kindList, item: globItem},
		{name: "next", kind: kindObject, fields: []field{
			{name: "pageExtensions", kind: kindList, item: extItem, nonEmpty: true},
			{name: "env", kind: kindList, item: identItem},
			{name: "cacheComponents", kind: kindBool},
		}},
	}
}

var topFields = append(append([]field{{name: "$schema", kind: kindString}}, settingsFields()...),
	field{name: "overrides", kind: kindObjectList, fields: append([]field{
		{name: "apps", kind: kindList, item: globItem, required: true, nonEmpty: true},
	}, settingsFields()...)})

type validator struct {
	path  string
	data  []byte
	rules []string
	errs  Errors
}

func (v *validator) errorf(off int, key, format string, args ...any) {
	line, col := position(v.data, off)
	v.errs = append(v.errs, &Error{Path: v.path, Line: line, Col: col, Key: key, Msg: fmt.Sprintf(format, args...)})
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

func (v *validator) object(val *value, key string, fields []field) {
	if val.kind != "object" {
		v.errorf(val.off, key, "want an object with keys %s, got %s", names(fields), val.describe())
		return
	}
	byName := map[string]field{}
	for _, f := range fields {
		byName[f.name] = f
	}
	for i, k := range val.keys {
		f, ok := byName[k]
		if !ok {
			hint := ""
			if s := suggest(k, fieldNames(fields)); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			}
			v.errorf(val.keyOff[i], join(key, k), "unknown key%s; allowed: %s", hint, names(fields))
			continue
		}
		v.field(val.fields[k], join(key, k), f)
	}
	for _, f := range fields {
		if _, ok := val.fields[f.name]; f.required && !ok {
			v.errorf(val.off, key, "%q is required", f.name)
		}
	}
}

func (v *validator) field(val *value, key string, f field) {
	switch f.kind {
	case kindString:
		if val.kind != "string" {
			v.errorf(val.off, key, "want a string, got %s", val.describe())
		}
	case kindList:
		if val.kind != "array" {
			v.errorf(val.off, key, "want a list of strings, each %s, like [%s]; got %s", f.item.what, f.item.example, val.describe())
			return
		}
		if f.nonEmpty && len(val.elems) == 0 {
			v.errorf(val.off, key, "want at least one entry, each %s, like [%s]", f.item.what, f.item.example)
		}
		for i, e := range val.elems {
			k := fmt.Sprintf("%s[%d]", key, i)
			if e.kind != "string" {
				v.errorf(e.off, k, "want a string, %s, like %s; got %s", f.item.what, f.item.example, e.describe())
				continue
			}
			if !f.item.pattern.MatchString(e.str) {
				v.errorf(e.off, k, "%q is not allowed: want %s, like %s", e.str, f.item.what, f.item.example)
				continue
			}
			if f.item.check != nil {
				if why := f.item.check(e.str); why != "" {
					v.errorf(e.off, k, "%q is not allowed: it has %s; want %s, like %s", e.str, why, f.item.what, f.item.example)
				}
			}
		}
	case kindSeverities:
		if val.kind != "object" {
			v.errorf(val.off, key, `want an object from rule name to "error", "warning" or "off", got %s`, val.describe())
			return
		}
		for i, r := range val.keys {
			k := join(key, r)
			if !contains(v.rules, r) {
				hint := ""
				if s := suggest(r, v.rules); s != "" {
					hint = fmt.Sprintf(" (did you mean %q?)", s)
				}
				v.errorf(val.keyOff[i], k, "unknown rule%s; allowed: %s", hint, strings.Join(v.rules, ", "))
				continue
			}
			sev := val.fields[r]
			if sev.kind != "string" || !contains(severityWords(), sev.str) {
				v.errorf(sev.off, k, `%s is not a severity; allowed: "error", "warning", "off"`, sev.describe())
			}
		}
	case kindBool:
		if val.kind != "boolean" {
			v.errorf(val.off, key, "want true or false, got %s", val.describe())
		}
	case kindObject:
		v.object(val, key, f.fields)
	case kindObjectList:
		if val.kind != "array" {
			v.errorf(val.off, key, "want a list of objects with keys %s, got %s", names(f.fields), val.describe())
			return
		}
		for i, e := range val.elems {
			v.object(e, fmt.Sprintf("%s[%d]", key, i), f.fields)
		}
	}
}

func severityWords() []string {
	var out []string
	for _, s := range Severities() {
		out = append(out, string(s))
	}
	return out
}

func fieldNames(fields []field) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.name
	}
	return out
}

func names(fields []field) string {
	n := fieldNames(fields)
	sort.Strings(n)
	return strings.Join(n, ", ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Settings are a configuration resolved for one app.
type Settings struct {
	// Rules are the configured severities; rules not in it keep their
	// default.
	Rules map[string]Severity
	// BrowserOnly, SideEffects, Globals, Credentials and PublicByDesign
	// extend ssrlint's data; see FlagTargets.
	BrowserOnly, SideEffects, Globals, Credentials, PublicByDesign []string
	// Next is what the configuration states about the app's next.config;
	// NextDeclared says whether it states anything.
	Next         Next
	NextDeclared bool

	ignore []glob
}

// ForApp resolves the configuration for the app in dir (absolute): the
// top-level settings, then each override whose apps match dir, in order.
// A nil Config gives empty Settings.
func (c *Config) ForApp(dir string) *Settings {
	s := &Settings{Rules: map[string]Severity{}}
	if c == nil {
		return s
	}
	add := func(rules map[string]Severity, p Packages, globals []string, sec Secrets, ignore []string, next Next) {
		for r, sev := range rules {
			s.Rules[r] = sev
		}
		s.BrowserOnly = append(s.BrowserOnly, p.BrowserOnly...)
		s.SideEffects = append(s.SideEffects, p.SideEffects...)
		s.Globals = append(s.Globals, globals...)
		s.Credentials = append(s.Credentials, sec.Credentials...)
		s.PublicByDesign = append(s.PublicByDesign, sec.PublicByDesign...)
		for _, g := range ignore {
			s.ignore = append(s.ignore, newGlob(c.Dir, g))
		}
		// An override's pageExtensions and cacheComponents replace the
		// earlier ones; env keys add up.
		if next.PageExtensions != nil {
			s.Next.PageExtensions = next.PageExtensions
		}
		s.Next.Env = append(s.Next.Env, next.Env...)
		if next.CacheComponents != nil {
			s.Next.CacheComponents = next.CacheComponents
		}
		s.NextDeclared = s.NextDeclared || next.declared()
	}
	add(c.Rules, c.Packages, c.Globals, c.Secrets, c.Ignore, c.Next)
	for _, o := range c.Overrides {
		if o.matches(c.Dir, dir) {
			add(o.Rules, o.Packages, o.Globals, o.Secrets, o.Ignore, o.Next)
		}
	}
	return s
}

func (o Override) matches(base, dir string) bool {
	for _, p := range o.Apps {
		if newGlob(base, p).matchExact(dir) {
			return true
		}
	}
	return false
}

// UnusedOverrides returns a warning for each override whose apps match none
// of appDirs (absolute): a typo in a path silently configures nothing.
func (c *Config) UnusedOverrides(appDirs []string) []string {
	if c == nil {
		return nil
	}
	var out []string
	for i, o := range c.Overrides {
		used := false
		for _, d := range appDirs {
			if o.matches(c.Dir, d) {
				used = true
				break
			}
		}
		if !used {
			out = append(out, fmt.Sprintf("%s: overrides[%d].apps %q matches no app", c.Path, i, o.Apps))
		}
	}
	return out
}

// Severity returns the configured severity of rule, or def.
func (s *Settings) Severity(rule string, def Severity) Severity {
	if sev, ok := s.Rules[rule]; ok {
		return sev
	}
	return def
}

// Ignored reports whether the absolute path matches an ignore glob. Ignored
// files are still analysed — an import trace may pass through them — but
// findings in them are not reported.
func (s *Settings) Ignored(path string) bool {
	for _, g := range s.ignore {
		if g.match(path) {
			return true
		}
	}
	return false
}

// FlagTarget says which analyzer flag a list setting feeds: the values are
// joined with commas. An empty Analyzer means every analyzer of the run that
// declares the flag.
type FlagTarget struct {
	Key      string // configuration key, e.g. "packages.browserOnly"
	Analyzer string
	Flag     string
}

// FlagTargets maps list settings onto analyzer flags. Rules that read the
// secret-name patterns declare the flags "secret-patterns" and
// "public-patterns" (comma-separated word patterns) to receive them.
var FlagTargets = []FlagTarget{
	{"packages.browserOnly", "serverimport", "packages"},
	{"packages.sideEffects", "effectimport", "packages"},
	{"globals", "ssrgraph", "globals"},
	{"secrets.credentials", "", "secret-patterns"},
	{"secrets.publicByDesign", "", "public-patterns"},
	{"next.pageExtensions", "ssrgraph", "next-page-extensions"},
	{"next.env", "ssrgraph", "next-env"},
	{"next.cacheComponents", "ssrgraph", "next-cache-components"},
}

func (s *Settings) list(key string) []string {
	switch key {
	case "packages.browserOnly":
		return s.BrowserOnly
	case "packages.sideEffects":
		return s.SideEffects
	case "globals":
		return s.Globals
	case "secrets.credentials":
		return s.Credentials
	case "secrets.publicByDesign":
		return s.PublicByDesign
	case "next.pageExtensions":
		return s.Next.PageExtensions
	case "next.env":
		return s.Next.Env
	case "next.cacheComponents":
		if c := s.Next.CacheComponents; c != nil {
			return []string{strconv.FormatBool(*c)}
		}
	}
	return nil
}

// Flags returns the analyzer flag values that carry the settings to the
// analyzers (and the analyzers they require), for checker.Options.AppFlags.
// unread lists the configured keys that no analyzer of the run reads.
func (s *Settings) Flags(analyzers []*analysis.Analyzer) (flags map[*analysis.Analyzer]map[string]string, unread []string) {
	var run []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		run = append(run, a)
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range analyzers {
		visit(a)
	}
	flags = map[*analysis.Analyzer]map[string]string{}
	for _, t := range FlagTargets {
		vals := s.list(t.Key)
		if len(vals) == 0 {
			continue
		}
		read := false
		for _, a := range run {
			if (t.Analyzer != "" && a.Name != t.Analyzer) || a.Flags.Lookup(t.Flag) == nil {
				continue
			}
			if flags[a] == nil {
				flags[a] = map[string]string{}
			}
			flags[a][t.Flag] = strings.Join(vals, ",")
			read = true
		}
		if !read {
			unread = append(unread, t.Key)
		}
	}
	return flags, unread
}
