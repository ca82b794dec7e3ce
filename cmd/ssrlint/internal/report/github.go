package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// writeGitHub prints one GitHub Actions workflow command per diagnostic:
//
//	::error file=app/page.tsx,line=1,col=1,endLine=1,endColumn=45,title=ssrlint serverimport::message%0Aimport trace: …
//
// The runner turns them into annotations on the pull request and the job
// summary. Paths are relative to Options.Root, which the caller sets to the
// workspace (the repository root) for this format. Columns are UTF-16 code
// units, as in SARIF; end columns are given only for single-line ranges,
// the only ones annotations can show.
func writeGitHub(w io.Writer, r *resolver, items []item) error {
	bw := bufio.NewWriter(w)
	for _, it := range items {
		level := "warning"
		if it.sev == SeverityError {
			level = "error"
		}
		var props []string
		if it.at.valid {
			props = append(props, "file="+escapeProperty(it.at.path), fmt.Sprintf("line=%d", it.at.line),
				fmt.Sprintf("col=%d", r.utf16Col(it.at.file, it.at.line, it.at.col)))
			if it.at.hasEnd {
				props = append(props, fmt.Sprintf("endLine=%d", it.at.endLine))
				if it.at.endLine == it.at.line {
					props = append(props, fmt.Sprintf("endColumn=%d", r.utf16Col(it.at.file, it.at.endLine, it.at.endCol)))
				}
			}
		}
		title := toolName
		if it.rule != "" {
			title += " " + it.rule
		}
		props = append(props, "title="+escapeProperty(title))
		fmt.Fprintf(bw, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(longMessage(it)))
	}
	return bw.Flush()
}

// longMessage is the message followed by the trace, notes and help, one per
// line, for formats that have a single text field.
func longMessage(it item) string {
	lines := []string{it.d.Message}
	if len(it.d.Trace) > 0 {
		lines = append(lines, "import trace: "+strings.Join(it.d.Trace, " → "))
	}
	for _, n := range it.d.Notes {
		lines = append(lines, "note: "+n)
	}
	if it.d.Help != "" {
		lines = append(lines, "help: "+it.d.Help)
	}
	if it.rule != "" {
		lines = append(lines, "see: ssrlint explain "+it.rule)
	}
	return strings.Join(lines, "\n")
}

// escapeData and escapeProperty follow the GitHub Actions toolkit's
// command encoding: data may not contain line breaks, and properties may
// not contain the ":" and "," that delimit them either.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
