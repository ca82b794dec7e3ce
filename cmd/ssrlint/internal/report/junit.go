package report

import (
	"encoding/xml"
	"fmt"
	"io"
)

type juSuites struct {
	XMLName  xml.Name  `xml:"testsuites"`
	Name     string    `xml:"name,attr"`
	Tests    int       `xml:"tests,attr"`
	Failures int       `xml:"failures,attr"`
	Errors   int       `xml:"errors,attr"`
	Suites   []juSuite `xml:"testsuite"`
}

type juSuite struct {
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Cases    []juCase `xml:"testcase"`
}

type juCase struct {
	Name      string     `xml:"name,attr"`
	Classname string     `xml:"classname,attr"`
	File      string     `xml:"file,attr,omitempty"`
	Line      int        `xml:"line,attr,omitempty"`
	Failure   *juFailure `xml:"failure"`
}

type juFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

// writeJUnit writes a JUnit XML report for CI systems that show test
// results (GitLab, Jenkins, Azure Pipelines, CircleCI): one <testsuite> per
// file with findings, one failing <testcase> per finding, named after its
// location and rule. Findings are failures, not errors: the analysis ran.
// A run without findings is one passing test case, so that the CI shows
// the check ran rather than an empty report.
func writeJUnit(w io.Writer, items []item) error {
	doc := juSuites{Name: toolName}
	index := map[string]int{}
	for _, it := range items {
		name, loc := ".", toolName
		if it.at.valid {
			name = it.at.path
			loc = fmt.Sprintf("%s:%d:%d", it.at.path, it.at.line, it.at.col)
		}
		c := juCase{Name: loc, Classname: name, Failure: &juFailure{Message: it.d.Message, Type: string(it.sev)}}
		if it.rule != "" {
			c.Name += " " + it.rule
		}
		if it.at.valid {
			c.File, c.Line = it.at.path, it.at.line
		}
		c.Failure.Body = fmt.Sprintf("%s: %s: %s", loc, it.sev, longMessage(it))
		i, ok := index[name]
		if !ok {
			i = len(doc.Suites)
			index[name] = i
			doc.Suites = append(doc.Suites, juSuite{Name: name})
		}
		s := &doc.Suites[i]
		s.Cases = append(s.Cases, c)
		s.Tests++
		s.Failures++
		doc.Tests++
		doc.Failures++
	}
	if len(items) == 0 {
		doc.Tests = 1
		doc.Suites = []juSuite{{Name: toolName, Tests: 1, Cases: []juCase{{Name: "no findings", Classname: toolName}}}}
	}
	return writeXML(w, doc)
}
