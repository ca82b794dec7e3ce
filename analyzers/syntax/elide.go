package syntax

import (
	"path/filepath"
	"strings"
)

// isTypeScript reports whether path is compiled as TypeScript (and so has
// its unused imports elided). Declaration files are never compiled.
func isTypeScript(path string) bool {
	if strings.HasSuffix(path, ".d.ts") {
		return false
	}
	switch filepath.Ext(path) {
	case ".ts", ".tsx", ".mts", ".cts":
		return true
	}
	return false
}

// elideUnused marks Elided (and TypeOnly) the static imports of a
// TypeScript module none of whose bindings is used as a value. The
// TypeScript compiler, SWC (which Next uses) and Babel cannot tell from one
// file whether an imported name is a type, so they drop every import
// binding the module uses only in types or not at all, and the whole import
// when none is left: the imported module is then neither evaluated nor
// bundled through this import. Observed with next build 15.5: a "use
// client" page whose graph reaches `import { ApiError } from "./errors"`
// used only as `ApiError["code"]` builds, although errors.ts imports
// "server-only"; one value use of ApiError fails the build. Bare imports
// (`import "m"`) and `import {} from "m"` are kept, as the compilers keep
// them. Next passes no verbatimModuleSyntax to SWC, so it changes nothing.
func (f *file) elideUnused() {
	if !isTypeScript(f.path) {
		return
	}
	var set wordSet
	owner := map[string]int{} // binding name → import index
	for i, imp := range f.sum.Imports {
		if imp.Kind != ImportStatic || imp.TypeOnly || imp.SideEffectOnly || len(imp.Bindings) == 0 {
			continue
		}
		for _, b := range imp.Bindings {
			set.add(b.Local, wantLocal)
			owner[b.Local] = i
		}
	}
	if len(owner) == 0 {
		return
	}
	used := map[int]bool{}
	mentioned := map[int]bool{}
	for _, h := range set.scan(f.src) {
		i := owner[string(f.src[h.start:h.end])]
		if used[i] {
			continue
		}
		if st := f.sum.Imports[i].StmtSpan; st.Start <= h.start && h.start < st.End {
			continue
		}
		mentioned[i] = true
		if f.valueRef(h.start, h.end) {
			used[i] = true
		}
	}
	for _, i := range owner {
		if !used[i] {
			f.sum.Imports[i].TypeOnly = true
			f.sum.Imports[i].Elided = true
			// A binding that appears nowhere else was just typed: in an
			// editor the next keystrokes use it.
			f.sum.Imports[i].Unused = !mentioned[i]
		}
	}
}

// valueRef reports whether the word at [start, end) is a use of a name as a
// value: not a type, a property name, a binding of another local, a string
// or a comment. When unsure it says yes, which keeps the import.
func (f *file) valueRef(start, end int) bool {
	id := f.nodeAt(start, end)
	if id == nil || int(id.StartByte()) != start || int(id.EndByte()) != end {
		return false
	}
	switch id.Type() {
	case "identifier":
	case "shorthand_property_identifier":
		return true // { name } reads name
	default:
		return false // type_identifier, property_identifier, string, comment, …
	}
	p := id.Parent()
	if p == nil {
		return true
	}
	switch p.Type() {
	case "type_query", "nested_type_identifier":
		// typeof x and x.T in a type.
		return false
	case "member_expression":
		if memberChainParent(p).Type() == "type_query" {
			return false // typeof x.y in a type
		}
	case "export_specifier":
		// export type { x } and export { type x } re-export a type.
		if hasKeyword(p, "type") {
			return false
		}
		if clause := p.Parent(); clause != nil {
			if stmt := clause.Parent(); stmt != nil && stmt.Type() == "export_statement" && hasKeyword(stmt, "type") {
				return false
			}
		}
		return true
	}
	if _, binding := f.bindingOf(id, p); binding {
		return false
	}
	return true
}
