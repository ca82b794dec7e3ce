package rules

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

//go:embed *.json *.md
var files embed.FS

// decode reads an embedded JSON file strictly: an unknown field is an error,
// so that a misspelt key in the data cannot be silently ignored.
func decode(name string, v any) error {
	src, err := files.ReadFile(name)
	if err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("parsing %s: %w", name, err)
	}
	if dec.More() {
		return fmt.Errorf("parsing %s: data after the top-level value", name)
	}
	return nil
}

// mustLoad turns a load error into a panic: the embedded data is part of the
// binary and checked by this package's tests, so an error here is a defect in
// the build, not in the user's input.
func mustLoad[T any](load func() (T, error)) func() T {
	return func() T {
		v, err := load()
		if err != nil {
			panic("rules: invalid embedded data: " + err.Error())
		}
		return v
	}
}

// checkNames reports empty names, names with surrounding space, duplicate
// names and entries without a note.
func checkNames(file, what string, names, notes []string) error {
	seen := make(map[string]bool, len(names))
	for i, n := range names {
		switch {
		case n == "" || strings.TrimSpace(n) != n:
			return fmt.Errorf("%s: %s %q: empty or padded name", file, what, n)
		case seen[n]:
			return fmt.Errorf("%s: %s %q listed twice", file, what, n)
		case i < len(notes) && strings.TrimSpace(notes[i]) == "":
			return fmt.Errorf("%s: %s %q has no note", file, what, n)
		}
		seen[n] = true
	}
	return nil
}

// sortedCopy returns the strings sorted, in a new slice.
func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}
