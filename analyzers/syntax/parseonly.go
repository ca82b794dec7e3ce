package syntax

import (
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
)

// ParseOnly parses src (the contents of path) with the grammar Parse would
// use and discards the tree, extracting nothing. It is the floor Parse is
// measured against: the benchmark compares a full ssrlint run with
// ParseOnly over the same files.
func ParseOnly(path string, src []byte) error {
	tree, err := parseTree(path, src)
	if err != nil {
		return err
	}
	tree.Close()
	return nil
}

// importQuery is the smallest query an extraction could run: one pattern,
// the import statements.
const importQuery = `(import_statement) @import`

var importQueries = sync.OnceValues(func() (map[*sitter.Language]*sitter.Query, error) {
	qs := map[*sitter.Language]*sitter.Query{}
	for _, lang := range []*sitter.Language{tsLang(), tsxLang()} {
		q, err := sitter.NewQuery([]byte(importQuery), lang)
		if err != nil {
			return nil, err
		}
		qs[lang] = q
	}
	return qs, nil
})

// ParseQueryImports parses src like ParseOnly, then runs a one-pattern
// tree-sitter query for the import statements and returns how many it
// captured. The benchmark uses it to measure what extracting by queries
// would cost: tree-sitter runs a query by walking the whole tree, so even
// this one costs a large fraction of the parse.
func ParseQueryImports(path string, src []byte) (int, error) {
	qs, err := importQueries()
	if err != nil {
		return 0, err
	}
	tree, err := parseTree(path, src)
	if err != nil {
		return 0, err
	}
	defer tree.Close()
	qc := sitter.NewQueryCursor()
	defer qc.Close()
	qc.Exec(qs[languageFor(path)], tree.RootNode())
	n := 0
	for {
		if _, _, ok := qc.NextCapture(); !ok {
			return n, nil
		}
		n++
	}
}
