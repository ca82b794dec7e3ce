package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// value is a decoded JSON value that remembers where it starts, so that
// errors can name a line and column.
type value struct {
	off    int
	kind   string // "object", "array", "string", "number", "boolean", "null"
	str    string
	keys   []string // object keys in source order
	keyOff []int    // offset of each key
	fields map[string]*value
	elems  []*value
}

// describe names a value's type the way error messages do.
func (v *value) describe() string {
	switch v.kind {
	case "object":
		return "an object"
	case "array":
		return "a list"
	case "string":
		return fmt.Sprintf("the string %q", v.str)
	case "number":
		return "the number " + v.str
	case "boolean":
		return v.str
	}
	return "null"
}

// parseJSON decodes data into values with offsets. Duplicate keys are
// errors: JSON decoders disagree about which one wins.
func parseJSON(data []byte) (*value, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := &jsonParser{dec: dec, data: data}
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &syntaxError{off: p.skip(int(dec.InputOffset())), msg: "unexpected data after the top-level value"}
	}
	return v, nil
}

type syntaxError struct {
	off int
	msg string
}

func (e *syntaxError) Error() string { return e.msg }

type jsonParser struct {
	dec  *json.Decoder
	data []byte
}

// skip moves past blanks and the separators the decoder consumes silently,
// to the first byte of the next token.
func (p *jsonParser) skip(off int) int {
	for off < len(p.data) && strings.IndexByte(" \t\r\n,:", p.data[off]) >= 0 {
		off++
	}
	return off
}

func (p *jsonParser) token() (json.Token, int, error) {
	off := p.skip(int(p.dec.InputOffset()))
	tok, err := p.dec.Token()
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, int(se.Offset), &syntaxError{off: int(se.Offset), msg: "invalid JSON: " + se.Error()}
		}
		if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, len(p.data), &syntaxError{off: len(p.data), msg: "invalid JSON: unexpected end of file"}
		}
		return nil, off, &syntaxError{off: off, msg: "invalid JSON: " + err.Error()}
	}
	return tok, off, nil
}

func (p *jsonParser) value() (*value, error) {
	tok, off, err := p.token()
	if err != nil {
		return nil, err
	}
	return p.valueFrom(tok, off)
}

func (p *jsonParser) valueFrom(tok json.Token, off int) (*value, error) {
	v := &value{off: off}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			v.kind, v.fields = "object", map[string]*value{}
			for p.dec.More() {
				ktok, koff, err := p.token()
				if err != nil {
					return nil, err
				}
				key, _ := ktok.(string)
				if _, dup := v.fields[key]; dup {
					return nil, &syntaxError{off: koff, msg: fmt.Sprintf("duplicate key %q", key)}
				}
				child, err := p.value()
				if err != nil {
					return nil, err
				}
				v.keys = append(v.keys, key)
				v.keyOff = append(v.keyOff, koff)
				v.fields[key] = child
			}
		case '[':
			v.kind = "array"
			for p.dec.More() {
				child, err := p.value()
				if err != nil {
					return nil, err
				}
				v.elems = append(v.elems, child)
			}
		}
		if _, _, err := p.token(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		v.kind, v.str = "string", t
	case json.Number:
		v.kind, v.str = "number", t.String()
	case bool:
		v.kind, v.str = "boolean", fmt.Sprint(t)
	case nil:
		v.kind = "null"
	}
	return v, nil
}

// position converts a byte offset to a 1-based line and column (bytes).
func position(data []byte, off int) (line, col int) {
	off = min(off, len(data))
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	col = off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
	return line, col
}

// suggest returns the allowed word closest to got, when it is close enough
// to be a typo.
func suggest(got string, allowed []string) string {
	best, bestD := "", 3
	for _, a := range allowed {
		if d := editDistance(strings.ToLower(got), strings.ToLower(a)); d < bestD {
			best, bestD = a, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
