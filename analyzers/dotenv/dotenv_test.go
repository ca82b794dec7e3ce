package dotenv

import (
	"bytes"
	"strings"
	"testing"
)

type got struct {
	key, value string
	quote      byte
	export     bool
	comment    string
}

func parse(src string) []got {
	var out []got
	b := []byte(src)
	for _, e := range Parse(b) {
		g := got{key: e.Key, value: e.Value(b), quote: e.Quote, export: e.Export}
		if e.Comment != (Span{}) {
			g.comment = string(b[e.Comment.Start:e.Comment.End])
		}
		if string(b[e.KeySpan.Start:e.KeySpan.End]) != e.Key {
			panic("key span does not cover the key")
		}
		out = append(out, g)
	}
	return out
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []got
	}{
		{"plain", "A=1\nB = two words  \n", []got{{key: "A", value: "1"}, {key: "B", value: "two words"}}},
		{"empty", "A=\nB=   # nothing\n", []got{{key: "A"}, {key: "B", comment: " nothing"}}},
		{"export", "export A=1\n  export   B=2\nexport=3\n", []got{{key: "A", value: "1", export: true}, {key: "B", value: "2", export: true}, {key: "export", value: "3"}}},
		{"comments", "# a comment\n  # indented\nA=1 # inline\nB=x#y\n", []got{{key: "A", value: "1", comment: " inline"}, {key: "B", value: "x", comment: "y"}}},
		{"double", `A="a # not a comment" # c` + "\n" + `B="x\ny"` + "\n", []got{{key: "A", value: "a # not a comment", quote: '"', comment: " c"}, {key: "B", value: "x\ny", quote: '"'}}},
		{"single keeps escapes", `A='x\ny'` + "\n", []got{{key: "A", value: `x\ny`, quote: '\''}}},
		{"backtick", "A=`it's \"both\"`\n", []got{{key: "A", value: `it's "both"`, quote: '`'}}},
		{"escaped quote", `A="say \"hi\""` + "\n", []got{{key: "A", value: `say \"hi\"`, quote: '"'}}},
		{"multi-line", "KEY=\"-----BEGIN-----\nabc\n# not a comment\nB=not a key\n-----END-----\"\nC=3\n", []got{
			{key: "KEY", value: "-----BEGIN-----\nabc\n# not a comment\nB=not a key\n-----END-----", quote: '"'},
			{key: "C", value: "3"},
		}},
		{"crlf", "A=1\r\nB=\"x\r\ny\"\r\nC=3", []got{{key: "A", value: "1"}, {key: "B", value: "x\ny", quote: '"'}, {key: "C", value: "3"}}},
		{"unclosed quote", "A=\"abc\nB=2\n", []got{{key: "A", value: `"abc`}, {key: "B", value: "2"}}},
		{"text after quote", `A="abc" def` + "\n", []got{{key: "A", value: `"abc" def`}}},
		{"colon", "A: 1\nB:2\n", []got{{key: "A", value: "1"}}},
		{"junk lines", "not an entry\n=1\nA-B.C=ok\n", []got{{key: "A-B.C", value: "ok"}}},
		{"no final newline", "A=1", []got{{key: "A", value: "1"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := parse(tc.src)
			if len(g) != len(tc.want) {
				t.Fatalf("got %d entries %+v, want %+v", len(g), g, tc.want)
			}
			for i := range g {
				if g[i] != tc.want[i] {
					t.Errorf("entry %d = %+v, want %+v", i, g[i], tc.want[i])
				}
			}
		})
	}
}

func TestValueSpanExcludesQuotes(t *testing.T) {
	src := []byte(`  export TOKEN = "abc" # c`)
	e := Parse(src)[0]
	if s := string(src[e.KeySpan.Start:e.KeySpan.End]); s != "TOKEN" {
		t.Errorf("key span covers %q", s)
	}
	if s := string(src[e.ValueSpan.Start:e.ValueSpan.End]); s != "abc" {
		t.Errorf("value span covers %q", s)
	}
}

func TestMaskValues(t *testing.T) {
	const secret = "sk_live_51Hq"
	src := "# old key " + secret + "\n" +
		"NEXT_PUBLIC_TOKEN=" + secret + "\n" +
		"export A = \"" + secret + "\" # " + secret + "\r\n" +
		"PEM=\"-----BEGIN-----\n" + secret + "\nB=" + secret + "\n\"\n" +
		"\n" +
		"junk " + secret + "\n" +
		"EMPTY=\n"
	got := string(MaskValues([]byte(src)))
	if strings.Contains(got, secret) || strings.Contains(got, "sk_") {
		t.Fatalf("masked output still holds the value:\n%s", got)
	}
	want := "****\n" +
		"NEXT_PUBLIC_TOKEN=****\n" +
		"export A =****\r\n" +
		"PEM=****\n****\n****\n****\n" +
		"\n" +
		"****\n" +
		"EMPTY=\n"
	if got != want {
		t.Errorf("MaskValues =\n%q\nwant\n%q", got, want)
	}
	if bytes.Count([]byte(got), []byte("\n")) != strings.Count(src, "\n") {
		t.Error("masking changed the number of lines")
	}
}

func TestFileNames(t *testing.T) {
	for name, want := range map[string][2]bool{
		"/app/.env":                  {true, true},
		"/app/.env.local":            {true, true},
		"/app/.env.production":       {true, true},
		"/app/.env.development":      {true, true},
		"/app/.env.production.local": {true, true},
		"/app/.env.test":             {true, false},
		"/app/.env.example":          {true, false},
		"/app/.envrc":                {false, false},
		"/app/env.ts":                {false, false},
	} {
		if got := IsEnvFile(name); got != want[0] {
			t.Errorf("IsEnvFile(%s) = %v", name, got)
		}
		if got := NextLoads(name); got != want[1] {
			t.Errorf("NextLoads(%s) = %v", name, got)
		}
	}
}
