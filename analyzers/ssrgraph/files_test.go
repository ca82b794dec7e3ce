package ssrgraph_test

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFileFor(t *testing.T) {
	g := graphOf(t, "testdata/classify")
	mod := filepath.Join(g.App.Dir, "app/page.tsx")
	src, err := os.ReadFile(mod)
	if err != nil {
		t.Fatal(err)
	}
	if got := g.FileFor(mod, src); got != g.Module(mod).File {
		t.Error("FileFor(module) is not the module's token.File")
	}
	env := filepath.Join(g.App.Dir, ".env.local")
	content := []byte("A=1\nB=2\n")
	f1 := g.FileFor(env, content)
	f2 := g.FileFor(env, content)
	if f1 != f2 {
		t.Error("FileFor added the same file twice")
	}
	if f1.Name() != env || f1.LineCount() != 2 {
		t.Errorf("FileFor = %s with %d lines, want %s with 2", f1.Name(), f1.LineCount(), env)
	}
	if p := g.Fset.Position(f1.Pos(4)); p.Line != 2 || p.Column != 1 {
		t.Errorf("offset 4 is at %d:%d, want 2:1", p.Line, p.Column)
	}
}
