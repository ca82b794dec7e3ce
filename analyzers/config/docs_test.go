package config

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"
)

// TestDocExamples: every configuration shown in the README and in
// docs/configuration.md is one ssrlint accepts, so that a reader who copies
// it gets a working file.
func TestDocExamples(t *testing.T) {
	block := regexp.MustCompile("(?s)```json\n(.*?)```")
	known := map[string]bool{}
	for _, f := range topFields {
		known[f.name] = true
	}
	n := 0
	for _, doc := range []string{"../../README.md", "../../docs/configuration.md"} {
		data, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range block.FindAllSubmatch(data, -1) {
			var top map[string]any
			if json.Unmarshal(m[1], &top) != nil {
				continue // JSONC or a fragment: not a whole file
			}
			if top["name"] != nil || top["dependencies"] != nil || top["scripts"] != nil {
				continue // a package.json
			}
			isConfig := false
			for k := range top {
				isConfig = isConfig || known[k]
			}
			if !isConfig {
				continue
			}
			n++
			if _, err := Parse("ssrlint.json", m[1]); err != nil {
				t.Errorf("%s: a configuration example ssrlint rejects:\n%s\n%v", doc, m[1], err)
			}
		}
	}
	if n < 2 {
		t.Errorf("found %d configuration examples in the docs, want the README's and configuration.md's", n)
	}
}
