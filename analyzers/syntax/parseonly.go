package syntax

import (
	"context"
	"fmt"
)

// ParseOnly parses src (the contents of path) with the grammar Parse would
// use and discards the tree, extracting nothing. It is the floor Parse is
// measured against: the benchmark compares a full ssrlint run with
// ParseOnly over the same files.
func ParseOnly(path string, src []byte) error {
	lang := languageFor(path)
	key := "tsx"
	if lang == tsLang() {
		key = "ts"
	}
	ps, put := getParser(lang, key)
	tree, err := ps.ParseCtx(context.Background(), nil, src)
	put()
	if err != nil {
		return fmt.Errorf("parsing %s: %w", path, err)
	}
	if tree == nil {
		return fmt.Errorf("parsing %s: no syntax tree", path)
	}
	tree.Close()
	return nil
}
