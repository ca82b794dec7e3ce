package rules

import (
	"slices"
	"testing"
)

func TestMintingLoads(t *testing.T) {
	if _, err := loadMinting(); err != nil {
		t.Fatal(err)
	}
	d := Minting()
	for _, want := range []string{"/api/fabric/subscribers/tokens", "/api/relay/rest/jwt", "/api/video/room_tokens"} {
		if !slices.Contains(d.TokenPaths(), want) {
			t.Errorf("TokenPaths lacks %s (ssr-facts §3)", want)
		}
	}
	for _, want := range []string{"SIGNALWIRE_PROJECT_ID", "SIGNALWIRE_TOKEN"} {
		if !d.IsCredentialEnv(want) {
			t.Errorf("IsCredentialEnv(%s) = false (seed credential)", want)
		}
	}
	// The space is a hostname, not a credential: a URL built from it is a
	// mint only through its path.
	for _, no := range []string{"SIGNALWIRE_SPACE", "NEXT_PUBLIC_SW_HOST", "signalwire_token"} {
		if d.IsCredentialEnv(no) {
			t.Errorf("IsCredentialEnv(%s) = true", no)
		}
	}
	for _, want := range [][2]string{{"next/headers", "cookies"}, {"next/headers", "headers"}, {"next/server", "connection"}} {
		if !d.ReadsRequest(want[0], want[1]) {
			t.Errorf("ReadsRequest(%s, %s) = false", want[0], want[1])
		}
	}
	if d.ReadsRequest("next/server", "NextResponse") || d.ReadsRequest("next/headers", "") {
		t.Error("ReadsRequest accepts a name that reads nothing")
	}
	if got := d.CredentialEnv(); !slices.IsSorted(got) || len(got) < 2 {
		t.Errorf("CredentialEnv() = %v: want sorted, at least the seed's two", got)
	}
}

func TestTokenPath(t *testing.T) {
	d := Minting()
	for url, want := range map[string]string{
		"https://${}/api/fabric/subscribers/tokens":       "/api/fabric/subscribers/tokens",
		"${}/api/relay/rest/jwt":                          "/api/relay/rest/jwt",
		"https://x.signalwire.com/api/video/room_tokens?": "/api/video/room_tokens",
		"/api/video/room_tokens${}":                       "/api/video/room_tokens",
		"/api/chat/tokens-admin/api/chat/tokens":          "/api/chat/tokens",
		"https://example.com/api/fabric/subscribers":      "",
		"/api/chat/tokens-admin":                          "",
		"/api/sw-token":                                   "",
	} {
		got, ok := d.TokenPath(url)
		if got != want || ok != (want != "") {
			t.Errorf("TokenPath(%q) = %q, %v; want %q", url, got, ok, want)
		}
	}
}

func TestMintingRejects(t *testing.T) {
	good := func() mintingFile {
		return mintingFile{
			TokenPaths:    []Package{{Name: "/api/fabric/subscribers/tokens", Note: "n"}},
			CredentialEnv: []Package{{Name: "SIGNALWIRE_TOKEN", Note: "n"}},
		}
	}
	if _, err := parseMinting("f", good()); err != nil {
		t.Fatalf("valid data rejected: %v", err)
	}
	for name, mutate := range map[string]func(*mintingFile){
		"no paths":          func(f *mintingFile) { f.TokenPaths = nil },
		"no env":            func(f *mintingFile) { f.CredentialEnv = nil },
		"relative path":     func(f *mintingFile) { f.TokenPaths[0].Name = "api/x" },
		"trailing slash":    func(f *mintingFile) { f.TokenPaths[0].Name = "/api/x/" },
		"query":             func(f *mintingFile) { f.TokenPaths[0].Name = "/api/x?a=1" },
		"duplicate path":    func(f *mintingFile) { f.TokenPaths = append(f.TokenPaths, f.TokenPaths[0]) },
		"path without note": func(f *mintingFile) { f.TokenPaths[0].Note = " " },
		"lower-case env":    func(f *mintingFile) { f.CredentialEnv[0].Name = "signalwire_token" },
		"duplicate env":     func(f *mintingFile) { f.CredentialEnv = append(f.CredentialEnv, f.CredentialEnv[0]) },
	} {
		f := good()
		mutate(&f)
		if _, err := parseMinting("f", f); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
