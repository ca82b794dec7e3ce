package syntax

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/typescript/tsx"
	"github.com/smacker/go-tree-sitter/typescript/typescript"
)

// Options are the inputs that, besides the source, decide a Summary. They
// are part of the cache key (see Options.Key).
type Options struct {
	// Globals are the browser-only global names whose references are recorded.
	Globals []string

	globalsOnce sync.Once
	globals     *wordSet
}

// globalSet is Globals as a word set, built once and shared (read-only) by
// every file parsed with these options.
func (o *Options) globalSet() *wordSet {
	o.globalsOnce.Do(func() {
		o.globals = &wordSet{}
		for _, g := range o.Globals {
			o.globals.add(g, wantGlobal)
		}
	})
	return o.globals
}

// Key returns a stable string identifying the options, for cache keys.
func (o *Options) Key() string {
	if o == nil {
		return ""
	}
	return strings.Join(o.Globals, ",")
}

// Extensions are the file extensions Parse accepts.
var Extensions = []string{".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"}

// IsSource reports whether path has a JavaScript/TypeScript extension.
func IsSource(path string) bool {
	ext := filepath.Ext(path)
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// .ts files must not be parsed as TSX: `<T>x` casts and arrow generics differ.
// JavaScript files may contain JSX, which the TSX grammar accepts.
func languageFor(path string) *sitter.Language {
	switch filepath.Ext(path) {
	case ".ts", ".mts", ".cts":
		return tsLang()
	}
	return tsxLang()
}

var (
	tsLang  = sync.OnceValue(typescript.GetLanguage)
	tsxLang = sync.OnceValue(tsx.GetLanguage)
)

// parserPool reuses parsers per language; a parser is not safe for
// concurrent use, but Parse is.
var parserPool = map[string]*sync.Pool{}
var poolMu sync.Mutex

func getParser(lang *sitter.Language, key string) (*sitter.Parser, func()) {
	poolMu.Lock()
	p, ok := parserPool[key]
	if !ok {
		p = &sync.Pool{New: func() any {
			ps := sitter.NewParser()
			ps.SetLanguage(lang)
			return ps
		}}
		parserPool[key] = p
	}
	poolMu.Unlock()
	ps := p.Get().(*sitter.Parser)
	return ps, func() { p.Put(ps) }
}

// File is a parsed module: its source, its tree and a line table. It is
// used while extracting; the Summary outlives it.
type file struct {
	path  string
	src   []byte
	root  *sitter.Node
	lines []int // byte offset of each line start
	opts  *Options
	sum   *Summary
	// dynamicLocals are the local names bound to next/dynamic's default export.
	dynamicLocals map[string]bool
	// memo caches guard lookups while refs runs.
	memo *memo
	// guardWords caches mayHaveGuards: 0 unknown, 1 no, 2 yes.
	guardWords int8
	// rmemo holds the roles and mounted flags of the file's functions,
	// shared by decls and render (renderMemos).
	rmemo *renderMemo
}

// Parse parses src (the contents of path) and extracts its Summary. It
// returns an error only when tree-sitter produces no tree at all; syntax
// errors are recorded in Summary.Errors.
func Parse(path string, src []byte, opts *Options) (*Summary, error) {
	if opts == nil {
		opts = &Options{}
	}
	tree, err := parseTree(path, src)
	if err != nil {
		return nil, err
	}
	defer tree.Close()
	f := &file{path: path, src: src, root: tree.RootNode(), opts: opts, sum: &Summary{}}
	f.lines = lineStarts(src)
	f.extract()
	return f.sum, nil
}

// parseTree parses src with the grammar path's extension calls for, using a
// pooled parser. The caller closes the tree.
func parseTree(path string, src []byte) (*sitter.Tree, error) {
	lang := languageFor(path)
	key := "tsx"
	if lang == tsLang() {
		key = "ts"
	}
	ps, put := getParser(lang, key)
	tree, err := ps.ParseCtx(context.Background(), nil, src)
	put()
	if err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	if tree == nil {
		return nil, fmt.Errorf("parsing %s: no syntax tree", path)
	}
	return tree, nil
}

func lineStarts(src []byte) []int {
	lines := make([]int, 1, 64+len(src)/40)
	for i, b := range src {
		if b == '\n' {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// point converts a byte offset into tree-sitter's (row, byte column).
func (f *file) point(off int) sitter.Point {
	lo, hi := 0, len(f.lines)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if f.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return sitter.Point{Row: uint32(lo), Column: uint32(off - f.lines[lo])}
}

// nodeAt returns the smallest named node covering [start, end).
func (f *file) nodeAt(start, end int) *sitter.Node {
	return f.root.NamedDescendantForPointRange(f.point(start), f.point(end))
}

func (f *file) text(n *sitter.Node) string { return n.Content(f.src) }

func span(n *sitter.Node) Span { return Span{int(n.StartByte()), int(n.EndByte())} }

func (f *file) extract() {
	f.topLevel()
	f.elideUnused()
	f.purity()
	f.calls()
	f.refs()
	f.render()
	f.env()
	f.sharedEnv()
	f.suppressions()
	f.scripts()
	f.mint()
	f.crossings()
	if f.root.HasError() {
		f.errors(f.root)
	}
}

// errors records ERROR and MISSING nodes, descending only into subtrees that
// contain one, so a clean file costs one call.
func (f *file) errors(n *sitter.Node) {
	if len(f.sum.Errors) >= 50 {
		return
	}
	if n.IsError() && f.bareAmpersand(n) {
		return
	}
	if n.IsError() || n.IsMissing() {
		f.sum.Errors = append(f.sum.Errors, span(n))
		return
	}
	for i := range int(n.ChildCount()) {
		c := n.Child(i)
		if c.HasError() || c.IsMissing() {
			f.errors(c)
		}
	}
}

// bareAmpersand reports whether the error node n is the grammar's known
// stumble over a bare "&" in JSX text or in a JSX attribute string
// (`<p>Terms & Conditions</p>`, `href="?a=1&b=2"`): valid JSX, which this
// version of the grammar takes for an unfinished character reference. Its
// recovery is local — the error holds the words after the "&" and nothing
// else — so nothing the rules read is lost, and the file is not reported
// as unparsable. An error that swallowed more (an expression, a tag, a
// quote) is still reported.
func (f *file) bareAmpersand(n *sitter.Node) bool {
	text := f.src[n.StartByte():n.EndByte()]
	if len(text) == 0 || text[0] != '&' {
		return false
	}
	p := n.Parent()
	if p == nil {
		return false
	}
	switch p.Type() {
	case "string":
		// Inside the quotes of a JSX attribute: nothing but text can hide
		// there (`?a=1&b=c-d#top`).
		gp := p.Parent()
		return gp != nil && gp.Type() == "jsx_attribute"
	case "jsx_element":
		if bytes.ContainsAny(text, "{}<>\"'`") {
			return false
		}
		for i := range int(n.NamedChildCount()) {
			switch n.NamedChild(i).Type() {
			case "identifier", "number", "property_identifier", "private_property_identifier":
			default:
				return false
			}
		}
		return true
	}
	return false
}

// topLevel reads directives, static imports, re-exports and exports from the
// program's direct children: they can only appear there.
func (f *file) topLevel() {
	prologue := true
	n := int(f.root.NamedChildCount())
	for i := 0; i < n; i++ {
		c := f.root.NamedChild(i)
		switch c.Type() {
		case "comment", "hash_bang_line":
			continue
		case "expression_statement":
			if kids := namedNonComment(c); len(kids) == 1 && kids[0].Type() == "string" {
				s := kids[0]
				v := unquote(f.text(s))
				if v == "use client" || v == "use server" {
					f.sum.Directives = append(f.sum.Directives, Directive{Value: v, Span: span(c), InPrologue: prologue})
					if prologue {
						if v == "use client" {
							f.sum.UseClient = true
						} else {
							f.sum.UseServer = true
						}
					}
				}
				// Any string statement keeps the prologue going ("use strict").
				continue
			}
		case "import_statement":
			f.importStatement(c)
		case "export_statement":
			f.exportStatement(c)
		}
		prologue = false
	}
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'' || s[0] == '`') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// stringLit returns the value and span (without quotes) of a string node.
func (f *file) stringLit(n *sitter.Node) (string, Span, bool) {
	if n == nil {
		return "", Span{}, false
	}
	switch n.Type() {
	case "string":
	case "template_string":
		// Only a template with no substitutions is a constant.
		if n.NamedChildCount() > 0 {
			for i := range int(n.NamedChildCount()) {
				if n.NamedChild(i).Type() == "template_substitution" {
					return "", Span{}, false
				}
			}
		}
	default:
		return "", Span{}, false
	}
	sp := span(n)
	sp.Start++
	sp.End--
	if sp.End < sp.Start {
		return "", Span{}, false
	}
	return string(f.src[sp.Start:sp.End]), sp, true
}

// hasKeyword reports whether n has an anonymous child token kw (e.g. "type").
func hasKeyword(n *sitter.Node, kw string) bool {
	for i := range int(n.ChildCount()) {
		c := n.Child(i)
		if !c.IsNamed() && c.Type() == kw {
			return true
		}
	}
	return false
}

func (f *file) importStatement(n *sitter.Node) {
	if rc := firstNamedOfType(n, "import_require_clause"); rc != nil {
		// import x = require("m")
		spec, sp, ok := f.stringLit(rc.ChildByFieldName("source"))
		if !ok {
			return
		}
		imp := Import{Spec: spec, Kind: ImportRequire, Span: sp, StmtSpan: span(n), TypeOnly: hasKeyword(n, "type")}
		if id := firstNamedOfType(rc, "identifier"); id != nil {
			imp.Bindings = []Binding{{Local: f.text(id), Imported: "*"}}
		}
		f.sum.Imports = append(f.sum.Imports, imp)
		return
	}
	spec, sp, ok := f.stringLit(n.ChildByFieldName("source"))
	if !ok {
		return
	}
	imp := Import{Spec: spec, Kind: ImportStatic, Span: sp, StmtSpan: span(n)}
	typeStmt := hasKeyword(n, "type")
	clause := firstNamedOfType(n, "import_clause")
	if clause == nil {
		imp.SideEffectOnly = true
	} else {
		values := 0
		for i := range int(clause.NamedChildCount()) {
			c := clause.NamedChild(i)
			switch c.Type() {
			case "identifier":
				values++
				imp.Bindings = append(imp.Bindings, Binding{Local: f.text(c), Imported: "default"})
			case "namespace_import":
				values++
				if id := firstNamedOfType(c, "identifier"); id != nil {
					imp.Bindings = append(imp.Bindings, Binding{Local: f.text(id), Imported: "*"})
				}
			case "named_imports":
				specs := 0
				for j := range int(c.NamedChildCount()) {
					s := c.NamedChild(j)
					if s.Type() != "import_specifier" {
						continue
					}
					specs++
					if hasKeyword(s, "type") {
						continue
					}
					values++
					name := f.text(s.ChildByFieldName("name"))
					local := name
					if a := s.ChildByFieldName("alias"); a != nil {
						local = f.text(a)
					}
					imp.Bindings = append(imp.Bindings, Binding{Local: local, Imported: unquote(name)})
				}
				if specs == 0 {
					// import {} from "m" still evaluates m.
					values++
				}
			}
		}
		imp.TypeOnly = typeStmt || values == 0
	}
	if typeStmt {
		imp.TypeOnly = true
		imp.Bindings = nil
	}
	if imp.Spec == "next/dynamic" && !imp.TypeOnly {
		for _, b := range imp.Bindings {
			if b.Imported == "default" {
				if f.dynamicLocals == nil {
					f.dynamicLocals = map[string]bool{}
				}
				f.dynamicLocals[b.Local] = true
			}
		}
	}
	f.sum.Imports = append(f.sum.Imports, imp)
}

// namedNonComment returns n's named children other than comments, which
// tree-sitter attaches anywhere (`dynamic( // note` puts one first in the
// argument list). n may be nil.
func namedNonComment(n *sitter.Node) []*sitter.Node {
	if n == nil {
		return nil
	}
	count := int(n.NamedChildCount())
	out := make([]*sitter.Node, 0, count)
	for i := 0; i < count; i++ {
		if c := n.NamedChild(i); c.Type() != "comment" {
			out = append(out, c)
		}
	}
	return out
}

func firstNamedOfType(n *sitter.Node, typ string) *sitter.Node {
	for i := range int(n.NamedChildCount()) {
		if c := n.NamedChild(i); c.Type() == typ {
			return c
		}
	}
	return nil
}

func (f *file) exportStatement(n *sitter.Node) {
	if src := n.ChildByFieldName("source"); src != nil {
		spec, sp, ok := f.stringLit(src)
		if !ok {
			return
		}
		imp := Import{Spec: spec, Kind: ImportReExport, Span: sp, StmtSpan: span(n), TypeOnly: hasKeyword(n, "type")}
		ec := firstNamedOfType(n, "export_clause")
		ns := firstNamedOfType(n, "namespace_export")
		switch {
		case imp.TypeOnly:
		case ec != nil:
			values := 0
			for j := range int(ec.NamedChildCount()) {
				s := ec.NamedChild(j)
				if s.Type() == "export_specifier" && !hasKeyword(s, "type") {
					values++
					name := unquote(f.text(s.ChildByFieldName("name")))
					exp := name
					if a := s.ChildByFieldName("alias"); a != nil {
						exp = unquote(f.text(a))
					}
					f.sum.Exports = append(f.sum.Exports, Export{Name: exp, Span: span(s), ReExport: true})
					imp.Forwards = append(imp.Forwards, Binding{Local: exp, Imported: name})
				}
			}
			if values == 0 && ec.NamedChildCount() > 0 {
				imp.TypeOnly = true
			}
		case ns != nil:
			// export * as ns from "m"
			if name := ns.NamedChild(0); name != nil {
				local := unquote(f.text(name))
				f.sum.Exports = append(f.sum.Exports, Export{Name: local, Span: span(ns), ReExport: true})
				imp.Forwards = []Binding{{Local: local, Imported: "*"}}
			}
		default:
			imp.Star = true
		}
		f.sum.Imports = append(f.sum.Imports, imp)
		return
	}
	if hasKeyword(n, "default") {
		f.sum.Exports = append(f.sum.Exports, Export{Name: "default", Span: span(n)})
		return
	}
	decl := n.ChildByFieldName("declaration")
	if decl == nil {
		if ec := firstNamedOfType(n, "export_clause"); ec != nil {
			for j := range int(ec.NamedChildCount()) {
				s := ec.NamedChild(j)
				if s.Type() != "export_specifier" || hasKeyword(s, "type") {
					continue
				}
				name := f.text(s.ChildByFieldName("name"))
				if a := s.ChildByFieldName("alias"); a != nil {
					name = f.text(a)
				}
				f.sum.Exports = append(f.sum.Exports, Export{Name: unquote(name), Span: span(s)})
			}
		}
		return
	}
	switch decl.Type() {
	case "lexical_declaration", "variable_declaration":
		for j := range int(decl.NamedChildCount()) {
			d := decl.NamedChild(j)
			if d.Type() != "variable_declarator" {
				continue
			}
			name := d.ChildByFieldName("name")
			if name == nil || name.Type() != "identifier" {
				continue
			}
			e := Export{Name: f.text(name), Span: span(d)}
			if v := d.ChildByFieldName("value"); v != nil {
				e.Value, e.HasValue = f.literal(v)
			}
			f.sum.Exports = append(f.sum.Exports, e)
		}
	case "function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration":
		if name := decl.ChildByFieldName("name"); name != nil {
			f.sum.Exports = append(f.sum.Exports, Export{Name: f.text(name), Span: span(decl), Async: hasKeyword(decl, "async")})
		}
	}
}

// literal returns the text of a literal value: strings unquoted, numbers,
// booleans. Anything computed (60 * 10) is not a literal, as Next requires.
func (f *file) literal(v *sitter.Node) (string, bool) {
	for v.Type() == "as_expression" || v.Type() == "satisfies_expression" || v.Type() == "parenthesized_expression" {
		if v.NamedChildCount() == 0 {
			return "", false
		}
		v = v.NamedChild(0)
	}
	switch v.Type() {
	case "string":
		s, _, ok := f.stringLit(v)
		return s, ok
	case "template_string":
		s, _, ok := f.stringLit(v)
		return s, ok
	case "number", "true", "false":
		return f.text(v), true
	}
	return "", false
}

// calls finds require("m") and import("m") anywhere in the file. A byte scan
// finds candidates and tree-sitter confirms them, so files without such calls
// cost no tree walk.
func (f *file) calls() {
	for _, kw := range []string{"require", "import"} {
		src := f.src
		off := 0
		for {
			i := bytes.Index(src[off:], []byte(kw))
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(kw)
			j := off
			for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r') {
				j++
			}
			if j >= len(src) || src[j] != '(' || (at > 0 && isIdentByte(src[at-1])) {
				continue
			}
			f.callAt(at, at+len(kw), kw)
		}
	}
}

func isIdentByte(b byte) bool {
	return b == '_' || b == '$' || b == '.' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

func (f *file) callAt(start, end int, kw string) {
	n := f.root.NamedDescendantForPointRange(f.point(start), f.point(end))
	if n == nil {
		return
	}
	if kw == "require" && n.Type() != "identifier" || kw == "import" && n.Type() != "import" {
		return
	}
	call := n.Parent()
	if call == nil || call.Type() != "call_expression" {
		return
	}
	if fn := call.ChildByFieldName("function"); fn == nil || !fn.Equal(n) {
		return
	}
	args := call.ChildByFieldName("arguments")
	argv := namedNonComment(args)
	if len(argv) == 0 {
		return
	}
	spec, sp, ok := f.stringLit(argv[0])
	if !ok {
		return
	}
	if kw == "require" && f.isShadowed("require", n) {
		return
	}
	imp := Import{Spec: spec, Span: sp, StmtSpan: span(call)}
	if kw == "require" {
		imp.Kind = ImportRequire
	} else {
		imp.Kind = ImportDynamic
	}
	ctx := f.contextOf(call)
	imp.Context = ctx.Context
	imp.Guarded = ctx.Guarded
	if ctx.NextDynamic != nil {
		imp.Kind = ImportNextDynamic
		imp.SSRFalse = f.ssrFalse(ctx.NextDynamic)
		imp.StmtSpan = span(ctx.NextDynamic)
		imp.Context = ctx.Outer
	}
	f.sum.Imports = append(f.sum.Imports, imp)
}

// ssrFalse reports whether a next/dynamic call has `{ ssr: false }` in its
// options argument.
func (f *file) ssrFalse(call *sitter.Node) bool {
	args := call.ChildByFieldName("arguments")
	argv := namedNonComment(args)
	if len(argv) < 2 {
		return false
	}
	obj := argv[1]
	if obj.Type() != "object" {
		return false
	}
	for i := range int(obj.NamedChildCount()) {
		p := obj.NamedChild(i)
		if p.Type() != "pair" {
			continue
		}
		k := p.ChildByFieldName("key")
		v := p.ChildByFieldName("value")
		if k != nil && v != nil && unquote(f.text(k)) == "ssr" && v.Type() == "false" {
			return true
		}
	}
	return false
}
