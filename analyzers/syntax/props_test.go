package syntax

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// propString renders a flow for comparison: kind, variable, sink, tag and
// import, and whether the value was re-encoded.
func propString(s *Summary, p PropFlow) string {
	kind := map[PropKind]string{PropAttr: "attr", PropChildren: "children", PropSpread: "spread", PropData: "data"}[p.Kind]
	out := fmt.Sprintf("%s %s -> %s", kind, p.Name, p.Prop)
	if p.Kind == PropData {
		out += " in " + p.Func
	} else {
		out += " of <" + p.Tag + ">"
		if p.TagImport >= 0 {
			out += fmt.Sprintf(" from %s#%s", s.Imports[p.TagImport].Spec, p.TagImported)
		}
	}
	if p.Object != "process.env" {
		out += " via " + p.Object
	}
	if p.Derived {
		out += " derived"
	}
	return out
}

func propStrings(s *Summary) []string {
	var out []string
	for _, p := range s.Props {
		out = append(out, propString(s, p))
	}
	slices.Sort(out)
	return out
}

func TestProps(t *testing.T) {
	tests := []struct {
		name, path, src string
		want            []string
	}{{
		name: "direct attribute",
		path: "page.tsx",
		src: `import { Dialer } from "./dialer";
export default function Page() {
  return <Dialer token={process.env.SIGNALWIRE_TOKEN!} />;
}`,
		want: []string{"attr SIGNALWIRE_TOKEN -> token of <Dialer> from ./dialer#Dialer"},
	}, {
		name: "local const, Basic credentials, object prop and children",
		path: "page.tsx",
		src: `import Dialer from "@/components/dialer";
import * as UI from "@/components/ui";
export default async function Page() {
  const token = process.env.SIGNALWIRE_TOKEN;
  const auth = Buffer.from(` + "`${process.env.SIGNALWIRE_PROJECT_ID}:${token}`" + `).toString("base64");
  const config = { project: process.env.SIGNALWIRE_PROJECT_ID, token };
  return (
    <UI.Panel>
      <Dialer auth={auth} config={config} />
      <UI.Box>{token}</UI.Box>
    </UI.Panel>
  );
}`,
		want: []string{
			"attr SIGNALWIRE_PROJECT_ID -> auth of <Dialer> from @/components/dialer#default derived",
			"attr SIGNALWIRE_PROJECT_ID -> config.project of <Dialer> from @/components/dialer#default",
			"attr SIGNALWIRE_TOKEN -> auth of <Dialer> from @/components/dialer#default derived",
			"attr SIGNALWIRE_TOKEN -> config.token of <Dialer> from @/components/dialer#default",
			"children SIGNALWIRE_TOKEN -> children of <UI.Box> from @/components/ui#Box",
		},
	}, {
		name: "destructuring, spread, next/dynamic and intrinsic elements",
		path: "page.tsx",
		src: `import dynamic from "next/dynamic";
const Widget = dynamic(() => import("./widget"));
const { SIGNALWIRE_TOKEN, API_SECRET: secret } = process.env;
export default function Page() {
  const props = { token: SIGNALWIRE_TOKEN };
  return (
    <>
      <Widget {...props} />
      <sw-call-widget token={SIGNALWIRE_TOKEN ?? ""} />
      <script dangerouslySetInnerHTML={{ __html: ` + "`window.S = ${JSON.stringify(secret)}`" + ` }} />
    </>
  );
}`,
		want: []string{
			"attr API_SECRET -> dangerouslySetInnerHTML.__html of <script> derived",
			"attr SIGNALWIRE_TOKEN -> token of <sw-call-widget>",
			"spread SIGNALWIRE_TOKEN -> token of <Widget> from ./widget#",
		},
	}, {
		name: "values that are not the variable",
		path: "page.tsx",
		src: `import { Dialer } from "./dialer";
import { mintToken } from "@/lib/sw";
export default async function Page() {
  const token = await mintToken(process.env.SIGNALWIRE_TOKEN);
  const enabled = !!process.env.SIGNALWIRE_TOKEN;
  const size = process.env.SIGNALWIRE_TOKEN.length;
  return (
    <Dialer
      token={token}
      enabled={enabled}
      size={size}
      same={process.env.SIGNALWIRE_TOKEN === "x"}
      onReady={() => console.log(process.env.SIGNALWIRE_TOKEN)}
    />
  );
}`,
		want: nil,
	}, {
		name: "getServerSideProps and getStaticProps",
		path: "pages/index.tsx",
		src: `import { withSession } from "@/lib/session";
export async function getServerSideProps() {
  const host = process.env.SIGNALWIRE_SPACE;
  return { props: { host, sw: { token: process.env.SIGNALWIRE_TOKEN } } };
}
export const getStaticProps = withSession(async () => ({
  props: { key: process.env.STRIPE_SECRET_KEY },
  revalidate: 60,
}));
function helper() {
  return { props: { token: process.env.SIGNALWIRE_TOKEN } };
}
export default function Home() { return null; }`,
		want: []string{
			"data SIGNALWIRE_SPACE -> host in getServerSideProps",
			"data SIGNALWIRE_TOKEN -> sw.token in getServerSideProps",
			"data STRIPE_SECRET_KEY -> key in getStaticProps",
		},
	}, {
		name: "imported env object",
		path: "page.tsx",
		src: `import { env } from "~/env";
import { Map } from "./map";
export default function Page() {
  return <Map apiKey={env.MAPS_SERVER_KEY} center={env.center} />;
}`,
		want: []string{"attr MAPS_SERVER_KEY -> apiKey of <Map> from ./map#Map via env"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseT(t, tt.path, tt.src)
			if got := propStrings(s); !slices.Equal(got, tt.want) {
				t.Errorf("Props =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestPropsSpans(t *testing.T) {
	src := `import { Dialer } from "./dialer";
export default function Page() {
  const t = process.env.SIGNALWIRE_TOKEN;
  return <Dialer token={t} />;
}
export async function getServerSideProps() {
  return { props: { token: process.env.SIGNALWIRE_TOKEN } };
}`
	s := parseT(t, "page.tsx", src)
	if len(s.Props) != 2 {
		t.Fatalf("Props = %+v", s.Props)
	}
	for _, p := range s.Props {
		sink := src[p.Span.Start:p.Span.End]
		read := src[p.Read.Start:p.Read.End]
		if read != "process.env.SIGNALWIRE_TOKEN" {
			t.Errorf("Read = %q", read)
		}
		switch p.Kind {
		case PropAttr:
			if sink != "token={t}" || src[p.TagSpan.Start:p.TagSpan.End] != "Dialer" {
				t.Errorf("attr sink = %q, tag = %q", sink, src[p.TagSpan.Start:p.TagSpan.End])
			}
		case PropData:
			if sink != "props: { token: process.env.SIGNALWIRE_TOKEN }" {
				t.Errorf("data sink = %q", sink)
			}
		}
	}
}

func TestPrologueEnd(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{`import x from "y";`, ""},
		{"\"use strict\";\n// c\n'use cache'\nimport x from \"y\";", "\"use strict\";\n// c\n'use cache'"},
		{"#!/usr/bin/env node\nconst a = 1;", "#!/usr/bin/env node"},
	} {
		s := parseT(t, "a.ts", tt.src)
		if got := tt.src[:s.PrologueEnd]; got != tt.want {
			t.Errorf("%q: prologue = %q, want %q", tt.src, got, tt.want)
		}
	}
}
