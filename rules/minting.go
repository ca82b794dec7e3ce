package rules

import (
	"fmt"
	"strings"
	"sync"
)

// MintingData is the parsed minting.json: what makes an outgoing request a
// SignalWire token mint.
type MintingData struct {
	paths   []Package
	env     map[string]string
	readers map[string]string // "module#export" → note
}

type mintingFile struct {
	Comment        string    `json:"comment"`
	TokenPaths     []Package `json:"tokenPaths"`
	CredentialEnv  []Package `json:"credentialEnv"`
	RequestReaders []Package `json:"requestReaders"`
}

// Minting returns the data embedded from minting.json.
func Minting() *MintingData { return mintingOnce() }

var mintingOnce = sync.OnceValue(mustLoad(loadMinting))

func loadMinting() (*MintingData, error) {
	const file = "minting.json"
	var f mintingFile
	if err := decode(file, &f); err != nil {
		return nil, err
	}
	return parseMinting(file, f)
}

// parseMinting validates the decoded file.
func parseMinting(file string, f mintingFile) (*MintingData, error) {
	if len(f.TokenPaths) == 0 || len(f.CredentialEnv) == 0 {
		return nil, fmt.Errorf("%s: needs tokenPaths and credentialEnv", file)
	}
	d := &MintingData{paths: f.TokenPaths, env: map[string]string{}, readers: map[string]string{}}
	var names, notes []string
	for _, p := range f.TokenPaths {
		// A path must be absolute and end in a segment, so that containment
		// in a URL's text is a meaningful match.
		if !strings.HasPrefix(p.Name, "/api/") || strings.HasSuffix(p.Name, "/") || strings.ContainsAny(p.Name, " ?#") {
			return nil, fmt.Errorf("%s: token path %q: want /api/... without a trailing slash, query or space", file, p.Name)
		}
		names = append(names, p.Name)
		notes = append(notes, p.Note)
	}
	if err := checkNames(file, "token path", names, notes); err != nil {
		return nil, err
	}
	names, notes = nil, nil
	for _, e := range f.CredentialEnv {
		if !envWords.MatchString(e.Name) {
			return nil, fmt.Errorf("%s: credential env %q is not upper-case words joined by _", file, e.Name)
		}
		names = append(names, e.Name)
		notes = append(notes, e.Note)
		d.env[e.Name] = e.Note
	}
	if err := checkNames(file, "credential env", names, notes); err != nil {
		return nil, err
	}
	names, notes = nil, nil
	for _, r := range f.RequestReaders {
		mod, export, ok := strings.Cut(r.Name, "#")
		if !ok || mod == "" || export == "" || strings.Contains(export, "#") {
			return nil, fmt.Errorf("%s: request reader %q: want module#export", file, r.Name)
		}
		names = append(names, r.Name)
		notes = append(notes, r.Note)
		d.readers[r.Name] = r.Note
	}
	if err := checkNames(file, "request reader", names, notes); err != nil {
		return nil, err
	}
	return d, nil
}

// ReadsRequest reports whether calling export of module reads request
// data (cookies(), headers(), a session helper built on them), which makes
// a Next 14 GET handler dynamic and the fetches after it uncached.
func (d *MintingData) ReadsRequest(module, export string) bool {
	_, ok := d.readers[module+"#"+export]
	return ok
}

// TokenPath returns the token REST path that the text of a URL contains
// ("https://${…}/api/fabric/subscribers/tokens" contains
// "/api/fabric/subscribers/tokens"). The path must end the URL's path: it is
// followed by the end of the text, a query, a fragment or a substitution,
// so "/api/chat/tokens" does not match "/api/chat/tokens-admin".
func (d *MintingData) TokenPath(url string) (string, bool) {
	for _, p := range d.paths {
		rest := url
		for {
			i := strings.Index(rest, p.Name)
			if i < 0 {
				break
			}
			rest = rest[i+len(p.Name):]
			if rest == "" || strings.ContainsRune("?#$/", rune(rest[0])) {
				return p.Name, true
			}
		}
	}
	return "", false
}

// IsCredentialEnv reports whether name is an environment variable holding
// SignalWire API credentials used for Basic auth.
func (d *MintingData) IsCredentialEnv(name string) bool {
	_, ok := d.env[name]
	return ok
}

// TokenPaths returns the token REST paths, in data order.
func (d *MintingData) TokenPaths() []string {
	out := make([]string, len(d.paths))
	for i, p := range d.paths {
		out[i] = p.Name
	}
	return out
}

// CredentialEnv returns the credential variable names, sorted.
func (d *MintingData) CredentialEnv() []string {
	var out []string
	for n := range d.env {
		out = append(out, n)
	}
	return sortedCopy(out)
}
