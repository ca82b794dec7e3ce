package syntax

import (
	"bytes"
	"slices"

	sitter "github.com/smacker/go-tree-sitter"
)

// cond is what the value of a condition says about where code runs.
type cond struct {
	// t: when the condition is truthy, the code is in the browser.
	t bool
	// f: when the condition is falsy, the code is in the browser.
	f bool
	// ts and fs: when it is truthy (falsy), the code is on the server.
	ts, fs bool
}

func (c cond) not() cond { return cond{t: c.f, f: c.t, ts: c.fs, fs: c.ts} }

// side picks the half of c about the browser (server false) or about the
// server: whether the condition being truthy, and being falsy, puts the
// code there.
func (c cond) side(server bool) (truthy, falsy bool) {
	if server {
		return c.ts, c.fs
	}
	return c.t, c.f
}

func and(a, b cond) cond {
	// Truthy: both are. Falsy: a is, or a is truthy and b falsy.
	return cond{t: a.t || b.t, f: a.f && (a.t || b.f), ts: a.ts || b.ts, fs: a.fs && (a.ts || b.fs)}
}

func or(a, b cond) cond {
	// Truthy: a is, or a is falsy and b truthy. Falsy: both are.
	return cond{t: a.t && (a.f || b.t), f: a.f || b.f, ts: a.ts && (a.fs || b.ts), fs: a.fs || b.fs}
}

var (
	// browserCond and serverCond tell the two sides apart both ways:
	// typeof window !== "undefined" is truthy exactly in the browser.
	browserCond = cond{t: true, fs: true}
	serverCond  = cond{f: true, ts: true}
	// onlyBrowserWhenTruthy is truthy only in the browser, but falsy on
	// both sides (a mounted flag: false in the first client render too).
	onlyBrowserWhenTruthy = cond{t: true}
)

// guardTargets are the globals whose `typeof` tells the browser from the
// server (ssr-facts §1). The names in Options.Globals count too: a code path
// where `typeof localStorage !== "undefined"` holds does not throw on it.
var guardTargets = map[string]bool{"window": true, "document": true, "navigator": true, "self": true}

// guardTokens are the words every check the guard recogniser and the
// mounted flags know is written with (see cond, flagCond, compare,
// aliasCond and mountedFlags). A file with none of them has no guard.
var guardTokens = [][]byte{
	[]byte("typeof"), []byte("process.browser"), []byte("process.client"), []byte("process.server"),
	[]byte("import.meta"), []byte("NEXT_RUNTIME"), []byte("globalThis"), []byte("$app/environment"),
	[]byte("useState"), []byte("useSyncExternalStore"), []byte("useIsClient"), []byte("useMounted"),
	[]byte("useIsMounted"), []byte("useHasMounted"), []byte("useHydrated"), []byte("useIsHydrated"),
	[]byte("useIsBrowser"), []byte("useIsSSR"),
}

// mayHaveGuards reports whether the file contains a word a guard is written
// with: without one, nothing is guarded and the lookups can be skipped.
func (f *file) mayHaveGuards() bool {
	if f.guardWords == 0 {
		f.guardWords = 1
		for _, w := range guardTokens {
			if bytes.Contains(f.src, w) {
				f.guardWords = 2
				break
			}
		}
	}
	return f.guardWords == 2
}

// maxAliasDepth bounds how far alias definitions are followed.
const maxAliasDepth = 6

// guarded reports whether a browser-only check dominates n: n runs only when
// the check found a browser. It walks n's ancestors, so a check inside a
// function never guards code outside it, while a check around a function
// guards everything in it (the function only exists in the browser).
func (f *file) guarded(n *sitter.Node) bool {
	return f.guardedOn(n, f.ancestors(n), false)
}

// serverGuarded reports whether a check dominates n so that n runs only on
// the server: after `if (typeof window !== "undefined") return`, in the
// consequent of `if (typeof window === "undefined")`, and so on.
func (f *file) serverGuarded(n *sitter.Node) bool {
	return f.guardedOn(n, f.ancestors(n), true)
}

// guardedOn is guarded (or serverGuarded) with n's ancestors already known.
func (f *file) guardedOn(n *sitter.Node, path []*sitter.Node, server bool) bool {
	if !f.mayHaveGuards() && !bytes.Contains(f.src, []byte("else")) {
		// No check to find, and no if/else whose branches both leave.
		return false
	}
	m := memoOf(f)
	side := uintptr(0)
	if server {
		side = 1
	}
	c := n
	for i := len(path) - 1; i >= 0; c, i = path[i], i-1 {
		p := path[i]
		if m == nil {
			if f.guards(p, c, server) {
				return true
			}
			continue
		}
		key := [3]uintptr{p.ID(), c.ID(), side}
		g, ok := m.edges[key]
		if !ok {
			g = f.guards(p, c, server)
			m.edges[key] = g
		}
		if g {
			return true
		}
	}
	return false
}

// guards reports whether p lets its child c run only in the browser (only
// on the server, if server).
func (f *file) guards(p, c *sitter.Node, server bool) bool {
	switch p.Type() {
	case "if_statement":
		test := p.ChildByFieldName("condition")
		if test == nil || test.Equal(c) {
			return false
		}
		t, fl := f.cond(test, 0).side(server)
		if c.Type() == "else_clause" {
			return fl
		}
		return t
	case "ternary_expression":
		test := p.ChildByFieldName("condition")
		if test == nil || test.Equal(c) {
			return false
		}
		t, fl := f.cond(test, 0).side(server)
		if isField(p, "alternative", c) {
			return fl
		}
		return t
	case "binary_expression":
		left := p.ChildByFieldName("left")
		if left == nil || left.Equal(c) {
			return false
		}
		t, fl := f.cond(left, 0).side(server)
		switch f.operator(p) {
		case "&&":
			return t
		case "||":
			return fl
		}
	case "statement_block", "program", "switch_case":
		return f.exitGuarded(p, c, server)
	}
	return false
}

// memo holds lookups shared by the many nodes of one file whose guards are
// asked for: their ancestors and conditions overlap. It lives in file.memo
// while refs runs.
type memo struct {
	edges map[[3]uintptr]bool  // (parent, child, server) → parent guards child
	conds map[uintptr]cond     // condition node → its value
	exits map[[2]uintptr][]int // (block, server) → ends of its early-exit guards
}

func memoOf(f *file) *memo { return f.memo }

// withMemo runs fn with a memo for f.
func (f *file) withMemo(fn func()) {
	f.memo = &memo{edges: map[[3]uintptr]bool{}, conds: map[uintptr]cond{}, exits: map[[2]uintptr][]int{}}
	defer func() { f.memo = nil }()
	fn()
}

func (f *file) operator(bin *sitter.Node) string {
	if op := bin.ChildByFieldName("operator"); op != nil {
		return op.Type()
	}
	return ""
}

// exitGuarded reports whether a statement before c in block leaves the block
// unless the code is in the browser (on the server, if server): `if (typeof
// window === "undefined") return;` (or throw, or a block that returns or
// throws).
func (f *file) exitGuarded(block, c *sitter.Node, server bool) bool {
	at := int(c.StartByte())
	m := memoOf(f)
	if m == nil {
		return len(f.exitGuards(block, at, server)) > 0
	}
	key := [2]uintptr{block.ID(), 0}
	if server {
		key[1] = 1
	}
	ends, ok := m.exits[key]
	if !ok {
		ends = f.exitGuards(block, int(block.EndByte()), server)
		m.exits[key] = ends
	}
	for _, end := range ends {
		if end <= at {
			return true
		}
	}
	return false
}

// exitGuards returns the end offsets of the early-exit guards among the
// statements of block that start before offset to.
//
// Rather than visiting every statement, it looks up the statement of block
// that contains each `if` keyword: only a statement starting with that
// keyword can be an early exit, and one lookup skips all the `if`s nested
// inside a statement.
func (f *file) exitGuards(block *sitter.Node, to int, server bool) []int {
	var ends []int
	var cur *sitter.TreeCursor
	defer func() {
		if cur != nil {
			cur.Close()
		}
	}()
	for off := int(block.StartByte()); off < to; {
		i := bytes.Index(f.src[off:to], []byte("if"))
		if i < 0 {
			break
		}
		at := off + i
		off = at + 2
		if at > 0 && identPart[f.src[at-1]] || off < len(f.src) && identPart[f.src[off]] {
			continue
		}
		if cur == nil {
			cur = sitter.NewTreeCursor(block)
		} else {
			cur.Reset(block)
		}
		// The first child ending at or after at+1 is the one containing at.
		if cur.GoToFirstChildForByte(uint32(at+1)) < 0 {
			break
		}
		s := cur.CurrentNode()
		end := int(s.EndByte())
		if int(s.StartByte()) != at {
			// An if nested in a statement of block (or in a comment or
			// string): go on after that statement.
			off = max(off, end)
			continue
		}
		if s.Type() == "if_statement" && f.exitIf(s, server) {
			ends = append(ends, end)
		}
	}
	return ends
}

// exitIf reports whether code after the if statement s runs only in the
// browser (only on the server, if server).
func (f *file) exitIf(s *sitter.Node, server bool) bool {
	consExit := exits(s.ChildByFieldName("consequence"))
	altExit := false
	if alt := s.ChildByFieldName("alternative"); alt != nil {
		altExit = exits(alt.NamedChild(0))
	}
	if !consExit && !altExit {
		return false
	}
	t, fl := f.cond(s.ChildByFieldName("condition"), 0).side(server)
	switch {
	case consExit && altExit:
		return true // nothing after it runs at all
	case consExit:
		return fl
	default:
		return t
	}
}

// exits reports whether the statement always leaves the enclosing function
// (return) or throws.
func exits(s *sitter.Node) bool {
	if s == nil {
		return false
	}
	switch s.Type() {
	case "return_statement", "throw_statement":
		return true
	case "statement_block":
		for i := range int(s.NamedChildCount()) {
			if t := s.NamedChild(i).Type(); t == "return_statement" || t == "throw_statement" {
				return true
			}
		}
	}
	return false
}

// cond evaluates a condition expression.
func (f *file) cond(e *sitter.Node, depth int) cond {
	if e == nil || depth > maxAliasDepth {
		return cond{}
	}
	if depth == 0 {
		if m := memoOf(f); m != nil {
			k, ok := m.conds[e.ID()]
			if !ok {
				k = f.evalCond(e, 0)
				m.conds[e.ID()] = k
			}
			return k
		}
	}
	return f.evalCond(e, depth)
}

func (f *file) evalCond(e *sitter.Node, depth int) cond {
	switch e.Type() {
	case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression":
		return f.cond(e.NamedChild(0), depth+1)
	case "unary_expression":
		if op := e.ChildByFieldName("operator"); op != nil && op.Type() == "!" {
			return f.cond(e.ChildByFieldName("argument"), depth+1).not()
		}
	case "binary_expression":
		l, r := e.ChildByFieldName("left"), e.ChildByFieldName("right")
		switch op := f.operator(e); op {
		case "&&":
			return and(f.cond(l, depth+1), f.cond(r, depth+1))
		case "||":
			return or(f.cond(l, depth+1), f.cond(r, depth+1))
		case "===", "!==", "==", "!=":
			if k, ok := f.compare(l, r, op); ok {
				return k
			}
			k, _ := f.compare(r, l, op)
			return k
		}
	case "member_expression":
		return f.flagCond(e)
	case "identifier":
		return f.aliasCond(e, depth)
	case "call_expression":
		return f.callCond(e, depth)
	}
	return cond{}
}

// flagCond recognises build-time flags that bundlers replace per target.
func (f *file) flagCond(e *sitter.Node) cond {
	if e.EndByte()-e.StartByte() > 40 {
		return cond{}
	}
	switch memberPath(f.text(e)) {
	case "process.browser", "process.client", "import.meta.client", "import.meta.browser":
		return browserCond
	case "process.server", "import.meta.server", "import.meta.env.SSR":
		return serverCond
	case "process.env.NEXT_RUNTIME":
		// Next inlines "nodejs" or "edge" on the server and "" in the
		// browser build (next/dist/build/define-env.js).
		return serverCond
	}
	return cond{}
}

// memberPath normalises a member expression's text: no whitespace, `?.` as `.`.
func memberPath(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\r':
		case '?':
			if i+1 < len(s) && s[i+1] == '.' {
				continue
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// compare evaluates `a op b` for the comparisons that tell the browser from
// the server; ok is false when a is not one of the probed expressions.
func (f *file) compare(a, b *sitter.Node, op string) (cond, bool) {
	if a == nil || b == nil {
		return cond{}, false
	}
	eq := op == "===" || op == "=="
	loose := op == "==" || op == "!="
	pick := func(whenEqual cond) cond {
		if eq {
			return whenEqual
		}
		return whenEqual.not()
	}
	switch a.Type() {
	case "unary_expression":
		if o := a.ChildByFieldName("operator"); o == nil || o.Type() != "typeof" || !f.isGuardTarget(a.ChildByFieldName("argument")) {
			return cond{}, false
		}
		// b must be the string "undefined": the value undefined makes the
		// comparison constant (a BogusGuard).
		s, _, ok := f.stringLit(b)
		if !ok {
			return cond{}, true
		}
		switch s {
		case "undefined":
			return pick(serverCond), true
		case "object", "function":
			return pick(browserCond), true
		}
		return cond{}, true
	case "member_expression":
		if a.EndByte()-a.StartByte() > 40 {
			return cond{}, false
		}
		path := memberPath(f.text(a))
		switch {
		case path == "process.env.NEXT_RUNTIME":
			// "" in the browser build, "nodejs"/"edge" on the server; a
			// comparison with undefined or null holds on neither, so its
			// consequent never runs on the server.
			switch b.Type() {
			case "undefined", "null":
				return pick(onlyBrowserWhenTruthy), true
			}
			switch s, _, ok := f.stringLit(b); {
			case ok && s == "":
				return pick(browserCond), true
			case ok && (s == "nodejs" || s == "edge"):
				if eq {
					return serverCond, true
				}
			}
			return cond{}, true
		case len(path) > len("globalThis.") && path[:len("globalThis.")] == "globalThis." && f.isGuardTarget(a):
			// globalThis.window === undefined: globalThis exists on both sides.
			if t := b.Type(); t == "undefined" || loose && t == "null" {
				return pick(serverCond), true
			}
			return cond{}, true
		}
	}
	return cond{}, false
}

// isGuardTarget reports whether typeof n probes for the browser: a guard
// target (window, document, …) or globalThis.<target>. `typeof window.x` is
// not one: it reads window, which throws on the server.
func (f *file) isGuardTarget(n *sitter.Node) bool {
	for n != nil && n.Type() == "parenthesized_expression" {
		n = n.NamedChild(0)
	}
	if n == nil {
		return false
	}
	name := ""
	switch n.Type() {
	case "identifier":
		name = f.text(n)
	case "member_expression":
		obj := n.ChildByFieldName("object")
		prop := n.ChildByFieldName("property")
		if obj == nil || prop == nil || obj.Type() != "identifier" || f.text(obj) != "globalThis" {
			return false
		}
		name = f.text(prop)
	default:
		return false
	}
	return guardTargets[name] || slices.Contains(f.opts.Globals, name)
}

// aliasCond follows an identifier to the declaration it names: `const
// isBrowser = typeof window !== "undefined"` in an enclosing scope makes
// `isBrowser` a check, and `!isServer` likewise. SvelteKit's `browser` from
// $app/environment is one by definition.
func (f *file) aliasCond(id *sitter.Node, depth int) cond {
	name := f.text(id)
	d := f.aliasDecl(name, int(id.StartByte()))
	if d == nil {
		for _, imp := range f.sum.Imports {
			if imp.Spec != "$app/environment" {
				continue
			}
			for _, b := range imp.Bindings {
				if b.Local == name && b.Imported == "browser" {
					return browserCond
				}
			}
		}
		return cond{}
	}
	if d.node.Type() != "variable_declarator" {
		return cond{}
	}
	v := d.node.ChildByFieldName("value")
	if v == nil || isFunctionNode(v.Type()) {
		return cond{} // a function is always truthy
	}
	k := f.cond(v, depth+1)
	if k != (cond{}) && f.hidden(name, d, int(id.StartByte())) {
		return cond{}
	}
	return k
}

// callCond evaluates `isBrowser()` where isBrowser is a local function whose
// body returns a check.
func (f *file) callCond(call *sitter.Node, depth int) cond {
	fn := call.ChildByFieldName("function")
	if fn == nil || fn.Type() != "identifier" {
		return cond{}
	}
	if args := call.ChildByFieldName("arguments"); args == nil || args.NamedChildCount() != 0 {
		return cond{}
	}
	name := f.text(fn)
	d := f.aliasDecl(name, int(fn.StartByte()))
	if d == nil {
		return cond{}
	}
	var body *sitter.Node
	switch d.node.Type() {
	case "function_declaration":
		body = d.node.ChildByFieldName("body")
	case "variable_declarator":
		v := d.node.ChildByFieldName("value")
		if v == nil || v.Type() != "arrow_function" && v.Type() != "function_expression" {
			return cond{}
		}
		body = v.ChildByFieldName("body")
	}
	if body == nil {
		return cond{}
	}
	if body.Type() == "statement_block" {
		if body.NamedChildCount() != 1 || body.NamedChild(0).Type() != "return_statement" {
			return cond{}
		}
		body = body.NamedChild(0).NamedChild(0)
	}
	k := f.cond(body, depth+1)
	if k != (cond{}) && f.hidden(name, d, int(fn.StartByte())) {
		return cond{}
	}
	return k
}

// aliasDecl finds the declaration of name visible at offset use: the
// variable declarator or function declaration with the innermost scope
// containing use. Only occurrences written `const|let|var|function name`
// can be one, so the others cost no tree lookup; hidden then rules out a
// parameter or destructured local of the same name in between.
func (f *file) aliasDecl(name string, use int) *decl {
	var best *decl
	eachWord(f.src, name, 0, len(f.src), func(start int) bool {
		if !afterKeyword(f.src, start) {
			return true
		}
		id := f.nodeAt(start, start+len(name))
		if id == nil || id.Type() != "identifier" || int(id.StartByte()) != start {
			return true
		}
		d, ok := f.declOf(id)
		if !ok || d.node == nil || !d.covers(use) {
			return true
		}
		if best == nil || d.scope.Start >= best.scope.Start && d.scope.End <= best.scope.End {
			best = &d
		}
		return true
	})
	return best
}

// hidden reports whether another declaration of name, in a scope nested in
// d's, stands between d and the use at offset use. Such a declaration is
// written before the use (a parameter, a destructured local), so only the
// occurrences in between are looked up.
func (f *file) hidden(name string, d *decl, use int) bool {
	found := false
	eachWord(f.src, name, d.scope.Start, use, func(start int) bool {
		id := f.nodeAt(start, start+len(name))
		if id == nil || int(id.StartByte()) != start || int(id.EndByte()) != start+len(name) {
			return true
		}
		o, ok := f.declOf(id)
		if ok && o.covers(use) && o.scope != d.scope && o.scope.Start >= d.scope.Start && o.scope.End <= d.scope.End {
			found = true
			return false
		}
		return true
	})
	return found
}

// afterKeyword reports whether the word at start follows const, let, var or
// function, or a comma (`const a = 1, isBrowser = …`).
func afterKeyword(src []byte, start int) bool {
	i := start - 1
	for i >= 0 && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i--
	}
	if i >= 0 && src[i] == ',' {
		return true
	}
	j := i + 1
	for i >= 0 && src[i] >= 'a' && src[i] <= 'z' {
		i--
	}
	if i >= 0 && identPart[src[i]] {
		return false
	}
	kw := src[i+1 : j]
	return bytes.Equal(kw, []byte("const")) || bytes.Equal(kw, []byte("let")) ||
		bytes.Equal(kw, []byte("var")) || bytes.Equal(kw, []byte("function"))
}
