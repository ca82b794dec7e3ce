package syntax

import (
	"bytes"
	"slices"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// Outgoing HTTP requests, top-level functions and Cache-Control headers:
// what the tokencache rule needs to recognise a SignalWire token mint and to
// tell whether Next.js caches it. Nothing here knows SignalWire: URLs and
// credential names are recorded as text and the rule matches them against
// rules/minting.json, so a change of that data does not make cached
// summaries stale (the cache key holds SchemaVersion and Options, not data).

// Request is a call of fetch, or of axios, got or ky (`axios.post(...)`).
type Request struct {
	// Client is "fetch", "axios", "got" or "ky"; Method the member called
	// ("post" for axios.post), "" for a direct call.
	Client string
	Method string
	// Span covers the call expression.
	Span Span
	// URL is the literal text of the URL argument: string and template
	// parts, with "${}" for each part that is not a literal. Local constants,
	// `+` concatenation and `new URL(path, base)` are followed.
	URL string
	// URLArg is the span of the URL argument (the first argument).
	URLArg Span
	// HasOptions: the call has an options argument (`fetch(url, init)`).
	// Options is its span when it is an object literal written in the call,
	// zero otherwise.
	HasOptions bool
	Options    Span
	// BasicAuth: the options send Basic credentials: an Authorization
	// header whose literal text starts with "Basic ", axios `auth`, or got
	// `username`/`password`.
	BasicAuth bool
	// AuthNames are the environment variable names the credentials are
	// built from: X of process.env.X and process.env["X"], and upper-case
	// names (destructured from process.env, or env.X of a validated-env
	// module), followed through local variables.
	AuthNames []string
	// Cache is the `cache` option, Revalidate the `next: { revalidate }`
	// option of a fetch.
	Cache      OptionValue
	Revalidate OptionValue
	// Func is the index in Summary.Funcs of the top-level function the call
	// is in, -1 at module scope.
	Func int
	// UnstableCache: the call is inside a function passed to
	// unstable_cache(...).
	UnstableCache bool
	// UseCache is the span of the "use cache" directive (any "use cache…"
	// variant) of the innermost enclosing function that has one; zero when
	// none. The file's own directive is Summary.UseCache.
	UseCache Span
}

// OptionValue is an option of a request's options object. Span covers the
// value and is zero when the option is absent; Value is the literal's text
// (a string without quotes, a number, true/false) when Literal.
type OptionValue struct {
	Value   string
	Literal bool
	Span    Span
}

// Present reports whether the option is written.
func (o OptionValue) Present() bool { return o.Span.End > 0 }

// Func is a top-level function of a module: a function declaration, a
// variable initialised with a function or with a call that wraps one
// (`unstable_cache(async () => …)`, `withAuth(handler)`), or the default
// export.
type Func struct {
	// Name is the local name, "" for an anonymous default export.
	Name string
	// Export is the name it is exported as ("GET", "default"), "" if none.
	Export string
	// Span covers the declaration (the declarator for variables).
	Span Span
	// Wrapper is the callee's name when the value is a call:
	// "unstable_cache" for `const f = unstable_cache(async () => …)`.
	Wrapper string
	// UseCache is the span of a "use cache…" directive opening the body.
	UseCache Span
	// Params is the number of parameters of the function (of the function
	// argument of a wrapper call).
	Params int
	// ParamRead is the offset of the first read of one of its parameters
	// (the Request, the route context), -1 when none. Recorded for exported
	// functions only: they are the handlers.
	ParamRead int
	// Uses are the references, inside the function, to imported bindings
	// and to the module's other top-level functions, the first of each
	// name (and member) in source order.
	Uses []FuncUse
}

// FuncUse is a reference from a top-level function to an imported binding
// or another top-level function: a call, or a function passed on
// (`unstable_cache(mintToken)`).
type FuncUse struct {
	Name string
	// Member is the property read from it, for namespace imports
	// (`sw.mintToken()` has Name "sw", Member "mintToken").
	Member string
	// Import is the index in Summary.Imports of the binding's import, or
	// -1 for a top-level function of this module (then Func is its index).
	Import int
	Func   int
	Off    int
}

// CacheHeader is a Cache-Control (or CDN-Cache-Control,
// Vercel-CDN-Cache-Control) header with a literal value:
// `res.setHeader("Cache-Control", "public, s-maxage=60")`,
// `headers.set(…)`, `{ "Cache-Control": "…" }`.
type CacheHeader struct {
	Name  string
	Value string
	// Span covers the value literal, quotes included.
	Span Span
	// Func is the index in Summary.Funcs of the enclosing top-level
	// function, -1 at module scope.
	Func int
}

// maxFollow bounds how many local definitions are followed from one
// expression.
const maxFollow = 4

// maxURL bounds the recorded URL text.
const maxURL = 512

// mint extracts Funcs, Requests and CacheHeaders. A "use client" module is
// skipped: server code that imports one gets a client reference, never its
// functions, so nothing in it can mint on the server.
func (f *file) mint() {
	if f.sum.UseClient {
		return
	}
	f.fileUseCache()
	f.topFuncs()
	f.requests()
	f.cacheHeaders()
	f.funcUses()
}

// fileUseCache records a "use cache" directive in the file's prologue.
func (f *file) fileUseCache() {
	n := int(f.root.NamedChildCount())
	for i := 0; i < n; i++ {
		c := f.root.NamedChild(i)
		switch c.Type() {
		case "comment", "hash_bang_line":
			continue
		case "expression_statement":
			if s := c.NamedChild(0); s != nil && s.Type() == "string" && c.NamedChildCount() == 1 {
				if isUseCache(unquote(f.text(s))) {
					f.sum.UseCache = span(c)
					return
				}
				continue
			}
		}
		return
	}
}

func isUseCache(s string) bool {
	return s == "use cache" || strings.HasPrefix(s, "use cache:")
}

// topFuncs records the top-level functions from the program's children,
// then which parameters the exported ones read.
func (f *file) topFuncs() {
	var nodes []*sitter.Node        // the function node of each Func, or nil
	exported := map[string]string{} // local name → exported name, from export clauses
	defaultName := ""
	n := int(f.root.NamedChildCount())
	for i := 0; i < n; i++ {
		c := f.root.NamedChild(i)
		switch c.Type() {
		case "function_declaration", "generator_function_declaration":
			f.addFunc(c, "", &nodes)
		case "lexical_declaration", "variable_declaration":
			f.addDeclarators(c, false, &nodes)
		case "export_statement":
			if c.ChildByFieldName("source") != nil {
				continue // a re-export: the function lives elsewhere
			}
			def := hasKeyword(c, "default")
			if d := c.ChildByFieldName("declaration"); d != nil {
				switch d.Type() {
				case "function_declaration", "generator_function_declaration":
					exp := ""
					if name := d.ChildByFieldName("name"); name != nil {
						exp = f.text(name)
					}
					if def {
						exp = "default"
					}
					f.addFunc(d, exp, &nodes)
				case "lexical_declaration", "variable_declaration":
					f.addDeclarators(d, true, &nodes)
				}
				continue
			}
			if v := c.ChildByFieldName("value"); v != nil && def {
				v = unwrapExpr(v)
				if v.Type() == "identifier" {
					defaultName = f.text(v)
					continue
				}
				f.addValue(v, span(c), "", "default", true, &nodes)
				continue
			}
			if ec := firstNamedOfType(c, "export_clause"); ec != nil {
				for j := range int(ec.NamedChildCount()) {
					s := ec.NamedChild(j)
					if s.Type() != "export_specifier" || hasKeyword(s, "type") {
						continue
					}
					local := f.text(s.ChildByFieldName("name"))
					exp := local
					if a := s.ChildByFieldName("alias"); a != nil {
						exp = unquote(f.text(a))
					}
					if _, dup := exported[local]; !dup {
						exported[local] = exp
					}
				}
			}
		}
	}
	if defaultName != "" {
		exported[defaultName] = "default"
	}
	for i := range f.sum.Funcs {
		fn := &f.sum.Funcs[i]
		if exp, ok := exported[fn.Name]; ok && fn.Export == "" && fn.Name != "" {
			fn.Export = exp
		}
		if fn.Export != "" && nodes[i] != nil {
			fn.ParamRead = f.paramRead(nodes[i])
		}
	}
}

// addDeclarators records each `name = <function or wrapper call>`
// declarator. Exported declarators record any call, since a route handler
// may be `export const GET = withAuth(handler)`.
func (f *file) addDeclarators(decl *sitter.Node, exported bool, nodes *[]*sitter.Node) {
	for j := range int(decl.NamedChildCount()) {
		d := decl.NamedChild(j)
		if d.Type() != "variable_declarator" {
			continue
		}
		name := d.ChildByFieldName("name")
		v := d.ChildByFieldName("value")
		if name == nil || name.Type() != "identifier" || v == nil {
			continue
		}
		exp := ""
		if exported {
			exp = f.text(name)
		}
		f.addValue(unwrapExpr(v), span(d), f.text(name), exp, exported, nodes)
	}
}

// addValue records a function-valued expression.
func (f *file) addValue(v *sitter.Node, sp Span, name, exp string, anyCall bool, nodes *[]*sitter.Node) {
	switch {
	case isFunctionNode(v.Type()):
		fn := Func{Name: name, Export: exp, Span: sp, ParamRead: -1}
		f.funcBody(&fn, v)
		f.sum.Funcs = append(f.sum.Funcs, fn)
		*nodes = append(*nodes, v)
	case v.Type() == "call_expression":
		callee := f.calleeName(v)
		inner := f.functionArg(v)
		if inner == nil && !anyCall && callee != "unstable_cache" && callee != "cache" {
			return
		}
		fn := Func{Name: name, Export: exp, Span: sp, Wrapper: callee, ParamRead: -1}
		if inner != nil {
			f.funcBody(&fn, inner)
		}
		f.sum.Funcs = append(f.sum.Funcs, fn)
		*nodes = append(*nodes, inner)
	}
}

func (f *file) addFunc(decl *sitter.Node, exp string, nodes *[]*sitter.Node) {
	fn := Func{Export: exp, Span: span(decl), ParamRead: -1}
	if name := decl.ChildByFieldName("name"); name != nil {
		fn.Name = f.text(name)
	}
	f.funcBody(&fn, decl)
	f.sum.Funcs = append(f.sum.Funcs, fn)
	*nodes = append(*nodes, decl)
}

// functionArg returns the first argument of a call that is a function.
func (f *file) functionArg(call *sitter.Node) *sitter.Node {
	args := call.ChildByFieldName("arguments")
	if args == nil {
		return nil
	}
	for i := range int(args.NamedChildCount()) {
		if a := unwrapExpr(args.NamedChild(i)); isFunctionNode(a.Type()) {
			return a
		}
	}
	return nil
}

// unwrapExpr strips parentheses and TypeScript assertions.
func unwrapExpr(v *sitter.Node) *sitter.Node {
	for {
		switch v.Type() {
		case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression":
			if v.NamedChildCount() == 0 {
				return v
			}
			v = v.NamedChild(0)
		default:
			return v
		}
	}
}

// funcBody records a function's "use cache" directive and parameter count.
func (f *file) funcBody(fn *Func, node *sitter.Node) {
	if body := node.ChildByFieldName("body"); body != nil && body.Type() == "statement_block" {
		if s := body.NamedChild(0); s != nil && s.Type() == "expression_statement" && s.NamedChildCount() == 1 {
			if str := s.NamedChild(0); str.Type() == "string" && isUseCache(unquote(f.text(str))) {
				fn.UseCache = span(s)
			}
		}
	}
	fn.Params = len(f.params(node))
}

// paramRead returns the offset of the first read of one of a function's
// parameters in its body, -1 when none is read.
func (f *file) paramRead(node *sitter.Node) int {
	params := f.params(node)
	body := node.ChildByFieldName("body")
	if body == nil || len(params) == 0 {
		return -1
	}
	from, to := int(body.StartByte()), int(body.EndByte())
	first := -1
	for _, p := range params {
		if p.Type() != "identifier" {
			// Destructuring reads the parameter where it is declared.
			if first < 0 || int(p.StartByte()) < first {
				first = int(p.StartByte())
			}
			continue
		}
		name := f.text(p)
		eachWord(f.src, name, from, to, func(start int) bool {
			id := f.nodeAt(start, start+len(name))
			if id == nil || int(id.StartByte()) != start || int(id.EndByte()) != start+len(name) {
				return true
			}
			switch id.Type() {
			case "identifier", "shorthand_property_identifier":
			default:
				return true
			}
			if first < 0 || start < first {
				first = start
			}
			return false
		})
	}
	return first
}

// params returns the parameter patterns of a function (identifiers or
// destructuring patterns), without `this`.
func (f *file) params(fn *sitter.Node) []*sitter.Node {
	if p := fn.ChildByFieldName("parameter"); p != nil {
		return []*sitter.Node{p}
	}
	list := fn.ChildByFieldName("parameters")
	if list == nil {
		return nil
	}
	var out []*sitter.Node
	for i := range int(list.NamedChildCount()) {
		c := list.NamedChild(i)
		pat := c
		if t := c.Type(); t == "required_parameter" || t == "optional_parameter" {
			pat = c.ChildByFieldName("pattern")
		}
		if pat == nil {
			continue
		}
		if pat.Type() == "rest_pattern" && pat.NamedChildCount() > 0 {
			pat = pat.NamedChild(0)
		}
		switch pat.Type() {
		case "identifier", "object_pattern", "array_pattern":
			out = append(out, pat)
		}
	}
	return out
}

// funcAt returns the index of the top-level function containing off.
func (f *file) funcAt(off int) int {
	for i, fn := range f.sum.Funcs {
		if fn.Span.Start <= off && off < fn.Span.End {
			return i
		}
	}
	return -1
}

// requestClients are the HTTP clients recognised, with the members that
// send a request and the index of their options argument (-1: the config
// object is the only argument).
var requestClients = map[string]map[string]int{
	"fetch": {"": 1},
	"axios": {"": 1, "get": 1, "delete": 1, "head": 1, "options": 1, "post": 2, "put": 2, "patch": 2, "request": -1},
	"got":   {"": 1, "get": 1, "delete": 1, "head": 1, "post": 1, "put": 1, "patch": 1},
	"ky":    {"": 1, "get": 1, "delete": 1, "head": 1, "post": 1, "put": 1, "patch": 1},
}

// requests finds calls of the HTTP clients: a byte scan for `name(` and
// `name.member(`, confirmed with tree-sitter.
func (f *file) requests() {
	for _, client := range []string{"fetch", "axios", "got", "ky"} {
		members := requestClients[client]
		eachWord(f.src, client, 0, len(f.src), func(start int) bool {
			end := start + len(client)
			j := skipSpace(f.src, end)
			method := ""
			if j < len(f.src) && f.src[j] == '.' {
				k := skipSpace(f.src, j+1)
				m := k
				for m < len(f.src) && identPart[f.src[m]] {
					m++
				}
				method = string(f.src[k:m])
				j = skipSpace(f.src, m)
			}
			optArg, ok := members[method]
			if !ok || j >= len(f.src) || f.src[j] != '(' {
				return true
			}
			f.request(client, method, optArg, start, end)
			return true
		})
	}
	slices.SortFunc(f.sum.Requests, func(a, b Request) int { return a.Span.Start - b.Span.Start })
}

func skipSpace(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i
}

func (f *file) request(client, method string, optArg, start, end int) {
	id := f.nodeAt(start, end)
	if id == nil || id.Type() != "identifier" || int(id.StartByte()) != start || int(id.EndByte()) != end {
		return
	}
	callee := id
	path := f.ancestors(id)
	k := len(path) - 1
	if method != "" {
		if k < 0 || path[k].Type() != "member_expression" || !isField(path[k], "object", id) {
			return
		}
		callee = path[k]
		k--
	}
	if k < 0 || path[k].Type() != "call_expression" || !isField(path[k], "function", callee) {
		return
	}
	call := path[k]
	args := argList(call)
	if len(args) == 0 {
		return
	}
	r := Request{Client: client, Method: method, Span: span(call), Func: f.funcAt(start)}
	urlArg := args[0]
	r.URLArg = span(urlArg)
	var opts *sitter.Node
	if optArg < 0 || client == "axios" && method == "" && unwrapExpr(urlArg).Type() == "object" {
		// axios(config), axios.request(config): the URL is config.url.
		opts = urlArg
		urlArg = nil
	} else if optArg < len(args) {
		opts = args[optArg]
	}
	if opts != nil {
		r.HasOptions = true
		if o := unwrapExpr(opts); o.Type() == "object" {
			r.Options = span(o)
		}
		f.options(&r, opts, urlArg == nil)
	}
	if urlArg != nil {
		r.URL = f.literalText(urlArg, 0)
	}
	if len(r.URL) > maxURL {
		r.URL = r.URL[:maxURL]
	}
	f.cachedBy(&r, call, path[:k])
	f.sum.Requests = append(f.sum.Requests, r)
}

// argList returns a call's arguments, without the comments between them.
func argList(call *sitter.Node) []*sitter.Node {
	args := call.ChildByFieldName("arguments")
	if args == nil {
		return nil
	}
	var out []*sitter.Node
	for i := range int(args.NamedChildCount()) {
		if a := args.NamedChild(i); a.Type() != "comment" {
			out = append(out, a)
		}
	}
	return out
}

// cachedBy records an enclosing unstable_cache(...) callback and "use cache"
// directive. path holds the call's ancestors, root first.
func (f *file) cachedBy(r *Request, call *sitter.Node, path []*sitter.Node) {
	for i := len(path) - 1; i >= 0; i-- {
		n := path[i]
		if !isFunctionNode(n.Type()) {
			continue
		}
		if r.UseCache.End == 0 {
			if body := n.ChildByFieldName("body"); body != nil && body.Type() == "statement_block" {
				if s := body.NamedChild(0); s != nil && s.Type() == "expression_statement" && s.NamedChildCount() == 1 {
					if str := s.NamedChild(0); str.Type() == "string" && isUseCache(unquote(f.text(str))) {
						r.UseCache = span(s)
					}
				}
			}
		}
		j := i - 1
		for j >= 0 && path[j].Type() == "parenthesized_expression" {
			j--
		}
		if j >= 1 && path[j].Type() == "arguments" && path[j-1].Type() == "call_expression" && f.calleeName(path[j-1]) == "unstable_cache" {
			r.UnstableCache = true
		}
	}
}

// options reads a request's options object (an object literal, or a local
// constant holding one).
func (f *file) options(r *Request, opts *sitter.Node, urlInside bool) {
	obj := f.objectValue(opts, 0)
	if obj == nil {
		return
	}
	f.eachPair(obj, func(key string, v *sitter.Node) {
		switch key {
		case "url":
			if urlInside {
				r.URL = f.literalText(v, 0)
				r.URLArg = span(v)
			}
		case "cache":
			r.Cache = f.optionValue(v)
		case "next":
			if no := f.objectValue(v, 0); no != nil {
				f.eachPair(no, func(k string, nv *sitter.Node) {
					if k == "revalidate" {
						r.Revalidate = f.optionValue(nv)
					}
				})
			}
		case "headers":
			h := unwrapExpr(v)
			if h.Type() == "new_expression" {
				// new Headers({ … })
				if a := h.ChildByFieldName("arguments"); a != nil && a.NamedChildCount() > 0 {
					h = a.NamedChild(0)
				}
			}
			if ho := f.objectValue(h, 0); ho != nil {
				f.eachPair(ho, func(k string, hv *sitter.Node) {
					if strings.EqualFold(k, "authorization") {
						text := strings.TrimSpace(f.literalText(hv, 0))
						if len(text) >= 6 && strings.EqualFold(text[:6], "basic ") {
							r.BasicAuth = true
							r.AuthNames = f.envNames(hv, r.AuthNames)
						}
					}
				})
			}
		case "auth":
			if r.Client == "axios" {
				r.BasicAuth = true
				r.AuthNames = f.envNames(v, r.AuthNames)
			}
		case "username", "password":
			if r.Client == "got" {
				r.BasicAuth = true
				r.AuthNames = f.envNames(v, r.AuthNames)
			}
		}
	})
}

// optionValue reads an option's value: a literal, or something computed.
func (f *file) optionValue(v *sitter.Node) OptionValue {
	o := OptionValue{Span: span(v)}
	o.Value, o.Literal = f.literal(v)
	return o
}

// objectValue returns the object literal an expression is, or a local
// constant is initialised with.
func (f *file) objectValue(v *sitter.Node, depth int) *sitter.Node {
	v = unwrapExpr(v)
	switch v.Type() {
	case "object":
		return v
	case "identifier":
		if depth >= maxFollow {
			return nil
		}
		if val := f.localValue(v); val != nil {
			return f.objectValue(val, depth+1)
		}
	}
	return nil
}

// localValue returns the initialiser of the variable an identifier refers
// to, when it is declared by a simple declarator in scope.
func (f *file) localValue(id *sitter.Node) *sitter.Node {
	d := f.aliasDecl(f.text(id), int(id.StartByte()))
	if d == nil || d.node == nil || d.node.Type() != "variable_declarator" {
		return nil
	}
	if int(d.node.StartByte()) <= int(id.StartByte()) && int(id.StartByte()) < int(d.node.EndByte()) {
		return nil // const x = x + 1: not a definition to follow
	}
	return d.node.ChildByFieldName("value")
}

// eachPair calls fn with each `key: value` of an object literal (string,
// identifier and shorthand keys; spreads and computed keys skipped).
func (f *file) eachPair(obj *sitter.Node, fn func(key string, v *sitter.Node)) {
	for i := range int(obj.NamedChildCount()) {
		p := obj.NamedChild(i)
		switch p.Type() {
		case "pair":
			k := p.ChildByFieldName("key")
			v := p.ChildByFieldName("value")
			if k == nil || v == nil || k.Type() == "computed_property_name" {
				continue
			}
			fn(unquote(f.text(k)), v)
		case "shorthand_property_identifier":
			fn(f.text(p), p)
		}
	}
}

// literalText returns the literal text of an expression: strings and
// template parts as written, "${}" for each part that is not a literal.
// Local variables, `+` concatenation and `new URL(path, base)` are followed.
func (f *file) literalText(v *sitter.Node, depth int) string {
	v = unwrapExpr(v)
	if depth > maxFollow {
		return "${}"
	}
	switch v.Type() {
	case "string":
		return unquote(f.text(v))
	case "template_string":
		var b strings.Builder
		for i := range int(v.NamedChildCount()) {
			c := v.NamedChild(i)
			if c.Type() == "template_substitution" {
				if c.NamedChildCount() == 1 {
					b.WriteString(f.literalText(c.NamedChild(0), depth+1))
				} else {
					b.WriteString("${}")
				}
				continue
			}
			b.WriteString(f.text(c))
		}
		return b.String()
	case "binary_expression":
		if f.operator(v) == "+" {
			l, r := v.ChildByFieldName("left"), v.ChildByFieldName("right")
			if l != nil && r != nil {
				return f.literalText(l, depth+1) + f.literalText(r, depth+1)
			}
		}
	case "identifier":
		if val := f.localValue(v); val != nil {
			return f.literalText(val, depth+1)
		}
	case "new_expression":
		if c := v.ChildByFieldName("constructor"); c != nil && f.text(c) == "URL" {
			if a := v.ChildByFieldName("arguments"); a != nil && a.NamedChildCount() > 0 {
				return f.literalText(a.NamedChild(0), depth+1)
			}
		}
	case "member_expression":
		// url.href
		if p := v.ChildByFieldName("property"); p != nil && f.text(p) == "href" {
			return f.literalText(v.ChildByFieldName("object"), depth+1)
		}
	case "call_expression":
		// url.toString()
		if fn := v.ChildByFieldName("function"); fn != nil && fn.Type() == "member_expression" {
			if p := fn.ChildByFieldName("property"); p != nil && f.text(p) == "toString" {
				return f.literalText(fn.ChildByFieldName("object"), depth+1)
			}
		}
	}
	return "${}"
}

// envNames adds to names the environment variable names an expression is
// built from, following local variables.
func (f *file) envNames(v *sitter.Node, names []string) []string {
	seen := map[string]bool{}
	for _, n := range names {
		seen[n] = true
	}
	f.collectEnv(v, 0, seen, map[string]bool{}, &names)
	return names
}

func (f *file) collectEnv(v *sitter.Node, depth int, seen, followed map[string]bool, names *[]string) {
	from, to := int(v.StartByte()), int(v.EndByte())
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			*names = append(*names, n)
		}
	}
	src := f.src
	for i := from; i < to; {
		if !identStart[src[i]] || i > 0 && identPart[src[i-1]] {
			i++
			continue
		}
		j := i + 1
		for j < to && identPart[src[j]] {
			j++
		}
		word := string(src[i:j])
		switch {
		case word == "env" && i >= len("process.") && string(src[i-len("process."):i]) == "process.":
			// process.env["X"] (process.env.X is an upper-case word below)
			k := skipSpace(src, j)
			if k < to && src[k] == '[' {
				k = skipSpace(src, k+1)
				if k < to && (src[k] == '"' || src[k] == '\'' || src[k] == '`') {
					q := src[k]
					if e := bytes.IndexByte(src[k+1:to], q); e >= 0 {
						add(string(src[k+1 : k+1+e]))
					}
				}
			}
		case isConstName(word):
			add(word)
		case depth < maxFollow && !isMemberDot(src, i) && !followed[word]:
			followed[word] = true
			id := f.nodeAt(i, j)
			if id != nil && id.Type() == "identifier" && int(id.StartByte()) == i && int(id.EndByte()) == j {
				if val := f.localValue(id); val != nil {
					f.collectEnv(val, depth+1, seen, followed, names)
				}
			}
		}
		i = j
	}
}

// isConstName matches upper-case names with an underscore, as environment
// variables are named: SIGNALWIRE_TOKEN, not URL or Buffer.
func isConstName(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' || !strings.Contains(s, "_") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// cacheHeaderNames are the response headers that shared caches obey.
var cacheHeaderNames = []string{"cache-control", "cdn-cache-control", "vercel-cdn-cache-control"}

// cacheHeaders finds Cache-Control headers set to a literal value.
func (f *file) cacheHeaders() {
	seen := map[int]bool{}
	for _, probe := range []string{"ache-control", "ache-Control", "ACHE-CONTROL"} {
		off := 0
		for {
			i := bytes.Index(f.src[off:], []byte(probe))
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(probe)
			if at == 0 {
				continue
			}
			f.cacheHeaderAt(at-1, seen)
		}
	}
}

func (f *file) cacheHeaderAt(at int, seen map[int]bool) {
	n := f.nodeAt(at, at+len("cache-control"))
	if n == nil {
		return
	}
	if n.Type() == "string_fragment" {
		n = n.Parent()
	}
	if n == nil || n.Type() != "string" || seen[int(n.StartByte())] {
		return
	}
	seen[int(n.StartByte())] = true
	name := unquote(f.text(n))
	known := false
	for _, h := range cacheHeaderNames {
		known = known || strings.EqualFold(name, h)
	}
	if !known {
		return
	}
	p := n.Parent()
	if p == nil {
		return
	}
	var val *sitter.Node
	switch p.Type() {
	case "pair":
		if isField(p, "key", n) {
			val = p.ChildByFieldName("value")
		}
	case "arguments":
		if p.NamedChildCount() >= 2 && p.NamedChild(0).Equal(n) {
			val = p.NamedChild(1)
		}
	}
	if val == nil {
		return
	}
	s, ok := f.literal(val)
	if !ok {
		return
	}
	f.sum.CacheHeaders = append(f.sum.CacheHeaders, CacheHeader{Name: name, Value: s, Span: span(val), Func: f.funcAt(at)})
}

// funcUses records, for each top-level function, its references to
// imported bindings and to the other top-level functions: one byte scan for
// all the names, each hit inside a function confirmed with tree-sitter.
func (f *file) funcUses() {
	if len(f.sum.Funcs) == 0 {
		return
	}
	var set wordSet
	imports := map[string]int{}
	for i, imp := range f.sum.Imports {
		if imp.TypeOnly {
			continue
		}
		if imp.Spec == "react" {
			continue // hooks and components: never a mint or a request read
		}
		for _, b := range imp.Bindings {
			if _, dup := imports[b.Local]; !dup {
				imports[b.Local] = i
				set.add(b.Local, wantLocal)
			}
		}
	}
	funcs := map[string]int{}
	for i, fn := range f.sum.Funcs {
		if fn.Name != "" {
			if _, dup := funcs[fn.Name]; !dup {
				funcs[fn.Name] = i
				set.add(fn.Name, wantLocal)
			}
		}
	}
	if set.words == nil {
		return
	}
	type key struct {
		fn           int
		name, member string
	}
	seen := map[key]bool{}
	for _, h := range set.scan(f.src) {
		fi := f.funcAt(h.start)
		if fi < 0 || !valueUse(f.src, h.start, h.end) {
			continue
		}
		name := string(f.src[h.start:h.end])
		member := ""
		if j := skipSpace(f.src, h.end); j < len(f.src) && f.src[j] == '.' {
			k := skipSpace(f.src, j+1)
			m := k
			for m < len(f.src) && identPart[f.src[m]] {
				m++
			}
			member = string(f.src[k:m])
		}
		kk := key{fi, name, member}
		if seen[kk] {
			continue
		}
		id := f.nodeAt(h.start, h.end)
		if id == nil || int(id.StartByte()) != h.start || int(id.EndByte()) != h.end {
			continue
		}
		if t := id.Type(); t != "identifier" && t != "shorthand_property_identifier" {
			continue
		}
		u := FuncUse{Name: name, Member: member, Import: -1, Func: -1, Off: h.start}
		if i, ok := imports[name]; ok {
			u.Import = i
		} else {
			u.Func = funcs[name]
			if u.Func == fi {
				continue // its own name, or recursion
			}
			u.Member = ""
		}
		seen[kk] = true
		f.sum.Funcs[fi].Uses = append(f.sum.Funcs[fi].Uses, u)
	}
}

// valueUse is a byte-level filter for the references funcUses records: a
// name that is called, read from or passed on (followed by "(", ".", "?.",
// "," or ")"), and not a JSX tag. It keeps the tree lookups off the many
// component and type references of a module.
func valueUse(src []byte, start, end int) bool {
	if i := start - 1; i >= 0 && (src[i] == '<' || src[i] == '/' && i > 0 && src[i-1] == '<') {
		return false
	}
	j := skipSpace(src, end)
	if j >= len(src) {
		return false
	}
	switch src[j] {
	case '(', '.', ',', ')':
		return true
	case '?':
		return j+1 < len(src) && src[j+1] == '.'
	}
	return false
}
