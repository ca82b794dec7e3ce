package project

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// decodeJSON decodes package.json-style JSON into v. With jsonc it first
// blanks out comments and trailing commas, as TypeScript accepts in
// tsconfig.json. Blanking (rather than removing) keeps byte offsets, so the
// error names the line and column in the original file.
func decodeJSON(data []byte, v any, jsonc bool) error {
	data = bytes.Clone(data)
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		copy(data, "   ")
	}
	if jsonc {
		blankJSONC(data)
	}
	err := json.Unmarshal(data, v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the bytes read, the offending one included.
		line, col := lineCol(data, max(int(se.Offset)-1, 0))
		return fmt.Errorf("%s at line %d, column %d", se.Error(), line, col)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("%s has the wrong type: %s", te.Field, te.Value)
	}
	return err
}

func lineCol(data []byte, off int) (int, int) {
	if off > len(data) {
		off = len(data)
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// blankJSONC replaces comments and trailing commas with spaces in place,
// leaving strings alone.
func blankJSONC(data []byte) {
	lastComma := -1 // offset of a comma followed so far only by blanks
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			lastComma = -1
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
		case c == '/' && i+1 < len(data) && data[i+1] == '/':
			for ; i < len(data) && data[i] != '\n'; i++ {
				data[i] = ' '
			}
		case c == '/' && i+1 < len(data) && data[i+1] == '*':
			j := bytes.Index(data[i+2:], []byte("*/"))
			end := len(data)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			for ; i < end; i++ {
				if data[i] != '\n' {
					data[i] = ' '
				}
			}
			i--
		case c == ',':
			lastComma = i
		case c == '}' || c == ']':
			if lastComma >= 0 {
				data[lastComma] = ' '
			}
			lastComma = -1
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			lastComma = -1
		}
	}
}
