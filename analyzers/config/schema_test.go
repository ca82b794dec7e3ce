package config

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ssrlint/ssrlint/analyzers/all"
	"github.com/ssrlint/ssrlint/analyzers/suppress"
	"github.com/ssrlint/ssrlint/rules"
)

var update = flag.Bool("update", false, "rewrite the rule list of ssrlint.schema.json from the registered rules")

const schemaPath = "../../ssrlint.schema.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	c := jsonschema.NewCompiler()
	const id = "https://raw.githubusercontent.com/ssrlint/ssrlint/main/ssrlint.schema.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatalf("compiling %s: %v", schemaPath, err)
	}
	return sch
}

func schemaAccepts(t *testing.T, sch *jsonschema.Schema, doc string) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("%v in %s", err, doc)
	}
	return sch.Validate(inst)
}

// TestSchemaExamples: the example configurations pass both the schema and
// the loader, and configurations that break a rule fail both.
func TestSchemaExamples(t *testing.T) {
	sch := compileSchema(t)
	files, _ := filepath.Glob("../../examples/config/*.json")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := string(data)
		if filepath.Base(f) == "package.json" {
			var pj map[string]json.RawMessage
			if err := json.Unmarshal(data, &pj); err != nil {
				t.Fatal(err)
			}
			doc = string(pj[PackageJSONKey])
		}
		if err := schemaAccepts(t, sch, doc); err != nil {
			t.Errorf("%s violates the schema: %v", f, err)
		}
		if _, err := Parse(f, data); err != nil {
			t.Errorf("%s: loader: %v", f, err)
		}
	}
	for name, doc := range map[string]string{
		"unknown key":            `{"rulez": {}}`,
		"unknown rule":           `{"rules": {"serverimprt": "error"}}`,
		"bad severity":           `{"rules": {"serverimport": "fatal"}}`,
		"severity not a string":  `{"rules": {"serverimport": 2}}`,
		"rules not an object":    `{"rules": ["serverimport"]}`,
		"unknown packages key":   `{"packages": {"serverOnly": []}}`,
		"package with a space":   `{"packages": {"browserOnly": ["acme sdk"]}}`,
		"package not a string":   `{"packages": {"sideEffects": [1]}}`,
		"global not identifier":  `{"globals": ["1st"]}`,
		"globals not a list":     `{"globals": "AcmeBridge"}`,
		"lower-case secret":      `{"secrets": {"credentials": ["acme_token"]}}`,
		"unknown secrets key":    `{"secrets": {"tokens": []}}`,
		"absolute ignore":        `{"ignore": ["/etc/**"]}`,
		"backslash ignore":       `{"ignore": ["a\\b"]}`,
		"override without apps":  `{"overrides": [{"rules": {}}]}`,
		"override empty apps":    `{"overrides": [{"apps": []}]}`,
		"override unknown key":   `{"overrides": [{"apps": ["a"], "extends": "x"}]}`,
		"override bad rule":      `{"overrides": [{"apps": ["a"], "rules": {"nope": "off"}}]}`,
		"overrides not a list":   `{"overrides": {"apps": ["a"]}}`,
		"schema key not string":  `{"$schema": 1}`,
		"top level not object":   `[]`,
		"nested override global": `{"overrides": [{"apps": ["a"], "globals": ["a-b"]}]}`,
	} {
		if err := schemaAccepts(t, sch, doc); err == nil {
			t.Errorf("%s: the schema accepts %s", name, doc)
		}
		if _, err := Parse("ssrlint.json", []byte(doc)); err == nil {
			t.Errorf("%s: the loader accepts %s", name, doc)
		}
	}
	// What only the loader can check: glob syntax beyond the pattern.
	for _, doc := range []string{`{"ignore": ["../x"]}`, `{"ignore": ["x/[ab"]}`} {
		if _, err := Parse("ssrlint.json", []byte(doc)); err == nil {
			t.Errorf("the loader accepts %s", doc)
		}
	}
}

// schemaNode resolves local $refs, merging the referring node's own
// keywords (a description next to a $ref) over the target.
func schemaNode(t *testing.T, root map[string]any, n any) map[string]any {
	t.Helper()
	m, ok := n.(map[string]any)
	if !ok {
		t.Fatalf("schema node %v is not an object", n)
	}
	ref, ok := m["$ref"].(string)
	if !ok {
		return m
	}
	target := any(root)
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		target = target.(map[string]any)[part]
	}
	merged := map[string]any{}
	for k, v := range schemaNode(t, root, target) {
		merged[k] = v
	}
	for k, v := range m {
		if k != "$ref" {
			merged[k] = v
		}
	}
	return merged
}

// TestSchemaAgreesWithLoader walks the schema and the loader's field table
// side by side: the same keys at every level, the same item patterns, the
// same rule names and severities, the same required keys. It also checks
// the Go structs decode exactly those keys.
func TestSchemaAgreesWithLoader(t *testing.T) {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	var walk func(where string, node map[string]any, fields []field)
	walk = func(where string, node map[string]any, fields []field) {
		if node["type"] != "object" || node["additionalProperties"] != false {
			t.Errorf("%s: schema wants type object with additionalProperties false, has %v / %v", where, node["type"], node["additionalProperties"])
		}
		props, _ := node["properties"].(map[string]any)
		var schemaKeys []string
		for k := range props {
			schemaKeys = append(schemaKeys, k)
		}
		sort.Strings(schemaKeys)
		goKeys := fieldNames(fields)
		sort.Strings(goKeys)
		if !reflect.DeepEqual(schemaKeys, goKeys) {
			t.Errorf("%s: schema keys %v, loader keys %v", where, schemaKeys, goKeys)
		}
		var required []string
		for _, f := range fields {
			if f.required {
				required = append(required, f.name)
			}
		}
		var schemaRequired []string
		for _, r := range asList(node["required"]) {
			schemaRequired = append(schemaRequired, r.(string))
		}
		if !reflect.DeepEqual(schemaRequired, required) {
			t.Errorf("%s: schema requires %v, loader %v", where, schemaRequired, required)
		}
		for _, f := range fields {
			p, ok := props[f.name]
			if !ok {
				continue
			}
			key := where + "." + f.name
			n := schemaNode(t, root, p)
			switch f.kind {
			case kindString:
				if n["type"] != "string" {
					t.Errorf("%s: schema type %v, loader string", key, n["type"])
				}
			case kindList:
				items := schemaNode(t, root, n["items"])
				if n["type"] != "array" || items["type"] != "string" {
					t.Errorf("%s: schema wants %v of %v, loader a list of strings", key, n["type"], items["type"])
				}
				if items["pattern"] != f.item.pattern.String() {
					t.Errorf("%s: schema pattern %q, loader %q", key, items["pattern"], f.item.pattern.String())
				}
				if min, _ := n["minItems"].(float64); (min == 1) != f.nonEmpty {
					t.Errorf("%s: schema minItems %v, loader nonEmpty %v", key, n["minItems"], f.nonEmpty)
				}
			case kindSeverities:
				if n["type"] != "object" || n["additionalProperties"] != false {
					t.Errorf("%s: schema does not close the rule names", key)
				}
				rules, _ := n["properties"].(map[string]any)
				var names []string
				for name, sev := range rules {
					names = append(names, name)
					enum := asList(schemaNode(t, root, sev)["enum"])
					if !reflect.DeepEqual(fmtList(enum), severityWords()) {
						t.Errorf("%s.%s: schema severities %v, loader %v", key, name, enum, severityWords())
					}
				}
				sort.Strings(names)
				if !reflect.DeepEqual(names, KnownRules()) {
					t.Errorf("%s: the schema lists rules %v, ssrlint knows %v: run go test ./analyzers/config -run TestSchemaAgreesWithLoader -update", key, names, KnownRules())
				}
			case kindBool:
				if n["type"] != "boolean" {
					t.Errorf("%s: schema type %v, loader boolean", key, n["type"])
				}
			case kindObject:
				walk(key, n, f.fields)
			case kindObjectList:
				if n["type"] != "array" {
					t.Errorf("%s: schema type %v, loader a list", key, n["type"])
				}
				walk(key+"[]", schemaNode(t, root, n["items"]), f.fields)
			}
		}
	}
	if *update {
		if err := os.WriteFile(schemaPath, schemaWithRules(t, data), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	walk("$", root, topFields)

	// The structs the loader decodes into have a field for every key.
	checkTags := func(typ reflect.Type, fields []field) {
		var tags []string
		for i := 0; i < typ.NumField(); i++ {
			if tag := strings.Split(typ.Field(i).Tag.Get("json"), ",")[0]; tag != "" && tag != "-" {
				tags = append(tags, tag)
			}
		}
		sort.Strings(tags)
		names := fieldNames(fields)
		sort.Strings(names)
		if !reflect.DeepEqual(tags, names) {
			t.Errorf("%s decodes %v, the loader validates %v", typ.Name(), tags, names)
		}
	}
	checkTags(reflect.TypeOf(Config{}), topFields)
	for _, f := range topFields {
		switch f.name {
		case "packages":
			checkTags(reflect.TypeOf(Packages{}), f.fields)
		case "secrets":
			checkTags(reflect.TypeOf(Secrets{}), f.fields)
		case "next":
			checkTags(reflect.TypeOf(Next{}), f.fields)
		case "overrides":
			checkTags(reflect.TypeOf(Override{}), f.fields)
		}
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func fmtList(l []any) []string {
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = v.(string)
	}
	return out
}

// TestSchemaIsFormatted keeps the shipped schema valid, indented JSON.
func TestSchemaIsFormatted(t *testing.T) {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(data) || !bytes.HasSuffix(data, []byte("}\n")) {
		t.Errorf("%s is not valid JSON ending in a newline", schemaPath)
	}
}

// schemaWithRules returns the schema text with the lines of
// $defs.rules.properties regenerated from KnownRules, each with its rule's
// title, leaving the rest of the file as written.
func schemaWithRules(t *testing.T, data []byte) []byte {
	t.Helper()
	lines := strings.SplitAfter(string(data), "\n")
	start := -1
	for i := 0; i+3 < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == `"rules": {` && strings.Contains(lines[i+1], `"description"`) && strings.Contains(lines[i+4], `"properties": {`) {
			start = i + 4
			break
		}
	}
	if start < 0 {
		t.Fatal("cannot find $defs.rules.properties in the schema")
	}
	end := start + 1
	for end < len(lines) && strings.TrimSpace(lines[end]) != "}" {
		end++
	}
	indent := lines[start][:len(lines[start])-len(strings.TrimLeft(lines[start], " "))] + "  "
	var gen []string
	for i, name := range KnownRules() {
		desc := "Malformed, unknown-rule and unused ssrlint-ignore comments (default error)."
		if name != suppress.Rule {
			desc = strings.SplitN(all.ByName(name).Doc, "\n", 2)[0] + "."
			if doc, ok := rules.Doc(name); ok {
				desc = fmt.Sprintf("%s (default %s).", doc.Title, doc.Severity)
			}
		}
		d, _ := json.Marshal(desc)
		comma := ","
		if i == len(KnownRules())-1 {
			comma = ""
		}
		gen = append(gen, fmt.Sprintf("%s%q: { \"$ref\": \"#/$defs/severity\", \"description\": %s }%s\n", indent, name, d, comma))
	}
	out := append(append(append([]string{}, lines[:start+1]...), gen...), lines[end:]...)
	return []byte(strings.Join(out, ""))
}
