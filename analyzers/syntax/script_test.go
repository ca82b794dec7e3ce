package syntax

import (
	"strings"
	"testing"
)

// render prints a tag as `Script src=v* strategy=v ...` where * marks a
// non-constant value, for compact comparisons.
func render(s ScriptTag) string {
	var b strings.Builder
	if s.Next {
		b.WriteString("Script")
	} else {
		b.WriteString("script")
	}
	for _, a := range s.Attrs {
		b.WriteString(" " + a.Name + "=" + a.Value)
		if !a.Const {
			b.WriteString("*")
		}
	}
	if s.Spread {
		b.WriteString(" ...")
	}
	return b.String()
}

func TestScripts(t *testing.T) {
	src := `import Script from "next/script";
import NextScript from "next/script";
import type { ScriptProps } from "next/script";

const EMBED = "https://cdn.example.com/signalwire-web-components-embed.iife.js";
export const STRATEGY = "worker";

export default function Layout({ children, extra }: { children: React.ReactNode; extra: ScriptProps }) {
  const cdn = process.env.NEXT_PUBLIC_CDN;
  return (
    <html>
      <head>
        <script src="/a.js"></script>
        <script async src={EMBED} />
        <script type="module" defer={false} src={` + "`${cdn}/b.js`" + `} />
        <ScriptLoader src="/not-a-script.js" />
        <scripts />
      </head>
      <body>
        {children}
        <Script
          src="/c.js"
          strategy={"beforeInteractive" as const}
        />
        <NextScript src={EMBED} strategy={STRATEGY} onLoad={() => {}} {...extra} />
        <Script id="inline">{"console.log('<script')"}</Script>
      </body>
    </html>
  );
}
// <script src="/in-a-comment.js"></script>
const s = "<Script src='/in-a-string.js' />";
`
	sum, err := Parse("app/layout.tsx", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"script src=/a.js",
		"script async=true src=https://cdn.example.com/signalwire-web-components-embed.iife.js",
		"script type=module defer=false src=`${cdn}/b.js`*",
		"Script src=/c.js strategy=beforeInteractive",
		"Script id=inline",
		"Script src=https://cdn.example.com/signalwire-web-components-embed.iife.js strategy=worker onLoad=* ...",
	}
	var got []string
	for _, s := range sum.Scripts {
		got = append(got, render(s))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Scripts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Spans: the strategy value is the {…} container, the tag the opening tag.
	for _, s := range sum.Scripts {
		if a, ok := s.Attr("strategy"); ok && a.Value == "beforeInteractive" {
			if v := src[a.ValueSpan.Start:a.ValueSpan.End]; v != `{"beforeInteractive" as const}` {
				t.Errorf("strategy ValueSpan = %q", v)
			}
		}
		for _, a := range s.Attrs {
			if !strings.HasPrefix(src[a.Span.Start:a.Span.End], a.Name) {
				t.Errorf("attribute span %q does not start with %s", src[a.Span.Start:a.Span.End], a.Name)
			}
		}
		if !strings.HasPrefix(src[s.Span.Start:s.Span.End], "<") {
			t.Errorf("tag span %q does not start at <", src[s.Span.Start:s.Span.End])
		}
	}
}

// TestScriptsUnbound: without a next/script import, <Script> is some other
// component, and a .ts file has no JSX at all.
func TestScriptsUnbound(t *testing.T) {
	for path, src := range map[string]string{
		"app/a.tsx": `import Script from "./my-script";
export const A = () => <Script src="/x.js" strategy="worker" />;`,
		"lib/b.ts": `const n = <script>x;`,
	} {
		sum, err := Parse(path, []byte(src), nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(sum.Scripts) != 0 {
			t.Errorf("%s: Scripts = %+v, want none", path, sum.Scripts)
		}
	}
}
