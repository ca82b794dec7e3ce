package syntax

import (
	"bytes"

	sitter "github.com/smacker/go-tree-sitter"
)

// SharedEnv is an environment object built by a validation library meant
// for both sides, t3-env's `export const env = createEnv({ server: {…},
// client: {…}, runtimeEnv: {…} })`: the library hands the server variables
// out on the server only and throws when browser code reads one.
type SharedEnv struct {
	// Name is the module-level binding holding the object (`env`).
	Name string
	// Server are the keys of the `server` schema.
	Server []string
	Span   Span // the createEnv call
}

// MemberRead is `b.NAME` where b is a value imported from a first-party
// module and NAME is written in capitals (an environment variable's shape),
// so that a read of a SharedEnv's server key from another module is seen.
type MemberRead struct {
	Local  string
	Member string
	Import int  // index into Summary.Imports
	Span   Span // the whole member expression
	// Context and Guarded are as for GlobalRef; ServerOnly and ServerData
	// as for EnvRef.
	Context    Context
	Guarded    bool
	ServerOnly bool
	ServerData bool
}

// sharedEnv fills Summary.SharedEnvs and Summary.MemberReads.
func (f *file) sharedEnv() {
	if bytes.Contains(f.src, []byte("createEnv")) {
		f.createEnvCalls()
	}
	var set wordSet
	importOf := map[string]int{}
	for i, imp := range f.sum.Imports {
		if imp.Kind != ImportStatic || imp.TypeOnly || isBare(imp.Spec) {
			continue
		}
		for _, b := range imp.Bindings {
			if _, dup := importOf[b.Local]; !dup {
				importOf[b.Local] = i
				set.add(b.Local, wantLocal)
			}
		}
	}
	if len(importOf) == 0 {
		return
	}
	for _, h := range set.scan(f.src) {
		member, ok := capsMember(f.src, h.end)
		if !ok {
			continue
		}
		id := f.nodeAt(h.start, h.end)
		if id == nil || id.Type() != "identifier" || int(id.StartByte()) != h.start || int(id.EndByte()) != h.end {
			continue
		}
		me := id.Parent()
		if me == nil || me.Type() != "member_expression" {
			continue
		}
		if obj := me.ChildByFieldName("object"); obj == nil || obj.StartByte() != id.StartByte() || obj.EndByte() != id.EndByte() {
			continue
		}
		if p := me.ChildByFieldName("property"); p == nil || f.text(p) != member {
			continue
		}
		if parent := me.Parent(); parent != nil && parent.Type() == "assignment_expression" {
			if l := parent.ChildByFieldName("left"); l != nil && l.StartByte() == me.StartByte() && l.EndByte() == me.EndByte() {
				continue // a write
			}
		}
		name := string(f.src[h.start:h.end])
		if _, binding := f.bindingOf(id, me); binding {
			continue
		}
		w := f.refWhere(id)
		sp := span(me)
		f.sum.MemberReads = append(f.sum.MemberReads, MemberRead{
			Local: name, Member: member, Import: importOf[name], Span: sp,
			Context: w.Context, Guarded: w.Guarded, ServerOnly: f.serverGuarded(id), ServerData: f.inServerData(sp.Start),
		})
	}
}

// capsMember reads `.NAME` or `?.NAME` at src[at:], NAME in capitals,
// digits and underscores, starting with a capital.
func capsMember(src []byte, at int) (string, bool) {
	if bytes.HasPrefix(src[at:], []byte("?.")) {
		at += 2
	} else if at < len(src) && src[at] == '.' {
		at++
	} else {
		return "", false
	}
	end := at
	for end < len(src) && (src[end] >= 'A' && src[end] <= 'Z' || src[end] == '_' || end > at && src[end] >= '0' && src[end] <= '9') {
		end++
	}
	if end == at || src[at] == '_' || end < len(src) && identPart[src[end]] {
		return "", false
	}
	return string(src[at:end]), true
}

// createEnvCalls records `const NAME = createEnv({ server: {…} })` at the
// top level (exported there or by an export clause).
func (f *file) createEnvCalls() {
	eachWord(f.src, "createEnv", 0, len(f.src), func(start int) bool {
		id := f.nodeAt(start, start+len("createEnv"))
		if id == nil || id.Type() != "identifier" || int(id.StartByte()) != start {
			return true
		}
		call := id.Parent()
		if call == nil || call.Type() != "call_expression" {
			return true
		}
		if fn := call.ChildByFieldName("function"); fn == nil || fn.StartByte() != id.StartByte() || fn.EndByte() != id.EndByte() {
			return true
		}
		decl := call.Parent()
		for decl != nil && (decl.Type() == "as_expression" || decl.Type() == "satisfies_expression" || decl.Type() == "parenthesized_expression") {
			decl = decl.Parent()
		}
		if decl == nil || decl.Type() != "variable_declarator" {
			return true
		}
		name := decl.ChildByFieldName("name")
		if name == nil || name.Type() != "identifier" {
			return true
		}
		args := call.ChildByFieldName("arguments")
		if args == nil {
			return true
		}
		var obj *sitter.Node
		for i := range int(args.NamedChildCount()) {
			if c := args.NamedChild(i); c.Type() == "object" {
				obj = c
				break
			}
		}
		if obj == nil {
			return true
		}
		se := SharedEnv{Name: f.text(name), Span: span(call)}
		if server := objectProp(f, obj, "server"); server != nil && server.Type() == "object" {
			se.Server = f.objectKeys(server)
		}
		f.sum.SharedEnvs = append(f.sum.SharedEnvs, se)
		return true
	})
}

// objectProp returns the value of the property key of an object literal.
func objectProp(f *file, obj *sitter.Node, key string) *sitter.Node {
	for i := range int(obj.NamedChildCount()) {
		c := obj.NamedChild(i)
		if c.Type() != "pair" {
			continue
		}
		if k := c.ChildByFieldName("key"); k != nil && unquote(f.text(k)) == key {
			return c.ChildByFieldName("value")
		}
	}
	return nil
}

// objectKeys lists the plain keys of an object literal.
func (f *file) objectKeys(obj *sitter.Node) []string {
	var out []string
	for i := range int(obj.NamedChildCount()) {
		c := obj.NamedChild(i)
		switch c.Type() {
		case "pair":
			if k := c.ChildByFieldName("key"); k != nil && k.Type() != "computed_property_name" {
				out = append(out, unquote(f.text(k)))
			}
		case "shorthand_property_identifier":
			out = append(out, f.text(c))
		}
	}
	return out
}
