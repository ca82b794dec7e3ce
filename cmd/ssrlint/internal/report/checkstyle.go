package report

import (
	"encoding/xml"
	"io"
)

// checkstyleVersion is the format version Checkstyle-reading tools (Jenkins
// Warnings NG, reviewdog, Sonar importers) expect; ESLint writes the same.
const checkstyleVersion = "4.3"

type csReport struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []csFile `xml:"file"`
}

type csFile struct {
	Name   string    `xml:"name,attr"`
	Errors []csError `xml:"error"`
}

type csError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// writeCheckstyle writes a Checkstyle XML report: one <file> per file with
// findings, in path order, one <error> per finding. Columns are bytes, as in
// the text format. A finding without a position is listed under the file
// name ".", the scanned root.
func writeCheckstyle(w io.Writer, items []item) error {
	doc := csReport{Version: checkstyleVersion, Files: []csFile{}}
	index := map[string]int{}
	for _, it := range items {
		name := "."
		e := csError{Severity: string(it.sev), Message: longMessage(it), Source: toolName}
		if it.rule != "" {
			e.Source = toolName + "." + it.rule
		}
		if it.at.valid {
			name, e.Line, e.Column = it.at.path, it.at.line, it.at.col
		}
		i, ok := index[name]
		if !ok {
			i = len(doc.Files)
			index[name] = i
			doc.Files = append(doc.Files, csFile{Name: name})
		}
		doc.Files[i].Errors = append(doc.Files[i].Errors, e)
	}
	return writeXML(w, doc)
}

func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
