package syntax

import (
	"bytes"
	"sort"

	sitter "github.com/smacker/go-tree-sitter"
)

// EnvForm says how an environment variable is read. Next.js inlines only
// the literal member access process.env.NAME (ssr-facts §2); every other
// form reads the runtime object, which is empty in the browser.
type EnvForm int

// Forms of environment reads.
const (
	// EnvMember: process.env.NAME, the form Next inlines.
	EnvMember EnvForm = iota
	// EnvIndex: process.env["NAME"], a literal name that is never inlined.
	EnvIndex
	// EnvDynamic: process.env[name] (or a computed destructuring key): the
	// name is not known statically.
	EnvDynamic
	// EnvDestructure: const { NAME } = process.env (also through an alias).
	EnvDestructure
	// EnvRest: const { ...rest } = process.env: every variable at once.
	EnvRest
	// EnvAlias: env.NAME or env["NAME"] after const env = process.env.
	EnvAlias
)

// Inlined reports whether Next replaces this form with the variable's value
// at build time (for a public name).
func (k EnvForm) Inlined() bool { return k == EnvMember }

func (k EnvForm) String() string {
	switch k {
	case EnvMember:
		return "member"
	case EnvIndex:
		return "index"
	case EnvDynamic:
		return "dynamic"
	case EnvDestructure:
		return "destructuring"
	case EnvRest:
		return "rest"
	case EnvAlias:
		return "alias"
	}
	return "unknown"
}

// EnvRef is one access to an environment variable through process.env or
// import.meta.env.
type EnvRef struct {
	// Name is the variable's name; "" for EnvDynamic and EnvRest.
	Name string
	// Span covers the access: process.env.NAME, process.env[k], env.NAME, or
	// the property of a destructuring pattern ({ NAME }, NAME: alias).
	Span Span
	// NameSpan covers the name: the property, the string's content, the
	// pattern key, or the computed index.
	NameSpan Span
	Form     EnvForm
	// Meta is true for import.meta.env (Vite and others; Next defines no
	// import.meta.env).
	Meta bool
	// Write is true for an assignment, update or delete of the variable.
	Write bool
	// Context and Guarded are as for GlobalRef.
	Context Context
	Guarded bool
	// ServerOnly: a dominating check makes the read run on the server
	// only (`if (typeof window !== "undefined") return ""` before it).
	ServerOnly bool
	// ServerData is true inside a span of Summary.ServerData.
	ServerData bool
}

// dataFuncs are the Pages Router data functions Next removes from a page's
// client build, with the code and imports only they use (ssr-facts §1).
var dataFuncs = map[string]bool{"getServerSideProps": true, "getStaticProps": true, "getStaticPaths": true}

// env fills Summary.ServerData, Import.ServerDataOnly and Summary.Env.
func (f *file) env() {
	f.serverData()
	hasProc := bytes.Contains(f.src, []byte("process.env"))
	hasMeta := bytes.Contains(f.src, []byte("import.meta.env"))
	if !hasProc && !hasMeta {
		return
	}
	f.withMemo(func() {
		if hasProc {
			f.envScan("process.env", false, f.processDecls())
		}
		if hasMeta {
			f.envScan("import.meta.env", true, nil)
		}
	})
	sort.SliceStable(f.sum.Env, func(i, j int) bool { return f.sum.Env[i].Span.Start < f.sum.Env[j].Span.Start })
}

// processDecls returns the local declarations of the name process (other
// than imports of Node's process module, which is the same object).
func (f *file) processDecls() []decl {
	var out []decl
	eachWord(f.src, "process", 0, len(f.src), func(start int) bool {
		id := f.nodeAt(start, start+len("process"))
		if id == nil || int(id.StartByte()) != start || int(id.EndByte()) != start+len("process") {
			return true
		}
		if d, ok := f.declOf(id); ok && !d.isImport {
			out = append(out, d)
		}
		return true
	})
	return out
}

// envScan finds the object expression word (process.env or import.meta.env)
// by a byte scan and records the accesses made through it.
func (f *file) envScan(word string, meta bool, shadows []decl) {
	w := []byte(word)
	for off := 0; off < len(f.src); {
		i := bytes.Index(f.src[off:], w)
		if i < 0 {
			return
		}
		at := off + i
		end := at + len(w)
		off = end
		if at > 0 && identPart[f.src[at-1]] || isMemberDot(f.src, at) || end < len(f.src) && identPart[f.src[end]] {
			continue
		}
		n := f.nodeAt(at, end)
		if n == nil || n.Type() != "member_expression" || int(n.StartByte()) != at || int(n.EndByte()) != end {
			continue // in a string, a comment, or spelled differently
		}
		hidden := false
		for _, d := range shadows {
			if d.covers(at) {
				hidden = true
				break
			}
		}
		if !hidden {
			f.envAccess(n, meta)
		}
	}
}

// isExprWrapper reports the TypeScript and grouping wrappers that leave the
// wrapped object as it is: (process.env as any).X reads process.env.
func isExprWrapper(t string) bool {
	switch t {
	case "parenthesized_expression", "as_expression", "non_null_expression", "satisfies_expression":
		return true
	}
	return false
}

// wrappedParent climbs from n over expression wrappers and returns the
// outermost wrapper (or n) and its parent.
func wrappedParent(n *sitter.Node) (outer, parent *sitter.Node) {
	outer = n
	parent = n.Parent()
	for parent != nil && isExprWrapper(parent.Type()) {
		outer = parent
		parent = parent.Parent()
	}
	return outer, parent
}

// envAccess records what is done with the env object expression obj.
func (f *file) envAccess(obj *sitter.Node, meta bool) {
	outer, p := wrappedParent(obj)
	if p == nil {
		return
	}
	switch p.Type() {
	case "member_expression", "subscript_expression":
		if !isField(p, "object", outer) {
			return
		}
		f.envMember(p, EnvMember, meta)
	case "variable_declarator":
		if !isField(p, "value", outer) {
			return
		}
		switch name := p.ChildByFieldName("name"); {
		case name == nil:
		case name.Type() == "object_pattern":
			f.envPattern(name, meta)
		case name.Type() == "identifier":
			f.envAlias(name, meta)
		}
	case "assignment_expression":
		// ({ NAME } = process.env)
		if left := p.ChildByFieldName("left"); left != nil && left.Type() == "object_pattern" && isField(p, "right", outer) {
			f.envPattern(left, meta)
		}
	}
}

// envMember records acc, a member or subscript expression whose object is
// the env object (or an alias of it, with form EnvAlias).
func (f *file) envMember(acc *sitter.Node, form EnvForm, meta bool) {
	r := EnvRef{Span: span(acc), Form: form, Meta: meta}
	if acc.Type() == "member_expression" {
		prop := acc.ChildByFieldName("property")
		if prop == nil || prop.Type() != "property_identifier" {
			return
		}
		r.Name, r.NameSpan = f.text(prop), span(prop)
	} else {
		idx := acc.ChildByFieldName("index")
		if idx == nil {
			return
		}
		if s, sp, ok := f.stringLit(idx); ok {
			r.Name, r.NameSpan = s, sp
			if form == EnvMember {
				r.Form = EnvIndex
			}
		} else {
			r.Form, r.NameSpan = EnvDynamic, span(idx)
		}
	}
	if memberChainParent(acc).Type() == "type_query" {
		return // typeof process.env.X in a type
	}
	r.Write = f.isWrite(acc)
	f.addEnv(r, acc)
}

// isWrite reports whether the access is assigned, updated or deleted.
func (f *file) isWrite(acc *sitter.Node) bool {
	outer, p := wrappedParent(acc)
	if p == nil {
		return false
	}
	switch p.Type() {
	case "assignment_expression", "augmented_assignment_expression":
		return isField(p, "left", outer)
	case "update_expression":
		return true
	case "unary_expression":
		return hasKeyword(p, "delete")
	}
	return false
}

// envPattern records the properties of a destructuring pattern whose value
// is the env object.
func (f *file) envPattern(pat *sitter.Node, meta bool) {
	ctx, guarded := f.refContext(pat)
	serverOnly := f.serverGuarded(pat)
	for i := range int(pat.NamedChildCount()) {
		c := pat.NamedChild(i)
		r := EnvRef{Span: span(c), Form: EnvDestructure, Meta: meta, Context: ctx, Guarded: guarded, ServerOnly: serverOnly}
		switch c.Type() {
		case "shorthand_property_identifier_pattern":
			r.Name, r.NameSpan = f.text(c), span(c)
		case "object_assignment_pattern":
			// { NAME = "default" }
			left := c.ChildByFieldName("left")
			if left == nil || left.Type() != "shorthand_property_identifier_pattern" {
				continue
			}
			r.Name, r.NameSpan = f.text(left), span(left)
		case "pair_pattern":
			key := c.ChildByFieldName("key")
			if key == nil {
				continue
			}
			switch key.Type() {
			case "property_identifier":
				r.Name, r.NameSpan = f.text(key), span(key)
			case "string":
				s, sp, ok := f.stringLit(key)
				if !ok {
					continue
				}
				r.Name, r.NameSpan = s, sp
			default:
				r.Form, r.NameSpan = EnvDynamic, span(key)
			}
		case "rest_pattern":
			r.Form, r.NameSpan = EnvRest, span(c)
		default:
			continue
		}
		r.ServerData = f.inServerData(r.Span.Start)
		f.sum.Env = append(f.sum.Env, r)
	}
}

// envAlias records the accesses made through a local bound to the env
// object (const env = process.env), within the local's scope.
func (f *file) envAlias(name *sitter.Node, meta bool) {
	d, ok := f.declOf(name)
	if !ok {
		return
	}
	word := f.text(name)
	self := int(name.StartByte())
	eachWord(f.src, word, d.scope.Start, d.scope.End, func(start int) bool {
		if start == self {
			return true
		}
		id := f.nodeAt(start, start+len(word))
		if id == nil || id.Type() != "identifier" || int(id.StartByte()) != start || int(id.EndByte()) != start+len(word) {
			return true
		}
		outer, p := wrappedParent(id)
		if p == nil {
			return true
		}
		switch p.Type() {
		case "member_expression", "subscript_expression":
			if isField(p, "object", outer) {
				f.envMember(p, EnvAlias, meta)
			}
		case "variable_declarator":
			if pat := p.ChildByFieldName("name"); pat != nil && pat.Type() == "object_pattern" && isField(p, "value", outer) {
				f.envPattern(pat, meta)
			}
		}
		return true
	})
}

// addEnv completes r with where acc runs and records it.
func (f *file) addEnv(r EnvRef, acc *sitter.Node) {
	r.Context, r.Guarded = f.refContext(acc)
	r.ServerOnly = f.serverGuarded(acc)
	r.ServerData = f.inServerData(r.Span.Start)
	f.sum.Env = append(f.sum.Env, r)
}

func (f *file) inServerData(off int) bool {
	for _, s := range f.sum.ServerData {
		if s.Start <= off && off < s.End {
			return true
		}
	}
	return false
}

// dataCand is a top-level declaration or import binding that Next removes
// from a page's client build when only removed code refers to it.
type dataCand struct {
	name string
	own  Span // the declaration; references inside it do not count
	imp  int  // index into Summary.Imports, or -1
	refs []dataRef
	data bool
}

type dataRef struct {
	off  int
	dead bool // an `export { x as getServerSideProps }` specifier
}

// serverData finds the Pages Router data functions (getServerSideProps,
// getStaticProps, getStaticPaths) a module exports, and, as Next's SSG
// transform does, the top-level declarations and imports that only they use,
// repeatedly. Their spans go to Summary.ServerData and the imports are marked
// ServerDataOnly.
func (f *file) serverData() {
	found := false
	for name := range dataFuncs {
		if bytes.Contains(f.src, []byte(name)) {
			found = true
			break
		}
	}
	if !found {
		return
	}
	var spans []Span
	var cands []*dataCand
	dataLocals := map[string]bool{}
	n := int(f.root.NamedChildCount())
	for i := 0; i < n; i++ {
		c := f.root.NamedChild(i)
		switch c.Type() {
		case "export_statement":
			if c.ChildByFieldName("source") != nil {
				f.dataReExport(c)
				continue
			}
			if decl := c.ChildByFieldName("declaration"); decl != nil {
				for _, d := range f.declNames(decl) {
					if dataFuncs[d.name] {
						spans = append(spans, d.own)
					}
				}
				continue
			}
			if ec := firstNamedOfType(c, "export_clause"); ec != nil {
				for j := range int(ec.NamedChildCount()) {
					s := ec.NamedChild(j)
					if s.Type() != "export_specifier" {
						continue
					}
					local := f.text(s.ChildByFieldName("name"))
					exported := local
					if a := s.ChildByFieldName("alias"); a != nil {
						exported = f.text(a)
					}
					if dataFuncs[unquote(exported)] {
						dataLocals[local] = true
					}
				}
			}
		case "function_declaration", "generator_function_declaration", "class_declaration",
			"abstract_class_declaration", "lexical_declaration", "variable_declaration":
			for _, d := range f.declNames(c) {
				cands = append(cands, &d)
			}
		}
	}
	for i, imp := range f.sum.Imports {
		if imp.Kind != ImportStatic || imp.TypeOnly {
			continue
		}
		for _, b := range imp.Bindings {
			cands = append(cands, &dataCand{name: b.Local, own: imp.StmtSpan, imp: i})
		}
	}
	if len(spans) == 0 && len(dataLocals) == 0 {
		return
	}
	f.dataRefs(cands)
	in := func(off int) bool {
		for _, s := range spans {
			if s.Start <= off && off < s.End {
				return true
			}
		}
		return false
	}
	for changed := true; changed; {
		changed = false
		for _, c := range cands {
			if c.data || len(c.refs) == 0 {
				continue
			}
			all := true
			for _, r := range c.refs {
				if !r.dead && !in(r.off) {
					all = false
					break
				}
			}
			if !all {
				continue
			}
			c.data, changed = true, true
			if c.imp < 0 {
				spans = append(spans, c.own)
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	f.sum.ServerData = spans
	byImport := map[int]bool{}
	for _, c := range cands {
		if c.imp < 0 {
			continue
		}
		if _, seen := byImport[c.imp]; !seen {
			byImport[c.imp] = true
		}
		byImport[c.imp] = byImport[c.imp] && c.data
	}
	for i := range f.sum.Imports {
		imp := &f.sum.Imports[i]
		if all, ok := byImport[i]; ok && all || in(imp.StmtSpan.Start) {
			imp.ServerDataOnly = true
		}
	}
}

// declNames returns the names a top-level declaration binds, each with the
// span Next would remove with it.
func (f *file) declNames(decl *sitter.Node) []dataCand {
	switch decl.Type() {
	case "function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration":
		if name := decl.ChildByFieldName("name"); name != nil {
			return []dataCand{{name: f.text(name), own: span(decl), imp: -1}}
		}
	case "lexical_declaration", "variable_declaration":
		var out []dataCand
		for j := range int(decl.NamedChildCount()) {
			d := decl.NamedChild(j)
			if d.Type() != "variable_declarator" {
				continue
			}
			if name := d.ChildByFieldName("name"); name != nil && name.Type() == "identifier" {
				out = append(out, dataCand{name: f.text(name), own: span(d), imp: -1})
			}
		}
		return out
	}
	return nil
}

// dataReExport marks `export { getServerSideProps } from "./x"` as
// ServerDataOnly when it re-exports data functions only.
func (f *file) dataReExport(stmt *sitter.Node) {
	ec := firstNamedOfType(stmt, "export_clause")
	if ec == nil {
		return
	}
	specs := 0
	for j := range int(ec.NamedChildCount()) {
		s := ec.NamedChild(j)
		if s.Type() != "export_specifier" {
			continue
		}
		specs++
		exported := s.ChildByFieldName("name")
		if a := s.ChildByFieldName("alias"); a != nil {
			exported = a
		}
		if exported == nil || !dataFuncs[unquote(f.text(exported))] {
			return
		}
	}
	if specs == 0 {
		return
	}
	sp := span(stmt)
	for i := range f.sum.Imports {
		if imp := &f.sum.Imports[i]; imp.Kind == ImportReExport && imp.StmtSpan == sp {
			imp.ServerDataOnly = true
		}
	}
}

// dataRefs finds the references to each candidate's name outside its own
// declaration, with one scan of the source for all names. Occurrences in
// types, and bindings of other names that happen to be spelled the same, are
// not references.
func (f *file) dataRefs(cands []*dataCand) {
	var set wordSet
	byName := map[string][]*dataCand{}
	for _, c := range cands {
		set.add(c.name, wantLocal)
		byName[c.name] = append(byName[c.name], c)
	}
	for _, h := range set.scan(f.src) {
		name := string(f.src[h.start:h.end])
		r, ok := f.dataRef(h.start, h.end)
		if !ok {
			continue
		}
		for _, c := range byName[name] {
			if h.start < c.own.Start || h.start >= c.own.End {
				c.refs = append(c.refs, r)
			}
		}
	}
}

// dataRef classifies the word at [start, end): a reference, a dead one (the
// local of `export { x as getServerSideProps }`), or none.
func (f *file) dataRef(start, end int) (dataRef, bool) {
	id := f.nodeAt(start, end)
	if id == nil || int(id.StartByte()) != start || int(id.EndByte()) != end {
		return dataRef{}, false
	}
	switch id.Type() {
	case "identifier":
	case "shorthand_property_identifier":
		return dataRef{off: start}, true
	default:
		return dataRef{}, false
	}
	p := id.Parent()
	if p == nil {
		return dataRef{}, false
	}
	switch p.Type() {
	case "type_query":
		return dataRef{}, false
	case "export_specifier":
		if !isField(p, "name", id) {
			return dataRef{}, false // export { x as name }: the exported name
		}
		exported := p.ChildByFieldName("alias")
		if exported == nil {
			exported = id
		}
		return dataRef{off: start, dead: dataFuncs[unquote(f.text(exported))]}, true
	}
	if _, binding := f.bindingOf(id, p); binding {
		return dataRef{}, false
	}
	return dataRef{off: start}, true
}
