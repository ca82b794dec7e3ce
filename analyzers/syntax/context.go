package syntax

import (
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// where is the outcome of looking at a node's ancestors.
type where struct {
	// Context is the most browser-only context among the enclosing
	// functions: an effect anywhere above wins over a plain function.
	Context Context
	// NextDynamic is the next/dynamic call whose loader encloses the node.
	NextDynamic *sitter.Node
	// Outer is the context of the next/dynamic call itself.
	Outer Context
	// Guarded: a browser-only check dominates the node.
	Guarded bool
	// Caught: the node runs as part of the block of a try statement that
	// has a catch clause (not in a function defined there), so an error it
	// throws is caught.
	Caught bool
}

var effectHooks = map[string]bool{"useEffect": true, "useLayoutEffect": true, "useInsertionEffect": true}

func isFunctionNode(t string) bool {
	switch t {
	case "arrow_function", "function_expression", "function", "function_declaration",
		"generator_function", "generator_function_declaration", "method_definition":
		return true
	}
	return false
}

// skipParens returns the outermost parenthesized_expression wrapping n (or n).
func skipParensUp(n *sitter.Node) *sitter.Node {
	for {
		p := n.Parent()
		if p == nil || p.Type() != "parenthesized_expression" {
			return n
		}
		n = p
	}
}

// calleeName returns the last name of a call's callee: useEffect for
// useEffect(...) and React.useEffect(...).
func (f *file) calleeName(call *sitter.Node) string {
	fn := call.ChildByFieldName("function")
	if fn == nil {
		return ""
	}
	switch fn.Type() {
	case "identifier":
		return f.text(fn)
	case "member_expression":
		if p := fn.ChildByFieldName("property"); p != nil {
			return f.text(p)
		}
	}
	return ""
}

// functionContext classifies one function node by how it is used.
// iife reports a function called where it is defined, which runs in the
// enclosing context. up holds fn's ancestors, root first and parent last
// (see ancestors: Parent() is a walk from the root in tree-sitter).
func (f *file) functionContext(fn *sitter.Node, up []*sitter.Node) (ctx Context, iife bool, dynCall *sitter.Node) {
	if fn.Type() == "method_definition" {
		if name := fn.ChildByFieldName("name"); name != nil && isHandlerName(f.text(name)) {
			return CtxHandler, false, nil
		}
		return CtxFunction, false, nil
	}
	// above(k) is fn's k-th ancestor.
	above := func(k int) *sitter.Node {
		if k > len(up) {
			return nil
		}
		return up[len(up)-k]
	}
	outer, k := fn, 1
	for a := above(k); a != nil && a.Type() == "parenthesized_expression"; a = above(k) {
		outer = a
		k++
	}
	p := above(k)
	if p == nil {
		return CtxFunction, false, nil
	}
	switch p.Type() {
	case "call_expression":
		if c := p.ChildByFieldName("function"); c != nil && c.Equal(outer) {
			return CtxModule, true, nil
		}
	case "member_expression":
		// (function () { … }).call(this) and .apply(…) are IIFEs too.
		if prop := p.ChildByFieldName("property"); prop != nil {
			if m := f.text(prop); m == "call" || m == "apply" {
				if call := above(k + 1); call != nil && call.Type() == "call_expression" && isField(call, "function", p) {
					return CtxModule, true, nil
				}
			}
		}
	case "public_field_definition":
		// class A { handleClick = () => … }
		if name := p.ChildByFieldName("name"); name != nil && isHandlerName(f.text(name)) {
			return CtxHandler, false, nil
		}
	case "arguments":
		call := above(k + 1)
		if call != nil && call.Type() == "call_expression" {
			name := f.calleeName(call)
			argv := namedNonComment(p)
			first := len(argv) > 0 && argv[0].Equal(outer)
			switch {
			case effectHooks[name] && first:
				return CtxEffect, false, nil
			case name == "addEventListener" || name == "requestAnimationFrame" || name == "requestIdleCallback":
				return CtxHandler, false, nil
			case first && f.dynamicLocals[name] && call.ChildByFieldName("function").Type() == "identifier":
				return CtxFunction, false, call
			}
		}
	case "jsx_expression":
		if attr := above(k + 1); attr != nil && attr.Type() == "jsx_attribute" {
			if name := attr.NamedChild(0); name != nil && isHandlerName(f.text(name)) {
				return CtxHandler, false, nil
			}
		}
	case "variable_declarator":
		if name := p.ChildByFieldName("name"); name != nil && isHandlerName(f.text(name)) {
			return CtxHandler, false, nil
		}
	case "pair":
		if k := p.ChildByFieldName("key"); k != nil && isHandlerName(unquote(f.text(k))) {
			return CtxHandler, false, nil
		}
	}
	if fn.Type() == "function_declaration" {
		if name := fn.ChildByFieldName("name"); name != nil && isHandlerName(f.text(name)) {
			return CtxHandler, false, nil
		}
	}
	return CtxFunction, false, nil
}

// isHandlerName matches onClick, handleSubmit, onConnect: names people give
// to functions that only the browser calls.
func isHandlerName(s string) bool {
	for _, pre := range []string{"on", "handle"} {
		if strings.HasPrefix(s, pre) && len(s) > len(pre) && s[len(pre)] >= 'A' && s[len(pre)] <= 'Z' {
			return true
		}
	}
	return false
}

// contextOf walks up from n and says when it runs.
func (f *file) contextOf(n *sitter.Node) where {
	var w where
	w.Context = CtxModule
	inDynamic := false
	// deferred: a function (or instance field) between n and cur runs
	// later, outside any try statement above it.
	deferred := false
	path := f.ancestors(n)
	for i := len(path); i >= 0; i-- {
		cur := n
		if i < len(path) {
			cur = path[i]
		}
		t := cur.Type()
		switch {
		case t == "try_statement":
			if !deferred && i < len(path) && cur.ChildByFieldName("handler") != nil {
				below := n
				if i+1 < len(path) {
					below = path[i+1]
				}
				if isField(cur, "body", below) {
					w.Caught = true
				}
			}
		case isFunctionNode(t):
			ctx, iife, dyn := f.functionContext(cur, path[:i])
			if iife {
				continue
			}
			deferred = true
			if dyn != nil && w.NextDynamic == nil && w.Context == CtxModule {
				w.NextDynamic = dyn
				inDynamic = true
				// The loader's own context does not apply to the import; what
				// matters is where dynamic() is called.
				w.Outer = CtxModule
				continue
			}
			if inDynamic {
				w.Outer = stronger(w.Outer, ctx)
			} else {
				w.Context = stronger(w.Context, ctx)
			}
		case t == "public_field_definition":
			// Instance fields run at construction; static ones with the class.
			if !hasKeyword(cur, "static") {
				deferred = true
				if inDynamic {
					w.Outer = stronger(w.Outer, CtxFunction)
				} else {
					w.Context = stronger(w.Context, CtxFunction)
				}
			}
		}
	}
	w.Guarded = f.guardedOn(n, path, false)
	return w
}

// stronger orders contexts: browser-only beats function beats module.
func stronger(a, b Context) Context {
	rank := func(c Context) int {
		switch c {
		case CtxEffect, CtxHandler:
			return 2
		case CtxFunction:
			return 1
		}
		return 0
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}
