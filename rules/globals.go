package rules

import (
	"fmt"
	"regexp"
	"sync"
)

// Global is a name that browsers define and Node does not.
type Global struct {
	Name string `json:"name"`
	Note string `json:"note"`
	// NodeSince is the first Node version that defines the name, when one
	// does; empty when no Node release does. Such names are still listed:
	// code written for the browser misbehaves with Node's version (Note says
	// how).
	NodeSince string `json:"nodeSince,omitempty"`
}

type globalsFile struct {
	Comment  string   `json:"comment"`
	Globals  []Global `json:"globals"`
	Excluded []Global `json:"excluded"`
}

type globalData struct {
	list     []Global
	byName   map[string]Global
	names    []string // sorted
	excluded []Global
}

var globalsOnce = sync.OnceValue(mustLoad(loadGlobals))

var identifier = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)

var semver = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`)

func loadGlobals() (*globalData, error) {
	const file = "globals.json"
	var f globalsFile
	if err := decode(file, &f); err != nil {
		return nil, err
	}
	d := &globalData{list: f.Globals, excluded: f.Excluded, byName: map[string]Global{}}
	var names, notes, all []string
	for _, g := range f.Globals {
		if !identifier.MatchString(g.Name) {
			return nil, fmt.Errorf("%s: global %q is not an identifier", file, g.Name)
		}
		if g.NodeSince != "" && !semver.MatchString(g.NodeSince) {
			return nil, fmt.Errorf("%s: global %s: nodeSince %q is not a version", file, g.Name, g.NodeSince)
		}
		names = append(names, g.Name)
		notes = append(notes, g.Note)
		d.byName[g.Name] = g
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no globals", file)
	}
	if err := checkNames(file, "global", names, notes); err != nil {
		return nil, err
	}
	all = append(all, names...)
	var exNames, exNotes []string
	for _, g := range f.Excluded {
		exNames = append(exNames, g.Name)
		exNotes = append(exNotes, g.Note)
		all = append(all, g.Name)
	}
	if err := checkNames(file, "excluded name", exNames, exNotes); err != nil {
		return nil, err
	}
	// A name both listed and excluded would say two things at once.
	if err := checkNames(file, "name (in globals and excluded)", all, nil); err != nil {
		return nil, err
	}
	d.names = sortedCopy(names)
	return d, nil
}

// BrowserGlobals returns the browser-only global names, sorted, in a new
// slice. The order is stable so that callers can use the list in cache keys.
func BrowserGlobals() []string { return append([]string(nil), globalsOnce().names...) }

// Globals returns the browser-only globals with their notes, in data order.
func Globals() []Global { return append([]Global(nil), globalsOnce().list...) }

// LookupGlobal returns the entry for a browser-only global name.
func LookupGlobal(name string) (Global, bool) {
	g, ok := globalsOnce().byName[name]
	return g, ok
}

// ExcludedGlobals returns the names that were considered for the browser
// list and left out (Node defines them, or they are too common as local
// names), each with the reason.
func ExcludedGlobals() []Global { return append([]Global(nil), globalsOnce().excluded...) }
