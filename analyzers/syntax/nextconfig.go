package syntax

import (
	sitter "github.com/smacker/go-tree-sitter"
)

// NextConfig is what ssrlint reads from next.config.* without executing it.
// Only literal values are taken; anything computed is left unknown, so a
// field's zero value means "not set or not knowable" and callers apply Next's
// defaults.
type NextConfig struct {
	// PageExtensions is the `pageExtensions` array, nil when absent or not a
	// literal.
	PageExtensions []string
	// EnvKeys are the keys of the `env` object, in source order. Next inlines
	// each of them into client bundles whatever its prefix.
	EnvKeys []string
	// EnvKeySpans maps each env key to its key's span in the config file.
	EnvKeySpans map[string]Span
	// CacheComponents is true for `cacheComponents: true` (Next 16),
	// `experimental.cacheComponents: true` or its Next 15 canary name
	// `experimental.dynamicIO: true`.
	CacheComponents bool
	// Known is false when the exported config object could not be found
	// statically (a config built by code ssrlint does not follow).
	Known bool
}

// cfgMaxDepth bounds identifier and wrapper chasing, so that a cyclic or
// pathological config cannot recurse without end.
const cfgMaxDepth = 32

// ReadNextConfig reads a next.config.{js,mjs,cjs,ts,mts} source statically.
// It returns an error only when no syntax tree can be produced; a config it
// cannot follow yields Known == false.
func ReadNextConfig(path string, src []byte) (NextConfig, error) {
	tree, err := parseTree(path, src)
	if err != nil {
		return NextConfig{}, err
	}
	defer tree.Close()
	r := &cfgReader{f: &file{path: path, src: src, root: tree.RootNode()}}
	top := r.scope(r.f.root, nil)
	exported := r.exportedConfig(top)
	if exported == nil {
		return NextConfig{}, nil
	}
	obj, sc := r.object(exported, top, 0)
	if obj == nil {
		return NextConfig{}, nil
	}
	var out NextConfig
	out.Known = true
	r.readConfig(obj, sc, &out, 0)
	return out, nil
}

type cfgReader struct {
	f *file
}

// cfgScope maps the names declared directly in a program or function body to
// their initialiser (or to the function declaration itself).
type cfgScope struct {
	names  map[string]*sitter.Node
	parent *cfgScope
}

func (s *cfgScope) lookup(name string) (*sitter.Node, *cfgScope) {
	for ; s != nil; s = s.parent {
		if n, ok := s.names[name]; ok {
			return n, s
		}
	}
	return nil, nil
}

// scope collects the declarations that are direct statements of body. A name
// declared twice is dropped: which value it holds depends on control flow.
func (r *cfgReader) scope(body *sitter.Node, parent *cfgScope) *cfgScope {
	s := &cfgScope{names: map[string]*sitter.Node{}, parent: parent}
	seen := map[string]int{}
	add := func(name string, v *sitter.Node) {
		seen[name]++
		if seen[name] > 1 {
			s.names[name] = nil
			return
		}
		s.names[name] = v
	}
	for i := range int(body.NamedChildCount()) {
		st := body.NamedChild(i)
		if st.Type() == "export_statement" {
			if d := st.ChildByFieldName("declaration"); d != nil {
				st = d
			}
		}
		switch st.Type() {
		case "lexical_declaration", "variable_declaration":
			for j := range int(st.NamedChildCount()) {
				d := st.NamedChild(j)
				if d.Type() != "variable_declarator" {
					continue
				}
				name := d.ChildByFieldName("name")
				if name == nil || name.Type() != "identifier" {
					continue
				}
				add(r.f.text(name), d.ChildByFieldName("value"))
			}
		case "function_declaration":
			if name := st.ChildByFieldName("name"); name != nil {
				add(r.f.text(name), st)
			}
		}
	}
	return s
}

// exportedConfig finds the expression a config module exports: the last
// `module.exports = …`, `export default …` or `export { x as default }`.
func (r *cfgReader) exportedConfig(top *cfgScope) *sitter.Node {
	var found *sitter.Node
	root := r.f.root
	for i := range int(root.NamedChildCount()) {
		st := root.NamedChild(i)
		switch st.Type() {
		case "export_statement":
			if !hasKeyword(st, "default") {
				if ec := firstNamedOfType(st, "export_clause"); ec != nil && st.ChildByFieldName("source") == nil {
					for j := range int(ec.NamedChildCount()) {
						s := ec.NamedChild(j)
						a := s.ChildByFieldName("alias")
						if s.Type() == "export_specifier" && a != nil && unquote(r.f.text(a)) == "default" {
							found = s.ChildByFieldName("name")
						}
					}
				}
				continue
			}
			if v := st.ChildByFieldName("value"); v != nil {
				found = v
			} else if d := st.ChildByFieldName("declaration"); d != nil {
				found = d
			}
		case "expression_statement":
			e := st.NamedChild(0)
			if e == nil || e.Type() != "assignment_expression" {
				continue
			}
			if left := e.ChildByFieldName("left"); left != nil && r.isModuleExports(left) {
				found = e.ChildByFieldName("right")
			}
		}
	}
	return found
}

func (r *cfgReader) isModuleExports(n *sitter.Node) bool {
	if n.Type() != "member_expression" {
		return false
	}
	obj := n.ChildByFieldName("object")
	prop := n.ChildByFieldName("property")
	return obj != nil && prop != nil && r.f.text(obj) == "module" && r.f.text(prop) == "exports"
}

// unwrap strips parentheses and TypeScript-only wrappers (`as`, `satisfies`,
// `!`) that do not change the value.
func cfgUnwrap(n *sitter.Node) *sitter.Node {
	for n != nil {
		switch n.Type() {
		case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression", "type_assertion":
			// The value is the first named child of all of these except
			// type_assertion (`<T>x`), whose value comes last.
			if n.NamedChildCount() == 0 {
				return nil
			}
			if n.Type() == "type_assertion" {
				n = n.NamedChild(int(n.NamedChildCount()) - 1)
			} else {
				n = n.NamedChild(0)
			}
		default:
			return n
		}
	}
	return nil
}

// object follows n to the object literal it evaluates to: through names,
// config wrappers (`withX(withY(config))`) and config functions (taking the
// object they return). It returns the object and the scope its names live in,
// or nil when the value is not statically known.
func (r *cfgReader) object(n *sitter.Node, sc *cfgScope, depth int) (*sitter.Node, *cfgScope) {
	n = cfgUnwrap(n)
	if n == nil || depth > cfgMaxDepth {
		return nil, nil
	}
	switch n.Type() {
	case "object":
		return n, sc
	case "identifier":
		v, vs := sc.lookup(r.f.text(n))
		if v == nil {
			return nil, nil
		}
		return r.object(v, vs, depth+1)
	case "call_expression":
		// A plugin wrapper receives the config as its first argument that is
		// not an array (next-compose-plugins puts the plugin list first).
		args := n.ChildByFieldName("arguments")
		if args == nil {
			return nil, nil
		}
		for i := range int(args.NamedChildCount()) {
			a := cfgUnwrap(args.NamedChild(i))
			if a == nil || a.Type() == "array" || a.Type() == "comment" {
				continue
			}
			return r.object(a, sc, depth+1)
		}
		return nil, nil
	case "await_expression":
		if n.NamedChildCount() == 0 {
			return nil, nil
		}
		return r.object(n.NamedChild(0), sc, depth+1)
	}
	if isFunctionNode(n.Type()) {
		body := n.ChildByFieldName("body")
		if body == nil {
			return nil, nil
		}
		if body.Type() != "statement_block" {
			return r.object(body, sc, depth+1)
		}
		return r.returned(body, r.scope(body, sc), depth+1)
	}
	return nil, nil
}

// returned finds the object a config function returns: its last direct
// `return`. Returns inside branches depend on the phase and are not
// followed.
func (r *cfgReader) returned(body *sitter.Node, sc *cfgScope, depth int) (*sitter.Node, *cfgScope) {
	for i := int(body.NamedChildCount()) - 1; i >= 0; i-- {
		st := body.NamedChild(i)
		if st.Type() != "return_statement" {
			continue
		}
		if st.NamedChildCount() == 0 {
			return nil, nil
		}
		return r.object(st.NamedChild(0), sc, depth)
	}
	return nil, nil
}

// key returns a property key's name and span; computed keys are not known.
func (r *cfgReader) key(k *sitter.Node) (string, Span, bool) {
	switch k.Type() {
	case "property_identifier", "identifier", "shorthand_property_identifier", "number":
		return r.f.text(k), span(k), true
	case "string":
		s, _, ok := r.f.stringLit(k)
		return s, span(k), ok
	}
	return "", Span{}, false
}

// eachProperty calls fn for every property of obj in source order, expanding
// spreads of objects it can follow. Properties whose key is computed are
// skipped; a later property overrides an earlier one as in JavaScript.
func (r *cfgReader) eachProperty(obj *sitter.Node, sc *cfgScope, depth int, fn func(name string, keySpan Span, value *sitter.Node, sc *cfgScope)) {
	if depth > cfgMaxDepth {
		return
	}
	for i := range int(obj.NamedChildCount()) {
		p := obj.NamedChild(i)
		switch p.Type() {
		case "pair":
			k, v := p.ChildByFieldName("key"), p.ChildByFieldName("value")
			if k == nil || v == nil {
				continue
			}
			if name, sp, ok := r.key(k); ok {
				fn(name, sp, v, sc)
			}
		case "shorthand_property_identifier":
			name := r.f.text(p)
			fn(name, span(p), p, sc)
		case "method_definition":
			if k := p.ChildByFieldName("name"); k != nil {
				if name, sp, ok := r.key(k); ok {
					fn(name, sp, nil, sc)
				}
			}
		case "spread_element":
			if p.NamedChildCount() == 0 {
				continue
			}
			if o, os := r.object(p.NamedChild(0), sc, depth+1); o != nil {
				r.eachProperty(o, os, depth+1, fn)
			}
		}
	}
}

func (r *cfgReader) readConfig(obj *sitter.Node, sc *cfgScope, out *NextConfig, depth int) {
	var topCC, expCC bool
	r.eachProperty(obj, sc, depth, func(name string, _ Span, v *sitter.Node, vs *cfgScope) {
		switch name {
		case "pageExtensions":
			out.PageExtensions = r.strings(v, vs, depth+1)
		case "env":
			out.EnvKeys, out.EnvKeySpans = nil, nil
			o, os := r.valueObject(v, vs, depth+1)
			if o == nil {
				return
			}
			r.eachProperty(o, os, depth+1, func(k string, ks Span, _ *sitter.Node, _ *cfgScope) {
				if out.EnvKeySpans == nil {
					out.EnvKeySpans = map[string]Span{}
				}
				if _, dup := out.EnvKeySpans[k]; !dup {
					out.EnvKeys = append(out.EnvKeys, k)
				}
				out.EnvKeySpans[k] = ks
			})
		case "cacheComponents":
			topCC = r.isTrue(v, vs, depth+1)
		case "experimental":
			expCC = false
			o, os := r.valueObject(v, vs, depth+1)
			if o == nil {
				return
			}
			var cc, dio bool
			r.eachProperty(o, os, depth+1, func(k string, _ Span, ev *sitter.Node, evs *cfgScope) {
				switch k {
				case "cacheComponents":
					cc = r.isTrue(ev, evs, depth+1)
				case "dynamicIO":
					dio = r.isTrue(ev, evs, depth+1)
				}
			})
			expCC = cc || dio
		}
	})
	out.CacheComponents = topCC || expCC
}

// valueObject is object() for a property value: only literals and names,
// not wrapper calls, which for a property mean arbitrary code.
func (r *cfgReader) valueObject(v *sitter.Node, sc *cfgScope, depth int) (*sitter.Node, *cfgScope) {
	v, sc = r.resolveName(v, sc, depth)
	if v == nil || v.Type() != "object" {
		return nil, nil
	}
	return v, sc
}

// resolveName follows identifiers (including shorthand properties) to their
// declared value, stripping TypeScript wrappers on the way, and returns the
// value with the scope its own names live in.
func (r *cfgReader) resolveName(v *sitter.Node, sc *cfgScope, depth int) (*sitter.Node, *cfgScope) {
	for ; depth <= cfgMaxDepth; depth++ {
		v = cfgUnwrap(v)
		if v == nil {
			return nil, nil
		}
		if v.Type() != "identifier" && v.Type() != "shorthand_property_identifier" {
			return v, sc
		}
		v, sc = sc.lookup(r.f.text(v))
		if v == nil {
			return nil, nil
		}
	}
	return nil, nil
}

func (r *cfgReader) isTrue(v *sitter.Node, sc *cfgScope, depth int) bool {
	v, _ = r.resolveName(v, sc, depth)
	return v != nil && v.Type() == "true"
}

// strings reads an array of string literals. Elements that are not literals
// (or spreads of literal arrays) are left out; a value that is not an array
// gives nil.
func (r *cfgReader) strings(v *sitter.Node, sc *cfgScope, depth int) []string {
	v, sc = r.resolveName(v, sc, depth)
	if v == nil || v.Type() != "array" || depth > cfgMaxDepth {
		return nil
	}
	out := []string{}
	for i := range int(v.NamedChildCount()) {
		e := v.NamedChild(i)
		if e.Type() == "spread_element" && e.NamedChildCount() > 0 {
			out = append(out, r.strings(e.NamedChild(0), sc, depth+1)...)
			continue
		}
		if s, _, ok := r.f.stringLit(cfgUnwrap(e)); ok {
			out = append(out, s)
		}
	}
	return out
}
