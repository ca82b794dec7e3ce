package rules

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"sync"
)

// Package is a package listed in packages.json.
type Package struct {
	Name string `json:"name"`
	Note string `json:"note"`
}

// SideEffect is a package or bundle that runs browser code when imported.
// Exactly one of Package and Contains is set: Package matches the package and
// its subpaths; Contains matches any specifier containing it, which catches a
// vendored copy of a bundle (../vendor/signalwire-web-components-embed.iife.js).
type SideEffect struct {
	Package  string `json:"package,omitempty"`
	Contains string `json:"contains,omitempty"`
	Note     string `json:"note"`
}

// Constructor is an export of a browser-only package that needs a browser
// when it is called or constructed. Name is the export name, or
// "Namespace.Member" for a member of an exported namespace
// ("Video.RoomSession").
type Constructor struct {
	Package string
	Name    string
	Note    string
}

// PackageData is the parsed packages.json. Its methods are safe for
// concurrent use; With and WithSideEffects return extended copies.
type PackageData struct {
	browserOnly  []Package
	sideEffects  []SideEffect
	serverSafe   []Package
	constructors []Constructor
}

type packagesFile struct {
	BrowserOnly       []Package    `json:"browserOnly"`
	ImportSideEffects []SideEffect `json:"importSideEffects"`
	ServerSafe        []Package    `json:"serverSafe"`
	Constructors      []struct {
		Package string   `json:"package"`
		Names   []string `json:"names"`
		Note    string   `json:"note"`
	} `json:"constructors"`
}

// Packages returns the package data embedded from packages.json.
func Packages() *PackageData { return packagesOnce() }

var packagesOnce = sync.OnceValue(mustLoad(loadPackages))

// npmName is what npm accepts as a package name (lower case, optional scope).
var npmName = regexp.MustCompile(`^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$`)

// exportName is an export name, optionally one namespace deep.
var exportName = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)?$`)

func loadPackages() (*PackageData, error) {
	const file = "packages.json"
	var f packagesFile
	if err := decode(file, &f); err != nil {
		return nil, err
	}
	d := &PackageData{browserOnly: f.BrowserOnly, sideEffects: f.ImportSideEffects, serverSafe: f.ServerSafe}
	if len(d.browserOnly) == 0 || len(d.sideEffects) == 0 {
		return nil, fmt.Errorf("%s: browserOnly and importSideEffects must not be empty", file)
	}
	for _, list := range []struct {
		what string
		pkgs []Package
	}{{"browserOnly package", d.browserOnly}, {"serverSafe package", d.serverSafe}} {
		names, notes := packageColumns(list.pkgs)
		if err := checkNames(file, list.what, names, notes); err != nil {
			return nil, err
		}
		for _, n := range names {
			if !npmName.MatchString(n) {
				return nil, fmt.Errorf("%s: %s %q is not an npm package name", file, list.what, n)
			}
		}
	}
	for _, p := range d.serverSafe {
		if _, ok := d.IsBrowserOnly(p.Name); ok {
			return nil, fmt.Errorf("%s: %s is listed both as browser-only and as server-safe", file, p.Name)
		}
	}
	var seNames, seNotes []string
	for _, s := range d.sideEffects {
		if (s.Package == "") == (s.Contains == "") {
			return nil, fmt.Errorf("%s: importSideEffects entry %+v must set exactly one of package and contains", file, s)
		}
		if s.Package != "" && !npmName.MatchString(s.Package) {
			return nil, fmt.Errorf("%s: importSideEffects package %q is not an npm package name", file, s.Package)
		}
		seNames = append(seNames, s.Package+s.Contains)
		seNotes = append(seNotes, s.Note)
	}
	if err := checkNames(file, "importSideEffects entry", seNames, seNotes); err != nil {
		return nil, err
	}
	var keys, notes []string
	for _, c := range f.Constructors {
		if _, ok := d.IsBrowserOnly(c.Package); !ok || c.Package != packageName(c.Package) {
			return nil, fmt.Errorf("%s: constructors of %q: not a browser-only package", file, c.Package)
		}
		if len(c.Names) == 0 {
			return nil, fmt.Errorf("%s: constructors entry of %s lists no names", file, c.Package)
		}
		for _, n := range c.Names {
			if !exportName.MatchString(n) {
				return nil, fmt.Errorf("%s: constructor %q of %s is not an export name", file, n, c.Package)
			}
			d.constructors = append(d.constructors, Constructor{Package: c.Package, Name: n, Note: c.Note})
			keys = append(keys, c.Package+" "+n)
			notes = append(notes, c.Note)
		}
	}
	if err := checkNames(file, "constructor", keys, notes); err != nil {
		return nil, err
	}
	return d, nil
}

func packageColumns(pkgs []Package) (names, notes []string) {
	for _, p := range pkgs {
		names = append(names, p.Name)
		notes = append(notes, p.Note)
	}
	return names, notes
}

// packageName returns the package part of a bare specifier:
// "@signalwire/js/operators" → "@signalwire/js", "lit/decorators.js" → "lit".
// Relative and absolute paths have none and return "".
func packageName(spec string) string {
	if spec == "" || strings.HasPrefix(spec, ".") || strings.HasPrefix(spec, "/") {
		return ""
	}
	parts := strings.SplitN(spec, "/", 3)
	if strings.HasPrefix(spec, "@") {
		if len(parts) < 2 || parts[1] == "" {
			return ""
		}
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}

// matchPackage reports whether spec names the package pkg or one of its
// subpaths ("@signalwire/js/operators"), never a package that merely shares
// a prefix ("@signalwire/jsx").
func matchPackage(spec, pkg string) bool {
	return spec == pkg || strings.HasPrefix(spec, pkg+"/")
}

// IsBrowserOnly reports whether the import specifier spec names a
// browser-only package or a subpath of one, and returns the package name.
func (d *PackageData) IsBrowserOnly(spec string) (pkg string, ok bool) {
	for _, p := range d.browserOnly {
		if matchPackage(spec, p.Name) {
			return p.Name, true
		}
	}
	return "", false
}

// IsServerSafe reports whether spec names a SignalWire server SDK that is
// meant to run on the server, and returns the package name.
func (d *PackageData) IsServerSafe(spec string) (pkg string, ok bool) {
	for _, p := range d.serverSafe {
		if matchPackage(spec, p.Name) {
			return p.Name, true
		}
	}
	return "", false
}

// HasImportSideEffects reports whether importing spec runs browser code at
// module evaluation. It returns the package name for a package entry, and
// the specifier's last path element (the bundle's file name) for an entry
// that matches by substring.
func (d *PackageData) HasImportSideEffects(spec string) (string, bool) {
	for _, s := range d.sideEffects {
		if s.Package != "" && matchPackage(spec, s.Package) {
			return s.Package, true
		}
	}
	for _, s := range d.sideEffects {
		if s.Contains != "" && strings.Contains(spec, s.Contains) {
			return path.Base(spec), true
		}
	}
	return "", false
}

// Constructors returns the constructor and factory names of the
// browser-only package pkg (a package name, not a subpath), in data order.
func (d *PackageData) Constructors(pkg string) []string {
	var out []string
	for _, c := range d.constructors {
		if c.Package == pkg {
			out = append(out, c.Name)
		}
	}
	return out
}

// IsConstructor reports whether name ("SignalWire", "Video.RoomSession") is a
// constructor or factory of package pkg that needs a browser.
func (d *PackageData) IsConstructor(pkg, name string) bool {
	_, ok := d.Constructor(pkg, name)
	return ok
}

// Constructor returns the entry for name in package pkg, with its note.
func (d *PackageData) Constructor(pkg, name string) (Constructor, bool) {
	for _, c := range d.constructors {
		if c.Package == pkg && c.Name == name {
			return c, true
		}
	}
	return Constructor{}, false
}

// BrowserOnly returns the browser-only packages, in data order.
func (d *PackageData) BrowserOnly() []Package { return append([]Package(nil), d.browserOnly...) }

// SideEffects returns the import-time side-effect entries, in data order.
func (d *PackageData) SideEffects() []SideEffect {
	return append([]SideEffect(nil), d.sideEffects...)
}

// ServerSafe returns the server SDKs that are fine on the server.
func (d *PackageData) ServerSafe() []Package { return append([]Package(nil), d.serverSafe...) }

// With returns a copy of d that also treats the packages in extra, a
// comma-separated list of package names (a -packages flag value), as
// browser-only. Blank items and packages already listed are skipped; with
// nothing to add, With returns d itself.
func (d *PackageData) With(extra string) *PackageData {
	var add []Package
	for _, name := range splitList(extra) {
		if _, ok := d.IsBrowserOnly(name); ok || containsPackage(add, name) {
			continue
		}
		add = append(add, Package{Name: name, Note: "added by configuration"})
	}
	if len(add) == 0 {
		return d
	}
	c := *d
	c.browserOnly = append(append([]Package(nil), d.browserOnly...), add...)
	return &c
}

// WithSideEffects returns a copy of d that also treats the packages in
// extra, a comma-separated list of package names, as having import-time
// browser side effects. Items the data already covers are skipped; with
// nothing to add it returns d itself.
func (d *PackageData) WithSideEffects(extra string) *PackageData {
	var add []SideEffect
	for _, name := range splitList(extra) {
		if _, ok := d.HasImportSideEffects(name); ok {
			continue
		}
		dup := false
		for _, s := range add {
			dup = dup || s.Package == name
		}
		if !dup {
			add = append(add, SideEffect{Package: name, Note: "added by configuration"})
		}
	}
	if len(add) == 0 {
		return d
	}
	c := *d
	c.sideEffects = append(append([]SideEffect(nil), d.sideEffects...), add...)
	return &c
}

func containsPackage(pkgs []Package, name string) bool {
	for _, p := range pkgs {
		if p.Name == name {
			return true
		}
	}
	return false
}

// splitList splits a comma-separated list, trimming space and dropping
// blank items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
