package clientcleanup

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
	"github.com/ssrlint/ssrlint/rules"
)

// Analyzer reports effects that create an SDK client, or start a call,
// without a cleanup that ends it.
var Analyzer = &analysis.Analyzer{
	Name:     "clientcleanup",
	Doc:      "report effects that create an SDK client without disconnecting it\n\nA useEffect that creates a SignalWire client (or dials a call, or joins a room) must return a cleanup that disconnects it (`return () => c.disconnect()`); otherwise every remount and dependency change leaves a connected client behind.",
	URL:      "https://github.com/ssrlint/ssrlint/blob/main/rules/clientcleanup.md",
	Requires: []*analysis.Analyzer{ssrgraph.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	g := pass.ResultOf[ssrgraph.Analyzer].(*ssrgraph.Graph)
	pkgs := rules.Packages()
	for _, m := range g.Modules {
		if len(m.Sum.Effects) == 0 {
			continue
		}
		sdkFile := false
		for _, imp := range m.Sum.Imports {
			if _, ok := pkgs.IsBrowserOnly(imp.Spec); ok {
				sdkFile = true
			}
		}
		// Components whose cleanup disconnects in some effect: the client
		// may be kept in state and torn down by a sibling effect.
		tornDown := map[syntax.Span]bool{}
		for _, e := range m.Sum.Effects {
			if e.Cleanup == syntax.CleanupTeardown && e.Owner.End > 0 {
				tornDown[e.Owner] = true
			}
		}
		var src []byte
		for _, e := range m.Sum.Effects {
			if e.Cleanup == syntax.CleanupTeardown || e.Cleanup == syntax.CleanupUnknown || tornDown[e.Owner] {
				continue
			}
			u, name, ok := creation(m, pkgs, e)
			var start *syntax.EffectCall
			if !ok && sdkFile && len(e.Starts) > 0 {
				start = &e.Starts[0]
			}
			if !ok && start == nil {
				continue
			}
			if src == nil {
				var err error
				if src, err = pass.ReadFile(m.Path); err != nil {
					return nil, err
				}
			}
			if start != nil {
				report(pass, m, start.Span, startMessage(src, e, *start), nil)
				continue
			}
			call := name + "(...)"
			if u.New {
				call = "new " + call
			}
			v := clientVar(e, u)
			report(pass, m, u.Span, createMessage(e, call, v), fix(m, src, e, u, name, v))
		}
	}
	return nil, nil
}

func report(pass *analysis.Pass, m *ssrgraph.Module, s syntax.Span, msg string, fixes []analysis.SuggestedFix) {
	start, end := m.Range(s)
	pass.Report(analysis.Diagnostic{Pos: start, End: end, Message: msg, SuggestedFixes: fixes})
}

// creation returns the first SDK client constructor called in e's callback.
// The WebRTC helpers (device lists, permission checks) hold no connection.
func creation(m *ssrgraph.Module, pkgs *rules.PackageData, e syntax.Effect) (syntax.BindingUse, string, bool) {
	for _, u := range m.Sum.BindingUses {
		if u.Span.Start < e.Body.Start || u.Span.End > e.Body.End {
			continue
		}
		if _, name, ok := ssrgraph.SDKConstructor(m, u, pkgs); ok && !strings.HasPrefix(name, "WebRTC.") {
			return u, name, true
		}
	}
	return syntax.BindingUse{}, "", false
}

// clientVar is the name of the const the client is assigned to in the
// effect's body, or "".
func clientVar(e syntax.Effect, u syntax.BindingUse) string {
	for _, v := range e.Vars {
		if v.Value == u.Span {
			return v.Name
		}
	}
	return ""
}

// problem says what is wrong with the effect's cleanup.
func problem(e syntax.Effect) string {
	switch {
	case e.Async:
		return fmt.Sprintf("an async %s callback, which returns a promise, never a cleanup", e.Hook)
	case e.Cleanup == syntax.CleanupOther:
		return fmt.Sprintf("this %s, whose cleanup does not end it", e.Hook)
	}
	return fmt.Sprintf("this %s, which returns no cleanup", e.Hook)
}

const leak = "every remount (twice on mount in Strict Mode) and every change of the effect's dependencies leaves another client connected, with its WebSocket and media"

func createMessage(e syntax.Effect, call, v string) string {
	todo := "return a cleanup that disconnects it"
	if v != "" {
		todo = fmt.Sprintf("return () => %s.disconnect()", v)
	}
	if e.Async {
		todo = "create it in a synchronous effect (await inside an inner async function) and " + todo
	}
	return fmt.Sprintf("%s creates a client in %s: %s; %s", call, problem(e), leak, todo)
}

func startMessage(src []byte, e syntax.Effect, s syntax.EffectCall) string {
	callee := "." + s.Name + "(...)"
	if s.Span.End <= len(src) {
		text := string(src[s.Span.Start:s.Span.End])
		if i := strings.Index(text, "("); i > 0 && i <= 60 {
			callee = strings.Join(strings.Fields(text[:i]), "") + "(...)"
		}
	}
	what, end := "starts a call", "hangup()"
	if s.Name == "join" {
		what, end = "joins a room", "leave()"
	}
	return fmt.Sprintf("%s %s in %s: %s; return a cleanup that calls %s or disconnect()", callee, what, problem(e), leak, end)
}

// fix appends `return () => c.disconnect();` to an effect that creates a
// v4 client as a const and returns nothing: the seed document's form.
func fix(m *ssrgraph.Module, src []byte, e syntax.Effect, u syntax.BindingUse, name, v string) []analysis.SuggestedFix {
	if name != "SignalWire" || !u.New || v == "" || e.Async || e.Cleanup != syntax.CleanupNone || e.End <= 0 || e.End > len(src) {
		return nil
	}
	at := e.End
	for at > e.Body.Start && strings.ContainsRune(" \t\r\n", rune(src[at-1])) {
		at--
	}
	stmt := fmt.Sprintf("return () => %s.disconnect();", v)
	text := "\n" + e.Indent + stmt
	if !strings.Contains(string(src[at:e.End]), "\n") {
		// A one-line body: stay on the line, after a semicolon.
		text = " " + stmt
		if c := src[at-1]; c != ';' && c != '}' && c != '{' {
			text = ";" + text
		}
	}
	return []analysis.SuggestedFix{{
		Message:   fmt.Sprintf("disconnect %s in the effect's cleanup", v),
		TextEdits: []analysis.TextEdit{{Pos: m.Pos(at), End: m.Pos(at), NewText: []byte(text)}},
	}}
}
