package syntax

import (
	"slices"
	"strings"
	"testing"
)

// seedRoute is the seed document's token route handler.
const seedRoute = `import { NextResponse } from "next/server";

export const dynamic = "force-dynamic"; // never cache the token

export async function POST(req: Request) {
  const user = await getUserFromRequest(req);
  if (!user) return NextResponse.json({ error: "unauthorized" }, { status: 401 });

  const auth = Buffer.from(
    ` + "`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`" + `
  ).toString("base64");

  const res = await fetch(
    ` + "`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`" + `,
    {
      method: "POST",
      headers: {
        Authorization: ` + "`Basic ${auth}`" + `,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ reference: user.id }),
    }
  );

  if (!res.ok) {
    return NextResponse.json({ error: "token mint failed" }, { status: 502 });
  }

  const { token } = await res.json();
  return NextResponse.json({ token });
}
`

func funcNamed(t *testing.T, s *Summary, name string) (int, Func) {
	t.Helper()
	for i, fn := range s.Funcs {
		if fn.Name == name || name == "" && fn.Export == "default" {
			return i, fn
		}
	}
	t.Fatalf("no Func %q in %+v", name, s.Funcs)
	return -1, Func{}
}

func TestMintSeedRoute(t *testing.T) {
	s := parseT(t, "route.ts", seedRoute)
	if len(s.Requests) != 1 {
		t.Fatalf("Requests = %+v, want the one fetch", s.Requests)
	}
	r := s.Requests[0]
	i, post := funcNamed(t, s, "POST")
	if r.Client != "fetch" || r.Method != "" || r.Func != i {
		t.Errorf("request = %+v, want fetch in POST (func %d)", r, i)
	}
	if r.URL != "https://${}/api/fabric/subscribers/tokens" {
		t.Errorf("URL = %q", r.URL)
	}
	if !r.BasicAuth || !slices.Contains(r.AuthNames, "SIGNALWIRE_PROJECT_ID") || !slices.Contains(r.AuthNames, "SIGNALWIRE_TOKEN") {
		t.Errorf("BasicAuth = %v, AuthNames = %v: want Basic from the two credentials (through const auth)", r.BasicAuth, r.AuthNames)
	}
	if !r.HasOptions || r.Options.End == 0 || seedRoute[r.Options.Start] != '{' || seedRoute[r.Options.End-1] != '}' {
		t.Errorf("Options = %+v, want the inline object literal", r.Options)
	}
	if r.Cache.Present() || r.Revalidate.Present() || r.UnstableCache || r.UseCache.End != 0 || s.UseCache.End != 0 {
		t.Errorf("cache facts = %+v", r)
	}
	if post.Export != "POST" || post.Params != 1 || post.ParamRead < 0 || !strings.HasPrefix(seedRoute[post.ParamRead:], "req)") {
		t.Errorf("POST = %+v, want exported, reading req in getUserFromRequest(req)", post)
	}
	if !strings.HasPrefix(seedRoute[r.URLArg.Start:], "`https://") {
		t.Errorf("URLArg = %+v", r.URLArg)
	}
}

func TestMintOptions(t *testing.T) {
	src := `const init = { cache: "force-cache" as const };
export async function GET() {
  await fetch("https://x/api/video/room_tokens", { next: { revalidate: 3600 }, cache: mode });
  await fetch("https://x/api/video/room_tokens", init);
  await fetch("https://x/api/video/room_tokens");
  await fetch("https://x/api/video/room_tokens", { next: { revalidate: false, tags: ["t"] } });
}
`
	s := parseT(t, "route.ts", src)
	if len(s.Requests) != 4 {
		t.Fatalf("Requests = %+v", s.Requests)
	}
	r := s.Requests
	if !r[0].Revalidate.Literal || r[0].Revalidate.Value != "3600" || !r[0].Cache.Present() || r[0].Cache.Literal {
		t.Errorf("first = %+v: want revalidate 3600 and a computed cache", r[0])
	}
	if !r[1].HasOptions || r[1].Options.End != 0 || r[1].Cache.Value != "force-cache" || !r[1].Cache.Literal {
		t.Errorf("second = %+v: want options through a constant, not inline, cache force-cache", r[1])
	}
	if r[2].HasOptions || r[2].Cache.Present() || src[r[2].URLArg.End] != ')' {
		t.Errorf("third = %+v: want no options", r[2])
	}
	if r[3].Revalidate.Value != "false" || !r[3].Revalidate.Literal {
		t.Errorf("fourth = %+v: want revalidate false", r[3])
	}
}

func TestMintURLs(t *testing.T) {
	src := `const SPACE = process.env.SIGNALWIRE_SPACE;
const TOKENS = "/api/fabric/subscribers/tokens";
const base = ` + "`https://${SPACE}`" + `;
export async function a() {
  const url = base + "/api/relay/rest/jwt";
  await fetch(url);
  await fetch(new URL("/api/video/room_tokens", base));
  await fetch(` + "`${base}${TOKENS}`" + `);
  await fetch(new URL(TOKENS, base).toString());
  await fetch(someUrl());
}
`
	s := parseT(t, "a.ts", src)
	var got []string
	for _, r := range s.Requests {
		got = append(got, r.URL)
	}
	want := []string{"https://${}/api/relay/rest/jwt", "/api/video/room_tokens", "https://${}/api/fabric/subscribers/tokens", "/api/fabric/subscribers/tokens", "${}"}
	if !slices.Equal(got, want) {
		t.Errorf("URLs = %q\nwant   %q", got, want)
	}
}

func TestMintAuthNames(t *testing.T) {
	src := `import { env } from "@/env";
const { SIGNALWIRE_PROJECT_ID, SIGNALWIRE_TOKEN } = process.env;
const project = process.env["SIGNALWIRE_PROJECT_ID"]!;
export async function a() {
  await fetch(u, { headers: { Authorization: "Basic " + btoa(SIGNALWIRE_PROJECT_ID + ":" + SIGNALWIRE_TOKEN) } });
  const creds = ` + "`${project}:${env.SIGNALWIRE_API_TOKEN}`" + `;
  const header = ` + "`Basic ${Buffer.from(creds).toString(\"base64\")}`" + `;
  await fetch(u, { method: "POST", headers: new Headers({ authorization: header }) });
  await fetch(u, { headers: { Authorization: ` + "`Bearer ${process.env.SIGNALWIRE_TOKEN}`" + ` } });
  await axios.post(u, body, { auth: { username: process.env.SIGNALWIRE_PROJECT_ID, password: process.env.SIGNALWIRE_TOKEN } });
  await got.post(u, { username: SIGNALWIRE_PROJECT_ID, password: SIGNALWIRE_TOKEN });
}
`
	s := parseT(t, "a.ts", src)
	if len(s.Requests) != 5 {
		t.Fatalf("Requests = %+v", s.Requests)
	}
	type want struct {
		client, method string
		basic          bool
		names          []string
	}
	for i, w := range []want{
		{"fetch", "", true, []string{"SIGNALWIRE_PROJECT_ID", "SIGNALWIRE_TOKEN"}},
		{"fetch", "", true, []string{"SIGNALWIRE_PROJECT_ID", "SIGNALWIRE_API_TOKEN"}},
		{"fetch", "", false, nil},
		{"axios", "post", true, []string{"SIGNALWIRE_PROJECT_ID", "SIGNALWIRE_TOKEN"}},
		{"got", "post", true, []string{"SIGNALWIRE_PROJECT_ID", "SIGNALWIRE_TOKEN"}},
	} {
		r := s.Requests[i]
		names := slices.Clone(r.AuthNames)
		slices.Sort(names)
		slices.Sort(w.names)
		if r.Client != w.client || r.Method != w.method || r.BasicAuth != w.basic || !slices.Equal(names, w.names) {
			t.Errorf("request %d = %s.%s basic=%v names=%v; want %+v", i, r.Client, r.Method, r.BasicAuth, r.AuthNames, w)
		}
	}
}

func TestMintNotRequests(t *testing.T) {
	src := `// fetch("https://x/api/video/room_tokens")
const s = "fetch(x)";
client.fetch("https://x/api/video/room_tokens");
const fetcher = (u) => u;
axios.create({ baseURL: "x" });
export const prefetch = 1;
`
	if s := parseT(t, "a.ts", src); len(s.Requests) != 0 {
		t.Errorf("Requests = %+v, want none", s.Requests)
	}
}

func TestMintCacheWrappers(t *testing.T) {
	src := `"use cache";
import { unstable_cache } from "next/cache";
import { mintToken } from "@/lib/sw";

const cached = unstable_cache(async () => {
  return fetch("https://x/api/video/room_tokens");
}, ["token"], { revalidate: 3600 });

const viaRef = unstable_cache(mintToken, ["token"]);

async function helper() {
  "use cache: remote";
  const inner = () => fetch("https://x/api/relay/rest/jwt");
  return inner();
}

export async function GET() {
  return Response.json({ a: await cached(), b: await viaRef(), c: await helper() });
}
`
	s := parseT(t, "route.ts", src)
	if s.UseCache.End == 0 || !strings.HasPrefix(src[s.UseCache.Start:], `"use cache";`) {
		t.Errorf("file UseCache = %+v", s.UseCache)
	}
	if len(s.Requests) != 2 {
		t.Fatalf("Requests = %+v", s.Requests)
	}
	ci, cached := funcNamed(t, s, "cached")
	if !s.Requests[0].UnstableCache || s.Requests[0].Func != ci || cached.Wrapper != "unstable_cache" {
		t.Errorf("first request %+v in %+v: want inside unstable_cache", s.Requests[0], cached)
	}
	hi, helper := funcNamed(t, s, "helper")
	r := s.Requests[1]
	if r.UnstableCache || r.Func != hi || r.UseCache.End == 0 || !strings.HasPrefix(src[r.UseCache.Start:], `"use cache: remote";`) || helper.UseCache != r.UseCache {
		t.Errorf("second request %+v in %+v: want the helper's use cache directive", r, helper)
	}
	_, viaRef := funcNamed(t, s, "viaRef")
	if viaRef.Wrapper != "unstable_cache" || !hasUse(viaRef, "mintToken", "", true) {
		t.Errorf("viaRef = %+v: want unstable_cache wrapping the imported mintToken", viaRef)
	}
	_, get := funcNamed(t, s, "GET")
	for _, name := range []string{"cached", "viaRef", "helper"} {
		if !hasUse(get, name, "", false) {
			t.Errorf("GET uses = %+v, want %s", get.Uses, name)
		}
	}
	if get.ParamRead != -1 || get.Params != 0 {
		t.Errorf("GET = %+v: no parameters", get)
	}
}

func hasUse(fn Func, name, member string, imported bool) bool {
	for _, u := range fn.Uses {
		if u.Name == name && u.Member == member && (u.Import >= 0) == imported {
			return true
		}
	}
	return false
}

func TestMintFuncs(t *testing.T) {
	src := `import * as sw from "./sw";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";

function handler(req, res) {
  res.setHeader("Cache-Control", "public, s-maxage=60");
  return sw.mintToken();
}
export default withSession(handler);

async function get(request: NextRequest) {
  const c = cookies();
  return local(c);
}
const local = async (x) => x;
export { get as GET, local };

export const POST = withAuth(async (req, { params }) => Response.json(await sw.mint(params.id)));
export async function PUT(_req: Request, _ctx: unknown) {
  return new Response("", { headers: { "Cache-Control": "no-store", "CDN-Cache-Control": ttl } });
}
export const PATCH = async () => new Response("", { headers: { "Vercel-CDN-Cache-Control": "max-age=60" } });
`
	s := parseT(t, "route.ts", src)
	hi, handler := funcNamed(t, s, "handler")
	if handler.Export != "" || handler.Params != 2 || !hasUse(handler, "sw", "mintToken", true) {
		t.Errorf("handler = %+v", handler)
	}
	_, def := funcNamed(t, s, "")
	if def.Wrapper != "withSession" || !hasUse(def, "handler", "", false) {
		t.Errorf("default = %+v: want withSession wrapping handler", def)
	}
	for _, u := range def.Uses {
		if u.Name == "handler" && u.Func != hi {
			t.Errorf("default's use of handler points at func %d, want %d", u.Func, hi)
		}
	}
	_, get := funcNamed(t, s, "get")
	if get.Export != "GET" || get.ParamRead != -1 || !hasUse(get, "cookies", "", true) || !hasUse(get, "local", "", false) {
		t.Errorf("get = %+v: want exported as GET, request unread, cookies and local used", get)
	}
	if _, local := funcNamed(t, s, "local"); local.Export != "local" {
		t.Errorf("local = %+v", local)
	}
	_, post := funcNamed(t, s, "POST")
	if post.Wrapper != "withAuth" || post.Params != 2 || post.ParamRead < 0 || !strings.HasPrefix(src[post.ParamRead:], "{ params }") {
		t.Errorf("POST = %+v: want withAuth, the destructured context read where declared", post)
	}
	_, put := funcNamed(t, s, "PUT")
	if put.ParamRead != -1 {
		t.Errorf("PUT = %+v: declares params in its parameter list only", put)
	}
	var got []string
	for _, h := range s.CacheHeaders {
		got = append(got, h.Name+"="+h.Value+"@"+s.Funcs[h.Func].Export)
	}
	want := []string{"Cache-Control=public, s-maxage=60@", "Cache-Control=no-store@PUT", "Vercel-CDN-Cache-Control=max-age=60@PATCH"}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("CacheHeaders = %q\nwant %q", got, want)
	}
	for _, h := range s.CacheHeaders {
		if lit := src[h.Span.Start:h.Span.End]; unquote(lit) != h.Value {
			t.Errorf("header span %q does not hold %q", lit, h.Value)
		}
	}
}
