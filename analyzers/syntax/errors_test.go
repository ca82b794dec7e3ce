package syntax

import "testing"

// TestBareAmpersand: the grammar's stumble over a bare "&" in JSX text or a
// JSX attribute string is not a syntax error of the file; errors that
// swallow more, and real syntax errors, still are.
func TestBareAmpersand(t *testing.T) {
	for _, tc := range []struct {
		src    string
		errors bool
	}{
		{`const a = <span>Help & Support</span>;`, false},
		{`const a = <>Terms & Conditions</>;`, false},
		{`const a = <a href="https://x.com/?a=1&b=2&c=3">l</a>;`, false},
		{`const a = <p title='a&b'>x</p>;`, false},
		{`const a = <a href="https://f.com/?utm_source=app&utm_medium=web&utm_campaign=tip#stay-informed">x</a>;`, false},
		{`const a = <a href="?a=b&c=d.e/f-g">x</a>;`, false},
		{`const a = <p>Q&A: <b>x</b> & more, a && b, a & 2</p>;`, false},
		{`const a = <p>Tom &amp; Jerry</p>;`, false},
		// The recovery swallows the statement: reported.
		{`const a = <p>R&D and Tom & Jerry's</p>;`, true},
		{`const a = <p>&nbsp text</p>;`, true},
		// Not an ampersand in JSX.
		{`const a = ;`, true},
		{`const s = "a&b" + ;`, true},
	} {
		s, err := Parse("x.tsx", []byte(tc.src), nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(s.Errors) > 0; got != tc.errors {
			t.Errorf("%s: errors %v, want errors: %v", tc.src, s.Errors, tc.errors)
		}
	}
}
