package rules

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// AuthData is the parsed auth.json: what counts as a check of the caller
// before a token mint (the tokenauth rule).
type AuthData struct {
	calls    map[string]bool // "module#export"
	members  []string
	props    map[string]bool
	words    map[string]bool
	prefixes []string
	packages []string
}

type authFile struct {
	Comment       string    `json:"comment"`
	AuthCalls     []Package `json:"authCalls"`
	AuthMembers   []Package `json:"authMembers"`
	RequestProps  []Package `json:"requestProps"`
	NameWords     []Package `json:"nameWords"`
	GuardPrefixes []Package `json:"guardPrefixes"`
	AuthPackages  []Package `json:"authPackages"`
}

// Auth returns the data embedded from auth.json.
func Auth() *AuthData { return authOnce() }

var authOnce = sync.OnceValue(mustLoad(loadAuth))

var (
	memberChain = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)+$`)
	lowerWord   = regexp.MustCompile(`^[a-z]+$`)
)

func loadAuth() (*AuthData, error) {
	const file = "auth.json"
	var f authFile
	if err := decode(file, &f); err != nil {
		return nil, err
	}
	d := &AuthData{calls: map[string]bool{}, props: map[string]bool{}, words: map[string]bool{}}
	lists := []struct {
		what  string
		list  []Package
		check func(string) bool
		add   func(string)
	}{
		{"auth call", f.AuthCalls, func(s string) bool {
			mod, export, ok := strings.Cut(s, "#")
			return ok && mod != "" && export != "" && !strings.Contains(export, "#")
		}, func(s string) { d.calls[s] = true }},
		{"auth member", f.AuthMembers, memberChain.MatchString, func(s string) { d.members = append(d.members, s) }},
		{"request property", f.RequestProps, lowerWord.MatchString, func(s string) { d.props[s] = true }},
		{"name word", f.NameWords, lowerWord.MatchString, func(s string) { d.words[s] = true }},
		{"guard prefix", f.GuardPrefixes, lowerWord.MatchString, func(s string) { d.prefixes = append(d.prefixes, s) }},
		{"auth package", f.AuthPackages, func(s string) bool { return s != "" && !strings.ContainsAny(s, " #") }, func(s string) { d.packages = append(d.packages, s) }},
	}
	for _, l := range lists {
		if len(l.list) == 0 {
			return nil, fmt.Errorf("%s: no %ss", file, l.what)
		}
		var names, notes []string
		for _, p := range l.list {
			if !l.check(p.Name) {
				return nil, fmt.Errorf("%s: %s %q is malformed", file, l.what, p.Name)
			}
			names = append(names, p.Name)
			notes = append(notes, p.Note)
			l.add(p.Name)
		}
		if err := checkNames(file, l.what, names, notes); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// IsAuthCall reports whether calling export of module reads who the caller
// is: a session, the request's cookies or headers.
func (d *AuthData) IsAuthCall(module, export string) bool {
	return d.calls[module+"#"+export]
}

// IsAuthMember reports whether a callee chain ("supabase.auth.getUser",
// "auth.protect") ends in one of the auth member chains.
func (d *AuthData) IsAuthMember(chain string) bool {
	for _, m := range d.members {
		if chain == m || strings.HasSuffix(chain, "."+m) || strings.HasSuffix(chain, ")."+m) {
			return true
		}
	}
	return false
}

// IsRequestProp reports whether reading the property of the request object
// reads who the caller is (req.headers, req.cookies, req.session).
func (d *AuthData) IsRequestProp(name string) bool { return d.props[name] }

// IsAuthName reports whether a function's name says it checks the caller:
// one of its camelCase or snake_case words is a name word
// (getUserFromRequest, requireAuth, is_admin).
func (d *AuthData) IsAuthName(name string) bool {
	for _, w := range nameWords(name) {
		if d.words[w] {
			return true
		}
	}
	return false
}

// IsGuardName reports whether a function's name follows the convention of
// helpers that throw or redirect when the check fails: a guard prefix as
// the whole name or its first word (requireUser, protect, assert_session).
func (d *AuthData) IsGuardName(name string) bool {
	words := nameWords(name)
	if len(words) == 0 {
		return false
	}
	for _, p := range d.prefixes {
		if words[0] == p {
			return true
		}
	}
	return false
}

// IsAuthPackage reports whether an import specifier is an authentication
// library (a package name, or a scope ending in "/").
func (d *AuthData) IsAuthPackage(spec string) bool {
	for _, p := range d.packages {
		if strings.HasSuffix(p, "/") && strings.HasPrefix(spec, p) || spec == p || strings.HasPrefix(spec, p+"/") {
			return true
		}
	}
	return false
}

// nameWords splits an identifier into lower-case words at underscores and
// case changes: "getUserFromRequest" is get, user, from, request;
// "verifyJWTToken" is verify, jwt, token.
func nameWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case r == '_' || r == '$' || unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r):
			// A new word starts at an upper-case letter after a lower-case
			// one, or before a lower-case one inside an acronym (JWTToken).
			if i > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}
