package main

import (
	"github.com/ssrlint/ssrlint/analyzers/dotenv"
)

// maskEnvValues wraps a report's file reader so that the source lines the
// report prints (code frames) and hashes (SARIF fingerprints) never carry a
// value from a .env file: each value, and any other text but the keys, is
// replaced by dotenv.Mask. Line structure is kept, so positions still point
// at the same key. Other files are read unchanged.
func maskEnvValues(read func(string) ([]byte, error)) func(string) ([]byte, error) {
	return func(path string) ([]byte, error) {
		src, err := read(path)
		if err != nil || !dotenv.IsEnvFile(path) {
			return src, err
		}
		return dotenv.MaskValues(src), nil
	}
}
