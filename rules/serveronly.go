package rules

import (
	"fmt"
	"strings"
	"sync"
)

// ServerOnlyData is the parsed serveronly.json: imports that tie a module
// to the server, and environment-validation packages meant for both sides
// (the secretimport rule).
type ServerOnlyData struct {
	imports map[string]string
	shared  map[string]string
}

type serverOnlyFile struct {
	Comment           string    `json:"comment"`
	ServerOnlyImports []Package `json:"serverOnlyImports"`
	SharedEnvPackages []Package `json:"sharedEnvPackages"`
}

// ServerOnly returns the data embedded from serveronly.json.
func ServerOnly() *ServerOnlyData { return serverOnlyOnce() }

var serverOnlyOnce = sync.OnceValue(mustLoad(loadServerOnly))

func loadServerOnly() (*ServerOnlyData, error) {
	const file = "serveronly.json"
	var f serverOnlyFile
	if err := decode(file, &f); err != nil {
		return nil, err
	}
	d := &ServerOnlyData{imports: map[string]string{}, shared: map[string]string{}}
	for _, l := range []struct {
		what string
		list []Package
		into map[string]string
	}{{"server-only import", f.ServerOnlyImports, d.imports}, {"shared env package", f.SharedEnvPackages, d.shared}} {
		if len(l.list) == 0 {
			return nil, fmt.Errorf("%s: no %ss", file, l.what)
		}
		var names, notes []string
		for _, p := range l.list {
			if strings.ContainsAny(p.Name, " #") || strings.HasPrefix(p.Name, ".") {
				return nil, fmt.Errorf("%s: %s %q is not a package specifier", file, l.what, p.Name)
			}
			names = append(names, p.Name)
			notes = append(notes, p.Note)
			l.into[p.Name] = p.Note
		}
		if err := checkNames(file, l.what, names, notes); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// ServerOnlyImport reports whether importing spec ties a module to the
// server, with the data's note.
func (d *ServerOnlyData) ServerOnlyImport(spec string) (string, bool) {
	n, ok := d.imports[spec]
	return n, ok
}

// SharedEnvPackage reports whether spec is an environment-validation
// package (or a subpath of one) whose modules are imported on both sides.
func (d *ServerOnlyData) SharedEnvPackage(spec string) bool {
	// spec itself, then each parent path: map lookups, no scan.
	for p := spec; p != ""; {
		if _, ok := d.shared[p]; ok {
			return true
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return false
}
