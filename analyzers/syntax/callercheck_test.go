package syntax

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// gateString renders a gate: its first line, whether it exits, and its
// evidence.
func gateString(src string, s *Summary, g Gate) string {
	text := src[g.Span.Start:g.Span.End]
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	var ev []string
	for _, c := range g.Calls {
		e := c.Callee + "()"
		switch {
		case c.Import >= 0:
			e += "@" + s.Imports[c.Import].Spec
		case c.Func >= 0:
			e += "@func"
		}
		if c.PassesParam {
			e += "+param"
		}
		ev = append(ev, e)
	}
	for _, p := range g.ParamProps {
		ev = append(ev, "param."+p)
	}
	for _, e := range g.Env {
		ev = append(ev, "env."+e)
	}
	kind := "if"
	if g.Call {
		kind = "call"
	}
	return fmt.Sprintf("%s %q exits=%v scoped=%v [%s]", kind, text, g.Exits, g.Scope.End > 0, strings.Join(ev, " "))
}

func TestGates(t *testing.T) {
	tests := []struct {
		name, path, src string
		want            []string
	}{{
		name: "seed route",
		path: "route.ts",
		src:  seedRoute,
		want: []string{
			// res is the mint's response: the gate comes after the mint.
			`if "if (!res.ok) {" exits=true scoped=true [fetch() Buffer.from().toString() Buffer.from() JSON.stringify() getUserFromRequest()+param env.SIGNALWIRE_SPACE env.SIGNALWIRE_PROJECT_ID env.SIGNALWIRE_TOKEN]`,
			`if "if (!user) return NextResponse.json({ error: \"unauthorized\" }, { status: 401 });" exits=true scoped=true [getUserFromRequest()+param]`,
		},
	}, {
		name: "auth libraries",
		path: "route.ts",
		src: `import { getServerSession } from "next-auth";
import { auth } from "@clerk/nextjs/server";
import { cookies, headers } from "next/headers";
import { createClient } from "@/lib/supabase/server";
import { authOptions } from "@/lib/auth";
export async function GET() {
  const session = await getServerSession(authOptions);
  if (!session?.user) {
    redirect("/login");
  }
  await auth.protect();
  const supabase = await createClient();
  const { data: { user } } = await supabase.auth.getUser();
  if (user) {
    return fetch("https://x/api/fabric/subscribers/tokens");
  }
  const sid = (await cookies()).get("sid")?.value;
  if (!sid || (await headers()).get("x-api-key") !== process.env.API_KEY) throw new Error("no");
}`,
		want: []string{
			`call "await auth.protect();" exits=true scoped=true [auth.protect()@@clerk/nextjs/server]`,
			`call "const session = await getServerSession(authOptions);" exits=true scoped=true [getServerSession()@next-auth]`,
			`call "const supabase = await createClient();" exits=true scoped=true [createClient()@@/lib/supabase/server]`,
			`if "if (!session?.user) {" exits=true scoped=true [getServerSession()@next-auth]`,
			`if "if (!sid || (await headers()).get(\"x-api-key\") !== process.env.API_KEY) throw new Error(\"no\");" exits=true scoped=true [cookies().get()@next/headers cookies()@next/headers headers().get()@next/headers headers()@next/headers env.API_KEY]`,
			`if "if (user) {" exits=true scoped=true [supabase.auth.getUser() createClient()@@/lib/supabase/server]`,
		},
	}, {
		name: "pages api: parameters and wrappers",
		path: "pages/api/token.ts",
		src: `import { withIronSessionApiRoute } from "iron-session/next";
export default withIronSessionApiRoute(async function handler(req, res) {
  if (req.method !== "POST") return res.status(405).end();
  if (!req.session.user) {
    res.status(401).json({ error: "unauthorized" });
    return;
  }
  const key = req.headers["x-api-key"];
  if (key === process.env.API_SECRET) {
    res.json(await fetch("https://x/api/relay/rest/jwt"));
  } else {
    res.status(403).end();
  }
}, {});`,
		want: []string{
			`if "if (!req.session.user) {" exits=true scoped=true [param.session]`,
			`if "if (key === process.env.API_SECRET) {" exits=false scoped=true [param.headers env.API_SECRET]`,
			`if "if (req.method !== \"POST\") return res.status(405).end();" exits=true scoped=true [param.method]`,
		},
	}, {
		name: "no evidence, client modules",
		path: "route.ts",
		src: `export async function POST() {
  let n = 0;
  if (n > 1) return null;
  return fetch("https://x/api/video/room_tokens");
}`,
		want: nil,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseT(t, tt.path, tt.src)
			var got []string
			for _, g := range s.Gates {
				got = append(got, gateString(tt.src, s, g))
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Gates =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
	s := parseT(t, "x.tsx", "\"use client\";\nexport async function f(req) { const u = await getUser(req); if (!u) return; return fetch(\"/a\"); }")
	if len(s.Gates) != 0 {
		t.Errorf("a \"use client\" module has gates: %+v", s.Gates)
	}
}

// TestGateScopes checks the spans tokenauth uses to decide dominance.
func TestGateScopes(t *testing.T) {
	src := `import { mint } from "@/lib/sw";
export async function POST(req) {
  const user = await getUser(req);
  if (!user) {
    return new Response(null, { status: 401 });
  } else if (user.banned) {
    throw new Error("banned");
  }
  return mint();
}`
	s := parseT(t, "route.ts", src)
	var outer *Gate
	for i := range s.Gates {
		if strings.HasPrefix(src[s.Gates[i].Span.Start:], "if (!user)") {
			outer = &s.Gates[i]
		}
	}
	if outer == nil {
		t.Fatalf("no gate for if (!user): %+v", s.Gates)
	}
	body := src[outer.Scope.Start:outer.Scope.End]
	if !strings.HasPrefix(body, "{\n  const user") || !strings.HasSuffix(body, "return mint();\n}") {
		t.Errorf("Scope = %q, want the function body", body)
	}
	if got := src[outer.Then.Start:outer.Then.End]; !strings.Contains(got, "status: 401") {
		t.Errorf("Then = %q", got)
	}
	if got := src[outer.Else.Start:outer.Else.End]; !strings.HasPrefix(got, "if (user.banned)") {
		t.Errorf("Else = %q", got)
	}
}
