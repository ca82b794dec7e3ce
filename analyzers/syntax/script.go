package syntax

import (
	"bytes"

	sitter "github.com/smacker/go-tree-sitter"
)

// ScriptTag is a JSX <script> element, or an element of next/script's
// default export (<Script>, under whatever local name the import gives it).
type ScriptTag struct {
	// Next: the element is next/script's component; otherwise a raw <script>.
	Next bool
	// Span covers the opening tag (the whole element when it is self-closing).
	Span  Span
	Attrs []JSXAttr
	// Spread: the tag has a {...props} spread, which may set any attribute.
	Spread bool
}

// Attr returns the attribute called name, if the tag has one.
func (s *ScriptTag) Attr(name string) (JSXAttr, bool) {
	for _, a := range s.Attrs {
		if a.Name == name {
			return a, true
		}
	}
	return JSXAttr{}, false
}

// JSXAttr is one name=value attribute of a JSX element.
type JSXAttr struct {
	Name string
	// Value is the constant value when Const is true: the string, number or
	// boolean ("true" for a bare attribute such as `async`), also when the
	// value is an identifier naming a top-level const with a literal value.
	// For a template literal with substitutions, Value is its source text
	// and Const is false, so that a file name inside it can still be seen.
	Value string
	Const bool
	// Span covers the whole attribute; ValueSpan covers its value (the
	// string literal with its quotes, or the {…} container), and is empty
	// for a bare attribute.
	Span      Span
	ValueSpan Span
}

// scripts finds the <script> and next/script elements. A byte scan for
// "<script" and "<Name" (Name bound to next/script's default export) finds
// candidates; tree-sitter confirms that each is a JSX tag name.
func (f *file) scripts() {
	type name struct {
		text string
		next bool
	}
	names := []name{{"script", false}}
	for _, imp := range f.sum.Imports {
		if imp.Spec != "next/script" || imp.Kind != ImportStatic || imp.TypeOnly {
			continue
		}
		for _, b := range imp.Bindings {
			if b.Imported == "default" && b.Local != "script" {
				names = append(names, name{b.Local, true})
			}
		}
	}
	var consts map[string]string
	for _, nm := range names {
		pat := []byte("<" + nm.text)
		for off := 0; ; {
			i := bytes.Index(f.src[off:], pat)
			if i < 0 {
				break
			}
			at := off + i + 1
			off = at + len(nm.text)
			if off < len(f.src) && (isIdentByte(f.src[off]) || f.src[off] == '-' || f.src[off] == ':') {
				continue
			}
			id := f.nodeAt(at, off)
			if id == nil || id.Type() != "identifier" || int(id.StartByte()) != at || int(id.EndByte()) != off {
				continue
			}
			tag := id.Parent()
			if tag == nil || (tag.Type() != "jsx_opening_element" && tag.Type() != "jsx_self_closing_element") {
				continue
			}
			if n := tag.ChildByFieldName("name"); n == nil || !n.Equal(id) {
				continue
			}
			// The grammar starts a tag node at the whitespace before it.
			st := ScriptTag{Next: nm.next, Span: Span{at - 1, int(tag.EndByte())}}
			for j := range int(tag.NamedChildCount()) {
				c := tag.NamedChild(j)
				switch c.Type() {
				case "jsx_expression":
					// {...props}
					st.Spread = true
				case "jsx_attribute":
					if a, ok := f.jsxAttr(c, &consts); ok {
						st.Attrs = append(st.Attrs, a)
					}
				}
			}
			f.sum.Scripts = append(f.sum.Scripts, st)
		}
	}
}

// jsxAttr reads one attribute. consts holds the file's top-level literal
// consts, read on first need.
func (f *file) jsxAttr(n *sitter.Node, consts *map[string]string) (JSXAttr, bool) {
	key := n.NamedChild(0)
	if key == nil || key.Type() != "property_identifier" {
		return JSXAttr{}, false
	}
	a := JSXAttr{Name: f.text(key), Span: span(n)}
	v := n.NamedChild(1)
	if v == nil {
		a.Value, a.Const = "true", true
		return a, true
	}
	a.ValueSpan = span(v)
	switch v.Type() {
	case "string":
		a.Value, _, a.Const = f.stringLit(v)
	case "jsx_expression":
		e := v.NamedChild(0)
		if e == nil {
			break
		}
		if val, ok := f.literal(e); ok {
			a.Value, a.Const = val, true
			break
		}
		switch e.Type() {
		case "identifier":
			if *consts == nil {
				*consts = f.topConsts()
			}
			a.Value, a.Const = (*consts)[f.text(e)]
		case "template_string":
			a.Value = f.text(e)
		}
	}
	return a, true
}

// topConsts maps the names of top-level `const name = <literal>`
// declarations (exported or not) to their literal values.
func (f *file) topConsts() map[string]string {
	out := map[string]string{}
	for i := range int(f.root.NamedChildCount()) {
		d := f.root.NamedChild(i)
		if d.Type() == "export_statement" {
			d = d.ChildByFieldName("declaration")
		}
		if d == nil || d.Type() != "lexical_declaration" || !hasKeyword(d, "const") {
			continue
		}
		for j := range int(d.NamedChildCount()) {
			vd := d.NamedChild(j)
			if vd.Type() != "variable_declarator" {
				continue
			}
			name, val := vd.ChildByFieldName("name"), vd.ChildByFieldName("value")
			if name == nil || val == nil || name.Type() != "identifier" {
				continue
			}
			if s, ok := f.literal(val); ok {
				out[f.text(name)] = s
			}
		}
	}
	return out
}
