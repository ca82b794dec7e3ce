package report

import (
	"encoding/json"
	"io"
	"sort"
)

// JSONVersion is the schema version written in JSONReport.Version. It
// changes only when a field is removed or changes meaning; new fields may be
// added to version 1.
const JSONVersion = 1

// JSONReport is the document written by the "json" format; schema.md in this
// directory describes the same schema for people who do not read Go.
//
// The output is one JSON object, indented, with every field always present
// (empty arrays are [], absent text is ""):
//
//	{
//	  "version": 1,
//	  "tool": {"name": "ssrlint", "version": "0.1.0"},
//	  "root": "/abs/scanned/root",
//	  "diagnostics": [ JSONDiagnostic, ... ],
//	  "summary": {"problems": 2, "errors": 1, "warnings": 1, "files": 1}
//	}
//
// Diagnostics are sorted by file, line, column and rule. File names are
// relative to root and slash-separated; a file outside root keeps its
// absolute path. Lines and columns are 1-based; columns count bytes (UTF-8),
// like Go's go/token and the text format. End positions are exclusive.
// Offsets are 0-based byte offsets into the file.
type JSONReport struct {
	Version     int              `json:"version"`
	Tool        JSONTool         `json:"tool"`
	Root        string           `json:"root"`
	Diagnostics []JSONDiagnostic `json:"diagnostics"`
	Summary     JSONSummary      `json:"summary"`
}

// JSONTool names the program that wrote a JSONReport.
type JSONTool struct {
	Name    string `json:"name"`    // always "ssrlint"
	Version string `json:"version"` // "" when unknown
}

// JSONSummary counts what a JSONReport contains.
type JSONSummary struct {
	Problems int `json:"problems"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Files    int `json:"files"` // distinct files with at least one diagnostic
}

// JSONDiagnostic is one finding.
//
//	{
//	  "rule": "serverimport",
//	  "severity": "error",            // "error" or "warning"
//	  "message": "@signalwire/js is imported by a Server Component",
//	  "file": "app/rooms/page.tsx",   // "" when the finding has no position
//	  "line": 1, "column": 1,         // 0 when the finding has no position
//	  "endLine": 1, "endColumn": 45,  // equal to line/column when there is no range
//	  "trace": ["app/rooms/page.tsx", "lib/sw.ts", "@signalwire/js"],
//	  "related": [ JSONRelated, ... ],
//	  "help": "move the SDK into a \"use client\" component",
//	  "notes": ["reported because app/page.tsx changed (line 3)"],
//	  "fixes": [ JSONFix, ... ]
//	}
type JSONDiagnostic struct {
	Rule      string        `json:"rule"`
	Severity  Severity      `json:"severity"`
	Message   string        `json:"message"`
	File      string        `json:"file"`
	Line      int           `json:"line"`
	Column    int           `json:"column"`
	EndLine   int           `json:"endLine"`
	EndColumn int           `json:"endColumn"`
	Trace     []string      `json:"trace"`
	Related   []JSONRelated `json:"related"`
	Help      string        `json:"help"`
	Notes     []string      `json:"notes"`
	Fixes     []JSONFix     `json:"fixes"`
}

// JSONRelated is a secondary position of a diagnostic, with its own message.
// Positions follow the rules of JSONDiagnostic.
type JSONRelated struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Message   string `json:"message"`
}

// JSONFix is one suggested fix: a description and the edits that make it.
// A diagnostic may offer several alternative fixes; apply at most one.
type JSONFix struct {
	Message string     `json:"message"`
	Edits   []JSONEdit `json:"edits"`
}

// JSONEdit replaces bytes [offset, endOffset) of file with newText; an
// insertion has offset == endOffset. Line and column give the same range.
// Edits of a fix are sorted by file and offset.
type JSONEdit struct {
	File      string `json:"file"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"endOffset"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	NewText   string `json:"newText"`
}

func writeJSON(w io.Writer, r *resolver, items []item, opts Options) error {
	errs, warns, files := counts(items)
	doc := JSONReport{
		Version:     JSONVersion,
		Tool:        JSONTool{Name: toolName, Version: opts.Version},
		Root:        opts.Root,
		Diagnostics: make([]JSONDiagnostic, 0, len(items)),
		Summary:     JSONSummary{Problems: len(items), Errors: errs, Warnings: warns, Files: files},
	}
	for _, it := range items {
		jd := JSONDiagnostic{
			Rule:     it.rule,
			Severity: it.sev,
			Message:  it.d.Message,
			Trace:    append([]string{}, it.d.Trace...),
			Related:  []JSONRelated{},
			Help:     it.d.Help,
			Notes:    append([]string{}, it.d.Notes...),
			Fixes:    []JSONFix{},
		}
		if it.at.valid {
			jd.File, jd.Line, jd.Column, jd.EndLine, jd.EndColumn = it.at.path, it.at.line, it.at.col, it.at.endLine, it.at.endCol
		}
		for _, rel := range it.related {
			jr := JSONRelated{Message: rel.message}
			if rel.at.valid {
				jr.File, jr.Line, jr.Column, jr.EndLine, jr.EndColumn = rel.at.path, rel.at.line, rel.at.col, rel.at.endLine, rel.at.endCol
			}
			jd.Related = append(jd.Related, jr)
		}
		for _, fix := range it.d.SuggestedFixes {
			jf := JSONFix{Message: fix.Message, Edits: []JSONEdit{}}
			for _, e := range fix.TextEdits {
				s := r.span(e.Pos, e.End)
				if !s.valid {
					continue
				}
				jf.Edits = append(jf.Edits, JSONEdit{
					File: s.path, Offset: s.offset, EndOffset: s.endOffset,
					Line: s.line, Column: s.col, EndLine: s.endLine, EndColumn: s.endCol,
					NewText: string(e.NewText),
				})
			}
			sort.SliceStable(jf.Edits, func(i, j int) bool {
				a, b := jf.Edits[i], jf.Edits[j]
				if a.File != b.File {
					return a.File < b.File
				}
				return a.Offset < b.Offset
			})
			if len(jf.Edits) > 0 {
				jd.Fixes = append(jd.Fixes, jf)
			}
		}
		doc.Diagnostics = append(doc.Diagnostics, jd)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
