package syntax

import (
	"slices"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// Where an environment variable's value ends up in what React serializes
// into the page: the props of a JSX element (a Client Component's props go
// into the RSC payload, an intrinsic element's attributes into the HTML), or
// the props a Pages Router data function returns (__NEXT_DATA__). The
// secretprop rule decides which of these cross to the browser; nothing here
// knows which names are secret.
//
// Technique: start from each environment read already found (Summary.Env,
// and env.X of an imported env object) and walk up the tree while the value
// is carried along unchanged or only re-encoded: parentheses and type
// assertions, templates, `+`, `??`, `||`, the right of `&&`, ternary
// branches, object and array literals, spreads, Buffer.from / btoa /
// JSON.stringify and string methods. A variable initialised with such a
// value is followed to its references in its scope (a few hops). Any other
// use — a call, a comparison, a property read — ends the walk: the value
// that comes out is not the variable's.

// PropKind says where a PropFlow ends.
type PropKind int

// Where an environment value ends up.
const (
	// PropAttr: a JSX attribute, `<Dialer token={t} />`.
	PropAttr PropKind = iota
	// PropChildren: an expression child, `<Box>{t}</Box>`.
	PropChildren
	// PropSpread: a spread attribute, `<Dialer {...cfg} />`.
	PropSpread
	// PropData: the props returned by getServerSideProps or getStaticProps.
	PropData
)

// PropFlow is an environment variable's value reaching a serialized prop.
type PropFlow struct {
	Kind PropKind
	// Name is the variable; Read the span of its read (process.env.NAME,
	// the destructured property, or env.NAME of an imported env object).
	Name string
	Read Span
	// Object is "process.env", or the local name of the imported env object
	// read (`env` for t3-env's `env.NAME`).
	Object string
	// Derived: the value is re-encoded on the way (a template, `+`,
	// Buffer.from, toString, …); going through variables does not count.
	Derived bool
	// Span covers where the value crosses: the attribute, the child
	// expression, the spread attribute, or the `props` property returned.
	Span Span
	// Prop names it: the attribute with the keys inside its value
	// ("config.token"), "children", the spread's key ("token", or "..."
	// when the whole spread value is the variable), or the key path inside
	// the returned props ("token", "sw.token"; "" for `props: value`).
	Prop string
	// Tag is the element's tag as written ("Dialer", "UI.Dialer",
	// "sw-call-widget"), TagSpan its span. Zero for PropData.
	Tag     string
	TagSpan Span
	// TagImport is the index in Summary.Imports of the import the tag's
	// component comes from: the binding it names, the namespace of
	// `UI.Dialer`, or the next/dynamic import a local is initialised with
	// (`const Dialer = dynamic(() => import("./dialer"))`); -1 otherwise.
	// TagImported is the imported name ("default", "Dialer"), "" for a
	// next/dynamic import.
	TagImport   int
	TagImported string
	// Func is the data function of a PropData flow: "getServerSideProps"
	// or "getStaticProps".
	Func string
}

// propDataFuncs are the data functions whose returned props are serialized
// into the page. getStaticPaths returns paths, not props.
var propDataFuncs = map[string]bool{"getServerSideProps": true, "getStaticProps": true}

// crossings extracts what values cross to the page (props.go) and what
// checks stand before a function's calls (callercheck.go). It runs after
// env and mint, whose results it reads.
func (f *file) crossings() {
	f.prologue()
	f.props()
	f.gates()
}

// prologue records where the directive prologue (and a hashbang line) ends.
func (f *file) prologue() {
	n := int(f.root.NamedChildCount())
	for i := 0; i < n; i++ {
		c := f.root.NamedChild(i)
		switch c.Type() {
		case "hash_bang_line":
			f.sum.PrologueEnd = int(c.EndByte())
			continue
		case "comment":
			continue
		case "expression_statement":
			if s := c.NamedChild(0); s != nil && s.Type() == "string" && c.NamedChildCount() == 1 {
				f.sum.PrologueEnd = int(c.EndByte())
				continue
			}
		}
		return
	}
}

// flowState is what a walk carries from a read towards a sink.
type flowState struct {
	name, object string
	read         Span
	derived      bool
	keys         []string // keys from the sink's value down to the read
}

func (s flowState) withKey(k string) flowState {
	s.keys = append([]string{k}, s.keys...)
	return s
}

// encoded is the state after the value is re-encoded into a string: the
// keys that led into an object no longer name anything.
func (s flowState) encoded() flowState {
	s.derived = true
	s.keys = nil
	return s
}

// maxFlowHops bounds how many variables a value is followed through.
const maxFlowHops = 4

func (f *file) props() {
	if f.sum.UseServer {
		return // a server action returns data, it renders nothing
	}
	var sources []struct {
		n  *sitter.Node
		st flowState
	}
	add := func(n *sitter.Node, st flowState) {
		sources = append(sources, struct {
			n  *sitter.Node
			st flowState
		}{n, st})
	}
	for _, r := range f.sum.Env {
		if r.Meta || r.Write || r.Name == "" || r.Form == EnvDynamic || r.Form == EnvRest {
			continue
		}
		st := flowState{name: r.Name, object: "process.env", read: r.Span}
		n := f.nodeAt(r.Span.Start, r.Span.End)
		if n == nil {
			continue
		}
		if r.Form == EnvDestructure {
			// The destructured local holds the value: follow it.
			if id := f.patternLocal(n); id != nil {
				f.followLocal(id, st, 1, map[int]bool{})
			}
			continue
		}
		add(n, st)
	}
	for _, src := range f.envObjectReads() {
		add(src.n, src.st)
	}
	for _, s := range sources {
		f.flowUp(s.n, s.st, 0, map[int]bool{})
	}
	slices.SortStableFunc(f.sum.Props, func(a, b PropFlow) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		return a.Read.Start - b.Read.Start
	})
}

// patternLocal returns the identifier a destructuring property binds:
// NAME in { NAME }, alias in { NAME: alias }, NAME in { NAME = "x" }.
func (f *file) patternLocal(p *sitter.Node) *sitter.Node {
	switch p.Type() {
	case "shorthand_property_identifier_pattern":
		return p
	case "object_assignment_pattern":
		if l := p.ChildByFieldName("left"); l != nil && l.Type() == "shorthand_property_identifier_pattern" {
			return l
		}
	case "pair_pattern":
		v := p.ChildByFieldName("value")
		if v != nil && v.Type() == "assignment_pattern" {
			v = v.ChildByFieldName("left")
		}
		if v != nil && v.Type() == "identifier" {
			return v
		}
	}
	return nil
}

// envObjectReads finds env.NAME where env is a binding imported from
// another module and named env or …Env (t3-env's `import { env } from
// "~/env"`), and NAME is spelled like an environment variable.
func (f *file) envObjectReads() []struct {
	n  *sitter.Node
	st flowState
} {
	var out []struct {
		n  *sitter.Node
		st flowState
	}
	for _, imp := range f.sum.Imports {
		if imp.TypeOnly || imp.Kind != ImportStatic {
			continue
		}
		for _, b := range imp.Bindings {
			if b.Local != "env" && !strings.HasSuffix(b.Local, "Env") {
				continue
			}
			word := b.Local
			eachWord(f.src, word, 0, len(f.src), func(start int) bool {
				j := skipSpace(f.src, start+len(word))
				if j >= len(f.src) || f.src[j] != '.' {
					return true
				}
				id := f.nodeAt(start, start+len(word))
				if id == nil || id.Type() != "identifier" || int(id.StartByte()) != start {
					return true
				}
				mem := id.Parent()
				if mem == nil || mem.Type() != "member_expression" || !isField(mem, "object", id) {
					return true
				}
				prop := mem.ChildByFieldName("property")
				if prop == nil || !isConstName(f.text(prop)) {
					return true
				}
				out = append(out, struct {
					n  *sitter.Node
					st flowState
				}{mem, flowState{name: f.text(prop), object: word, read: span(mem)}})
				return true
			})
		}
	}
	return out
}

// valueCalls are the functions whose result carries their argument's value
// re-encoded: Basic credentials are Buffer.from(…).toString("base64").
var valueCalls = map[string]bool{
	"Buffer.from": true, "btoa": true, "encodeURIComponent": true, "encodeURI": true,
	"String": true, "JSON.stringify": true,
}

// valueMethods are the methods whose result still carries the string's
// value.
var valueMethods = map[string]bool{
	"toString": true, "trim": true, "trimStart": true, "trimEnd": true, "toLowerCase": true,
	"toUpperCase": true, "concat": true, "valueOf": true, "split": true, "slice": true,
	"substring": true, "replace": true, "replaceAll": true, "normalize": true,
}

// flowUp walks from n (an expression holding the value) towards a sink.
func (f *file) flowUp(n *sitter.Node, st flowState, hops int, seen map[int]bool) {
	if seen[int(n.StartByte())] {
		return
	}
	seen[int(n.StartByte())] = true
	if n.Type() == "shorthand_property_identifier" {
		st = st.withKey(f.text(n))
	}
	path := f.ancestors(n)
	cur := n
	for i := len(path) - 1; i >= 0; i-- {
		p := path[i]
		switch p.Type() {
		case "parenthesized_expression", "as_expression", "non_null_expression", "satisfies_expression",
			"type_assertion", "await_expression", "template_string", "object", "array":
		case "template_substitution":
			st = st.encoded()
		case "binary_expression":
			switch f.operator(p) {
			case "+":
				st = st.encoded()
			case "??", "||":
			case "&&":
				if !isField(p, "right", cur) {
					return
				}
			default:
				return // a comparison or arithmetic: not the value
			}
		case "ternary_expression":
			if isField(p, "condition", cur) {
				return
			}
		case "pair":
			if !isField(p, "value", cur) {
				return
			}
			k := p.ChildByFieldName("key")
			if k == nil || k.Type() == "computed_property_name" {
				return
			}
			st = st.withKey(unquote(f.text(k)))
		case "spread_element":
			if i == 0 {
				return
			}
			switch pp := path[i-1]; pp.Type() {
			case "object":
			case "jsx_expression":
				if i >= 2 {
					f.recordJSX(PropSpread, path[i-2], pp, st)
				}
				return
			default:
				return
			}
		case "arguments":
			if i == 0 || path[i-1].Type() != "call_expression" {
				return
			}
			call := path[i-1]
			fn := call.ChildByFieldName("function")
			if fn == nil || !valueCalls[strings.Join(strings.Fields(f.text(fn)), "")] || p.NamedChild(0) == nil || !p.NamedChild(0).Equal(cur) {
				return
			}
			st = st.encoded()
			cur = call
			i--
			continue
		case "member_expression":
			// x.toString("base64"): a method that keeps the value.
			if !isField(p, "object", cur) || i == 0 {
				return
			}
			prop := p.ChildByFieldName("property")
			call := path[i-1]
			if prop == nil || !valueMethods[f.text(prop)] || call.Type() != "call_expression" || !isField(call, "function", p) {
				return
			}
			st = st.encoded()
			cur = call
			i--
			continue
		case "variable_declarator":
			if !isField(p, "value", cur) || hops >= maxFlowHops {
				return
			}
			if name := p.ChildByFieldName("name"); name != nil && name.Type() == "identifier" {
				f.followLocal(name, st, hops+1, seen)
			}
			return
		case "jsx_expression":
			if i == 0 {
				return
			}
			switch pp := path[i-1]; pp.Type() {
			case "jsx_attribute":
				if i >= 2 {
					f.recordAttr(path[i-2], pp, st)
				}
			case "jsx_element":
				if open := pp.ChildByFieldName("open_tag"); open != nil {
					f.recordJSX(PropChildren, open, p, st)
				}
			}
			return
		case "return_statement":
			f.recordData(p, path[:i], st)
			return
		case "arrow_function":
			if isField(p, "body", cur) {
				f.recordData(cur, path[:i+1], st)
			}
			return
		default:
			return
		}
		cur = p
	}
}

// followLocal continues the walk from each reference to the variable that
// id declares, within the variable's scope.
func (f *file) followLocal(id *sitter.Node, st flowState, hops int, seen map[int]bool) {
	d, ok := f.declOf(id)
	if !ok {
		return
	}
	name := f.text(id)
	self := int(id.StartByte())
	eachWord(f.src, name, d.scope.Start, d.scope.End, func(start int) bool {
		if start == self {
			return true
		}
		ref := f.nodeAt(start, start+len(name))
		if ref == nil || int(ref.StartByte()) != start || int(ref.EndByte()) != start+len(name) {
			return true
		}
		switch ref.Type() {
		case "identifier", "shorthand_property_identifier":
		default:
			return true
		}
		if _, binding := f.bindingOf(ref, ref.Parent()); binding {
			return true
		}
		if f.hidden(name, &d, start) {
			return true
		}
		f.flowUp(ref, st, hops, seen)
		return true
	})
}

// recordAttr records a flow into the attribute attr of element el.
func (f *file) recordAttr(el, attr *sitter.Node, st flowState) {
	name := attr.NamedChild(0)
	if name == nil {
		return
	}
	st = st.withKey(f.text(name))
	f.recordJSX(PropAttr, el, attr, st)
}

// recordJSX records a flow into element el (an opening or self-closing
// element) at the node at.
func (f *file) recordJSX(kind PropKind, el, at *sitter.Node, st flowState) {
	if t := el.Type(); t != "jsx_opening_element" && t != "jsx_self_closing_element" {
		return
	}
	tag := el.ChildByFieldName("name")
	if tag == nil {
		return // a fragment
	}
	pf := PropFlow{
		Kind: kind, Name: st.name, Read: st.read, Object: st.object, Derived: st.derived,
		Span: span(at), Tag: f.text(tag), TagSpan: span(tag), TagImport: -1,
	}
	switch kind {
	case PropAttr:
		pf.Prop = strings.Join(st.keys, ".")
	case PropChildren:
		pf.Prop = "children"
	case PropSpread:
		pf.Prop = "..."
		if len(st.keys) > 0 {
			pf.Prop = strings.Join(st.keys, ".")
		}
	}
	pf.TagImport, pf.TagImported = f.tagImport(tag)
	f.sum.Props = append(f.sum.Props, pf)
}

// tagImport finds the import a JSX tag's component comes from.
func (f *file) tagImport(tag *sitter.Node) (int, string) {
	switch tag.Type() {
	case "identifier":
		name := f.text(tag)
		if i, imported, ok := f.importBinding(name); ok {
			return i, imported
		}
		// const Dialer = dynamic(() => import("./dialer"), …)
		if v := f.localValue(tag); v != nil {
			v = unwrapExpr(v)
			for i, imp := range f.sum.Imports {
				if imp.Kind == ImportNextDynamic && imp.StmtSpan.Start == int(v.StartByte()) {
					return i, ""
				}
			}
		}
	case "member_expression":
		obj, prop := tag.ChildByFieldName("object"), tag.ChildByFieldName("property")
		if obj == nil || prop == nil || obj.Type() != "identifier" {
			return -1, ""
		}
		if i, imported, ok := f.importBinding(f.text(obj)); ok && imported == "*" {
			return i, f.text(prop)
		}
	}
	return -1, ""
}

// importBinding returns the value import binding local, with its imported
// name.
func (f *file) importBinding(local string) (int, string, bool) {
	for i, imp := range f.sum.Imports {
		if imp.TypeOnly {
			continue
		}
		for _, b := range imp.Bindings {
			if b.Local == local {
				return i, b.Imported, true
			}
		}
	}
	return -1, "", false
}

// recordData records a flow returned by a data function: ret is the return
// statement (or an arrow's expression body) and up its ancestors. Only the
// `props` of the returned object count.
func (f *file) recordData(ret *sitter.Node, up []*sitter.Node, st flowState) {
	if len(st.keys) == 0 || st.keys[0] != "props" {
		return
	}
	name := ""
	for i := len(up) - 1; i >= 0; i-- {
		if isFunctionNode(up[i].Type()) {
			name = f.functionName(up[i], up[:i])
			break
		}
	}
	if !propDataFuncs[name] {
		return
	}
	// Point at the `props` property when the returned object is written
	// in place, else at the returned expression.
	at := span(ret)
	if ret.Type() == "return_statement" && ret.NamedChild(0) != nil {
		at = span(ret.NamedChild(0))
	}
	if obj := unwrapExpr(f.returnedValue(ret)); obj != nil && obj.Type() == "object" {
		f.eachPair(obj, func(key string, v *sitter.Node) {
			if key == "props" {
				if pr := v.Parent(); pr != nil && pr.Type() == "pair" {
					at = span(pr)
				} else {
					at = span(v)
				}
			}
		})
	}
	f.sum.Props = append(f.sum.Props, PropFlow{
		Kind: PropData, Name: st.name, Read: st.read, Object: st.object, Derived: st.derived,
		Span: at, Prop: strings.Join(st.keys[1:], "."), TagImport: -1, Func: name,
	})
}

func (f *file) returnedValue(ret *sitter.Node) *sitter.Node {
	if ret.Type() == "return_statement" {
		return ret.NamedChild(0)
	}
	return ret
}

// functionName names a function node: its declared name, or the variable
// it initialises, directly or as the function argument of a wrapper call
// (`export const getServerSideProps = withSession(async (ctx) => …)`). up
// holds fn's ancestors, root first.
func (f *file) functionName(fn *sitter.Node, up []*sitter.Node) string {
	switch fn.Type() {
	case "function_declaration", "generator_function_declaration":
		if name := fn.ChildByFieldName("name"); name != nil {
			return f.text(name)
		}
		return ""
	case "method_definition":
		return ""
	}
	cur := fn
	for i := len(up) - 1; i >= 0; i-- {
		p := up[i]
		switch p.Type() {
		case "parenthesized_expression", "as_expression", "satisfies_expression", "arguments", "call_expression", "await_expression":
		case "variable_declarator":
			if name := p.ChildByFieldName("name"); name != nil && name.Type() == "identifier" && isField(p, "value", cur) {
				return f.text(name)
			}
			return ""
		default:
			return ""
		}
		cur = p
	}
	return ""
}
