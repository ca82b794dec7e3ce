package rules

import (
	"slices"
	"testing"
)

func TestAuthLoads(t *testing.T) {
	if _, err := loadAuth(); err != nil {
		t.Fatal(err)
	}
}

func TestNameWords(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"getUserFromRequest", []string{"get", "user", "from", "request"}},
		{"verifyJWTToken", []string{"verify", "jwt", "token"}},
		{"is_admin", []string{"is", "admin"}},
		{"auth", []string{"auth"}},
		{"getServerSession", []string{"get", "server", "session"}},
		{"withAuth2", []string{"with", "auth"}},
	} {
		if got := nameWords(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("nameWords(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestAuth(t *testing.T) {
	d := Auth()
	for _, c := range [][2]string{{"next/headers", "cookies"}, {"next-auth", "getServerSession"}, {"@clerk/nextjs/server", "auth"}} {
		if !d.IsAuthCall(c[0], c[1]) {
			t.Errorf("IsAuthCall(%s, %s) = false", c[0], c[1])
		}
	}
	if d.IsAuthCall("next/server", "NextResponse") {
		t.Error("IsAuthCall(next/server, NextResponse) = true")
	}
	for _, c := range []string{"supabase.auth.getUser", "auth.protect", "createClient().auth.getUser", "auth.api.getSession"} {
		if !d.IsAuthMember(c) {
			t.Errorf("IsAuthMember(%s) = false", c)
		}
	}
	for _, c := range []string{"oauth.getUser", "auth.getUsers", "getUser"} {
		if d.IsAuthMember(c) {
			t.Errorf("IsAuthMember(%s) = true", c)
		}
	}
	// The seed's helper, and the names real code gives its checks.
	for _, n := range []string{"getUserFromRequest", "requireAuth", "currentUser", "getServerSession", "isAdmin", "verifyTurnstile"} {
		if !d.IsAuthName(n) {
			t.Errorf("IsAuthName(%s) = false", n)
		}
	}
	// Look-ups and helpers that say nothing about the caller; "author" is
	// not "auth".
	for _, n := range []string{"findUnique", "getAuthor", "mintToken", "parseBody", "users"} {
		if d.IsAuthName(n) {
			t.Errorf("IsAuthName(%s) = true", n)
		}
	}
	for _, n := range []string{"requireUser", "protect", "assertSession", "verifySignature"} {
		if !d.IsGuardName(n) {
			t.Errorf("IsGuardName(%s) = false", n)
		}
	}
	for _, n := range []string{"getUser", "requirements", "protection"} {
		if d.IsGuardName(n) {
			t.Errorf("IsGuardName(%s) = true", n)
		}
	}
	for _, s := range []string{"next-auth", "next-auth/middleware", "@clerk/nextjs", "@clerk/nextjs/server", "@supabase/ssr"} {
		if !d.IsAuthPackage(s) {
			t.Errorf("IsAuthPackage(%s) = false", s)
		}
	}
	for _, s := range []string{"next-authx", "@supabase/supabase-js", "next/server"} {
		if d.IsAuthPackage(s) {
			t.Errorf("IsAuthPackage(%s) = true", s)
		}
	}
	for _, p := range []string{"headers", "cookies", "session"} {
		if !d.IsRequestProp(p) {
			t.Errorf("IsRequestProp(%s) = false", p)
		}
	}
	if d.IsRequestProp("method") || d.IsRequestProp("body") {
		t.Error("IsRequestProp accepts method or body")
	}
}
