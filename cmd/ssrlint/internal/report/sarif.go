package report

import (
	"encoding/json"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/suppress"
)

// SARIF constants. The schema URI is the one GitHub code scanning and the
// SARIF validator recognise as the final 2.1.0 schema.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// srcRootID is the uriBaseId of every location inside Options.Root; the
	// run's originalUriBaseIds maps it to Root as a file URI.
	srcRootID = "%SRCROOT%"
	// fingerprintKey names ssrlint's partial fingerprint. The "/v1" suffix is
	// the SARIF convention for versioning a fingerprint algorithm: change it
	// whenever the hashed inputs change, or code scanning would match old
	// alerts to new ones wrongly.
	fingerprintKey = "ssrlint/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

// sarifRule is a reportingDescriptor. It has no "name": SARIF §3.49.7 wants
// a name that differs from the id and is readable, and ssrlint's ids are
// already the readable names (the validator warns, SARIF1001, when both are
// present and equal).
type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifMultiformat   `json:"help"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	Properties          *sarifResultProps `json:"properties,omitempty"`
}

// sarifResultProps carries what SARIF has no field for.
type sarifResultProps struct {
	Trace []string `json:"trace,omitempty"`
	Help  string   `json:"help,omitempty"`
	Notes []string `json:"notes,omitempty"`
}

type sarifLocation struct {
	ID               *int           `json:"id,omitempty"`
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// sarifRegion columns are UTF-16 code units (run.columnKind); end is
// exclusive. Without endLine/endColumn a region runs to the end of its line.
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifFix struct {
	Description     *sarifText            `json:"description,omitempty"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

func writeSARIF(w io.Writer, r *resolver, items []item, rules []Rule, opts Options) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           toolName,
			Version:        opts.Version,
			InformationURI: toolURI,
			Rules:          []sarifRule{},
		}},
		ColumnKind: "utf16CodeUnits",
		Results:    []sarifResult{},
	}
	if r.root != "" && filepath.IsAbs(r.root) {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{
			srcRootID: {URI: dirFileURI(r.root)},
		}
	}

	index := map[string]int{}
	addRule := func(rl Rule) {
		if _, dup := index[rl.Name]; dup {
			return
		}
		index[rl.Name] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(rl))
	}
	for _, rl := range rules {
		addRule(rl)
	}
	seen := map[string]int{} // fingerprint occurrences
	for _, it := range items {
		ruleID := it.rule
		if ruleID == "" {
			ruleID = toolName
		}
		if _, ok := index[ruleID]; !ok {
			addRule(Rule{Name: ruleID, Short: ruleID, Severity: it.sev})
		}
		res := sarifResult{
			RuleID:    ruleID,
			RuleIndex: index[ruleID],
			Level:     string(it.sev),
			Message:   sarifText{Text: it.d.Message},
		}
		if it.at.valid {
			res.Locations = []sarifLocation{{PhysicalLocation: r.sarifPhysical(it.at)}}
			fp := r.fingerprint(ruleID, it)
			seen[fp]++
			res.PartialFingerprints = map[string]string{fingerprintKey: fp + ":" + strconv.Itoa(seen[fp])}
		}
		for i, rel := range it.related {
			id := i + 1
			loc := sarifLocation{ID: &id, Message: &sarifText{Text: rel.message}}
			if rel.at.valid {
				loc.PhysicalLocation = r.sarifPhysical(rel.at)
			}
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		for _, fix := range it.d.SuggestedFixes {
			if f, ok := r.sarifFix(fix.Message, fix.TextEdits); ok {
				res.Fixes = append(res.Fixes, f)
			}
		}
		if len(it.d.Trace) > 0 || it.d.Help != "" || len(it.d.Notes) > 0 {
			res.Properties = &sarifResultProps{Trace: it.d.Trace, Help: it.d.Help, Notes: it.d.Notes}
		}
		run.Results = append(run.Results, res)
	}

	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func sarifRuleOf(rl Rule) sarifRule {
	short := rl.Short
	if short == "" {
		short = rl.Name
	}
	level := string(SeverityWarning)
	if rl.Severity == SeverityError {
		level = string(SeverityError)
	}
	sr := sarifRule{
		ID:                   rl.Name,
		ShortDescription:     sarifText{Text: short},
		FullDescription:      sarifText{Text: short},
		Help:                 sarifMultiformat{Text: short},
		HelpURI:              rl.HelpURI,
		DefaultConfiguration: sarifConfiguration{Level: level},
	}
	if doc := strings.TrimSpace(rl.Doc); doc != "" {
		if p := firstParagraph(doc); p != "" {
			sr.FullDescription.Text = p
		}
		sr.Help = sarifMultiformat{Text: doc, Markdown: doc}
	}
	return sr
}

// firstParagraph returns the first paragraph of a markdown document that is
// not a heading, joined onto one line.
func firstParagraph(doc string) string {
	for _, para := range strings.Split(strings.ReplaceAll(doc, "\r\n", "\n"), "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" || strings.HasPrefix(para, "#") || strings.HasPrefix(para, "```") {
			continue
		}
		return strings.Join(strings.Fields(para), " ")
	}
	return ""
}

func (r *resolver) artifactLocation(s span) sarifArtifactLocation {
	if s.inRoot {
		return sarifArtifactLocation{URI: escapeURIPath(s.path, false), URIBaseID: srcRootID}
	}
	return sarifArtifactLocation{URI: fileURI(s.file)}
}

func (r *resolver) sarifPhysical(s span) *sarifPhysical {
	reg := r.region(s, false)
	return &sarifPhysical{ArtifactLocation: r.artifactLocation(s), Region: &reg}
}

// region converts s to SARIF with UTF-16 columns. A span without an end gets
// no end unless point is set, which makes it an insertion point.
func (r *resolver) region(s span, point bool) sarifRegion {
	reg := sarifRegion{StartLine: s.line, StartColumn: r.utf16Col(s.file, s.line, s.col)}
	switch {
	case s.hasEnd:
		reg.EndLine, reg.EndColumn = s.endLine, r.utf16Col(s.file, s.endLine, s.endCol)
	case point:
		reg.EndLine, reg.EndColumn = reg.StartLine, reg.StartColumn
	}
	return reg
}

// utf16Col converts a 1-based byte column on a line to a 1-based column in
// UTF-16 code units. Without the source, the byte column is the best guess.
// Invalid UTF-8 counts one unit per byte, as a decoder replacing it would.
func (r *resolver) utf16Col(file string, line, byteCol int) int {
	text, ok := r.line(file, line)
	if !ok || byteCol < 1 {
		return byteCol
	}
	prefix := byteCol - 1
	extra := 0
	if prefix > len(text) {
		extra = prefix - len(text) // e.g. the line ending itself
		prefix = len(text)
	}
	units := 0
	for i := 0; i < prefix; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		i += size
	}
	return 1 + units + extra
}

// fingerprint hashes what identifies a finding across commits: the rule, the
// file, the trimmed text of its first line and the message
// (suppress.Fingerprint, shared with baselines). Line numbers are left out so
// that edits above a finding do not make it a new alert.
func (r *resolver) fingerprint(ruleID string, it item) string {
	text, _ := r.line(it.at.file, it.at.line)
	return suppress.Fingerprint(ruleID, it.at.path, text, it.d.Message)
}

func (r *resolver) sarifFix(message string, edits []analysis.TextEdit) (sarifFix, bool) {
	type edit struct {
		s    span
		text string
	}
	byFile := map[string][]edit{}
	var order []string
	for _, e := range edits {
		s := r.span(e.Pos, e.End)
		if !s.valid {
			continue
		}
		if _, ok := byFile[s.file]; !ok {
			order = append(order, s.file)
		}
		byFile[s.file] = append(byFile[s.file], edit{s, string(e.NewText)})
	}
	if len(order) == 0 {
		return sarifFix{}, false
	}
	sort.Strings(order)
	fix := sarifFix{}
	if message != "" {
		fix.Description = &sarifText{Text: message}
	}
	for _, file := range order {
		es := byFile[file]
		sort.SliceStable(es, func(i, j int) bool { return es[i].s.offset < es[j].s.offset })
		change := sarifArtifactChange{ArtifactLocation: r.artifactLocation(es[0].s)}
		for _, e := range es {
			rep := sarifReplacement{DeletedRegion: r.region(e.s, true)}
			if e.text != "" {
				rep.InsertedContent = &sarifText{Text: e.text}
			}
			change.Replacements = append(change.Replacements, rep)
		}
		fix.ArtifactChanges = append(fix.ArtifactChanges, change)
	}
	return fix, true
}

// fileURI returns the file URI of an absolute path.
func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive path: file:///C:/...
	}
	return "file://" + escapeURIPath(p, true)
}

// dirFileURI is fileURI for a directory; SARIF requires base URIs to end in
// a slash so that relative references resolve inside them.
func dirFileURI(abs string) string {
	u := fileURI(abs)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// escapeURIPath percent-encodes a slash-separated path for use as a URI
// path (RFC 3986 pchar plus "/"). A colon is escaped unless allowed, so that
// a relative reference like "a:b.ts" cannot be read as a scheme.
func escapeURIPath(p string, allowColon bool) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-._~!$&'()*+,;=@/", c) >= 0,
			c == ':' && allowColon:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}
