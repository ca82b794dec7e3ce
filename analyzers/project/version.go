package project

import (
	"strconv"
	"strings"
)

// ParseMajor returns the major version a package.json range for next allows
// at its low end: "^14.2.0" → 14, "~15.0.3" → 15, ">=13.4 <15" → 13,
// "16.0.0-canary.3" → 16, "npm:next@15.1.0" → 15. Ranges naming no version
// ("latest", "canary", "*", "workspace:*", a git or file URL) give 0.
func ParseMajor(rng string) int {
	v := strings.TrimSpace(rng)
	if strings.HasPrefix(v, "npm:") {
		// An alias: npm:next@<range>.
		i := strings.LastIndex(v, "@")
		if i < 0 {
			return 0
		}
		v = v[i+1:]
	}
	v = strings.TrimPrefix(v, "workspace:")
	if i := strings.Index(v, "||"); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimLeft(v, " \t^~>=<vV")
	end := 0
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	if end == 0 {
		return 0
	}
	// "13.x" and "13" are versions; "13abc" is not.
	if end < len(v) && v[end] != '.' && v[end] != ' ' && v[end] != '-' && v[end] != '+' {
		return 0
	}
	n, err := strconv.Atoi(v[:end])
	if err != nil {
		return 0
	}
	return n
}
