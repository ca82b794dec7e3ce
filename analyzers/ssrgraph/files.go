package ssrgraph

import (
	"go/token"
	"sync"
)

// fileMu makes FileFor's look-up and addition one step: two rules asking for
// the same file get the same token.File.
var fileMu sync.Mutex

// FileFor returns the token.File of a first-party file that rules report on
// without it being a module, such as a .env file or a next.config the graph
// did not parse, adding it to the graph's FileSet the first time. src is the
// file's content. A module's own token.File is returned for a module's path,
// and a file already in the FileSet with the same size is reused, so that
// every rule reporting on the file shares its positions.
func (g *Graph) FileFor(path string, src []byte) *token.File {
	if m := g.Module(path); m != nil {
		return m.File
	}
	fileMu.Lock()
	defer fileMu.Unlock()
	var found *token.File
	g.Fset.Iterate(func(f *token.File) bool {
		if f.Name() == path && f.Size() == len(src) {
			found = f
			return false
		}
		return true
	})
	if found != nil {
		return found
	}
	f := g.Fset.AddFile(path, -1, len(src))
	f.SetLinesForContent(src)
	return f
}
