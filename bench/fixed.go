package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// custom creates a non-importable module with its own renderer, linked to
// links and to n random imports of the kinds allowed.
func (g *gen) custom(u *unit, p string, links []*module, kinds map[kind]int, n int, pagesSafe bool, render func(*src)) *module {
	m := &module{u: u, kind: kFixed, path: p, private: true, pagesSafe: pagesSafe}
	for _, l := range links {
		g.link(m, l, l, false)
	}
	if n > 0 {
		g.chooseImports(m, kinds, n+len(links))
	}
	m.render = func(m *module) string {
		s := g.newSrc(m)
		render(s)
		return s.text
	}
	g.add(m)
	return m
}

// seeded creates one of the seeded mistakes: importable by the modules
// that link it, never picked at random.
func (g *gen) seeded(u *unit, p string, k kind, values, types []string, render func(*src)) *module {
	m := &module{u: u, kind: k, path: p, private: true, values: values, types: types}
	for _, n := range append(append([]string(nil), values...), types...) {
		g.used[n] = true
	}
	if k == kUtil {
		m.tainted = true
		m.sdkDirect = true
	}
	m.render = func(m *module) string {
		s := g.newSrc(m)
		render(s)
		return s.text
	}
	g.add(m)
	return m
}

func (g *gen) webFixed(u *unit) {
	g.fixed(u, "next.config.ts", kFixed, func(*module) string { return nextConfigTS })
	g.custom(u, "src/middleware.ts", nil, map[kind]int{kUtil: 1}, 1, false, g.renderMiddleware)
	g.custom(u, "src/instrumentation-client.ts", nil, map[kind]int{kUtil: 1}, 1, false, g.renderInstrumentationClient)
	g.custom(u, "src/app/layout.tsx", nil, allowed[kLayout], 3, false, g.rootLayout(true))
	g.entry(u, "src/app/page.tsx", kPage, nil)
	g.custom(u, "src/app/not-found.tsx", nil, allowed[kNotFound], 2, false, g.renderNotFound)
	g.custom(u, "src/app/global-error.tsx", nil, nil, 0, false, g.renderGlobalError)
	g.fixed(u, "src/app/api/sw-token/route.ts", kFixed, func(*module) string { return tokenRoute })
	g.custom(u, "src/app/sitemap.ts", nil, map[kind]int{kServerLib: 1}, 1, false, g.renderSitemap)

	cs := g.seeded(u, "src/lib/telephony/call-session.ts", kUtil,
		[]string{"describeCallSession", "createCallSession"}, []string{"CallSessionOptions"}, renderCallSession)
	vb := g.seeded(u, "src/components/layout/viewport-banner.tsx", kClient,
		[]string{"ViewportBanner"}, []string{"ViewportBannerProps"}, renderViewportBanner)
	g.entry(u, "src/app/(dashboard)/calls/page.tsx", kPage, []*module{cs})
	g.entry(u, "src/app/(marketing)/pricing/page.tsx", kPage, []*module{vb})
}

func (g *gen) adminFixed(u *unit) {
	g.fixed(u, "next.config.mjs", kFixed, func(*module) string { return nextConfigMJS })
	g.custom(u, "app/layout.tsx", nil, allowed[kLayout], 2, false, g.rootLayout(false))
	g.entry(u, "app/page.tsx", kPage, nil)
	g.entry(u, "app/loading.tsx", kLoading, nil)
	g.custom(u, "pages/_app.tsx", nil, map[kind]int{kComponent: 1}, 1, true, g.renderPagesApp)
	g.fixed(u, "pages/_document.tsx", kFixed, func(*module) string { return pagesDocument })
	g.fixed(u, "pages/api/health.ts", kFixed, func(*module) string { return pagesHealth })
	g.fixed(u, "pages/api/sw-token.ts", kFixed, func(*module) string { return pagesTokenRoute })
	// The seed's Pages Router pattern: the SDK component through
	// next/dynamic with ssr: false.
	m := &module{u: u, kind: kPagesPage, path: "pages/calls/dialer.tsx", private: true, pagesSafe: true}
	if sdk := g.allSDK(); len(sdk) > 0 {
		g.linkHow(m, sdk[0], dynNoSSR)
	}
	g.chooseImports(m, allowed[kPagesPage], 2)
	m.render = g.renderPagesPage
	g.add(m)
}

func (g *gen) docsFixed(u *unit) {
	g.custom(u, "src/app/layout.tsx", nil, allowed[kLayout], 2, false, g.rootLayout(true))
	g.entry(u, "src/app/page.tsx", kPage, nil)
	cw := g.seeded(u, "src/components/call-widget-embed.tsx", kClient,
		[]string{"CallWidgetEmbed"}, []string{"CallWidgetEmbedProps"}, renderCallWidgetEmbed)
	g.entry(u, "src/app/support/page.tsx", kPage, []*module{cw})
	g.fixed(u, "src/app/robots.ts", kFixed, func(*module) string { return robots })
}

// reserveSegments keeps random routes off the fixed ones.
func reserveSegments(u *unit) {
	for _, s := range []string{"(dashboard)/calls/", "(marketing)/pricing/", "support/", "api/sw-token/", "calls/"} {
		u.segs[s] = true
	}
}

// ---- Seeded mistakes ----

func renderCallSession(s *src) {
	s.ext("@signalwire/js", "SignalWire", "StaticCredentialProvider")
	s.l("// Helpers for the calls dashboard. (Seeded mistake: this plain module",
		"// imports the browser SDK, and a Server Component imports it.)", "",
		"export interface CallSessionOptions {",
		"  token: string;",
		"  destination?: string;",
		"}", "",
		"export function describeCallSession(id: string): string {",
		"  return id ? `Call session ${id}` : \"No active call\";",
		"}", "",
		"export function createCallSession({ token }: CallSessionOptions) {",
		"  return new SignalWire(new StaticCredentialProvider({ token }));",
		"}")
	s.text = s.finish("", 40)
}

func renderViewportBanner(s *src) {
	s.ext("react", "useState")
	s.l("// Seeded mistake: window is read when the module is evaluated, which",
		"// happens on the server when the page is prerendered.",
		"const initialWidth = window.innerWidth;", "",
		"export interface ViewportBannerProps {",
		"  title?: string;",
		"}", "",
		"export function ViewportBanner({ title = \"Welcome\" }: ViewportBannerProps) {",
		"  const [width] = useState(initialWidth);",
		"  return (",
		"    <p className=\"rounded-md bg-muted px-3 py-2 text-sm\">",
		"      {title}: {width < 768 ? \"mobile\" : \"desktop\"} layout",
		"    </p>",
		"  );",
		"}")
	s.text = s.finish("use client", 60)
}

func renderCallWidgetEmbed(s *src) {
	s.extSide("@signalwire/web-components")
	s.l("// Seeded mistake: the web components register custom elements when",
		"// imported, and this client component is still rendered on the server.", "",
		"export interface CallWidgetEmbedProps {",
		"  token: string;",
		"}", "",
		"export function CallWidgetEmbed({ token }: CallWidgetEmbedProps) {",
		"  return <sw-call-widget token={token} destination=\"/public/support\" />;",
		"}")
	s.text = s.finish("use client", 50)
}

// ---- Other fixed modules ----

func (g *gen) rootLayout(embed bool) func(*src) {
	return func(s *src) {
		s.ext("next", "type:Metadata")
		s.ext("react", "type:ReactNode")
		if embed {
			s.ext("next/script", "default:Script")
		}
		s.extSide("./globals.css")
		s.f("export const metadata: Metadata = { title: { default: %q, template: \"%%s · Acme\" } };", "Acme "+pick(g.r, labels))
		s.l("", "export default function RootLayout({ children }: { children: ReactNode }) {",
			"  return (",
			"    <html lang=\"en\">",
			"      <body className=\"min-h-screen bg-background antialiased\">")
		for _, c := range s.b.comps {
			s.f("        <%s title=\"Acme\" items={[]} />", c)
		}
		s.l("        {children}")
		if embed {
			s.l("        <Script",
				"          src=\"https://unpkg.com/@signalwire/web-components/dist/embed/signalwire-web-components-embed.iife.js\"",
				"          strategy=\"afterInteractive\"",
				"        />")
		}
		s.l("      </body>", "    </html>", "  );", "}")
		s.text = s.finish("", 30)
	}
}

func (g *gen) renderMiddleware(s *src) {
	s.ext("next/server", "NextResponse", "type:NextRequest")
	s.l("const PUBLIC_PATHS = [\"/\", \"/pricing\", \"/login\", \"/api/health\"];", "",
		"export function middleware(request: NextRequest) {",
		"  const { pathname } = request.nextUrl;",
		"  if (PUBLIC_PATHS.includes(pathname) || pathname.startsWith(\"/_next\")) {",
		"    return NextResponse.next();",
		"  }",
		"  const session = request.cookies.get(\"session\")?.value;")
	for _, f := range s.useFns(1) {
		s.f("  void %s(pathname);", f)
	}
	s.l("  if (!session) {",
		"    const url = request.nextUrl.clone();",
		"    url.pathname = \"/login\";",
		"    url.searchParams.set(\"next\", pathname);",
		"    return NextResponse.redirect(url);",
		"  }",
		"  return NextResponse.next();",
		"}", "",
		"export const config = {",
		"  matcher: [\"/((?!_next/static|_next/image|favicon.ico).*)\"],",
		"};")
	s.text = s.finish("", 30)
}

// instrumentation-client runs only in the browser: module-scope window is
// fine there.
func (g *gen) renderInstrumentationClient(s *src) {
	s.l("// Runs in the browser before the app hydrates (never on the server).",
		"const startedAt = performance.now();", "",
		"window.addEventListener(\"error\", (event) => {",
		"  navigator.sendBeacon?.(\"/api/client-errors\", JSON.stringify({ message: event.message, at: startedAt }));",
		"});")
	for _, f := range s.useFns(1) {
		s.f("void %s(document.referrer);", f)
	}
	s.l("", "export function onRouterTransitionStart(url: string) {",
		"  document.documentElement.dataset.navigating = url;", "}")
	s.text = s.finish("", 20)
}

func (g *gen) renderNotFound(s *src) {
	s.ext("next/link", "default:Link")
	s.l("export default function NotFound() {", "  return (",
		"    <main className=\"mx-auto max-w-xl space-y-4 p-10 text-center\">",
		"      <h1 className=\"text-2xl font-semibold\">Page not found</h1>")
	for _, c := range s.b.comps {
		s.f("      <%s title=\"Not found\" items={[]} />", c)
	}
	s.l("      <Link href=\"/\">Back home</Link>", "    </main>", "  );", "}")
	s.text = s.finish("", 20)
}

func (g *gen) renderGlobalError(s *src) {
	s.ext("react", "useEffect")
	s.l("export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {",
		"  useEffect(() => {",
		"    console.error(error);",
		"  }, [error]);", "",
		"  return (",
		"    <html lang=\"en\">",
		"      <body>",
		"        <h2>Something went wrong</h2>",
		"        <button type=\"button\" onClick={() => reset()}>",
		"          Try again",
		"        </button>",
		"      </body>",
		"    </html>",
		"  );",
		"}")
	s.text = s.finish("use client", 20)
}

func (g *gen) renderSitemap(s *src) {
	s.ext("next", "type:MetadataRoute")
	s.l("const BASE_URL = process.env.NEXT_PUBLIC_SITE_URL ?? \"https://example.com\";", "",
		"export default async function sitemap(): Promise<MetadataRoute.Sitemap> {",
		"  const now = new Date();",
		"  const staticRoutes = [\"\", \"/pricing\", \"/login\"].map((route) => ({",
		"    url: `${BASE_URL}${route}`,",
		"    lastModified: now,",
		"  }));")
	for _, l := range s.b.loaders[:min(1, len(s.b.loaders))] {
		s.f("  const latest = await %s(\"sitemap\");", l)
		s.l("  void latest;")
	}
	s.l("  return staticRoutes;", "}")
	s.text = s.finish("", 20)
}

func (g *gen) renderPagesApp(s *src) {
	s.ext("next/app", "type:AppProps")
	s.extSide("../app/globals.css")
	s.l("export default function AdminApp({ Component, pageProps }: AppProps) {", "  return (", "    <>")
	for _, c := range s.b.comps {
		s.f("      <%s title=\"Admin\" items={[]} />", c)
	}
	s.l("      <Component {...pageProps} />", "    </>", "  );", "}")
	s.text = s.finish("", 15)
}

func renderElementsDTS(*module) string {
	var b strings.Builder
	b.WriteString(`// JSX types for the SignalWire custom elements, registered by
// @signalwire/web-components in the browser.
import type { DetailedHTMLProps, HTMLAttributes } from "react";

type SwElementProps = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {
  token?: string;
  destination?: string;
  "support-audio"?: boolean;
  "support-video"?: boolean;
};

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
`)
	for _, e := range []string{"sw-call-widget", "sw-click-to-call", "sw-call-media", "sw-self-media", "sw-local-camera",
		"sw-participants", "sw-participant-controls", "sw-call-controls", "sw-call-status", "sw-call-provider",
		"sw-call-dialpad", "sw-directory", "sw-device-selector", "sw-audio-level"} {
		fmt.Fprintf(&b, "      %q: SwElementProps;\n", e)
	}
	b.WriteString("    }\n  }\n}\n\nexport {};\n")
	return b.String()
}

// extSide records a side-effect import (`import "spec";`).
func (s *src) extSide(spec string) {
	if _, ok := s.extra[spec]; !ok {
		s.order = append(s.order, spec)
		s.extra[spec] = nil
	}
}

const nextConfigTS = `import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  transpilePackages: ["@acme/ui", "@acme/utils", "@acme/api", "@acme/signalwire"],
  images: {
    remotePatterns: [{ protocol: "https", hostname: "cdn.example.com" }],
  },
  experimental: {
    optimizePackageImports: ["lucide-react", "date-fns"],
  },
};

export default nextConfig;
`

const nextConfigMJS = `/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  transpilePackages: ["@acme/ui", "@acme/utils", "@acme/api", "@acme/signalwire"],
  env: {
    NEXT_PUBLIC_ADMIN_BUILD: "1",
  },
};

export default nextConfig;
`

// tokenRoute is the seed's token route handler.
const tokenRoute = `import { NextResponse } from "next/server";

export const dynamic = "force-dynamic"; // never cache the token

async function getUserFromRequest(req: Request): Promise<{ id: string } | null> {
  const cookie = req.headers.get("cookie") ?? "";
  const match = /(?:^|;\s*)session=([^;]+)/.exec(cookie);
  return match ? { id: decodeURIComponent(match[1]) } : null;
}

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

const pagesTokenRoute = `import type { NextApiRequest, NextApiResponse } from "next";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    return res.status(405).json({ error: "method not allowed" });
  }
  const session = req.cookies.session;
  if (!session) return res.status(401).json({ error: "unauthorized" });

  const auth = Buffer.from(
    ` + "`${process.env.SIGNALWIRE_PROJECT_ID}:${process.env.SIGNALWIRE_TOKEN}`" + `
  ).toString("base64");
  const upstream = await fetch(
    ` + "`https://${process.env.SIGNALWIRE_SPACE}/api/fabric/subscribers/tokens`" + `,
    {
      method: "POST",
      headers: { Authorization: ` + "`Basic ${auth}`" + `, "Content-Type": "application/json" },
      body: JSON.stringify({ reference: session }),
    }
  );
  res.setHeader("Cache-Control", "private, no-store");
  if (!upstream.ok) return res.status(502).json({ error: "token mint failed" });
  const { token } = await upstream.json();
  return res.status(200).json({ token });
}
`

const pagesHealth = `import type { NextApiRequest, NextApiResponse } from "next";

export default function handler(_req: NextApiRequest, res: NextApiResponse) {
  res.setHeader("Cache-Control", "no-store");
  res.status(200).json({ ok: true, uptime: process.uptime() });
}
`

const pagesDocument = `import { Head, Html, Main, NextScript } from "next/document";

export default function Document() {
  return (
    <Html lang="en">
      <Head />
      <body className="antialiased">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
`

const robots = `import type { MetadataRoute } from "next";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/"] },
    sitemap: "https://docs.example.com/sitemap.xml",
  };
}
`

// ---- Config files ----

// kv is an ordered JSON object, so package.json reads like a real one.
type kv []struct {
	k string
	v any
}

func obj(pairs ...any) kv {
	var o kv
	for i := 0; i+1 < len(pairs); i += 2 {
		o = append(o, struct {
			k string
			v any
		}{pairs[i].(string), pairs[i+1]})
	}
	return o
}

func (o kv) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.k)
		v, err := json.Marshal(p.v)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func jsonFile(v any) string {
	raw, err := json.Marshal(v)
	if err != nil {
		panic(err) // only static data is marshalled
	}
	var out bytes.Buffer
	if err := json.Indent(&out, raw, "", "  "); err != nil {
		panic(err)
	}
	return out.String() + "\n"
}

func (g *gen) file(p, data string) { g.files = append(g.files, fileOut{p, data}) }

func (g *gen) configFiles() {
	g.file("package.json", jsonFile(obj(
		"name", "acme", "private", true, "packageManager", "pnpm@9.15.4",
		"scripts", obj("build", "turbo run build", "dev", "turbo run dev", "lint", "turbo run lint", "lint:ssr", "ssrlint ."),
		"devDependencies", obj("turbo", "^2.4.0", "typescript", "^5.7.3"),
	)))
	g.file("pnpm-workspace.yaml", "packages:\n  - \"apps/*\"\n  - \"packages/*\"\n\ncatalog:\n  next: ^15.3.2\n  react: ^19.1.0\n  react-dom: ^19.1.0\n")
	g.file("turbo.json", jsonFile(obj("$schema", "https://turbo.build/schema.json",
		"tasks", obj("build", obj("dependsOn", []string{"^build"}, "outputs", []string{".next/**", "!.next/cache/**", "dist/**"}),
			"dev", obj("cache", false, "persistent", true), "lint", obj()))))
	g.file(".gitignore", "node_modules\n.next\ndist\n.turbo\n*.tsbuildinfo\n.env*.local\n")
	g.file(".npmrc", "auto-install-peers=true\n")
	g.file("tsconfig.base.json", jsonFile(obj("compilerOptions", obj(
		"target", "ES2022", "lib", []string{"dom", "dom.iterable", "esnext"}, "strict", true, "skipLibCheck", true,
		"module", "esnext", "moduleResolution", "bundler", "resolveJsonModule", true, "isolatedModules", true,
		"jsx", "preserve", "noEmit", true, "esModuleInterop", true))))
	deps := obj("@acme/api", "workspace:*", "@acme/signalwire", "workspace:*", "@acme/ui", "workspace:*", "@acme/utils", "workspace:*")
	for _, u := range g.units {
		if u.app {
			g.appConfig(u, deps)
		} else {
			g.packageConfig(u)
		}
	}
}

func (g *gen) appConfig(u *unit, ws kv) {
	next := map[string]string{"apps/web": "^15.3.2", "apps/admin": "^14.2.28", "apps/docs": "catalog:"}[u.dir]
	react := map[string]string{"apps/admin": "^18.3.1"}[u.dir]
	if react == "" {
		react = "catalog:"
	}
	deps := append(kv(nil), ws...)
	deps = append(deps, obj("@signalwire/js", "^4.0.0-beta.12", "@signalwire/web-components", "^1.2.0",
		"clsx", "^2.1.1", "date-fns", "^4.1.0", "lucide-react", "^0.475.0", "next", next,
		"react", react, "react-dom", react, "server-only", "^0.0.1", "zod", "^3.24.1")...)
	g.file(u.dir+"/package.json", jsonFile(obj(
		"name", u.name, "version", "0.1.0", "private", true,
		"scripts", obj("dev", "next dev", "build", "next build", "start", "next start", "lint", "next lint"),
		"dependencies", deps,
		"devDependencies", obj("@types/node", "^22", "@types/react", "^19", "@types/react-dom", "^19", "typescript", "^5.7.3"),
	)))
	g.file(u.dir+"/tsconfig.json", jsonFile(obj(
		"extends", "../../tsconfig.base.json",
		"compilerOptions", obj("allowJs", true, "incremental", true, "plugins", []any{obj("name", "next")},
			"paths", obj("@/*", []string{"./" + u.src + "*"})),
		"include", []string{"next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"},
		"exclude", []string{"node_modules"},
	)))
	g.file(u.dir+"/"+u.src+"app/globals.css", "@tailwind base;\n@tailwind components;\n@tailwind utilities;\n\n:root {\n  --radius: 0.5rem;\n}\n")
}

func (g *gen) packageConfig(u *unit) {
	exports := obj(".", "./src/index.ts")
	dirs := map[string]bool{}
	for _, m := range u.mods {
		if m.kind == kBarrel || m.kind == kFixed {
			continue
		}
		dirs[strings.SplitN(strings.TrimPrefix(m.path, "src/"), "/", 2)[0]] = true
	}
	for _, d := range []string{"components", "hooks", "lib", "types"} {
		if !dirs[d] {
			continue
		}
		ext := ".ts"
		if d == "components" {
			ext = ".tsx"
		}
		exports = append(exports, obj("./"+d+"/*", "./src/"+d+"/*"+ext)...)
	}
	for _, b := range u.areaBarrels {
		exports = append(exports, obj("./"+b.area, "./"+b.path)...)
	}
	deps := obj()
	for _, v := range g.units {
		if !v.app && v.order < u.order {
			deps = append(deps, obj(v.name, "workspace:*")...)
		}
	}
	if u.dir == "packages/signalwire" {
		deps = append(deps, obj("@signalwire/js", "^4.0.0-beta.12", "@signalwire/web-components", "^1.2.0")...)
	}
	g.file(u.dir+"/package.json", jsonFile(obj(
		"name", u.name, "version", "0.0.0", "private", true, "type", "module", "sideEffects", false,
		"exports", exports,
		"scripts", obj("lint", "eslint src", "typecheck", "tsc --noEmit"),
		"dependencies", deps,
		"peerDependencies", obj("next", ">=14", "react", ">=18"),
	)))
	g.file(u.dir+"/tsconfig.json", jsonFile(obj("extends", "../../tsconfig.base.json", "include", []string{"src"})))
}
