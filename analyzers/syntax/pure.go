package syntax

import sitter "github.com/smacker/go-tree-sitter"

// purity sets Summary.Pure: whether evaluating the module's top level can
// have no effect other than defining its bindings. Webpack 5 in production
// drops such a module when none of its exports is used (its inner-graph
// analysis), even without a package.json "sideEffects" flag. The test is
// conservative: only imports with bindings, exports, function and class
// declarations without static initialisers, type declarations and
// const/let/var whose initialisers are literals, functions, arrows, or
// objects/arrays/operators over those, bindings of the module,
// process.env.X and Boolean/String/Number conversions of those. Any other
// call, new, other member access, assignment, unknown
// global (a browser global throws on the server), enum (compiled to a call)
// or unknown statement makes the module impure, as do a side-effect import,
// "use client"/"use server" (Next treats those modules as boundaries) and
// syntax errors. Only top-level statements and their initialisers are
// visited, never function bodies.
func (f *file) purity() {
	f.sum.Pure = false
	pure := !f.root.HasError() && !f.sum.UseClient && !f.sum.UseServer
	p := &purityCheck{f: f, known: map[string]bool{"undefined": true, "NaN": true, "Infinity": true}}
	for _, imp := range f.sum.Imports {
		if imp.Kind != ImportStatic && imp.Kind != ImportReExport {
			// require() and import() run code (they are calls).
			if imp.Context == CtxModule {
				pure = false
			}
			continue
		}
		if imp.Kind == ImportStatic && imp.SideEffectOnly && !imp.TypeOnly {
			// `import "./polyfill.css"` is there for its effects.
			pure = false
		}
		for _, b := range imp.Bindings {
			p.known[b.Local] = true
		}
	}
	n := int(f.root.NamedChildCount())
	stmts := make([]*sitter.Node, 0, n)
	for i := 0; i < n; i++ {
		c := f.root.NamedChild(i)
		stmts = append(stmts, c)
		p.declare(c)
	}
	// Every statement is judged, not only up to the first impure one: the
	// inner graph (inner.go) needs each statement's verdict.
	effects := make([]bool, len(stmts))
	for i, c := range stmts {
		if !p.stmt(c) {
			effects[i] = true
			pure = false
		}
	}
	f.sum.Pure = pure
	f.decls(stmts, effects)
}

type purityCheck struct {
	f     *file
	known map[string]bool // the module's own bindings
}

// declare records the names a top-level statement binds (declarations are
// hoisted or in their temporal dead zone; either way they are the module's).
func (p *purityCheck) declare(n *sitter.Node) {
	if n.Type() == "export_statement" {
		if d := n.ChildByFieldName("declaration"); d != nil {
			n = d
		} else {
			return
		}
	}
	switch n.Type() {
	case "function_declaration", "generator_function_declaration", "class_declaration",
		"abstract_class_declaration":
		if name := n.ChildByFieldName("name"); name != nil {
			p.known[p.f.text(name)] = true
		}
	case "lexical_declaration", "variable_declaration":
		for i := range int(n.NamedChildCount()) {
			d := n.NamedChild(i)
			if d.Type() != "variable_declarator" {
				continue
			}
			if name := d.ChildByFieldName("name"); name != nil && name.Type() == "identifier" {
				p.known[p.f.text(name)] = true
			}
		}
	}
}

func (p *purityCheck) stmt(n *sitter.Node) bool {
	switch n.Type() {
	case "comment", "hash_bang_line", "empty_statement", "import_statement",
		"type_alias_declaration", "interface_declaration", "ambient_declaration":
		return true
	case "function_declaration", "generator_function_declaration":
		return true
	case "class_declaration", "abstract_class_declaration":
		return p.class(n)
	case "lexical_declaration", "variable_declaration":
		return p.declaration(n)
	case "expression_statement":
		// Only directive-like strings ("use strict").
		kids := namedNonComment(n)
		return len(kids) == 1 && kids[0].Type() == "string"
	case "export_statement":
		if d := n.ChildByFieldName("declaration"); d != nil {
			return p.stmt(d)
		}
		if v := n.ChildByFieldName("value"); v != nil {
			return p.expr(v)
		}
		for i := range int(n.NamedChildCount()) {
			switch c := n.NamedChild(i); c.Type() {
			case "export_clause", "string", "namespace_export", "comment":
				// export { a }, export * from "m", export * as ns from "m"
			case "identifier":
				// export = x (TypeScript)
				if !p.expr(c) {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	return false
}

func (p *purityCheck) declaration(n *sitter.Node) bool {
	for i := range int(n.NamedChildCount()) {
		d := n.NamedChild(i)
		switch d.Type() {
		case "comment":
			continue
		case "variable_declarator":
		default:
			return false
		}
		if name := d.ChildByFieldName("name"); name == nil || name.Type() != "identifier" {
			// Destructuring reads properties (getters may run).
			return false
		}
		if v := d.ChildByFieldName("value"); v != nil && !p.expr(v) {
			return false
		}
	}
	return true
}

// class accepts a class whose heritage is pure and which has no static
// initialisers, static blocks or decorators (instance fields and methods
// run only when it is instantiated or called).
func (p *purityCheck) class(n *sitter.Node) bool {
	for i := range int(n.NamedChildCount()) {
		c := n.NamedChild(i)
		switch c.Type() {
		case "decorator":
			return false
		case "class_heritage":
			for j := range int(c.NamedChildCount()) {
				h := c.NamedChild(j)
				if h.Type() != "extends_clause" {
					continue
				}
				if v := h.ChildByFieldName("value"); v == nil || !p.expr(v) {
					return false
				}
			}
		case "class_body":
			for j := range int(c.NamedChildCount()) {
				m := c.NamedChild(j)
				switch m.Type() {
				case "method_definition", "method_signature", "abstract_method_signature",
					"index_signature", "comment":
					if name := m.ChildByFieldName("name"); name != nil && name.Type() == "computed_property_name" {
						return false
					}
				case "public_field_definition", "field_definition":
					if hasChildType(m, "decorator") {
						return false
					}
					if name := m.ChildByFieldName("name"); name != nil && name.Type() == "computed_property_name" {
						return false
					}
					if isStatic(m) {
						if v := m.ChildByFieldName("value"); v != nil && !p.expr(v) {
							return false
						}
					}
				default:
					// class_static_block, decorators, anything unknown.
					return false
				}
			}
		}
	}
	return true
}

func isStatic(n *sitter.Node) bool {
	for i := range int(n.ChildCount()) {
		if n.Child(i).Type() == "static" {
			return true
		}
	}
	return false
}

func hasChildType(n *sitter.Node, typ string) bool {
	for i := range int(n.NamedChildCount()) {
		if n.NamedChild(i).Type() == typ {
			return true
		}
	}
	return false
}

// expr reports whether evaluating n cannot have side effects or throw.
func (p *purityCheck) expr(n *sitter.Node) bool {
	switch n.Type() {
	case "string", "number", "true", "false", "null", "undefined", "regex", "comment":
		return true
	case "arrow_function", "function_expression", "function", "generator_function":
		return true
	case "class":
		return p.class(n)
	case "identifier":
		return p.known[p.f.text(n)]
	case "template_string":
		for i := range int(n.NamedChildCount()) {
			c := n.NamedChild(i)
			if c.Type() != "template_substitution" {
				continue
			}
			for j := range int(c.NamedChildCount()) {
				if !p.expr(c.NamedChild(j)) {
					return false
				}
			}
		}
		return true
	case "parenthesized_expression":
		kids := namedNonComment(n)
		return len(kids) == 1 && p.expr(kids[0])
	case "as_expression", "satisfies_expression", "non_null_expression", "type_assertion":
		// The expression is the first named child; the rest is a type.
		for i := range int(n.NamedChildCount()) {
			c := n.NamedChild(i)
			if c.Type() == "comment" || c.Type() == "type_arguments" {
				continue
			}
			return p.expr(c)
		}
		return false
	case "array":
		for i := range int(n.NamedChildCount()) {
			if !p.expr(n.NamedChild(i)) {
				return false
			}
		}
		return true
	case "object":
		for i := range int(n.NamedChildCount()) {
			c := n.NamedChild(i)
			switch c.Type() {
			case "comment", "method_definition":
				if name := c.ChildByFieldName("name"); name != nil && name.Type() == "computed_property_name" {
					return false
				}
			case "pair":
				k, v := c.ChildByFieldName("key"), c.ChildByFieldName("value")
				if k == nil || v == nil || k.Type() == "computed_property_name" || !p.expr(v) {
					return false
				}
			case "shorthand_property_identifier":
				if !p.known[p.f.text(c)] {
					return false
				}
			default:
				// Spread (getters may run) and anything unknown.
				return false
			}
		}
		return true
	case "unary_expression":
		op := n.ChildByFieldName("operator")
		arg := n.ChildByFieldName("argument")
		if op == nil || arg == nil || op.Type() == "delete" {
			return false
		}
		if op.Type() == "typeof" && arg.Type() == "identifier" {
			// typeof of an undeclared name does not throw.
			return true
		}
		return p.expr(arg)
	case "binary_expression":
		op := n.ChildByFieldName("operator")
		l, r := n.ChildByFieldName("left"), n.ChildByFieldName("right")
		if op == nil || l == nil || r == nil || op.Type() == "in" || op.Type() == "instanceof" {
			return false
		}
		return p.expr(l) && p.expr(r)
	case "ternary_expression":
		for _, field := range []string{"condition", "consequence", "alternative"} {
			c := n.ChildByFieldName(field)
			if c == nil || !p.expr(c) {
				return false
			}
		}
		return true
	case "call_expression":
		// Boolean(x), String(x), Number(x) of the globals, over pure
		// arguments: conversions terser drops when their value is unused.
		fn, args := n.ChildByFieldName("function"), n.ChildByFieldName("arguments")
		if fn == nil || args == nil || fn.Type() != "identifier" || args.Type() != "arguments" {
			return false
		}
		if name := p.f.text(fn); !pureConversions[name] || p.known[name] {
			return false
		}
		for i := range int(args.NamedChildCount()) {
			if a := args.NamedChild(i); a.Type() != "comment" && !p.expr(a) {
				return false
			}
		}
		return true
	case "member_expression":
		// process.env.X: Next inlines it or reads a plain object.
		obj := n.ChildByFieldName("object")
		return obj != nil && obj.Type() == "member_expression" && isProcessEnv(p.f, obj)
	case "subscript_expression":
		obj, idx := n.ChildByFieldName("object"), n.ChildByFieldName("index")
		return obj != nil && idx != nil && idx.Type() == "string" && obj.Type() == "member_expression" && isProcessEnv(p.f, obj)
	}
	return false
}

// pureConversions are global functions whose call has no effect when its
// arguments have none (terser's list of pure globals includes them).
var pureConversions = map[string]bool{"Boolean": true, "String": true, "Number": true}

func isProcessEnv(f *file, n *sitter.Node) bool {
	obj, prop := n.ChildByFieldName("object"), n.ChildByFieldName("property")
	return obj != nil && prop != nil && obj.Type() == "identifier" && f.text(obj) == "process" && f.text(prop) == "env"
}
