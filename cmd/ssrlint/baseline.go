package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/ssrlint/ssrlint/analyzers/suppress"
)

// baselineVersion is the format version of baseline files.
const baselineVersion = 1

// baselineFile is what --write-baseline writes:
//
//	{
//	  "version": 1,
//	  "tool": "ssrlint",
//	  "findings": [
//	    {"rule": "serverimport", "file": "app/page.tsx", "fingerprint": "…", "count": 1, "message": "…"}
//	  ]
//	}
//
// Files are relative to the baseline's directory, so that the baseline
// works from any working directory and in any checkout. A fingerprint
// (suppress.Fingerprint) leaves line numbers out: moving code keeps a
// finding recorded. Count is how many findings share the fingerprint. The
// message is there for people reading the file; matching uses the
// fingerprint alone.
type baselineFile struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
	Count       int    `json:"count"`
	Message     string `json:"message"`
}

// fingerprint of a finding for a baseline in dir.
func (p *pipeline) fingerprint(f *finding, dir string) (file, fp string) {
	if f.file != "" {
		if r, err := filepath.Rel(dir, f.file); err == nil {
			file = filepath.ToSlash(r)
		} else {
			file = filepath.ToSlash(f.file)
		}
	}
	return file, suppress.Fingerprint(f.Rule, file, p.lineText(f.file, f.line), f.Message)
}

// writeBaseline records findings in path.
func (p *pipeline) writeBaseline(path string, fs []*finding) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(abs)
	byFP := map[string]*baselineEntry{}
	for _, f := range fs {
		file, fp := p.fingerprint(f, dir)
		if e, ok := byFP[fp]; ok {
			e.Count++
			continue
		}
		byFP[fp] = &baselineEntry{Rule: f.Rule, File: file, Fingerprint: fp, Count: 1, Message: f.Message}
	}
	doc := baselineFile{Version: baselineVersion, Tool: "ssrlint", Findings: []baselineEntry{}}
	for _, e := range byFP {
		doc.Findings = append(doc.Findings, *e)
	}
	sort.Slice(doc.Findings, func(i, j int) bool {
		a, b := doc.Findings[i], doc.Findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Message != b.Message {
			return a.Message < b.Message
		}
		return a.Fingerprint < b.Fingerprint
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return writeFileAtomic(abs, buf.Bytes())
}

// readBaseline reads a baseline: fingerprint → count.
func readBaseline(path string) (map[string]int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc baselineFile
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s is not an ssrlint baseline: %v", path, err)
	}
	if doc.Version != baselineVersion || doc.Tool != "ssrlint" {
		return nil, fmt.Errorf("%s: baseline version %d of %q; this ssrlint reads version %d", path, doc.Version, doc.Tool, baselineVersion)
	}
	counts := map[string]int{}
	for _, e := range doc.Findings {
		if e.Count < 1 || len(e.Fingerprint) != 32 {
			return nil, fmt.Errorf("%s: bad entry for %s (%s)", path, e.File, e.Rule)
		}
		counts[e.Fingerprint] += e.Count
	}
	return counts, nil
}

// applyBaseline drops the findings the baseline records, as many of each
// fingerprint as it counts, and returns how many recorded findings are gone.
func (p *pipeline) applyBaseline(path string, counts map[string]int, fs []*finding) (kept []*finding, gone int) {
	abs, _ := filepath.Abs(path)
	dir := filepath.Dir(abs)
	left := map[string]int{}
	for k, v := range counts {
		left[k] = v
	}
	for _, f := range fs {
		_, fp := p.fingerprint(f, dir)
		if left[fp] > 0 {
			left[fp]--
			continue
		}
		kept = append(kept, f)
	}
	for _, n := range left {
		gone += n
	}
	return kept, gone
}

// writeFileAtomic writes a new file (or replaces one) through a temporary
// file in the same directory.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".ssrlint-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
