package syntax

import (
	"bytes"
	"strconv"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// This file extracts what the React rules need: the render phase of global
// references and SDK calls (renderglobal), the effects that start an SDK
// client (clientcleanup), srcObject JSX props (srcobject) and credential
// results whose expiry_at is in seconds (expiryunits). Like the rest of the
// package it byte-scans for candidates and confirms them with narrow walks.

// Phase says whether code runs while React renders a component. A component
// that is server-rendered runs its render phase in Node.
type Phase uint8

// Phases. Only the innermost function that decides counts: a handler
// defined in a component body is not render phase, a `.map` callback is.
const (
	// PhaseNone: not during render — module scope, effects, event handlers,
	// ref callbacks, useSyncExternalStore's subscribe and client snapshot,
	// useCallback, and any other nested function.
	PhaseNone Phase = iota
	// PhaseBody: the body of a function component or a hook (use…), and
	// callbacks it runs at once (IIFEs, items.map(...)).
	PhaseBody
	// PhaseInit: a lazy state initializer, useState(() => …) or the third
	// argument of useReducer; it runs on the first render.
	PhaseInit
	// PhaseMemo: a useMemo factory.
	PhaseMemo
	// PhaseServerSnapshot: useSyncExternalStore's getServerSnapshot, which
	// React calls when rendering on the server and when hydrating.
	PhaseServerSnapshot
	// PhaseClass: a class component's render, constructor, instance
	// fields, getDerivedStateFromProps or componentWillMount.
	PhaseClass
)

// Render reports whether the phase runs while a component renders.
func (p Phase) Render() bool { return p != PhaseNone }

func (p Phase) String() string {
	switch p {
	case PhaseNone:
		return "none"
	case PhaseBody:
		return "render body"
	case PhaseInit:
		return "state initializer"
	case PhaseMemo:
		return "useMemo"
	case PhaseServerSnapshot:
		return "getServerSnapshot"
	case PhaseClass:
		return "class render"
	}
	return "unknown"
}

// Effect is a useEffect or useLayoutEffect call whose callback calls
// something that may start a client (an imported binding, .dial, .join), or
// whose cleanup tears one down.
type Effect struct {
	Hook string // "useEffect", "useLayoutEffect"
	Span Span   // the hook call
	Body Span   // the callback
	// Owner is the function the effect is called in (the component); zero
	// at module scope.
	Owner Span
	// Async: the callback is async, so it returns a promise, never a cleanup.
	Async bool
	// Starts are the .dial(...) and .join(...) member calls in the callback.
	Starts []EffectCall
	// Cleanup says what the function the callback returns does.
	Cleanup Cleanup
	// Vars are the `const x = <call or new>` statements directly in the
	// callback's body: how a client created there is named.
	Vars []EffectVar
	// End is the offset of the closing brace of the callback's block body,
	// where a cleanup can be added; 0 when there is no safe place (an
	// expression body, an async callback, or a body that ends in a return).
	// Indent is the indentation of the body's last statement.
	End    int
	Indent string
}

// EffectCall is a .dial(...) or .join(...) call.
type EffectCall struct {
	Name string
	Span Span
}

// EffectVar is a variable declared in an effect body from a call or new.
type EffectVar struct {
	Name  string
	Value Span
}

// Cleanup classifies what an effect callback returns.
type Cleanup uint8

// Cleanups.
const (
	// CleanupNone: no function is returned.
	CleanupNone Cleanup = iota
	// CleanupOther: a function that calls no disconnect, leave, hangup, …
	CleanupOther
	// CleanupTeardown: a function that does, directly or through a local
	// function it calls.
	CleanupTeardown
	// CleanupUnknown: something whose value is not visible here (the
	// result of a call, a parameter): it may well be a cleanup.
	CleanupUnknown
)

// SrcObject is a srcObject attribute in JSX.
type SrcObject struct {
	Span Span   // the attribute
	Tag  string // the element's tag name as written: "video", "Video", "sw-call-media"
}

// Expiry is an expiry_at value, in a credential result, that is in seconds.
type Expiry struct {
	Span Span // the value (a shorthand property's name for `{ expiry_at }`)
	// Text is the seconds expression, shortened for messages: the value
	// itself or what the local it names is initialised with.
	Text string
	// Literal: a plain number, which may be a lifetime rather than a
	// timestamp.
	Literal bool
	// Fix, when HasFix, replaces Span with the millisecond equivalent.
	Fix    string
	HasFix bool
}

// render fills in the Phase of function-context references and SDK calls,
// and extracts effects, srcObject props and expiry_at values.
func (f *file) render() {
	memo := f.renderMemos()
	for i := range f.sum.Globals {
		r := &f.sum.Globals[i]
		if r.Context != CtxFunction || r.Shadowed || r.Kind == RefTypeof {
			continue
		}
		if id := f.nodeAt(r.Span.Start, r.Span.End); id != nil {
			r.Phase, r.Component, r.Guarded = f.renderPhase(id, r.Guarded, memo)
		}
	}
	for i := range f.sum.BindingUses {
		u := &f.sum.BindingUses[i]
		if u.Context != CtxFunction || !maybeConstructor(u, f.sum.Imports) {
			continue
		}
		if n := f.nodeAt(u.Span.Start, u.Span.End); n != nil {
			u.Phase, u.Component, u.Guarded = f.renderPhase(n, u.Guarded, memo)
		}
	}
	f.effects()
	f.srcObjects()
	f.expiries()
}

// maybeConstructor rules out the calls that are never an SDK constructor,
// to save the phase walk on the most common ones: hooks (use…) and React's
// and Next's own exports.
func maybeConstructor(u *BindingUse, imports []Import) bool {
	if isHookName(u.Local) && u.Member == "" || u.Import < 0 || u.Import >= len(imports) {
		return false
	}
	switch spec := imports[u.Import].Spec; {
	case spec == "react", spec == "react-dom", spec == "next", strings.HasPrefix(spec, "next/"):
		return false
	}
	return true
}

// renderMemo caches, while render runs, what the many references in one
// component share: the role of each function and each component's mounted
// flags.
// renderMemos returns the file's render memo, made on first use.
func (f *file) renderMemos() *renderMemo {
	if f.rmemo == nil {
		f.rmemo = &renderMemo{flags: map[uintptr]map[string]cond{}, roles: map[uintptr]roleOf{}}
	}
	return f.rmemo
}

type renderMemo struct {
	flags map[uintptr]map[string]cond
	roles map[uintptr]roleOf
}

type roleOf struct {
	r    role
	p    Phase
	name string
}

// role is what a function is to React.
type role int

const (
	roleOther       role = iota // a function that runs later, or unknown
	roleTransparent             // runs where it is written: IIFE, .map callback
	roleHookArg                 // a hook runs it during render
	roleComponent               // a function component or a hook
	roleClass                   // a render-phase method of a class component
)

// syncCallbacks are the array methods that call their callback at once.
var syncCallbacks = map[string]bool{
	"map": true, "forEach": true, "filter": true, "reduce": true, "reduceRight": true, "some": true,
	"every": true, "find": true, "findIndex": true, "findLast": true, "findLastIndex": true,
	"flatMap": true, "sort": true, "toSorted": true,
}

// classRenderMethods are the class component methods React calls while
// rendering, on the server too.
var classRenderMethods = map[string]bool{
	"render": true, "constructor": true, "getDerivedStateFromProps": true,
	"componentWillMount": true, "UNSAFE_componentWillMount": true,
}

// isComponentName: PascalCase, as React requires of components (GET and
// POST are not components; a single letter is).
func isComponentName(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	if len(s) == 1 {
		return true
	}
	for i := 1; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// isHookName: use followed by an upper-case letter.
func isHookName(s string) bool {
	return len(s) > 3 && strings.HasPrefix(s, "use") && s[3] >= 'A' && s[3] <= 'Z'
}

// renderPhase classifies the innermost function around n that decides when
// n runs. guarded is n's guard flag so far; the result also counts a
// "mounted" flag check in the component (see mountedGuarded).
func (f *file) renderPhase(n *sitter.Node, guarded bool, memo *renderMemo) (Phase, string, bool) {
	path := f.ancestors(n)
	phase := PhaseNone
	for i := len(path) - 1; i >= 0; i-- {
		cur := path[i]
		t := cur.Type()
		if t == "public_field_definition" {
			// An instance field initialiser runs in the constructor.
			if hasKeyword(cur, "static") || i < 2 {
				return PhaseNone, "", guarded
			}
			if name, ok := f.componentClass(path[i-2]); ok {
				return PhaseClass, name, guarded
			}
			return PhaseNone, "", guarded
		}
		if !isFunctionNode(t) {
			continue
		}
		ro, ok := memo.roles[cur.ID()]
		if !ok {
			ro.r, ro.p, ro.name = f.functionRole(cur, path[:i])
			memo.roles[cur.ID()] = ro
		}
		r, p, name := ro.r, ro.p, ro.name
		switch r {
		case roleTransparent:
			continue
		case roleHookArg:
			if phase == PhaseNone {
				phase = p
			}
			continue
		case roleComponent, roleClass:
			if phase == PhaseNone {
				phase = PhaseBody
				if r == roleClass {
					phase = PhaseClass
				}
			}
		default:
			if phase == PhaseNone {
				return PhaseNone, "", guarded
			}
			// A hook argument in a function we do not recognise: by the
			// rules of hooks, that function renders.
			name = f.ownerName(cur, path[:i])
		}
		if !guarded {
			fl, ok := memo.flags[cur.ID()]
			if !ok {
				fl = f.mountedFlags(cur)
				memo.flags[cur.ID()] = fl
			}
			guarded = f.mountedGuarded(fl, cur, path[i+1:], n)
		}
		return phase, name, guarded
	}
	return PhaseNone, "", guarded
}

// functionRole says what fn is to React. up holds fn's ancestors, root first.
func (f *file) functionRole(fn *sitter.Node, up []*sitter.Node) (role, Phase, string) {
	if _, iife, _ := f.functionContext(fn, up); iife {
		return roleTransparent, PhaseNone, ""
	}
	k := len(up) - 1
	outer := fn
	for k >= 0 && up[k].Type() == "parenthesized_expression" {
		outer = up[k]
		k--
	}
	if fn.Type() == "method_definition" {
		name := fn.ChildByFieldName("name")
		if name == nil || !classRenderMethods[f.text(name)] || k < 1 || up[k].Type() != "class_body" {
			return roleOther, PhaseNone, ""
		}
		if cls, ok := f.componentClass(up[k-1]); ok {
			return roleClass, PhaseNone, cls
		}
		return roleOther, PhaseNone, ""
	}
	if k < 0 {
		return roleOther, PhaseNone, ""
	}
	own := ""
	if name := fn.ChildByFieldName("name"); name != nil {
		own = f.text(name)
	}
	p := up[k]
	switch p.Type() {
	case "arguments":
		if k < 1 || up[k-1].Type() != "call_expression" {
			break
		}
		call := up[k-1]
		idx := argIndex(p, outer)
		switch name := f.calleeName(call); {
		case name == "useState" && idx == 0, name == "useReducer" && idx == 2:
			return roleHookArg, PhaseInit, ""
		case name == "useMemo" && idx == 0:
			return roleHookArg, PhaseMemo, ""
		case name == "useSyncExternalStore" && idx == 2:
			return roleHookArg, PhaseServerSnapshot, ""
		case (name == "memo" || name == "forwardRef") && idx == 0:
			if own == "" {
				own = f.wrapperName(call)
			}
			return roleComponent, PhaseNone, own
		case syncCallbacks[name] || name == "from":
			fnNode := call.ChildByFieldName("function")
			if fnNode == nil || fnNode.Type() != "member_expression" {
				break
			}
			if name == "from" {
				if obj := fnNode.ChildByFieldName("object"); obj == nil || f.text(obj) != "Array" {
					break
				}
			}
			return roleTransparent, PhaseNone, ""
		}
	case "variable_declarator":
		if name := p.ChildByFieldName("name"); name != nil && isField(p, "value", outer) {
			if s := f.text(name); isComponentName(s) || isHookName(s) {
				return roleComponent, PhaseNone, s
			}
		}
	case "export_statement":
		// export default function () {} and export default () => …
		if hasKeyword(p, "default") {
			return roleComponent, PhaseNone, own
		}
	}
	if isComponentName(own) || isHookName(own) {
		return roleComponent, PhaseNone, own
	}
	return roleOther, PhaseNone, ""
}

// argIndex returns the position of arg among the arguments args, or -1.
func argIndex(args, arg *sitter.Node) int {
	idx := 0
	for i := range int(args.NamedChildCount()) {
		c := args.NamedChild(i)
		if c.Type() == "comment" {
			continue
		}
		if c.Equal(arg) {
			return idx
		}
		idx++
	}
	return -1
}

// wrapperName names the component a memo()/forwardRef() call makes: the
// variable it is assigned to, through nested wrappers; "" for a default
// export or anything else.
func (f *file) wrapperName(call *sitter.Node) string {
	for steps := 0; steps < 6; steps++ {
		p := skipParensUp(call).Parent()
		if p == nil {
			return ""
		}
		switch p.Type() {
		case "variable_declarator":
			if name := p.ChildByFieldName("name"); name != nil && name.Type() == "identifier" {
				return f.text(name)
			}
			return ""
		case "arguments":
			if c := p.Parent(); c != nil && c.Type() == "call_expression" {
				call = c
				continue
			}
		}
		return ""
	}
	return ""
}

// ownerName is the name a function is known by, for messages.
func (f *file) ownerName(fn *sitter.Node, up []*sitter.Node) string {
	if name := fn.ChildByFieldName("name"); name != nil {
		return f.text(name)
	}
	k := len(up) - 1
	for k >= 0 && up[k].Type() == "parenthesized_expression" {
		k--
	}
	if k >= 0 && up[k].Type() == "variable_declarator" {
		if name := up[k].ChildByFieldName("name"); name != nil && name.Type() == "identifier" {
			return f.text(name)
		}
	}
	return ""
}

// componentClass reports whether cls is a class that extends Component or
// PureComponent (React.Component, …), and returns its name.
func (f *file) componentClass(cls *sitter.Node) (string, bool) {
	switch cls.Type() {
	case "class_declaration", "class", "abstract_class_declaration":
	default:
		return "", false
	}
	h := firstNamedOfType(cls, "class_heritage")
	if h == nil {
		return "", false
	}
	ext := firstNamedOfType(h, "extends_clause")
	if ext == nil {
		return "", false
	}
	v := ext.ChildByFieldName("value")
	if v == nil {
		return "", false
	}
	switch f.text(v) {
	case "Component", "PureComponent", "React.Component", "React.PureComponent":
	default:
		return "", false
	}
	name := ""
	if n := cls.ChildByFieldName("name"); n != nil {
		name = f.text(n)
	}
	return name, true
}

// A "mounted" flag is a value that is falsy on the server and on the first
// client render, so that code behind it renders only in the browser. The
// flags of a component are found by a byte scan of its text:
//
//	const [mounted, setMounted] = useState(false)
//	const [menu, setMenu] = useState<Menu | null>(null)   (or undefined, 0, "", nothing)
//	const isClient = useIsClient() / useMounted() / useHasMounted() / useHydrated()
//	const isClient = useSyncExternalStore(subscribe, () => true, () => false)
//
// React renders on the server once, with every state at its initial value,
// and runs no effect or handler there: state that starts falsy is truthy
// only after the browser set it — the hydration-safe "mounted" pattern
// next-themes and others document, or a menu opened by a click.
//
// A flag can also be the other way round: react-aria's `useIsSSR()` is true
// on the server and in the first client render, so code behind `!isSSR`, or
// after `if (isSSR) return`, renders only in the browser.
func (f *file) mountedFlags(fn *sitter.Node) map[string]cond {
	text := f.src[fn.StartByte():fn.EndByte()]
	var flags map[string]cond
	addAs := func(name string, k cond) {
		if flags == nil {
			flags = map[string]cond{}
		}
		flags[name] = k
	}
	add := func(name string) { addAs(name, onlyBrowserWhenTruthy) }
	eachWordAny(text, "useState", func(at int) bool {
		i := skipTypeArgs(text, skipSpace(text, at+len("useState")))
		if i < 0 || !falsyArgument(text[i:]) {
			return true
		}
		b := at
		if b >= 6 && string(text[b-6:b]) == "React." {
			b -= 6
		}
		if names, ok := backIdents(text, b, "=", "]", "", ",", "", "["); ok {
			add(names[0])
		} else if names, ok := backIdents(text, b, "=", "]", "", "["); ok {
			add(names[0])
		}
		return true
	})
	for _, hook := range []string{"useIsClient", "useMounted", "useIsMounted", "useHasMounted", "useHydrated", "useIsHydrated", "useIsBrowser"} {
		eachWordAny(text, hook, func(at int) bool {
			if !hasPrefixSpaced(text[at+len(hook):], "(", ")") {
				return true
			}
			if names, ok := backIdents(text, at, "=", ""); ok {
				add(names[0])
			}
			return true
		})
	}
	eachWordAny(text, "useIsSSR", func(at int) bool {
		if !hasPrefixSpaced(text[at+len("useIsSSR"):], "(", ")") {
			return true
		}
		if names, ok := backIdents(text, at, "=", ""); ok {
			addAs(names[0], onlyBrowserWhenTruthy.not())
		}
		return true
	})
	eachWordAny(text, "useSyncExternalStore", func(at int) bool {
		end := min(len(text), at+400)
		i := bytes.IndexByte(text[at:end], ';')
		if i > 0 {
			end = at + i
		}
		call := bytes.Join(bytes.Fields(text[at:end]), nil)
		if bytes.Contains(call, []byte(",()=>true,()=>false)")) {
			if names, ok := backIdents(text, at, "=", ""); ok {
				add(names[0])
			}
		}
		return true
	})
	return flags
}

// skipTypeArgs returns the offset after the type arguments at text[i:]
// (`<Menu | null>`, nested ones too), i when there are none, or -1 when they
// do not end.
func skipTypeArgs(text []byte, i int) int {
	if i >= len(text) || text[i] != '<' {
		return i
	}
	depth := 0
	for j := i; j < len(text); j++ {
		switch text[j] {
		case '<':
			depth++
		case '>':
			if j > 0 && text[j-1] == '=' {
				continue // an arrow in a function type
			}
			if depth--; depth == 0 {
				return skipSpace(text, j+1)
			}
		case ';', '{', '}':
			return -1
		}
	}
	return -1
}

// falsyArgument reports whether text starts with an argument list holding
// nothing or one falsy literal: (), (false), (null), (undefined), (0), ("").
func falsyArgument(text []byte) bool {
	for _, v := range []string{"", "false", "null", "undefined", "0", `""`, "''", "``"} {
		tokens := []string{"(", v, ")"}
		if v == "" {
			tokens = []string{"(", ")"}
		}
		if hasPrefixSpaced(text, tokens...) {
			return true
		}
	}
	return false
}

// hasPrefixSpaced reports whether text starts with the tokens, with any
// white space around them.
func hasPrefixSpaced(text []byte, tokens ...string) bool {
	i := 0
	for _, tok := range tokens {
		i = skipSpace(text, i)
		if !bytes.HasPrefix(text[i:], []byte(tok)) {
			return false
		}
		i += len(tok)
	}
	return true
}

// backIdents reads tokens backwards from text[:end]: each punctuation token
// must be there, and each "" is an identifier, returned in source order.
func backIdents(text []byte, end int, tokens ...string) ([]string, bool) {
	var names []string
	i := end
	for _, tok := range tokens {
		for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '\n' || text[i-1] == '\r') {
			i--
		}
		if tok != "" {
			if !bytes.HasSuffix(text[:i], []byte(tok)) {
				return nil, false
			}
			i -= len(tok)
			continue
		}
		j := i
		for j > 0 && identPart[text[j-1]] {
			j--
		}
		if j == i || !identStart[text[j]] {
			return nil, false
		}
		names = append([]string{string(text[j:i])}, names...)
		i = j
	}
	return names, true
}

// mountedGuarded reports whether a check of one of the mounted flags of the
// component fn dominates n. below holds the nodes from fn's child down to
// n's parent.
func (f *file) mountedGuarded(flags map[string]cond, fn *sitter.Node, below []*sitter.Node, n *sitter.Node) bool {
	if len(flags) == 0 {
		return false
	}
	chain := append(append([]*sitter.Node{fn}, below...), n)
	for i := 0; i+1 < len(chain); i++ {
		p, c := chain[i], chain[i+1]
		switch p.Type() {
		case "if_statement", "ternary_expression":
			test := p.ChildByFieldName("condition")
			if test == nil || test.Equal(c) {
				continue
			}
			k := f.mountedCond(test, flags, 0)
			if c.Type() == "else_clause" || isField(p, "alternative", c) {
				if k.f {
					return true
				}
			} else if k.t {
				return true
			}
		case "binary_expression":
			left := p.ChildByFieldName("left")
			if left == nil || left.Equal(c) {
				continue
			}
			switch f.operator(p) {
			case "&&":
				if f.mountedCond(left, flags, 0).t {
					return true
				}
			case "||":
				if f.mountedCond(left, flags, 0).f {
					return true
				}
			}
		case "statement_block":
			// if (!mounted) return null; before c.
			for j := range int(p.NamedChildCount()) {
				s := p.NamedChild(j)
				if s.StartByte() >= c.StartByte() {
					break
				}
				if s.Type() != "if_statement" || s.ChildByFieldName("alternative") != nil || !exits(s.ChildByFieldName("consequence")) {
					continue
				}
				if f.mountedCond(s.ChildByFieldName("condition"), flags, 0).f {
					return true
				}
			}
		}
	}
	return false
}

// mountedCond evaluates a condition over mounted flags: t when truthy
// means mounted (so in the browser), f when falsy does.
func (f *file) mountedCond(e *sitter.Node, flags map[string]cond, depth int) cond {
	if e == nil || depth > maxAliasDepth {
		return cond{}
	}
	switch e.Type() {
	case "parenthesized_expression":
		return f.mountedCond(e.NamedChild(0), flags, depth+1)
	case "identifier":
		if k, ok := flags[f.text(e)]; ok {
			return k
		}
	case "unary_expression":
		if op := e.ChildByFieldName("operator"); op != nil && op.Type() == "!" {
			return f.mountedCond(e.ChildByFieldName("argument"), flags, depth+1).not()
		}
	case "binary_expression":
		a := f.mountedCond(e.ChildByFieldName("left"), flags, depth+1)
		b := f.mountedCond(e.ChildByFieldName("right"), flags, depth+1)
		switch f.operator(e) {
		case "&&":
			return and(a, b)
		case "||":
			return or(a, b)
		}
	}
	return cond{}
}

// effects records the effects clientcleanup needs.
func (f *file) effects() {
	for _, hook := range []string{"useEffect", "useLayoutEffect"} {
		w := []byte(hook)
		for off := 0; ; {
			i := bytes.Index(f.src[off:], w)
			if i < 0 {
				break
			}
			start := off + i
			end := start + len(w)
			off = end
			// React.useEffect is fine here: only the word boundaries matter.
			if start > 0 && identPart[f.src[start-1]] || end < len(f.src) && identPart[f.src[end]] {
				continue
			}
			if j := skipSpace(f.src, end); j >= len(f.src) || f.src[j] != '(' {
				continue
			}
			f.effectAt(hook, start, end)
		}
	}
}

// teardownParts are the words that, as a part of a camelCase name, say a
// call ends a client, a room session or a call: c.disconnect(),
// room.leave(), call.hangUp(), endCall(), teardown(), disconnectClient().
var teardownParts = map[string]bool{
	"disconnect": true, "leave": true, "hangup": true, "destroy": true, "close": true, "teardown": true,
	"cleanup": true, "stop": true, "end": true, "dispose": true, "unmount": true,
}

// isTeardownName reports whether a name has a teardown word among its
// camelCase or snake_case parts (hangUp and cleanUp count as one word).
func isTeardownName(name string) bool {
	var parts []string
	start := 0
	for i := 1; i <= len(name); i++ {
		if i == len(name) || name[i] == '_' || name[i] >= 'A' && name[i] <= 'Z' {
			if i > start {
				parts = append(parts, strings.ToLower(strings.Trim(name[start:i], "_")))
			}
			start = i
		}
	}
	for i, p := range parts {
		if teardownParts[p] {
			return true
		}
		if i+1 < len(parts) && teardownParts[p+parts[i+1]] {
			return true
		}
	}
	return false
}

func (f *file) effectAt(hook string, start, end int) {
	id := f.nodeAt(start, end)
	if id == nil || int(id.StartByte()) != start {
		return
	}
	callee := id
	if id.Type() == "property_identifier" {
		callee = id.Parent()
	} else if id.Type() != "identifier" {
		return
	}
	if callee == nil {
		return
	}
	call := callee.Parent()
	if call == nil || call.Type() != "call_expression" || !isField(call, "function", callee) {
		return
	}
	args := argList(call)
	if len(args) == 0 {
		return
	}
	cb := unwrapExpr(args[0])
	if t := cb.Type(); t != "arrow_function" && t != "function_expression" && t != "function" {
		return
	}
	e := Effect{Hook: hook, Span: span(call), Body: span(cb), Async: hasKeyword(cb, "async")}
	creates := false
	for _, u := range f.sum.BindingUses {
		if u.Span.Start >= e.Body.Start && u.Span.End <= e.Body.End {
			creates = true
			break
		}
	}
	e.Starts = f.starts(e.Body)
	text := f.src[e.Body.Start:e.Body.End]
	if !creates && len(e.Starts) == 0 && !hasTeardownWord(text) {
		return
	}
	e.Cleanup = f.cleanup(cb)
	path := f.ancestors(call)
	for i := len(path) - 1; i >= 0; i-- {
		if isFunctionNode(path[i].Type()) {
			e.Owner = span(path[i])
			break
		}
	}
	if body := cb.ChildByFieldName("body"); body != nil && body.Type() == "statement_block" {
		f.effectBody(&e, body)
	}
	f.sum.Effects = append(f.sum.Effects, e)
}

// hasTeardownWord reports whether text has a name with a teardown word in
// it: a method (c.disconnect) or a function (endCall).
func hasTeardownWord(text []byte) bool {
	for i := 0; i < len(text); {
		if !identStart[text[i]] || i > 0 && identPart[text[i-1]] {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && identPart[text[j]] {
			j++
		}
		if isTeardownName(string(text[i:j])) {
			return true
		}
		i = j
	}
	return false
}

// eachWordAny is eachWord without the member-dot exclusion.
func eachWordAny(src []byte, word string, fn func(start int) bool) {
	w := []byte(word)
	for off := 0; off < len(src); {
		i := bytes.Index(src[off:], w)
		if i < 0 {
			return
		}
		start := off + i
		end := start + len(w)
		off = end
		if start > 0 && identPart[src[start-1]] || end < len(src) && identPart[src[end]] {
			continue
		}
		if !fn(start) {
			return
		}
	}
}

// starts finds .dial(...) and .join(...) calls in sp. join is only counted
// with no arguments or one object literal, as a room session's join takes:
// path.join(a, b) and list.join(", ") are not calls.
func (f *file) starts(sp Span) []EffectCall {
	var out []EffectCall
	text := f.src[sp.Start:sp.End]
	for _, w := range []string{"dial", "join"} {
		eachWordAny(text, w, func(rel int) bool {
			if rel == 0 || text[rel-1] != '.' {
				return true
			}
			at := sp.Start + rel
			if j := skipSpace(f.src, at+len(w)); j >= len(f.src) || f.src[j] != '(' {
				return true
			}
			prop := f.nodeAt(at, at+len(w))
			if prop == nil || prop.Type() != "property_identifier" || int(prop.StartByte()) != at {
				return true
			}
			mem := prop.Parent()
			if mem == nil || mem.Type() != "member_expression" {
				return true
			}
			call := mem.Parent()
			if call == nil || call.Type() != "call_expression" || !isField(call, "function", mem) {
				return true
			}
			if w == "join" {
				if obj := mem.ChildByFieldName("object"); obj != nil && f.text(obj) == "path" {
					return true
				}
				args := argList(call)
				if len(args) > 1 || len(args) == 1 && unwrapExpr(args[0]).Type() != "object" {
					return true
				}
			}
			out = append(out, EffectCall{Name: w, Span: span(call)})
			return true
		})
	}
	return out
}

// cleanup classifies what the effect callback cb returns.
func (f *file) cleanup(cb *sitter.Node) Cleanup {
	body := cb.ChildByFieldName("body")
	if body == nil {
		return CleanupNone
	}
	if body.Type() != "statement_block" {
		return f.cleanupValue(body, 0)
	}
	best := CleanupNone
	text := f.src[body.StartByte():body.EndByte()]
	base := int(body.StartByte())
	eachWordAny(text, "return", func(rel int) bool {
		at := base + rel
		ret := f.nodeAt(at, at+len("return"))
		if ret == nil || ret.Type() != "return_statement" || int(ret.StartByte()) != at {
			return true
		}
		if !f.returnsFrom(ret, cb) {
			return true
		}
		v := ret.NamedChild(0)
		if v == nil || v.Type() == "comment" {
			return true
		}
		c := f.cleanupValue(v, 0)
		if rankCleanup(c) > rankCleanup(best) {
			best = c
		}
		return best != CleanupTeardown
	})
	return best
}

func rankCleanup(c Cleanup) int {
	switch c {
	case CleanupOther:
		return 1
	case CleanupUnknown:
		return 2
	case CleanupTeardown:
		return 3
	}
	return 0
}

// returnsFrom reports whether the return statement ret belongs to fn (not
// to a function nested in it).
func (f *file) returnsFrom(ret, fn *sitter.Node) bool {
	for p := ret.Parent(); p != nil; p = p.Parent() {
		if isFunctionNode(p.Type()) {
			return p.Equal(fn)
		}
	}
	return false
}

// cleanupValue classifies a returned value.
func (f *file) cleanupValue(v *sitter.Node, depth int) Cleanup {
	v = unwrapExpr(v)
	switch t := v.Type(); {
	case isFunctionNode(t):
		if f.tearsDown(v, depth) {
			return CleanupTeardown
		}
		return CleanupOther
	case t == "identifier":
		if fn := f.localFunction(v); fn != nil {
			return f.cleanupValue(fn, depth+1)
		}
		return CleanupUnknown
	case t == "member_expression":
		if p := v.ChildByFieldName("property"); p != nil && isTeardownName(f.text(p)) {
			return CleanupTeardown
		}
		return CleanupUnknown
	case t == "call_expression", t == "await_expression":
		return CleanupUnknown
	}
	// undefined, null, literals, objects: not a function.
	return CleanupNone
}

// localFunction returns the function a local name is bound to: a function
// declaration, or a variable initialised with a function.
func (f *file) localFunction(id *sitter.Node) *sitter.Node {
	d := f.aliasDecl(f.text(id), int(id.StartByte()))
	if d == nil || d.node == nil {
		return nil
	}
	switch d.node.Type() {
	case "function_declaration":
		return d.node
	case "variable_declarator":
		if v := d.node.ChildByFieldName("value"); v != nil {
			if v = unwrapExpr(v); isFunctionNode(v.Type()) {
				return v
			}
		}
	}
	return nil
}

// tearsDown reports whether fn calls a teardown method, itself or through a
// local function it calls (two levels deep).
func (f *file) tearsDown(fn *sitter.Node, depth int) bool {
	text := f.src[fn.StartByte():fn.EndByte()]
	if hasTeardownWord(text) {
		return true
	}
	if depth >= 2 {
		return false
	}
	tried := 0
	base := int(fn.StartByte())
	for i := 0; i < len(text) && tried < 8; {
		if !identStart[text[i]] || i > 0 && (identPart[text[i-1]] || text[i-1] == '.') {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && identPart[text[j]] {
			j++
		}
		k := skipSpace(text, j)
		if k < len(text) && text[k] == '(' && !jsKeyword[string(text[i:j])] {
			tried++
			id := f.nodeAt(base+i, base+j)
			if id != nil && id.Type() == "identifier" && int(id.StartByte()) == base+i {
				if g := f.localFunction(id); g != nil && !g.Equal(fn) && f.tearsDown(g, depth+1) {
					return true
				}
			}
		}
		i = j
	}
	return false
}

var jsKeyword = map[string]bool{
	"if": true, "for": true, "while": true, "switch": true, "return": true, "function": true,
	"catch": true, "typeof": true, "void": true, "await": true, "new": true, "super": true,
}

// effectBody records the named creations in an effect's block body and where
// a cleanup could be appended.
func (f *file) effectBody(e *Effect, body *sitter.Node) {
	var last *sitter.Node
	for i := range int(body.NamedChildCount()) {
		s := body.NamedChild(i)
		if s.Type() == "comment" {
			continue
		}
		last = s
		if s.Type() != "lexical_declaration" && s.Type() != "variable_declaration" || s.NamedChildCount() != 1 {
			continue
		}
		d := s.NamedChild(0)
		name, v := d.ChildByFieldName("name"), d.ChildByFieldName("value")
		if name == nil || v == nil || name.Type() != "identifier" {
			continue
		}
		if v = unwrapExpr(v); v.Type() == "new_expression" || v.Type() == "call_expression" {
			e.Vars = append(e.Vars, EffectVar{Name: f.text(name), Value: span(v)})
		}
	}
	if last == nil || last.Type() == "return_statement" || e.Async {
		return
	}
	e.End = int(body.EndByte()) - 1
	ls := int(last.StartByte())
	lineStart := bytes.LastIndexByte(f.src[:ls], '\n') + 1
	indent := f.src[lineStart:ls]
	if len(bytes.TrimLeft(indent, " \t")) == 0 {
		e.Indent = string(indent)
	}
}

// srcObjects records srcObject JSX attributes.
func (f *file) srcObjects() {
	const w = "srcObject"
	eachWordAny(f.src, w, func(start int) bool {
		id := f.nodeAt(start, start+len(w))
		if id == nil || id.Type() != "property_identifier" || int(id.StartByte()) != start {
			return true
		}
		attr := id.Parent()
		if attr == nil || attr.Type() != "jsx_attribute" {
			return true
		}
		el := attr.Parent()
		if el == nil || el.Type() != "jsx_opening_element" && el.Type() != "jsx_self_closing_element" {
			return true
		}
		tag := ""
		if name := el.ChildByFieldName("name"); name != nil {
			tag = f.text(name)
		}
		f.sum.SrcObjects = append(f.sum.SrcObjects, SrcObject{Span: span(attr), Tag: tag})
		return true
	})
}

// expiries records expiry_at values in seconds in credential results: an
// object literal that has a token too, or that authenticate() or refresh()
// returns.
func (f *file) expiries() {
	const w = "expiry_at"
	eachWordAny(f.src, w, func(start int) bool {
		if start > 0 && f.src[start-1] == '.' {
			return true // x.expiry_at
		}
		n := f.nodeAt(start, start+len(w))
		if n == nil {
			return true
		}
		var pair, value *sitter.Node
		switch n.Type() {
		case "property_identifier":
			pair = n.Parent()
		case "string_fragment":
			if s := n.Parent(); s != nil && s.Type() == "string" {
				pair = s.Parent()
				n = s
			}
		case "shorthand_property_identifier":
			value = n
		}
		if pair != nil {
			if pair.Type() != "pair" || !isField(pair, "key", n) {
				return true
			}
			value = pair.ChildByFieldName("value")
		}
		if value == nil {
			return true
		}
		obj := value.Parent()
		if pair != nil {
			obj = pair.Parent()
		}
		if obj == nil || obj.Type() != "object" || !f.credentialResult(obj) {
			return true
		}
		f.expiry(value)
		return true
	})
}

// credentialResult reports whether obj is what a CredentialProvider returns.
func (f *file) credentialResult(obj *sitter.Node) bool {
	hasToken := false
	f.eachPair(obj, func(key string, _ *sitter.Node) {
		hasToken = hasToken || key == "token"
	})
	if hasToken {
		return true
	}
	for p, steps := obj.Parent(), 0; p != nil && steps < 12; p, steps = p.Parent(), steps+1 {
		if !isFunctionNode(p.Type()) {
			continue
		}
		name := ""
		if n := p.ChildByFieldName("name"); n != nil {
			name = f.text(n)
		} else if q := skipParensUp(p).Parent(); q != nil {
			switch q.Type() {
			case "pair":
				if k := q.ChildByFieldName("key"); k != nil {
					name = unquote(f.text(k))
				}
			case "public_field_definition", "variable_declarator":
				if k := q.ChildByFieldName("name"); k != nil {
					name = f.text(k)
				}
			}
		}
		return name == "authenticate" || name == "refresh"
	}
	return false
}

// unit is what a number measures.
type unit int

const (
	unitUnknown unit = iota
	unitMillis       // a millisecond timestamp or duration
	unitSeconds      // computed seconds: Date.now() / 1000, dayjs().unix()
	unitLiteral      // a plain number below 1e11: seconds, as a timestamp
)

// expiry records v when it is in seconds.
func (f *file) expiry(v *sitter.Node) {
	expr := v
	if v.Type() == "shorthand_property_identifier" || unwrapExpr(v).Type() == "identifier" {
		val := f.localValue(unwrapExpr(v))
		if val == nil {
			return
		}
		expr = val
	}
	u := f.timeUnit(expr, 0)
	if u != unitSeconds && u != unitLiteral {
		return
	}
	text := strings.Join(strings.Fields(f.text(unwrapExpr(expr))), " ")
	if len(text) > 80 {
		text = text[:77] + "..."
	}
	e := Expiry{Span: span(v), Text: text, Literal: u == unitLiteral}
	if expr.Equal(v) {
		e.Fix, e.HasFix = f.millisFix(unwrapExpr(v))
	}
	f.sum.Expiries = append(f.sum.Expiries, e)
}

// timeUnit says whether an expression is a timestamp in seconds or in
// milliseconds.
func (f *file) timeUnit(v *sitter.Node, depth int) unit {
	if v == nil || depth > maxFollow {
		return unitUnknown
	}
	v = unwrapExpr(v)
	switch v.Type() {
	case "number":
		n, err := strconv.ParseFloat(strings.ReplaceAll(f.text(v), "_", ""), 64)
		switch {
		case err != nil || n <= 0:
			return unitUnknown
		case n < 1e11:
			return unitLiteral
		}
		return unitMillis
	case "identifier":
		return f.timeUnit(f.localValue(v), depth+1)
	case "binary_expression":
		l, r := v.ChildByFieldName("left"), v.ChildByFieldName("right")
		switch f.operator(v) {
		case "/":
			if f.isThousand(r) {
				return unitSeconds
			}
		case "*":
			if f.isThousand(l) || f.isThousand(r) {
				return unitMillis
			}
		case "|", ">>", ">>>":
			if r != nil && f.text(r) == "0" {
				return f.timeUnit(l, depth+1)
			}
		case "+", "-":
			a, b := f.timeUnit(l, depth+1), f.timeUnit(r, depth+1)
			switch {
			case a == unitMillis || b == unitMillis:
				return unitMillis
			case a == unitSeconds || b == unitSeconds:
				return unitSeconds
			case a == unitLiteral && b == unitLiteral:
				return unitLiteral
			}
		}
	case "unary_expression":
		arg := v.ChildByFieldName("argument")
		switch op := v.ChildByFieldName("operator"); {
		case op == nil || arg == nil:
		case op.Type() == "~":
			// ~~x truncates x.
			if a := unwrapExpr(arg); a.Type() == "unary_expression" {
				return f.timeUnit(a.ChildByFieldName("argument"), depth+1)
			}
		case op.Type() == "+":
			if a := unwrapExpr(arg); a.Type() == "new_expression" && f.isNewDate(a) {
				return unitMillis
			}
			return f.timeUnit(arg, depth+1)
		}
	case "call_expression":
		fn := v.ChildByFieldName("function")
		if fn == nil {
			return unitUnknown
		}
		args := argList(v)
		switch name := f.text(fn); name {
		case "Date.now", "Date.parse", "Date.UTC", "performance.timeOrigin":
			return unitMillis
		case "Math.floor", "Math.round", "Math.ceil", "Math.trunc", "Number", "parseInt", "Math.max", "Math.min":
			if len(args) > 0 {
				return f.timeUnit(args[0], depth+1)
			}
		case "getUnixTime":
			return unitSeconds // date-fns
		}
		if fn.Type() == "member_expression" {
			switch p := fn.ChildByFieldName("property"); f.text(p) {
			case "getTime", "valueOf":
				return unitMillis
			case "unix", "toSeconds", "toUnixInteger":
				return unitSeconds // dayjs, moment, luxon
			}
		}
	}
	return unitUnknown
}

func (f *file) isThousand(n *sitter.Node) bool {
	if n == nil {
		return false
	}
	switch strings.ReplaceAll(f.text(unwrapExpr(n)), "_", "") {
	case "1000", "1e3", "1000.0":
		return true
	}
	return false
}

func (f *file) isNewDate(n *sitter.Node) bool {
	c := n.ChildByFieldName("constructor")
	return c != nil && f.text(c) == "Date" && len(argList(n)) == 0
}

// msNow returns the millisecond "now" inside a seconds "now": Date.now()
// for Date.now() / 1000 and Math.floor(Date.now() / 1000).
func (f *file) msNow(v *sitter.Node) (string, bool) {
	v = unwrapExpr(v)
	if v.Type() == "call_expression" {
		fn := v.ChildByFieldName("function")
		args := argList(v)
		if fn == nil || len(args) != 1 {
			return "", false
		}
		switch f.text(fn) {
		case "Math.floor", "Math.round", "Math.ceil", "Math.trunc":
			return f.msNow(args[0])
		}
		return "", false
	}
	if v.Type() != "binary_expression" || f.operator(v) != "/" || !f.isThousand(v.ChildByFieldName("right")) {
		return "", false
	}
	l := unwrapExpr(v.ChildByFieldName("left"))
	switch text := strings.Join(strings.Fields(f.text(l)), ""); text {
	case "Date.now()":
		return "Date.now()", true
	case "newDate().getTime()", "(newDate()).getTime()":
		return "new Date().getTime()", true
	}
	return "", false
}

// millisFix returns the millisecond form of a seconds expression, when it
// is one of the forms with an exact equivalent: now/1000, and now/1000 ± n
// (n seconds becoming n * 1000), and x.unix() (dayjs, moment) as
// x.valueOf().
func (f *file) millisFix(v *sitter.Node) (string, bool) {
	if now, ok := f.msNow(v); ok {
		return now, true
	}
	switch v.Type() {
	case "binary_expression":
		op := f.operator(v)
		if op != "+" && op != "-" {
			return "", false
		}
		now, ok := f.msNow(v.ChildByFieldName("left"))
		r := v.ChildByFieldName("right")
		if !ok || r == nil || f.timeUnit(r, 0) == unitMillis || f.timeUnit(r, 0) == unitSeconds {
			return "", false
		}
		rt := f.text(r)
		switch r.Type() {
		case "number", "identifier", "member_expression", "call_expression", "parenthesized_expression":
		case "binary_expression":
			if o := f.operator(r); o != "*" && o != "/" {
				rt = "(" + rt + ")"
			}
		default:
			rt = "(" + rt + ")"
		}
		return now + " " + op + " " + rt + " * 1000", true
	case "call_expression":
		fn := v.ChildByFieldName("function")
		if fn == nil || fn.Type() != "member_expression" || len(argList(v)) != 0 {
			return "", false
		}
		if p := fn.ChildByFieldName("property"); p == nil || f.text(p) != "unix" {
			return "", false
		}
		obj := fn.ChildByFieldName("object")
		if obj == nil {
			return "", false
		}
		return f.text(obj) + ".valueOf()", true
	}
	return "", false
}
