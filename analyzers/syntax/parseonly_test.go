package syntax

import "testing"

func TestParseQueryImports(t *testing.T) {
	for _, tc := range []struct {
		path, src string
		want      int
	}{
		{"a.ts", "import a from 'a';\nimport type { B } from 'b';\nexport { c } from 'c';\nconst d = require('d');", 2},
		{"b.tsx", "'use client';\nimport { x } from './x';\nexport default () => <div>{x}</div>;", 1},
		{"c.js", "module.exports = 1;", 0},
	} {
		got, err := ParseQueryImports(tc.path, []byte(tc.src))
		if err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		if got != tc.want {
			t.Errorf("%s: %d import statements captured, want %d", tc.path, got, tc.want)
		}
		if err := ParseOnly(tc.path, []byte(tc.src)); err != nil {
			t.Errorf("%s: ParseOnly: %v", tc.path, err)
		}
	}
}
