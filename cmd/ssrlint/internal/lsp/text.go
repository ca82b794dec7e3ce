package lsp

import (
	"bytes"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"unicode/utf8"
)

// Positions: the engine counts bytes, LSP counts UTF-16 code units on a
// line. These convert between the two on the text the analysis saw.

// positionOf returns the LSP position of byte offset off in src. Offsets
// past the end clamp to it; an offset inside a multi-byte character counts
// the character as passed.
func positionOf(src []byte, off int) Position {
	off = max(0, min(off, len(src)))
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	line := bytes.Count(src[:lineStart], []byte{'\n'})
	return Position{Line: line, Character: utf16Len(src[lineStart:off])}
}

// utf16Len counts the UTF-16 code units of b. A byte that is not valid
// UTF-8 counts as one unit (clients show it as U+FFFD).
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// offsetOf returns the byte offset of an LSP position in src. As LSP asks,
// a character past the end of its line means the end of the line (before
// its line break), and a line past the end means the end of the text. A
// position inside a surrogate pair falls back to the character's start.
func offsetOf(src []byte, pos Position) (int, error) {
	if pos.Line < 0 || pos.Character < 0 {
		return 0, fmt.Errorf("invalid position %d:%d", pos.Line, pos.Character)
	}
	start := 0
	for l := 0; l < pos.Line; l++ {
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			return len(src), nil
		}
		start += i + 1
	}
	end := len(src)
	if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
		end = start + i
		if end > start && src[end-1] == '\r' {
			end--
		}
	}
	off, units := start, 0
	for off < end {
		r, size := utf8.DecodeRune(src[off:end])
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > pos.Character {
			break
		}
		units += w
		off += size
	}
	return off, nil
}

// applyChanges applies didChange content changes in order: a change without
// a range replaces the text, one with a range is an incremental edit.
func applyChanges(text []byte, changes []TextDocumentContentChangeEvent) ([]byte, error) {
	for _, c := range changes {
		if c.Range == nil {
			text = []byte(c.Text)
			continue
		}
		start, err := offsetOf(text, c.Range.Start)
		if err != nil {
			return nil, err
		}
		end, err := offsetOf(text, c.Range.End)
		if err != nil {
			return nil, err
		}
		if end < start {
			return nil, fmt.Errorf("edit range ends (%d:%d) before it starts (%d:%d)", c.Range.End.Line, c.Range.End.Character, c.Range.Start.Line, c.Range.Start.Character)
		}
		out := make([]byte, 0, len(text)-(end-start)+len(c.Text))
		out = append(out, text[:start]...)
		out = append(out, c.Text...)
		out = append(out, text[end:]...)
		text = out
	}
	return text, nil
}

// pathOf returns the absolute, cleaned file path of a file: URI.
func pathOf(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", fmt.Errorf("invalid URI %q: %w", uri, err)
	}
	if u.Scheme != "file" {
		return "", fmt.Errorf("not a file URI: %q", uri)
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/")
	}
	p = filepath.FromSlash(p)
	if !filepath.IsAbs(p) {
		return "", fmt.Errorf("not an absolute file URI: %q", uri)
	}
	return filepath.Clean(p), nil
}

// uriOf returns the file: URI of an absolute path.
func uriOf(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/...
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// within reports whether p is dir or inside it.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
