package syntax

import (
	sitter "github.com/smacker/go-tree-sitter"
)

// Checks of the caller: the statements of a top-level function that decide,
// from something the function computes, whether the code after them (or
// inside them) runs. The tokenauth rule asks whether such a check about the
// caller — a session, a cookie, a header, an auth library — comes before a
// token mint; which calls and properties count is data (rules/auth.json),
// so this file records shapes and names only.
//
// Only the functions that can lead to a mint are looked at: those that make
// a request or call an imported binding or another top-level function
// (Func.Uses). Candidates come from a byte scan for `if` and from the Uses
// already found; what a condition depends on is read by a walk of the
// condition alone, following the local variables it reads to their
// initialisers in the same function.

// Gate is an `if` statement whose condition depends on a call, a parameter's
// property or an environment variable, or a statement that is one call
// (`await requireUser(req)`, `const user = await requireUser()`), which is
// taken to throw when the check fails.
type Gate struct {
	// Func is the index in Summary.Funcs of the function it is in.
	Func int
	// Span covers the statement.
	Span Span
	// Scope is the block the statement is a statement of, zero when it is
	// not directly in a block (`else if`, a case): a gate that exits
	// guards the rest of its Scope.
	Scope Span
	// Exits: the if's consequence or alternative returns or throws (or
	// calls redirect, notFound, unauthorized, forbidden); always true for a
	// call statement.
	Exits bool
	// Then and Else cover an if's consequence and alternative: code there
	// runs only on one outcome of the condition.
	Then, Else Span
	// Call: a call statement, not an if.
	Call bool
	// Calls are the calls the condition depends on (or the call statement
	// itself, first), directly or through local variables.
	Calls []GateCall
	// ParamProps are the properties read from the function's own
	// parameters: "headers" for req.headers.get("authorization").
	ParamProps []string
	// Env are the environment variables the condition reads
	// (process.env.NAME), for shared-secret comparisons.
	Env []string
}

// GateCall is one call a gate depends on.
type GateCall struct {
	// Callee is the callee as a chain of names, calls written "()" without
	// their arguments, at most maxCallee bytes: "getServerSession",
	// "supabase.auth.getUser", "auth.protect", "cookies().get".
	Callee string
	// Import is the index in Summary.Imports of the binding the callee
	// starts with, -1 if none; Func the index in Summary.Funcs of the
	// top-level function it names, -1 if none.
	Import int
	Func   int
	// PassesParam: an argument is one of the function's parameters, or an
	// object literal holding one (`getToken({ req })`).
	PassesParam bool
	Off         int
}

const (
	maxCallee       = 80
	maxGateNodes    = 256
	maxGatesPerFunc = 64
)

// gateFunc is the function whose gates are being read.
type gateFunc struct {
	fi       int
	params   map[string]bool
	from, to int
	n        int // gates recorded
}

// gates records the Gates of the functions that can lead to a request.
func (f *file) gates() {
	if f.sum.UseClient || len(f.sum.Funcs) == 0 {
		return
	}
	requests := map[int]bool{}
	for _, r := range f.sum.Requests {
		requests[r.Func] = true
	}
	for fi := range f.sum.Funcs {
		fn := &f.sum.Funcs[fi]
		if len(fn.Uses) == 0 && !requests[fi] {
			continue
		}
		node := f.funcNode(fn.Span)
		if node == nil {
			continue
		}
		gf := &gateFunc{fi: fi, params: map[string]bool{}, from: int(node.StartByte()), to: int(node.EndByte())}
		for _, p := range f.params(node) {
			if p.Type() == "identifier" {
				gf.params[f.text(p)] = true
			}
		}
		eachWord(f.src, "if", gf.from, gf.to, func(start int) bool {
			n := f.nodeAt(start, start+2)
			if n != nil && n.Type() == "if_statement" && int(n.StartByte()) == start {
				f.ifGate(n, gf)
			}
			return gf.n < maxGatesPerFunc
		})
		for _, u := range fn.Uses {
			if gf.n >= maxGatesPerFunc {
				break
			}
			f.callGate(u, gf)
		}
	}
}

// funcNode returns the function node of the Func whose declaration spans sp:
// the declared function, a variable's function value, or the function
// argument of a wrapper call.
func (f *file) funcNode(sp Span) *sitter.Node {
	n := f.nodeAt(sp.Start, sp.End)
	for k := 0; n != nil && k < 4; k++ {
		if int(n.StartByte()) != sp.Start && k == 0 {
			return nil
		}
		if isFunctionNode(n.Type()) {
			return n
		}
		switch n.Type() {
		case "variable_declarator", "export_statement":
			v := n.ChildByFieldName("value")
			if v == nil {
				v = n.ChildByFieldName("declaration")
			}
			if v == nil {
				return nil
			}
			n = unwrapExpr(v)
		case "call_expression":
			return f.functionArg(n)
		default:
			return nil
		}
	}
	return nil
}

// navExits are Next.js functions that throw to end the request.
var navExits = map[string]bool{"redirect": true, "permanentRedirect": true, "notFound": true, "unauthorized": true, "forbidden": true}

// leaves reports whether a statement always returns, throws or ends the
// request through a navigation function.
func (f *file) leaves(s *sitter.Node) bool {
	if s == nil {
		return false
	}
	if exits(s) || f.navExit(s) {
		return true
	}
	if s.Type() == "statement_block" {
		for i := range int(s.NamedChildCount()) {
			if f.navExit(s.NamedChild(i)) {
				return true
			}
		}
	}
	return false
}

// navExit matches `redirect("/login")` and `await notFound()` statements.
func (f *file) navExit(s *sitter.Node) bool {
	if s.Type() != "expression_statement" || s.NamedChildCount() == 0 {
		return false
	}
	e := unwrapExpr(s.NamedChild(0))
	if e.Type() == "await_expression" && e.NamedChildCount() > 0 {
		e = unwrapExpr(e.NamedChild(0))
	}
	return e.Type() == "call_expression" && navExits[f.calleeName(e)]
}

func (f *file) ifGate(n *sitter.Node, gf *gateFunc) {
	cons := n.ChildByFieldName("consequence")
	var alt *sitter.Node
	if e := n.ChildByFieldName("alternative"); e != nil {
		for i := range int(e.NamedChildCount()) {
			if c := e.NamedChild(i); c.Type() != "comment" {
				alt = c
				break
			}
		}
	}
	g := Gate{Func: gf.fi, Span: span(n), Exits: f.leaves(cons) || f.leaves(alt)}
	if cons != nil {
		g.Then = span(cons)
	}
	if alt != nil {
		g.Else = span(alt)
	}
	if p := n.Parent(); p != nil && p.Type() == "statement_block" {
		g.Scope = span(p)
	}
	budget := maxGateNodes
	f.evidence(n.ChildByFieldName("condition"), gf, &g, &budget, 0, map[string]bool{})
	if len(g.Calls) > 0 || len(g.ParamProps) > 0 || len(g.Env) > 0 {
		f.sum.Gates = append(f.sum.Gates, g)
		gf.n++
	}
}

// callGate records the statement a Use is the call of, when the whole
// statement is that call (awaited or not, maybe assigned to a variable):
// `await auth.protect()`, `const user = await requireUser(req)`.
func (f *file) callGate(u FuncUse, gf *gateFunc) {
	if u.Off < gf.from || u.Off >= gf.to {
		return
	}
	id := f.nodeAt(u.Off, u.Off+len(u.Name))
	if id == nil || id.Type() != "identifier" || int(id.StartByte()) != u.Off {
		return
	}
	path := f.ancestors(id)
	cur := id
	var call, stmt *sitter.Node
	for i := len(path) - 1; i >= 0 && stmt == nil; i-- {
		p := path[i]
		switch p.Type() {
		case "member_expression":
			if !isField(p, "object", cur) {
				return
			}
			call = nil // a property of the result, unless called in turn
		case "call_expression":
			if !isField(p, "function", cur) {
				return
			}
			call = p
		case "await_expression", "parenthesized_expression", "non_null_expression", "as_expression":
		case "expression_statement":
			stmt = p
		case "variable_declarator":
			if !isField(p, "value", cur) || i == 0 {
				return
			}
			stmt = path[i-1]
		default:
			return
		}
		cur = p
	}
	if call == nil || stmt == nil {
		return
	}
	g := Gate{Func: gf.fi, Span: span(stmt), Exits: true, Call: true}
	if p := stmt.Parent(); p != nil && p.Type() == "statement_block" {
		g.Scope = span(p)
	}
	budget := maxGateNodes
	f.evidence(call, gf, &g, &budget, 0, map[string]bool{})
	f.sum.Gates = append(f.sum.Gates, g)
	gf.n++
}

// evidence records what the expression n depends on: the calls in it, the
// parameters' properties and environment variables it reads, and the same
// for the initialisers of the local variables it reads. Nested functions
// are not entered: they do not run as the condition is evaluated.
func (f *file) evidence(n *sitter.Node, gf *gateFunc, g *Gate, budget *int, depth int, followed map[string]bool) {
	if n == nil || *budget <= 0 {
		return
	}
	*budget--
	switch n.Type() {
	case "arrow_function", "function_expression", "function", "class", "generator_function":
		return
	case "call_expression":
		f.gateCall(n, gf, g)
	case "member_expression":
		obj := n.ChildByFieldName("object")
		prop := n.ChildByFieldName("property")
		if obj != nil && prop != nil {
			o := unwrapExpr(obj)
			switch {
			case o.Type() == "identifier" && gf.params[f.text(o)]:
				g.ParamProps = addName(g.ParamProps, f.text(prop))
			case o.Type() == "member_expression" && f.text(o) == "process.env":
				g.Env = addName(g.Env, f.text(prop))
				return
			}
		}
	case "identifier":
		name := f.text(n)
		if gf.params[name] || followed[name] || depth >= maxFollow {
			return
		}
		followed[name] = true
		if init := f.localInit(n, gf); init != nil {
			f.evidence(init, gf, g, budget, depth+1, followed)
		}
		return
	}
	for i := range int(n.NamedChildCount()) {
		f.evidence(n.NamedChild(i), gf, g, budget, depth, followed)
	}
}

func addName(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// localInit returns the initialiser of the variable that id reads, when it
// is declared in the function before id (destructuring included: the whole
// initialiser is returned for `const { data: { user } } = await …`).
func (f *file) localInit(id *sitter.Node, gf *gateFunc) *sitter.Node {
	name := f.text(id)
	use := int(id.StartByte())
	var best *sitter.Node
	eachWord(f.src, name, gf.from, use, func(start int) bool {
		n := f.nodeAt(start, start+len(name))
		if n == nil || int(n.StartByte()) != start || int(n.EndByte()) != start+len(name) {
			return true
		}
		if t := n.Type(); t != "identifier" && t != "shorthand_property_identifier_pattern" {
			return true
		}
		d, ok := f.declOf(n)
		if !ok || !d.covers(use) {
			return true
		}
		p := n.Parent()
		for k := 0; p != nil && k < 8; k++ {
			if p.Type() == "variable_declarator" {
				if v := p.ChildByFieldName("value"); v != nil {
					best = v
				}
				break
			}
			p = p.Parent()
		}
		return true
	})
	return best
}

// gateCall records a call a gate depends on.
func (f *file) gateCall(call *sitter.Node, gf *gateFunc, g *Gate) {
	fn := call.ChildByFieldName("function")
	if fn == nil {
		return
	}
	callee := f.calleeChain(fn, 0)
	if len(callee) > maxCallee {
		callee = callee[:maxCallee]
	}
	gc := GateCall{Callee: callee, Import: -1, Func: -1, Off: int(call.StartByte())}
	x := fn
	for k := 0; x != nil && k < 16; k++ {
		switch x.Type() {
		case "member_expression":
			x = x.ChildByFieldName("object")
			continue
		case "call_expression":
			x = x.ChildByFieldName("function")
			continue
		case "parenthesized_expression", "await_expression", "non_null_expression", "as_expression":
			x = x.NamedChild(0)
			continue
		case "identifier":
			name := f.text(x)
			if i, _, ok := f.importBinding(name); ok {
				gc.Import = i
			} else {
				for i, fn := range f.sum.Funcs {
					if fn.Name == name {
						gc.Func = i
						break
					}
				}
			}
		}
		break
	}
	for _, a := range argList(call) {
		a = unwrapExpr(a)
		switch a.Type() {
		case "identifier":
			gc.PassesParam = gc.PassesParam || gf.params[f.text(a)]
		case "object":
			for i := range int(a.NamedChildCount()) {
				c := a.NamedChild(i)
				switch c.Type() {
				case "shorthand_property_identifier":
					gc.PassesParam = gc.PassesParam || gf.params[f.text(c)]
				case "pair":
					if v := c.ChildByFieldName("value"); v != nil && unwrapExpr(v).Type() == "identifier" {
						gc.PassesParam = gc.PassesParam || gf.params[f.text(unwrapExpr(v))]
					}
				}
			}
		}
	}
	g.Calls = append(g.Calls, gc)
}

// calleeChain renders a callee as names and empty calls:
// `(await cookies()).get` is "cookies().get", anything else "?".
func (f *file) calleeChain(n *sitter.Node, depth int) string {
	if n == nil || depth > 8 {
		return "?"
	}
	switch n.Type() {
	case "identifier", "this", "super":
		return f.text(n)
	case "member_expression":
		prop := n.ChildByFieldName("property")
		if prop == nil {
			return "?"
		}
		return f.calleeChain(n.ChildByFieldName("object"), depth+1) + "." + f.text(prop)
	case "call_expression":
		return f.calleeChain(n.ChildByFieldName("function"), depth+1) + "()"
	case "parenthesized_expression", "await_expression", "non_null_expression", "as_expression", "satisfies_expression":
		return f.calleeChain(n.NamedChild(0), depth+1)
	}
	return "?"
}
