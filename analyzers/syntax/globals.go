package syntax

import (
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// What a scanned word is wanted for.
const (
	wantGlobal uint8 = 1 << iota // a browser global from Options.Globals
	wantLocal                    // a local bound by an import of a package
	wantTypeof                   // the typeof keyword, for BogusGuards
)

// wordSet is a set of identifiers with a cheap pre-filter on length and
// first byte, so that most identifiers in a file are rejected without a map
// lookup. A set may extend a shared, read-only base set (the browser
// globals, built once per Options), which it consults after its own words.
type wordSet struct {
	words          map[string]uint8
	base           *wordSet
	first          [256]bool
	minLen, maxLen int
	sized          bool // minLen and maxLen hold a word's length
}

// extend makes s consult base as well; call it before add.
func (s *wordSet) extend(base *wordSet) {
	s.base = base
	s.first = base.first
	s.minLen, s.maxLen, s.sized = base.minLen, base.maxLen, base.sized
}

func (s *wordSet) add(w string, want uint8) {
	if w == "" || !identStart[w[0]] {
		return
	}
	if s.words == nil {
		s.words = map[string]uint8{}
	}
	if !s.sized {
		s.minLen, s.maxLen, s.sized = len(w), len(w), true
	}
	s.words[w] |= want
	s.first[w[0]] = true
	s.minLen = min(s.minLen, len(w))
	s.maxLen = max(s.maxLen, len(w))
}

// lookup returns what w is wanted for, from s and its base.
func (s *wordSet) lookup(w []byte) (uint8, bool) {
	want, ok := s.words[string(w)]
	if s.base != nil {
		if b, okb := s.base.words[string(w)]; okb {
			want, ok = want|b, true
		}
	}
	return want, ok
}

type wordHit struct {
	start, end int
	want       uint8
}

// scan makes one pass over src and returns every identifier-shaped word in
// the set that is not a property name after a dot. Strings, comments and
// types are not skipped here: tree-sitter tells them apart afterwards.
func (s *wordSet) scan(src []byte) []wordHit {
	var hits []wordHit
	for i := 0; i < len(src); {
		c := src[i]
		if !identPart[c] {
			i++
			continue
		}
		j := i + 1
		for j < len(src) && identPart[src[j]] {
			j++
		}
		if n := j - i; n >= s.minLen && n <= s.maxLen && s.first[c] {
			if want, ok := s.lookup(src[i:j]); ok && !isMemberDot(src, i) {
				hits = append(hits, wordHit{i, j, want})
			}
		}
		i = j
	}
	return hits
}

// occurrence is a scanned word that tree-sitter confirmed as an identifier.
type occurrence struct {
	name   string
	id     *sitter.Node
	parent *sitter.Node
	want   uint8
	ref    bool // a reference (read, call, …), not a binding
	kind   RefKind
	decl   decl // when a declaration (decl.scope.End > 0)
}

// refs records references to browser globals (Summary.Globals), calls of
// imported package bindings (Summary.BindingUses) and typeof comparisons
// against the value undefined (Summary.BogusGuards).
func (f *file) refs() {
	var set wordSet
	set.extend(f.opts.globalSet())
	importOf := map[string]int{}
	for i, imp := range f.sum.Imports {
		if imp.TypeOnly || !isBare(imp.Spec) || imp.Kind != ImportStatic && imp.Kind != ImportRequire {
			continue
		}
		for _, b := range imp.Bindings {
			if _, dup := importOf[b.Local]; !dup {
				importOf[b.Local] = i
				set.add(b.Local, wantLocal)
			}
		}
	}
	set.add("typeof", wantTypeof)

	hits := set.scan(f.src)
	if len(hits) == 0 {
		return
	}
	f.withMemo(func() { f.refHits(hits, importOf) })
}

// refHits confirms the scanned words with tree-sitter, then records the
// references, once every declaration of their names is known.
func (f *file) refHits(hits []wordHit, importOf map[string]int) {
	var occs []occurrence
	decls := map[string][]decl{}
	for _, h := range hits {
		if h.want&wantTypeof != 0 {
			f.bogusGuard(h.start)
		}
		if h.want&(wantGlobal|wantLocal) == 0 {
			continue
		}
		o, ok := f.classify(h)
		if !ok {
			continue
		}
		if !o.ref {
			if o.decl.scope.End > 0 {
				decls[o.name] = append(decls[o.name], o.decl)
			}
			continue
		}
		occs = append(occs, o)
	}
	for _, o := range occs {
		at := int(o.id.StartByte())
		if o.want&wantGlobal != 0 {
			shadowed := false
			for _, d := range decls[o.name] {
				if d.covers(at) {
					shadowed = true
					break
				}
			}
			w := f.refWhere(o.id)
			f.sum.Globals = append(f.sum.Globals, GlobalRef{
				Name: o.name, Span: span(o.id), Kind: o.kind,
				Context: w.Context, Guarded: w.Guarded, Caught: w.Caught, Shadowed: shadowed,
			})
		}
		if o.want&wantLocal != 0 {
			f.bindingUse(o, importOf[o.name], decls[o.name])
		}
	}
}

// isBare reports whether spec names a package rather than a file. `@/x`
// and `~/x` are the usual tsconfig path aliases and `#x` package.json
// subpath imports: no npm package is named so.
func isBare(spec string) bool {
	if spec == "" || spec[0] == '.' || spec[0] == '/' || spec[0] == '#' {
		return false
	}
	return !strings.HasPrefix(spec, "@/") && !strings.HasPrefix(spec, "~/")
}

// refContext is contextOf for a reference. Inside a next/dynamic loader the
// code runs when the component renders, or only in the browser with
// `ssr: false`.
func (f *file) refContext(n *sitter.Node) (Context, bool) {
	w := f.refWhere(n)
	return w.Context, w.Guarded
}

// refWhere is refContext with the rest of contextOf's answer.
func (f *file) refWhere(n *sitter.Node) where {
	w := f.contextOf(n)
	if w.NextDynamic == nil {
		return w
	}
	w.Context = stronger(stronger(w.Context, CtxFunction), w.Outer)
	w.Guarded = w.Guarded || f.ssrFalse(w.NextDynamic)
	return w
}

// classify confirms a scanned word with tree-sitter and says what it is.
func (f *file) classify(h wordHit) (occurrence, bool) {
	id := f.nodeAt(h.start, h.end)
	if id == nil || int(id.StartByte()) != h.start || int(id.EndByte()) != h.end {
		return occurrence{}, false // part of a string, comment, JSX text, …
	}
	o := occurrence{name: string(f.src[h.start:h.end]), id: id, want: h.want}
	switch id.Type() {
	case "identifier":
	case "shorthand_property_identifier":
		// { window } in an object literal reads window.
		o.ref = true
		return o, true
	case "shorthand_property_identifier_pattern", "type_identifier":
		if d, ok := f.declOf(id); ok {
			o.decl = d
			return o, true
		}
		return occurrence{}, false
	default:
		return occurrence{}, false
	}
	p := id.Parent()
	if p == nil {
		return occurrence{}, false
	}
	o.parent = p
	o.kind = RefRead
	switch p.Type() {
	case "unary_expression":
		if op := p.Child(0); op != nil && op.Type() == "typeof" {
			o.kind = RefTypeof
		}
	case "parenthesized_expression":
		// typeof (window)
		if gp := p.Parent(); gp != nil && gp.Type() == "unary_expression" {
			if op := gp.Child(0); op != nil && op.Type() == "typeof" {
				o.kind = RefTypeof
			}
		}
	case "extends_clause":
		o.kind = RefExtends
	case "new_expression":
		// Arguments sit in an `arguments` node: a direct identifier child
		// is the constructor.
		o.kind = RefNew
	case "call_expression":
		if isField(p, "function", id) {
			o.kind = RefCall
		}
	case "member_expression":
		switch memberChainParent(p).Type() {
		case "type_query", "jsx_closing_element":
			// typeof window.location as a type; </window.Foo> repeats
			// the opening tag.
			return occurrence{}, false
		}
	case "type_query":
		return occurrence{}, false // let w: typeof window
	case "jsx_opening_element", "jsx_self_closing_element":
		// <location /> is an intrinsic element: a lower-case tag is a
		// string, not a reference.
		if c := o.name[0]; c >= 'a' && c <= 'z' {
			return occurrence{}, false
		}
	default:
		d, binding := f.bindingOf(id, p)
		if binding {
			if d.scope.End == 0 {
				return occurrence{}, false
			}
			o.decl = d
			return o, true
		}
	}
	o.ref = true
	return o, true
}

// memberChainParent returns the first ancestor of a member expression
// that is not itself a member expression (or the last one, at the root).
func memberChainParent(p *sitter.Node) *sitter.Node {
	for p.Type() == "member_expression" {
		q := p.Parent()
		if q == nil {
			break
		}
		p = q
	}
	return p
}

// bindingUse records a call or construction of an imported binding, or of a
// member of it (`new Video.RoomSession()`).
func (f *file) bindingUse(o occurrence, imp int, decls []decl) {
	var call *sitter.Node
	use := BindingUse{Local: o.name, Import: imp}
	switch o.kind {
	case RefCall:
		call = o.parent
	case RefNew:
		call = o.parent
		use.New = true
	case RefRead:
		if o.parent == nil || o.parent.Type() != "member_expression" || !isField(o.parent, "object", o.id) {
			return
		}
		prop := o.parent.ChildByFieldName("property")
		gp := o.parent.Parent()
		if prop == nil || gp == nil {
			return
		}
		switch gp.Type() {
		case "call_expression":
			if !isField(gp, "function", o.parent) {
				return
			}
		case "new_expression":
			use.New = true
		default:
			return
		}
		call = gp
		use.Member = f.text(prop)
	default:
		return
	}
	at := int(o.id.StartByte())
	for _, d := range decls {
		if !d.isImport && d.covers(at) {
			return // a local of the same name hides the import
		}
	}
	use.Span = span(call)
	w := f.refWhere(call)
	use.Context, use.Guarded, use.Caught = w.Context, w.Guarded, w.Caught
	f.sum.BindingUses = append(f.sum.BindingUses, use)
}

// bogusGuard records `typeof x !== undefined` (and ==, ===, !=, either
// order) at the typeof keyword starting at start: typeof yields a string, so
// comparing it with the value undefined is constant.
func (f *file) bogusGuard(start int) {
	u := f.nodeAt(start, start+len("typeof"))
	if u == nil || u.Type() != "unary_expression" || int(u.StartByte()) != start {
		return
	}
	outer := skipParensUp(u)
	cmp := outer.Parent()
	if cmp == nil || cmp.Type() != "binary_expression" {
		return
	}
	op := cmp.ChildByFieldName("operator")
	if op == nil || !isEquality(op.Type()) {
		return
	}
	other := cmp.ChildByFieldName("right")
	if other != nil && other.Equal(outer) {
		other = cmp.ChildByFieldName("left")
	}
	if other != nil && other.Type() == "undefined" {
		f.sum.BogusGuards = append(f.sum.BogusGuards, span(cmp))
	}
}

func isEquality(op string) bool {
	return op == "===" || op == "!==" || op == "==" || op == "!="
}
