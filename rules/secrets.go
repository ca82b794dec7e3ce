package rules

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// NamePattern is a sequence of words of an environment variable name:
// "API_KEY" matches any name whose underscore-separated words contain API
// followed by KEY ("NEXT_PUBLIC_MAPS_API_KEY"), case-insensitively. Whole
// words only: "TOKEN" does not match "TOKENIZER_MODEL".
type NamePattern struct {
	Words string `json:"words"`
	Note  string `json:"note"`
	// AfterPrefix: match the name without its framework's public prefix
	// only, so that PUBLIC_KEY matches NEXT_PUBLIC_VAPID_PUBLIC_KEY but not
	// NEXT_PUBLIC_KEY, nor PUBLIC_API_KEY the NEXT_PUBLIC_API_KEY leak.
	AfterPrefix bool `json:"afterPrefix,omitempty"`
}

// Match reports whether the pattern matches the variable name.
func (p NamePattern) Match(name string) bool {
	return containsWords(strings.Split(strings.ToUpper(name), "_"), strings.Split(p.Words, "_"))
}

func containsWords(words, seq []string) bool {
	return len(wordsAt(words, seq)) > 0
}

// wordsAt returns every index of words where seq starts.
func wordsAt(words, seq []string) []int {
	var at []int
	for i := 0; i+len(seq) <= len(words); i++ {
		match := true
		for j, w := range seq {
			if words[i+j] != w {
				match = false
				break
			}
		}
		if match {
			at = append(at, i)
		}
	}
	return at
}

// holds reports whether p matches the name of words as the value itself,
// not as the subject of a describing last word (AUTH_TOKEN_URL,
// TOKEN_CONTRACT).
func (d *SecretData) holds(p NamePattern, words []string) bool {
	seq := strings.Split(p.Words, "_")
	for _, i := range wordsAt(words, seq) {
		if i+len(seq) == len(words) || !d.describing[words[len(words)-1]] {
			return true
		}
	}
	return false
}

// PublicPrefix is a prefix that a framework exposes to browser code.
type PublicPrefix struct {
	Prefix    string `json:"prefix"`
	Framework string `json:"framework"`
	Note      string `json:"note"`
}

// SecretData is the parsed secrets.json: which environment variable names
// are credentials, which are public by design, and which prefixes each
// framework ships to the browser.
type SecretData struct {
	credentials    []NamePattern
	describing     map[string]bool
	publicByDesign []NamePattern
	harmless       map[string]string
	prefixes       []PublicPrefix
}

type secretsFile struct {
	Comment     string        `json:"comment"`
	Credentials []NamePattern `json:"credentials"`
	Describing  struct {
		Comment string   `json:"comment"`
		Words   []string `json:"words"`
	} `json:"describing"`
	PublicByDesign []NamePattern  `json:"publicByDesign"`
	Harmless       []Package      `json:"harmless"`
	PublicPrefixes []PublicPrefix `json:"publicPrefixes"`
}

// Secrets returns the data embedded from secrets.json.
func Secrets() *SecretData { return secretsOnce() }

var secretsOnce = sync.OnceValue(mustLoad(loadSecrets))

var envWords = regexp.MustCompile(`^[A-Z0-9]+(_[A-Z0-9]+)*$`)

func loadSecrets() (*SecretData, error) {
	const file = "secrets.json"
	var f secretsFile
	if err := decode(file, &f); err != nil {
		return nil, err
	}
	d := &SecretData{credentials: f.Credentials, publicByDesign: f.PublicByDesign, harmless: map[string]string{}, prefixes: f.PublicPrefixes, describing: map[string]bool{}}
	for _, w := range f.Describing.Words {
		if !envWords.MatchString(w) || strings.Contains(w, "_") || d.describing[w] {
			return nil, fmt.Errorf("%s: describing word %q: want one upper-case word, once", file, w)
		}
		d.describing[w] = true
	}
	for _, list := range []struct {
		what string
		pats []NamePattern
	}{{"credential pattern", f.Credentials}, {"publicByDesign pattern", f.PublicByDesign}} {
		if len(list.pats) == 0 {
			return nil, fmt.Errorf("%s: no %ss", file, list.what)
		}
		var words, notes []string
		for _, p := range list.pats {
			if !envWords.MatchString(p.Words) {
				return nil, fmt.Errorf("%s: %s %q is not upper-case words joined by _", file, list.what, p.Words)
			}
			words = append(words, p.Words)
			notes = append(notes, p.Note)
		}
		if err := checkNames(file, list.what, words, notes); err != nil {
			return nil, err
		}
	}
	var names, notes []string
	for _, h := range f.Harmless {
		names = append(names, h.Name)
		notes = append(notes, h.Note)
		d.harmless[h.Name] = h.Note
	}
	if err := checkNames(file, "harmless name", names, notes); err != nil {
		return nil, err
	}
	var keys []string
	notes = nil
	for _, p := range f.PublicPrefixes {
		if !strings.HasSuffix(p.Prefix, "_") || !envWords.MatchString(strings.TrimSuffix(p.Prefix, "_")) || p.Framework == "" {
			return nil, fmt.Errorf("%s: public prefix %+v: want an upper-case prefix ending in _ and a framework", file, p)
		}
		keys = append(keys, p.Framework+" "+p.Prefix)
		notes = append(notes, p.Note)
	}
	if err := checkNames(file, "public prefix", keys, notes); err != nil {
		return nil, err
	}
	return d, nil
}

// IsCredential reports whether the environment variable name looks like a
// credential: a credential pattern matches it, not only as the subject of a
// describing last word (AUTH_TOKEN_URL), and no public-by-design pattern
// does. It returns the first matching pattern, SignalWire's own
// names before the generic words. A public prefix does not change the
// answer: NEXT_PUBLIC_SIGNALWIRE_TOKEN is a credential being leaked.
func (d *SecretData) IsCredential(name string) (NamePattern, bool) {
	if _, ok := d.IsPublicByDesign(name); ok {
		return NamePattern{}, false
	}
	words := strings.Split(strings.ToUpper(name), "_")
	for _, p := range d.credentials {
		if d.holds(p, words) {
			return p, true
		}
	}
	return NamePattern{}, false
}

// IsPublicByDesign reports whether name is a key that is meant to reach the
// browser (a publishable key, an anon key, an analytics write key...), and
// returns the matching pattern.
func (d *SecretData) IsPublicByDesign(name string) (NamePattern, bool) {
	bare := name
	for _, pp := range d.prefixes {
		if strings.HasPrefix(strings.ToUpper(name), pp.Prefix) {
			bare = name[len(pp.Prefix):]
			break
		}
	}
	for _, p := range d.publicByDesign {
		in := name
		if p.AfterPrefix {
			in = bare
		}
		if p.Match(in) {
			return p, true
		}
	}
	return NamePattern{}, false
}

// IsHarmless reports whether name is always inlined and never sensitive
// (NODE_ENV).
func (d *SecretData) IsHarmless(name string) bool {
	_, ok := d.harmless[name]
	return ok
}

// PublicPrefix returns the prefix entry that exposes name to browser code in
// framework ("next", "nuxt", "sveltekit", "astro", "vite", "gatsby").
func (d *SecretData) PublicPrefix(framework, name string) (PublicPrefix, bool) {
	for _, p := range d.prefixes {
		if p.Framework == framework && strings.HasPrefix(name, p.Prefix) {
			return p, true
		}
	}
	return PublicPrefix{}, false
}

// PublicPrefixes returns every framework's public prefix, in data order.
func (d *SecretData) PublicPrefixes() []PublicPrefix {
	return append([]PublicPrefix(nil), d.prefixes...)
}
