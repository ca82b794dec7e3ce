package syntax

import (
	"bytes"
	"slices"

	sitter "github.com/smacker/go-tree-sitter"
)

// Scoping works on byte ranges rather than on a scope tree. JavaScript
// scopes nest like the nodes that create them, so "the reference lies inside
// the range of the scope a declaration binds in" is the same as "that scope
// encloses the reference". Declarations of a name are found the way
// references are: a byte scan for the name, then one tree-sitter lookup per
// occurrence. That costs one node lookup per occurrence of the name, whereas
// an upward walk that inspects every sibling statement of every enclosing
// block costs one cgo call per statement, and still misses `var`s hoisted out
// of nested blocks.

// decl is a declaration of a name, with the range of the scope it binds in.
type decl struct {
	scope Span
	// node is the declaring construct: a variable_declarator whose name is
	// the identifier itself, a function_declaration, or nil.
	node *sitter.Node
	// isImport marks import bindings (their scope is the whole module).
	isImport bool
}

func (d decl) covers(off int) bool { return d.scope.Start <= off && off < d.scope.End }

// isShadowed reports whether name, referenced at n, resolves to a local
// binding rather than the global.
func (f *file) isShadowed(name string, n *sitter.Node) bool {
	at := int(n.StartByte())
	shadowed := false
	eachWord(f.src, name, 0, len(f.src), func(start int) bool {
		if start == at {
			return true
		}
		id := f.nodeAt(start, start+len(name))
		if id == nil || int(id.StartByte()) != start || int(id.EndByte()) != start+len(name) {
			return true
		}
		if d, ok := f.declOf(id); ok && d.covers(at) {
			shadowed = true
			return false
		}
		return true
	})
	return shadowed
}

// eachWord calls fn with the offset of every occurrence of word in
// src[from:to] that stands alone as an identifier and is not a property
// name after a dot, until fn returns false.
func eachWord(src []byte, word string, from, to int, fn func(start int) bool) {
	w := []byte(word)
	off := from
	for off < to {
		i := bytes.Index(src[off:to], w)
		if i < 0 {
			return
		}
		start := off + i
		end := start + len(w)
		off = end
		if start > 0 && identPart[src[start-1]] || end < len(src) && identPart[src[end]] || isMemberDot(src, start) {
			continue
		}
		if !fn(start) {
			return
		}
	}
}

// isMemberDot reports whether the word at start directly follows a member
// access dot (`x.window`, `x?.window`), but not a spread (`...window`).
func isMemberDot(src []byte, start int) bool {
	return start > 0 && src[start-1] == '.' && (start < 2 || src[start-2] != '.')
}

// identStart and identPart classify bytes of identifiers. Bytes >= 0x80 are
// parts of non-ASCII letters.
var identStart, identPart [256]bool

func init() {
	for b := 0; b < 256; b++ {
		c := byte(b)
		letter := c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
		identStart[b] = letter
		identPart[b] = letter || c >= '0' && c <= '9'
	}
}

// declOf reports whether id (an identifier, a shorthand pattern or a class
// name) is the name a declaration binds, and the scope it binds in.
func (f *file) declOf(id *sitter.Node) (decl, bool) {
	d, binding := f.bindingOf(id, id.Parent())
	return d, binding && d.scope.End > 0
}

// bindingOf classifies an identifier whose parent is p. binding is true when
// the identifier is in a binding or assignment-target position (it is not a
// read); the returned decl is zero when that position declares nothing
// (destructuring assignment, `import { window as w }`'s imported name,
// ambient `declare const`).
func (f *file) bindingOf(id, p *sitter.Node) (d decl, binding bool) {
	if p == nil {
		return decl{}, false
	}
	c := id
	// Climb out of destructuring patterns to the construct that declares.
	for {
		switch p.Type() {
		case "object_pattern", "array_pattern", "rest_pattern", "pair_pattern":
			// A pair_pattern's key is a property_identifier, so an
			// identifier child is its value.
		case "assignment_pattern", "object_assignment_pattern":
			if !isField(p, "left", c) {
				return decl{}, false // the default value is a read
			}
		default:
			goto top
		}
		c = p
		if p = p.Parent(); p == nil {
			return decl{}, false
		}
	}
top:
	switch p.Type() {
	case "variable_declarator":
		if !isField(p, "name", c) {
			return decl{}, false
		}
		list := p.Parent()
		if list == nil {
			return decl{}, true
		}
		node := p
		if !c.Equal(id) {
			node = nil // destructured: no single value to follow
		}
		if list.Type() == "variable_declaration" {
			s, ok := varScope(list)
			return decl{scope: s, node: node}, ok
		}
		s, ok := blockScope(list)
		return decl{scope: s, node: node}, ok
	case "for_in_statement":
		if !isField(p, "left", c) {
			return decl{}, false
		}
		switch {
		case hasKeyword(p, "var"):
			s, ok := varScope(p)
			return decl{scope: s}, ok
		case hasKeyword(p, "let"), hasKeyword(p, "const"):
			return decl{scope: span(p)}, true
		}
		return decl{}, true // for (window of xs): an assignment target
	case "required_parameter", "optional_parameter":
		if !isField(p, "pattern", c) {
			return decl{}, false
		}
		fn := p.Parent() // formal_parameters
		if fn != nil {
			fn = fn.Parent()
		}
		if fn == nil {
			return decl{}, true
		}
		return decl{scope: span(fn)}, true
	case "arrow_function":
		if !isField(p, "parameter", c) {
			return decl{}, false
		}
		return decl{scope: span(p)}, true
	case "catch_clause":
		if !isField(p, "parameter", c) {
			return decl{}, false
		}
		return decl{scope: span(p)}, true
	case "function_declaration", "generator_function_declaration", "class_declaration",
		"abstract_class_declaration", "enum_declaration":
		if !isField(p, "name", c) {
			return decl{}, false
		}
		// Modules are strict code: a function declared in a block is
		// scoped to that block (and hoisted within it).
		s, ok := blockScope(p)
		node := p
		if p.Type() != "function_declaration" {
			node = nil
		}
		return decl{scope: s, node: node}, ok
	case "function_expression", "function", "generator_function", "class":
		if !isField(p, "name", c) {
			return decl{}, false
		}
		// A named function or class expression binds its name inside itself.
		return decl{scope: span(p)}, true
	case "import_specifier":
		if a := p.ChildByFieldName("alias"); a != nil && !a.Equal(c) {
			return decl{}, true // the imported name, not a local binding
		}
		return decl{scope: span(f.root), isImport: true}, true
	case "import_clause", "namespace_import", "import_require_clause":
		return decl{scope: span(f.root), isImport: true}, true
	case "assignment_expression", "augmented_assignment_expression":
		if c.Equal(id) {
			return decl{}, false // window = x: a (throwing) reference
		}
		return decl{}, isField(p, "left", c)
	case "export_specifier", "labeled_statement", "type_predicate", "index_signature",
		"nested_identifier", "jsx_namespace_name", "internal_module", "module",
		"jsx_closing_element", "property_signature", "method_signature":
		return decl{}, true
	}
	return decl{}, false
}

// isField reports whether c is p's child in field name.
func isField(p *sitter.Node, name string, c *sitter.Node) bool {
	fc := p.ChildByFieldName(name)
	return fc != nil && fc.Equal(c)
}

// blockScope returns the range a lexical declaration (let, const, class,
// function in strict code) that is a statement of some block binds in.
func blockScope(stmt *sitter.Node) (Span, bool) {
	p := stmt.Parent()
	for p != nil {
		switch p.Type() {
		case "ambient_declaration":
			// declare const window: Window — a type-level claim that the
			// global exists, not a binding.
			return Span{}, false
		case "export_statement", "switch_case":
			p = p.Parent()
			continue
		}
		return span(p), true
	}
	return Span{}, false
}

// varScope returns the range a `var` binds in: the enclosing function, class
// static block or module.
func varScope(n *sitter.Node) (Span, bool) {
	for p := n.Parent(); p != nil; p = p.Parent() {
		t := p.Type()
		switch {
		case t == "ambient_declaration":
			return Span{}, false
		case isFunctionNode(t), t == "class_static_block", t == "program":
			return span(p), true
		}
	}
	return Span{}, false
}

// ancestors returns n's ancestors, the root first and n's parent last.
// tree-sitter's Parent() searches down from the root on every call, so a
// walk up a chain of d ancestors costs O(d²); a cursor going down towards n
// finds them all in one pass.
func (f *file) ancestors(n *sitter.Node) []*sitter.Node {
	if path, ok := f.descend(n); ok {
		return path
	}
	// Not reached (an empty node): fall back on Parent().
	var up []*sitter.Node
	for p := n.Parent(); p != nil; p = p.Parent() {
		up = append(up, p)
	}
	slices.Reverse(up)
	return up
}

// descend finds n's ancestors with a tree cursor; ok is false when the
// cursor does not reach n.
func (f *file) descend(n *sitter.Node) (path []*sitter.Node, ok bool) {
	if n.ID() == f.root.ID() {
		return nil, true
	}
	path = make([]*sitter.Node, 1, 24)
	path[0] = f.root
	cur := sitter.NewTreeCursor(f.root)
	defer cur.Close()
	// GoToFirstChildForByte(b) moves to the first child whose end is >= b:
	// asking for start+1 skips a sibling that ends where n starts.
	goal, id := n.StartByte()+1, n.ID()
	for cur.GoToFirstChildForByte(goal) >= 0 {
		c := cur.CurrentNode()
		if c.ID() == id {
			return path, true
		}
		path = append(path, c)
	}
	return nil, false
}
