package ssrgraph

import (
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/rules"
)

// ImportedName is the export name a call or construction of an imported
// binding refers to: "SignalWire" for a named import, "Video.RoomSession"
// for a member of a namespace or named import.
func ImportedName(imp *syntax.Import, u syntax.BindingUse) string {
	name := u.Local
	for _, b := range imp.Bindings {
		if b.Local == u.Local {
			name = b.Imported
		}
	}
	if name == "*" || name == "default" {
		name = u.Member
	} else if u.Member != "" {
		name += "." + u.Member
	}
	return name
}

// SDKConstructor reports whether u, in m, constructs or calls one of the
// browser-only SDK constructors and factories listed in rules/packages.json,
// and returns the package and the export name. An import that resolves to a
// first-party file (a tsconfig alias shadowing the package name) does not
// count.
func SDKConstructor(m *Module, u syntax.BindingUse, pkgs *rules.PackageData) (pkg, name string, ok bool) {
	if u.Import < 0 || u.Import >= len(m.Sum.Imports) {
		return "", "", false
	}
	if u.Import < len(m.Edges) && m.Edges[u.Import].To != nil {
		return "", "", false
	}
	imp := &m.Sum.Imports[u.Import]
	pkg, ok = pkgs.IsBrowserOnly(imp.Spec)
	if !ok {
		return "", "", false
	}
	name = ImportedName(imp, u)
	return pkg, name, pkgs.IsConstructor(pkg, name)
}
