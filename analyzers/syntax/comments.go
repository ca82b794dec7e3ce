package syntax

import (
	"context"
	"fmt"
	"strings"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
)

// Comment is one comment node: its span and text without the // or /* */.
type Comment struct {
	Span Span
	Text string
}

var commentQueries sync.Map // *sitter.Language → *sitter.Query

// Comments returns the file's comments, found by tree-sitter (so `//` in a
// string or JSX text is not a comment). Test harnesses read `want`
// expectations from them; suppression comments use them too.
func Comments(path string, src []byte) ([]Comment, error) {
	lang := languageFor(path)
	ps := sitter.NewParser()
	defer ps.Close()
	ps.SetLanguage(lang)
	tree, err := ps.ParseCtx(context.Background(), nil, src)
	if err != nil || tree == nil {
		return nil, fmt.Errorf("parsing %s: %v", path, err)
	}
	defer tree.Close()
	q, ok := commentQueries.Load(lang)
	if !ok {
		nq, err := sitter.NewQuery([]byte("(comment) @c"), lang)
		if err != nil {
			return nil, fmt.Errorf("comment query: %w", err)
		}
		q, _ = commentQueries.LoadOrStore(lang, nq)
	}
	qc := sitter.NewQueryCursor()
	defer qc.Close()
	qc.Exec(q.(*sitter.Query), tree.RootNode())
	var out []Comment
	for {
		m, ok := qc.NextMatch()
		if !ok {
			break
		}
		for _, c := range m.Captures {
			text := c.Node.Content(src)
			switch {
			case strings.HasPrefix(text, "//"):
				text = text[2:]
			case strings.HasPrefix(text, "/*"):
				text = strings.TrimSuffix(text[2:], "*/")
			}
			out = append(out, Comment{Span: span(c.Node), Text: strings.TrimSpace(text)})
		}
	}
	return out, nil
}
