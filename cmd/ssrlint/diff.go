package main

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// The unified diff for --diff is computed from the edits themselves, not by
// comparing the two versions: a fix knows exactly which bytes it replaces,
// so there is nothing to search for (and no diff module to depend on). Each
// edit is widened to the whole lines it touches; edits whose lines are
// within 2*context of each other share a hunk, as in diff -U3.

const diffContext = 3

// edit replaces src[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// lineEdit replaces old lines [oldFrom, oldTo) with new lines.
type lineEdit struct {
	oldFrom, oldTo int // 0-based line indexes into the old file
	newLines       []string
}

// splitLines splits src into lines that keep their line endings; the last
// one lacks it when src does not end in a newline.
func splitLines(src []byte) []string {
	if len(src) == 0 {
		return nil
	}
	var out []string
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			out = append(out, string(src))
			break
		}
		out = append(out, string(src[:i+1]))
		src = src[i+1:]
	}
	return out
}

// unifiedDiff returns the diff between src and src with edits (sorted,
// non-overlapping) applied, labelled a/name and b/name; "" when nothing
// changes.
func unifiedDiff(name string, src []byte, edits []edit) string {
	lines := splitLines(src)
	starts := make([]int, len(lines)+1)
	for i, l := range lines {
		starts[i+1] = starts[i] + len(l)
	}
	lineOf := func(off int) int { // index of the line holding off
		return sort.Search(len(lines), func(i int) bool { return starts[i+1] > off })
	}
	// Widen each edit to whole lines, merging edits that share a line.
	var les []lineEdit
	for i := 0; i < len(edits); {
		from := lineOf(edits[i].start)
		to := lineOf(edits[i].end)
		if edits[i].end > edits[i].start && edits[i].end == starts[min(to, len(lines))] {
			// The edit ends at a line start: that line is untouched.
		} else {
			to++
		}
		to = min(max(to, from+1), len(lines))
		if from >= len(lines) { // an insertion at the very end
			from, to = len(lines), len(lines)
			if from > 0 && !strings.HasSuffix(lines[from-1], "\n") {
				from-- // the last line gains a line ending
			}
		}
		j := i + 1
		for j < len(edits) && lineOf(edits[j].start) < to {
			to = min(max(to, lineOf(edits[j].end)+1), len(lines))
			j++
		}
		var buf strings.Builder
		pos := starts[from]
		for _, e := range edits[i:j] {
			buf.Write(src[pos:e.start])
			buf.WriteString(e.text)
			pos = e.end
		}
		buf.Write(src[pos:starts[to]])
		i = j
		// Keep only the lines that differ: an insertion before a line
		// leaves that line as context rather than removing and re-adding it.
		old, nl := lines[from:to], splitLines([]byte(buf.String()))
		for len(old) > 0 && len(nl) > 0 && old[0] == nl[0] {
			old, nl, from = old[1:], nl[1:], from+1
		}
		for len(old) > 0 && len(nl) > 0 && old[len(old)-1] == nl[len(nl)-1] {
			old, nl, to = old[:len(old)-1], nl[:len(nl)-1], to-1
		}
		if len(old) == 0 && len(nl) == 0 {
			continue
		}
		les = append(les, lineEdit{oldFrom: from, oldTo: to, newLines: nl})
	}
	if len(les) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "--- a/%s\n+++ b/%s\n", name, name)
	shift := 0 // new line index minus old line index before the current hunk
	for h := 0; h < len(les); {
		// Group line edits whose context overlaps into one hunk.
		k := h + 1
		for k < len(les) && les[k].oldFrom-les[k-1].oldTo <= 2*diffContext {
			k++
		}
		from := max(les[h].oldFrom-diffContext, 0)
		to := min(les[k-1].oldTo+diffContext, len(lines))
		var body strings.Builder
		oldN, newN := 0, 0
		at := from
		for _, le := range les[h:k] {
			for ; at < le.oldFrom; at++ {
				writeDiffLine(&body, ' ', lines[at])
				oldN++
				newN++
			}
			for ; at < le.oldTo; at++ {
				writeDiffLine(&body, '-', lines[at])
				oldN++
			}
			for _, nl := range le.newLines {
				writeDiffLine(&body, '+', nl)
				newN++
			}
		}
		for ; at < to; at++ {
			writeDiffLine(&body, ' ', lines[at])
			oldN++
			newN++
		}
		newFrom := from + shift
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(from, oldN), hunkRange(newFrom, newN))
		b.WriteString(body.String())
		for _, le := range les[h:k] {
			shift += len(le.newLines) - (le.oldTo - le.oldFrom)
		}
		h = k
	}
	return b.String()
}

// hunkRange formats a hunk's start (1-based; for an empty range, the line
// before it) and length as diff does.
func hunkRange(from, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", from)
	}
	if n == 1 {
		return fmt.Sprintf("%d", from+1)
	}
	return fmt.Sprintf("%d,%d", from+1, n)
}

func writeDiffLine(b *strings.Builder, mark byte, line string) {
	b.WriteByte(mark)
	b.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		b.WriteString("\n\\ No newline at end of file\n")
	}
}
