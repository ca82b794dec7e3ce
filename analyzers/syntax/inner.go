package syntax

import (
	"slices"
	"sort"

	sitter "github.com/smacker/go-tree-sitter"
)

// Decl is one top-level statement of a module, as a node of the module's
// inner graph: what it declares and exports, whether evaluating it may have
// side effects, and which of the module's bindings it mentions. A bundler
// keeps a statement when it has side effects, when it defines an export
// that is used, or when a kept statement mentions what it declares; code in
// any other statement is never run (webpack's inner graph and terser drop
// it in production; in development it is bundled but nothing calls it).
type Decl struct {
	Span Span
	// Names are the bindings the statement declares.
	Names []string
	// Exports are the export names it defines: the declared names for
	// `export const`/`export function`, "default" for `export default`,
	// the exported names of `export { a as b }` (without a source).
	Exports []string
	// Effect: evaluating the statement may have side effects (pure.go's
	// test), so it is kept whenever the module is evaluated.
	Effect bool
	// Uses and Imports are what the statement mentions: the module's
	// bindings whose names occur in it, outside property names after a
	// dot — the statements declaring them (indices into Summary.Decls) and
	// the import bindings. Words in strings, comments and object keys count
	// too: a reference too many only keeps more code. They are resolved
	// here, once per file, so that the inner graph, computed on every run,
	// needs no name lookups.
	Uses    []int
	Imports []ImportRef
	// BrowserUses and BrowserImports are what the statement mentions only
	// as JSX elements that render in the browser alone — behind a `typeof
	// window` check or a mounted flag of their component (state that
	// starts falsy): `if (!sessions) return null; … <SessionCover />`. The
	// browser bundle keeps them like Uses; the server renders never reach
	// them.
	BrowserUses    []int
	BrowserImports []ImportRef
}

// ImportRef is an import binding a statement mentions: the import (an
// index into Summary.Imports) and the name it imports.
type ImportRef struct {
	Import   int
	Imported string
}

// decls fills Summary.Decls from the program's direct children and the
// per-statement side-effect verdicts of purity. It stays nil for a module
// with syntax errors, whose statements cannot be trusted.
func (f *file) decls(stmts []*sitter.Node, effects []bool) {
	if f.root.HasError() {
		return
	}
	var set wordSet
	ds := make([]Decl, 0, len(stmts))
	for i, c := range stmts {
		switch c.Type() {
		case "comment", "hash_bang_line", "empty_statement", "import_statement":
			continue
		case "export_statement":
			if c.ChildByFieldName("source") != nil {
				// export … from "m": forwarded, not declared here.
				continue
			}
		case "expression_statement":
			if kids := namedNonComment(c); len(kids) == 1 && kids[0].Type() == "string" {
				continue // a directive
			}
		case "type_alias_declaration", "interface_declaration", "ambient_declaration":
			continue
		}
		d := Decl{Span: span(c), Effect: effects[i]}
		f.topDeclNames(c, &d)
		for _, n := range d.Names {
			set.add(n, wantLocal)
		}
		ds = append(ds, d)
	}
	for _, imp := range f.sum.Imports {
		if imp.Kind == ImportStatic && !imp.TypeOnly {
			for _, b := range imp.Bindings {
				set.add(b.Local, wantLocal)
			}
		}
	}
	refs := make([][]string, len(ds))        // names each statement mentions
	browserRefs := make([][]string, len(ds)) // … as browser-only elements
	if set.words != nil {
		for _, h := range set.scan(f.src) {
			i := sort.Search(len(ds), func(i int) bool { return ds[i].Span.End > h.start })
			if i == len(ds) || ds[i].Span.Start > h.start {
				continue // in an import, a type or a comment between statements
			}
			name := string(f.src[h.start:h.end])
			into := &refs[i]
			switch f.elementUse(h.start, h.end) {
			case closingTag:
				continue // its opening tag decides
			case browserElement:
				into = &browserRefs[i]
			}
			if !slices.Contains(*into, name) {
				*into = append(*into, name)
			}
		}
	}
	declOf := map[string][]int{}
	for i, d := range ds {
		for _, n := range d.Names {
			declOf[n] = append(declOf[n], i)
		}
	}
	bindingOf := map[string]ImportRef{}
	for i, imp := range f.sum.Imports {
		if imp.Kind == ImportStatic && !imp.TypeOnly {
			for _, b := range imp.Bindings {
				bindingOf[b.Local] = ImportRef{Import: i, Imported: b.Imported}
			}
		}
	}
	for i := range ds {
		for _, r := range refs[i] {
			for _, j := range declOf[r] {
				if !slices.Contains(ds[i].Uses, j) {
					ds[i].Uses = append(ds[i].Uses, j)
				}
			}
			if b, ok := bindingOf[r]; ok {
				ds[i].Imports = append(ds[i].Imports, b)
			}
		}
		for _, r := range browserRefs[i] {
			if slices.Contains(refs[i], r) {
				continue // also used where the server renders it
			}
			for _, j := range declOf[r] {
				if !slices.Contains(ds[i].BrowserUses, j) {
					ds[i].BrowserUses = append(ds[i].BrowserUses, j)
				}
			}
			if b, ok := bindingOf[r]; ok {
				ds[i].BrowserImports = append(ds[i].BrowserImports, b)
			}
		}
	}
	f.sum.Decls = ds
}

// How a scanned name is used, for decls.
type elementKind int

const (
	plainUse       elementKind = iota
	closingTag                 // </Name>
	browserElement             // <Name …> that only renders in the browser
)

// elementUse says whether the word at src[start:end] names a component in a
// JSX tag, and whether that element renders in the browser only: under a
// browser check (`typeof window !== "undefined" && <Map />`) or a mounted
// flag of the component around it (see mountedFlags).
func (f *file) elementUse(start, end int) elementKind {
	if start < 1 || f.src[start-1] != '<' && f.src[start-1] != '/' || f.src[start] < 'A' || f.src[start] > 'Z' || !f.mayHaveGuards() {
		// Without a guard anywhere, a closing tag counts as a plain use:
		// its opening tag is one too.
		return plainUse
	}
	id := f.nodeAt(start, end)
	if id == nil || int(id.StartByte()) != start || int(id.EndByte()) != end {
		return plainUse
	}
	p := id.Parent()
	if p == nil || !isField(p, "name", id) {
		return plainUse
	}
	switch p.Type() {
	case "jsx_closing_element":
		return closingTag
	case "jsx_opening_element", "jsx_self_closing_element":
	default:
		return plainUse
	}
	el := p
	if p.Type() == "jsx_opening_element" {
		if el = p.Parent(); el == nil {
			return plainUse
		}
	}
	if f.guarded(el) {
		return browserElement
	}
	if _, _, guarded := f.renderPhase(el, false, f.renderMemos()); guarded {
		return browserElement
	}
	return plainUse
}

// topDeclNames fills the names a top-level statement declares and exports.
func (f *file) topDeclNames(n *sitter.Node, d *Decl) {
	exported := false
	if n.Type() == "export_statement" {
		if hasKeyword(n, "default") {
			d.Exports = append(d.Exports, "default")
		} else {
			exported = true
		}
		decl := n.ChildByFieldName("declaration")
		if decl == nil {
			if ec := firstNamedOfType(n, "export_clause"); ec != nil && exported {
				for j := range int(ec.NamedChildCount()) {
					s := ec.NamedChild(j)
					if s.Type() != "export_specifier" || hasKeyword(s, "type") {
						continue
					}
					name := s.ChildByFieldName("alias")
					if name == nil {
						name = s.ChildByFieldName("name")
					}
					if name != nil {
						d.Exports = append(d.Exports, unquote(f.text(name)))
					}
				}
			}
			if v := n.ChildByFieldName("value"); v != nil {
				// export default class X {} / function X() {} keep their name.
				switch v.Type() {
				case "class", "function_expression", "function", "generator_function":
					if name := v.ChildByFieldName("name"); name != nil {
						d.Names = append(d.Names, f.text(name))
					}
				}
			}
			return
		}
		n = decl
	}
	start := len(d.Names)
	switch n.Type() {
	case "function_declaration", "generator_function_declaration", "class_declaration",
		"abstract_class_declaration", "enum_declaration", "module", "internal_module":
		if name := n.ChildByFieldName("name"); name != nil && name.Type() == "identifier" {
			d.Names = append(d.Names, f.text(name))
		}
	case "lexical_declaration", "variable_declaration":
		for i := range int(n.NamedChildCount()) {
			v := n.NamedChild(i)
			if v.Type() != "variable_declarator" {
				continue
			}
			if name := v.ChildByFieldName("name"); name != nil {
				f.patternNames(name, &d.Names)
			}
		}
	}
	if exported {
		d.Exports = append(d.Exports, d.Names[start:]...)
	}
}

// patternNames appends the identifiers a binding pattern binds.
func (f *file) patternNames(n *sitter.Node, out *[]string) {
	switch n.Type() {
	case "identifier", "shorthand_property_identifier_pattern":
		*out = append(*out, f.text(n))
		return
	case "pair_pattern":
		if v := n.ChildByFieldName("value"); v != nil {
			f.patternNames(v, out)
		}
		return
	case "assignment_pattern", "object_assignment_pattern":
		if l := n.ChildByFieldName("left"); l != nil {
			f.patternNames(l, out)
		}
		return
	}
	for i := range int(n.NamedChildCount()) {
		c := n.NamedChild(i)
		switch c.Type() {
		case "comment", "type_annotation":
			continue
		}
		f.patternNames(c, out)
	}
}
