package syntax

import (
	"context"
	"os"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
)

func readBenchFile(tb testing.TB) []byte {
	tb.Helper()
	src, err := os.ReadFile("testdata/bench/call-room.tsx")
	if err != nil {
		tb.Fatal(err)
	}
	return src
}

// The benchmark input is a realistic client component that uses the browser
// only in effects, handlers and behind guards: nothing in it runs a browser
// global or the SDK during SSR.
func TestBenchFileIsClean(t *testing.T) {
	src := readBenchFile(t)
	s := parseT(t, "call-room.tsx", string(src))
	if len(s.Globals) != 16 {
		t.Errorf("%d global references found, want 16", len(s.Globals))
	}
	for _, r := range s.Globals {
		if r.Kind != RefTypeof && !r.Guarded && !r.Shadowed && !r.Context.BrowserOnly() {
			t.Errorf("%s at %d: %s", r.Name, r.Span.Start, describe(r))
		}
	}
	sdk := 0
	for _, u := range s.BindingUses {
		switch s.Imports[u.Import].Spec {
		case "@signalwire/js", "@sentry/nextjs":
			sdk++
			if u.Context != CtxEffect {
				t.Errorf("%s: %s", string(src[u.Span.Start:u.Span.End]), describeUse(u))
			}
		}
	}
	if sdk != 3 {
		t.Errorf("SDK uses = %d, want 3 (SignalWire, StaticCredentialProvider, Sentry.captureException)", sdk)
	}
}

// BenchmarkParse compares Parse (parse + extraction) with a bare tree-sitter
// parse of the same file.
func BenchmarkParse(b *testing.B) {
	src := readBenchFile(b)
	opts := &Options{Globals: testGlobals}
	b.Run("tree-sitter", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			ps, put := getParser(tsxLang(), "tsx")
			tree, err := ps.ParseCtx(context.Background(), nil, src)
			put()
			if err != nil {
				b.Fatal(err)
			}
			tree.Close()
		}
	})
	b.Run("Parse", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, err := Parse("call-room.tsx", src, opts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Parse-no-globals", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, err := Parse("call-room.tsx", src, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// ancestors must agree with tree-sitter's Parent() for every node.
func TestAncestorsMatchParent(t *testing.T) {
	src := readBenchFile(t)
	ps, put := getParser(tsxLang(), "tsx")
	tree, err := ps.ParseCtx(context.Background(), nil, src)
	put()
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	f := &file{path: "call-room.tsx", src: src, root: tree.RootNode(), opts: &Options{}, sum: &Summary{}}
	f.lines = lineStarts(src)
	checked := 0
	var visit func(n *sitter.Node)
	visit = func(n *sitter.Node) {
		if n.EndByte() > n.StartByte() {
			var want []uintptr
			for p := n.Parent(); p != nil; p = p.Parent() {
				want = append([]uintptr{p.ID()}, want...)
			}
			got, ok := f.descend(n)
			ok = ok && len(got) == len(want)
			for i := 0; ok && i < len(got); i++ {
				ok = got[i].ID() == want[i]
			}
			if !ok {
				t.Fatalf("ancestors of %s at %d: %d nodes, Parent chain %d", n.Type(), n.StartByte(), len(got), len(want))
			}
			checked++
		}
		for i := 0; i < int(n.ChildCount()); i++ {
			visit(n.Child(i))
		}
	}
	visit(f.root)
	if checked < 1000 {
		t.Errorf("checked only %d nodes", checked)
	}
}
