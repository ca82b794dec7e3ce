package rules

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// demoDir is the bundled demo app. Its EXPECTED.md is what the end-to-end
// test and the README promise; the markers in its sources are what a reader
// sees. This test keeps the two in step (the rules' own behaviour on the app
// is checked by the CLI's end-to-end test).
const demoDir = "../testdata/demo"

var (
	demoMarker   = regexp.MustCompile(`(?://|/\*)\s*ssrlint demo: (\w+) expected here`)
	expectedLine = regexp.MustCompile("^\\| `([^`]+):([0-9]+)` \\| `(\\w+)` \\|")
)

func TestDemoExpectedMatchesMarkers(t *testing.T) {
	var markers []string
	err := filepath.WalkDir(demoDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) == ".md" {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(demoDir, path)
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			if m := demoMarker.FindStringSubmatch(sc.Text()); m != nil {
				markers = append(markers, filepath.ToSlash(rel)+":"+strconv.Itoa(n)+" "+m[1])
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(demoDir, "EXPECTED.md"))
	if err != nil {
		t.Fatal(err)
	}
	var expected []string
	for _, line := range strings.Split(string(src), "\n") {
		if m := expectedLine.FindStringSubmatch(line); m != nil {
			expected = append(expected, m[1]+":"+m[2]+" "+m[3])
		}
	}
	slices.Sort(markers)
	slices.Sort(expected)
	if len(markers) == 0 || !slices.Equal(markers, expected) {
		t.Errorf("markers in sources:\n  %s\nrows in EXPECTED.md:\n  %s", strings.Join(markers, "\n  "), strings.Join(expected, "\n  "))
	}
	for _, e := range expected {
		rule := e[strings.LastIndex(e, " ")+1:]
		if _, ok := Doc(rule); !ok {
			t.Errorf("EXPECTED.md names %q, which has no rule document", rule)
		}
	}
}
