package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSession drives the server over pipes through a whole editing
// session: a finding appears in a file the edit did not touch, goes away
// again, a code action's fix is applied, non-ASCII text before a finding,
// watched-file and config changes, shutdown and exit.
func TestSession(t *testing.T) {
	root := copyFixture(t, "web")
	c := startServer(t, Options{})
	init := c.initialize(root, true, map[string]any{"debounceMs": 5})
	if got := init.Capabilities.TextDocumentSync.Change; got != SyncIncremental {
		t.Fatalf("textDocumentSync.change = %d, want incremental", got)
	}
	if init.Capabilities.PositionEncoding != "utf-16" {
		t.Fatalf("positionEncoding = %q", init.Capabilities.PositionEncoding)
	}

	roomPath := filepath.Join(root, "app/_components/room.tsx")
	roomURI := uriOf(roomPath)
	swURI := uriOf(filepath.Join(root, "lib/sw.ts"))
	pageURI := uriOf(filepath.Join(root, "app/page.tsx"))
	room := readFile(t, roomPath)
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: roomURI, LanguageID: "typescriptreact", Version: 1, Text: room}})

	// Deleting "use client" (an incremental edit, unsaved) makes room.tsx a
	// Server Component's import, so lib/sw.ts — not open, not edited — now
	// imports the SDK on the server.
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: roomURI, Version: 2},
		ContentChanges: []TextDocumentContentChangeEvent{{Range: &Range{Start: Position{0, 0}, End: Position{1, 0}}, Text: ""}},
	})
	p := c.waitDiags(swURI, hasCode("serverimport"))
	if len(p.Diagnostics) != 1 {
		t.Fatalf("lib/sw.ts: want 1 diagnostic, got %s", mustJSON(p.Diagnostics))
	}
	d := p.Diagnostics[0]
	if d.Source != "ssrlint" || d.Severity != SeverityError || d.CodeDescription == nil || !strings.HasSuffix(d.CodeDescription.Href, "/rules/serverimport.md") {
		t.Errorf("diagnostic fields: %s", mustJSON(d))
	}
	if want := (Range{Start: Position{0, 0}, End: Position{0, 44}}); d.Range != want {
		t.Errorf("range = %v, want %v", d.Range, want)
	}
	if p.Version != nil {
		t.Errorf("version %d published for a file that is not open", *p.Version)
	}
	var trace []string
	for _, r := range d.RelatedInformation {
		trace = append(trace, r.Message)
	}
	wantTrace := []string{"import trace starts at app/page.tsx", "imports app/_components/room.tsx", "imports lib/sw.ts", "imports @signalwire/js"}
	if strings.Join(trace, "|") != strings.Join(wantTrace, "|") {
		t.Errorf("related information = %q, want %q", trace, wantTrace)
	}
	if len(d.RelatedInformation) == 4 {
		if r := d.RelatedInformation[0].Location; r.URI != pageURI {
			t.Errorf("trace starts at %s, want %s", r.URI, pageURI)
		}
		if r := d.RelatedInformation[1].Location; r.URI != pageURI || r.Range.Start.Line != 0 {
			t.Errorf("second step at %v, want app/page.tsx line 0", r)
		}
	}

	// Putting "use client" back clears lib/sw.ts.
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: roomURI, Version: 3},
		ContentChanges: []TextDocumentContentChangeEvent{{Range: &Range{Start: Position{0, 0}, End: Position{0, 0}}, Text: "\"use client\";\n"}},
	})
	c.waitDiags(swURI, isEmpty)

	// A bogus typeof guard at module scope of the client component: a
	// moduleglobal finding with a suggested fix, offered as a code action.
	text := room
	guard := "if (typeof window !== undefined) console.log(\"ready\");\n"
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: roomURI, Version: 4},
		ContentChanges: []TextDocumentContentChangeEvent{{Range: &Range{Start: Position{4, 0}, End: Position{4, 0}}, Text: guard}},
	})
	text = edit(t, text, []TextEdit{{Range: Range{Start: Position{4, 0}, End: Position{4, 0}}, NewText: guard}})
	p = c.waitDiags(roomURI, hasCode("moduleglobal"))
	if p.Version == nil || *p.Version != 4 {
		t.Errorf("published version = %v, want 4", p.Version)
	}
	d = p.Diagnostics[0]
	if d.Range.Start.Line != 4 {
		t.Fatalf("moduleglobal finding on line %d, want 4: %s", d.Range.Start.Line, mustJSON(d))
	}
	var actions []CodeAction
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": TextDocumentIdentifier{URI: roomURI},
		"range":        Range{Start: d.Range.Start, End: d.Range.Start},
		"context":      map[string]any{"diagnostics": []Diagnostic{d}},
	}, &actions)
	var fix, ignore *CodeAction
	for i := range actions {
		switch {
		case strings.HasPrefix(actions[i].Title, "Ignore moduleglobal"):
			ignore = &actions[i]
		case fix == nil:
			fix = &actions[i]
		}
	}
	if fix == nil || ignore == nil {
		t.Fatalf("want a fix and an ignore action, got %s", mustJSON(actions))
	}
	if got := ignore.Edit.Changes[roomURI]; len(got) != 1 || got[0].NewText != "// ssrlint-ignore moduleglobal -- <reason>\n" || got[0].Range.Start != (Position{4, 0}) {
		t.Errorf("ignore edit = %s", mustJSON(got))
	}
	// Apply the fix as the client would, and send it as an incremental edit.
	edits := fix.Edit.Changes[roomURI]
	if len(edits) == 0 {
		t.Fatalf("fix %q has no edit in room.tsx: %s", fix.Title, mustJSON(fix))
	}
	fixed := edit(t, text, edits)
	if !strings.Contains(fixed, `typeof window !== "undefined"`) {
		t.Errorf("fixed text:\n%s", fixed)
	}
	var changes []TextDocumentContentChangeEvent
	for i := len(edits) - 1; i >= 0; i-- {
		changes = append(changes, TextDocumentContentChangeEvent{Range: &edits[i].Range, Text: edits[i].NewText})
	}
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{TextDocument: VersionedTextDocumentIdentifier{URI: roomURI, Version: 5}, ContentChanges: changes})
	c.waitDiags(roomURI, isEmpty)

	// Non-ASCII text before the finding on its line: columns are UTF-16
	// code units (📞 is two, é one), not bytes. A whole-document change.
	roomsPath := filepath.Join(root, "app/rooms/page.tsx")
	roomsURI := uriOf(roomsPath)
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: roomsURI, LanguageID: "typescriptreact", Version: 1, Text: readFile(t, roomsPath)}})
	rooms := "/* 📞 café */ import { SignalWire } from \"@signalwire/js\";\nexport default function Rooms() {\n  return <h1>{String(SignalWire)}</h1>;\n}\n"
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{TextDocument: VersionedTextDocumentIdentifier{URI: roomsURI, Version: 2}, ContentChanges: []TextDocumentContentChangeEvent{{Text: rooms}}})
	p = c.waitDiags(roomsURI, hasCode("serverimport"))
	if want := (Range{Start: Position{0, 14}, End: Position{0, 58}}); p.Diagnostics[0].Range != want {
		t.Errorf("range after non-ASCII text = %v, want %v", p.Diagnostics[0].Range, want)
	}
	if len(p.Diagnostics[0].RelatedInformation) != 2 {
		t.Errorf("trace of a finding in the entry: %s", mustJSON(p.Diagnostics[0].RelatedInformation))
	}

	// A syntax error later in the file: what parses is still diagnosed.
	broken := rooms + "export function Broken( {\n  return <div\n"
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{TextDocument: VersionedTextDocumentIdentifier{URI: roomsURI, Version: 3}, ContentChanges: []TextDocumentContentChangeEvent{{Text: broken}}})
	p = c.waitDiags(roomsURI, func(p PublishDiagnosticsParams) bool { return p.Version != nil && *p.Version == 3 })
	if !hasCode("serverimport")(p) {
		t.Errorf("mid-edit syntax error: the import is no longer reported: %s", mustJSON(p))
	}

	// "Ignore this rule on this line": the comment goes on its own line
	// above the finding, and the finding is gone once it is there.
	actions = nil
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": TextDocumentIdentifier{URI: roomsURI},
		"range":        p.Diagnostics[0].Range,
		"context":      map[string]any{"diagnostics": p.Diagnostics},
	}, &actions)
	ignore = nil
	for i := range actions {
		if actions[i].Title == "Ignore serverimport on this line" {
			ignore = &actions[i]
		}
	}
	if ignore == nil {
		t.Fatalf("no ignore action for serverimport: %s", mustJSON(actions))
	}
	ignored := edit(t, broken, ignore.Edit.Changes[roomsURI])
	if !strings.HasPrefix(ignored, "// ssrlint-ignore serverimport -- <reason>\n/* 📞 café */ import") {
		t.Errorf("after the ignore action:\n%s", ignored)
	}
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{TextDocument: VersionedTextDocumentIdentifier{URI: roomsURI, Version: 4}, ContentChanges: []TextDocumentContentChangeEvent{{Text: ignored}}})
	c.waitDiags(roomsURI, isEmpty)
	c.notify("textDocument/didClose", DidCloseTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: roomsURI}})

	// A change on disk to a file that is not open, reported by the file
	// watcher the server registered.
	c.mu.Lock()
	regs := len(c.regs)
	c.mu.Unlock()
	if regs != 1 {
		t.Errorf("server registered %d file watchers, want 1", regs)
	}
	swPath := filepath.Join(root, "lib/sw.ts")
	writeFile(t, swPath, readFile(t, swPath)+"\nexport const width = window.innerWidth;\n")
	c.notify("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams{Changes: []FileEvent{{URI: swURI, Type: FileChanged}}})
	c.waitDiags(swURI, hasCode("moduleglobal"))

	// A config change: tsconfig's @/* alias now points elsewhere, so
	// room.tsx's import of @/lib/sw no longer reaches lib/sw.ts.
	writeFile(t, filepath.Join(root, "tsconfig.json"), `{"compilerOptions": {"paths": {"@/*": ["./elsewhere/*"]}}}`)
	c.notify("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams{Changes: []FileEvent{{URI: uriOf(filepath.Join(root, "tsconfig.json")), Type: FileChanged}}})
	c.waitDiags(swURI, isEmpty)

	// A file created on disk that an open buffer already imports.
	writeFile(t, filepath.Join(root, "tsconfig.json"), `{"compilerOptions": {"paths": {"@/*": ["./*"]}}}`)
	c.notify("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams{Changes: []FileEvent{{URI: uriOf(filepath.Join(root, "tsconfig.json")), Type: FileChanged}}})
	c.waitDiags(swURI, hasCode("moduleglobal"))
	withExtra := "import \"./extra\";\n" + fixed
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{TextDocument: VersionedTextDocumentIdentifier{URI: roomURI, Version: 6}, ContentChanges: []TextDocumentContentChangeEvent{{Text: withExtra}}})
	extraPath := filepath.Join(root, "app/_components/extra.ts")
	writeFile(t, extraPath, "export const h = location.hostname;\n")
	c.notify("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams{Changes: []FileEvent{{URI: uriOf(extraPath), Type: FileCreated}}})
	c.waitDiags(uriOf(extraPath), hasCode("moduleglobal"))

	var null any
	c.call("shutdown", nil, &null)
	c.notify("exit", nil)
	if code := <-c.exit; code != 0 {
		t.Errorf("exit code after shutdown = %d, want 0", code)
	}
}

func readFile(t testing.TB, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t testing.TB, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDiskChangesWithoutWatcher: a client that does not watch files still
// gets findings from files changed on disk behind its back, once anything
// makes the server analyse again.
func TestDiskChangesWithoutWatcher(t *testing.T) {
	root := copyFixture(t, "web")
	c := startServer(t, Options{})
	c.initialize(root, false, nil)
	roomPath := filepath.Join(root, "app/_components/room.tsx")
	roomURI := uriOf(roomPath)
	room := readFile(t, roomPath)
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: roomURI, LanguageID: "typescriptreact", Version: 1, Text: room}})
	swPath := filepath.Join(root, "lib/sw.ts")
	writeFile(t, swPath, readFile(t, swPath)+"\nexport const width = window.innerWidth;\n")
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: roomURI, Version: 2},
		ContentChanges: []TextDocumentContentChangeEvent{{Text: room + "\n"}},
	})
	c.waitDiags(uriOf(swPath), hasCode("moduleglobal"))
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.regs) != 0 {
		t.Errorf("registered file watchers with a client that cannot take them: %v", c.regs)
	}
}

// TestWorkspaceFolders: two folders, each an app; an edit in one reports in
// that one only, and removing a folder clears its diagnostics.
func TestWorkspaceFolders(t *testing.T) {
	a, b := copyFixture(t, "web"), copyFixture(t, "web")
	c := startServer(t, Options{})
	var res InitializeResult
	c.call("initialize", map[string]any{
		"processId":        nil,
		"workspaceFolders": []WorkspaceFolder{{URI: uriOf(a), Name: "a"}, {URI: uriOf(b), Name: "b"}},
		"capabilities":     map[string]any{},
	}, &res)
	c.notify("initialized", map[string]any{})
	if !res.Capabilities.Workspace.WorkspaceFolders.ChangeNotifications {
		t.Error("server does not ask for workspace folder changes")
	}
	room := filepath.Join(b, "app/_components/room.tsx")
	text := readFile(t, room)
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uriOf(room), LanguageID: "typescriptreact", Version: 1, Text: strings.TrimPrefix(text, "\"use client\";\n")}})
	swB := uriOf(filepath.Join(b, "lib/sw.ts"))
	c.waitDiags(swB, hasCode("serverimport"))
	// The same edit on disk in a: its finding is published too, b's stays.
	writeFile(t, filepath.Join(a, "app/_components/room.tsx"), strings.TrimPrefix(text, "\"use client\";\n"))
	c.notify("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams{Changes: []FileEvent{{URI: uriOf(filepath.Join(a, "app/_components/room.tsx")), Type: FileChanged}}})
	c.waitDiags(uriOf(filepath.Join(a, "lib/sw.ts")), hasCode("serverimport"))
	c.notify("textDocument/didClose", DidCloseTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: uriOf(room)}})
	c.waitDiags(swB, isEmpty)
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{"added": []any{}, "removed": []WorkspaceFolder{{URI: uriOf(a), Name: "a"}}}})
	c.waitDiags(uriOf(filepath.Join(a, "lib/sw.ts")), isEmpty)
}

// TestConfigApplies: ssrlint.json decides in the editor as on the command
// line — a severity changes the published one, "off" and ignore globs
// clear findings — and editing it re-analyses.
func TestConfigApplies(t *testing.T) {
	root := copyFixture(t, "web")
	cfgPath := filepath.Join(root, "ssrlint.json")
	if err := os.WriteFile(cfgPath, []byte(`{"rules": {"serverimport": "warning"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startServer(t, Options{})
	c.initialize(root, true, map[string]any{"debounceMs": 5})
	roomPath := filepath.Join(root, "app/_components/room.tsx")
	roomURI := uriOf(roomPath)
	swURI := uriOf(filepath.Join(root, "lib/sw.ts"))
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: roomURI, LanguageID: "typescriptreact", Version: 1, Text: readFile(t, roomPath)}})
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: roomURI, Version: 2},
		ContentChanges: []TextDocumentContentChangeEvent{{Range: &Range{Start: Position{0, 0}, End: Position{1, 0}}, Text: ""}},
	})
	p := c.waitDiags(swURI, hasCode("serverimport"))
	if p.Diagnostics[0].Severity != SeverityWarning {
		t.Fatalf("configured warning published as severity %d", p.Diagnostics[0].Severity)
	}
	if err := os.WriteFile(cfgPath, []byte(`{"rules": {"serverimport": "off"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams{Changes: []FileEvent{{URI: uriOf(cfgPath), Type: FileChanged}}})
	c.waitDiags(swURI, isEmpty)
}

// TestConfigPackages: a browser-only package added in ssrlint.json is
// reported in the editor too.
func TestConfigPackages(t *testing.T) {
	root := copyFixture(t, "web")
	if err := os.WriteFile(filepath.Join(root, "ssrlint.json"), []byte(`{"packages": {"browserOnly": ["@acme/video-sdk"]}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startServer(t, Options{})
	c.initialize(root, true, map[string]any{"debounceMs": 5})
	pagePath := filepath.Join(root, "app/page.tsx")
	pageURI := uriOf(pagePath)
	text := "import { Player } from \"@acme/video-sdk\";\nconsole.log(Player);\n" + readFile(t, pagePath)
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: pageURI, LanguageID: "typescriptreact", Version: 1, Text: text}})
	p := c.waitDiags(pageURI, hasCode("serverimport"))
	if !strings.Contains(mustJSON(p.Diagnostics), "@acme/video-sdk") {
		t.Fatalf("configured package not reported: %s", mustJSON(p.Diagnostics))
	}
}
