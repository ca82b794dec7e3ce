package bench

import (
	"fmt"
	"path"
	"strings"
)

// binds are the first-party names a module imported, by how it can use them.
type binds struct {
	comps   []string // JSX components (incl. next/dynamic locals)
	hooks   []string
	fns     []string // plain functions
	loaders []string // async server functions
	actions []string // server actions
	types   []string
	effects []effectImport // import() to run inside an effect
}

type effectImport struct {
	spec string
	fn   string
}

// src accumulates one file.
type src struct {
	g     *gen
	m     *module
	loc   *locals
	head  []string // directives and imports
	top   []string // module-scope helpers
	main  []string // the module's main code
	tsx   bool
	icon  string      // a lucide-react icon shown in the header
	text  string      // the rendered file, for custom renderers
	fills map[int]int // filler kinds used so far
	b     binds
	extra map[string][]string // external imports: spec → names ("default:X", "type:X", "X")
	order []string
}

func (g *gen) newSrc(m *module) *src {
	s := &src{g: g, m: m, loc: newLocals(), tsx: strings.HasSuffix(m.path, ".tsx"), extra: map[string][]string{}}
	s.loc.reserve(m.values...)
	s.loc.reserve(m.types...)
	// Bindings are known before the body is written, so the body can use
	// the imported names.
	s.head = s.firstParty()
	return s
}

// ext records an external import; names are "X", "default:X" or "type:X".
func (s *src) ext(spec string, names ...string) {
	if _, ok := s.extra[spec]; !ok {
		s.order = append(s.order, spec)
		s.extra[spec] = nil
	}
	for _, n := range names {
		if !contains2(s.extra[spec], n) {
			s.extra[spec] = append(s.extra[spec], n)
			s.loc.reserve(strings.TrimPrefix(strings.TrimPrefix(n, "default:"), "type:"))
		}
	}
}

func contains2(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (s *src) l(lines ...string)         { s.main = append(s.main, lines...) }
func (s *src) tl(lines ...string)        { s.top = append(s.top, lines...) }
func (s *src) f(format string, a ...any) { s.main = append(s.main, fmt.Sprintf(format, a...)) }

// firstParty renders m's first-party imports into s.b and returns the lines.
func (s *src) firstParty() []string {
	g, m := s.g, s.m
	var lines, dyn []string
	for _, e := range m.imports {
		spec := g.spec(m, e.to)
		switch e.how {
		case effect:
			s.b.effects = append(s.b.effects, effectImport{spec, e.to.values[0]})
			continue
		case dynNoSSR, dynWithSSR:
			s.ext("next/dynamic", "default:dynamic")
			name := e.to.values[0]
			s.loc.reserve(name)
			load := fmt.Sprintf("import(%q).then((mod) => mod.%s)", spec, name)
			if e.to.hasDefault && g.chance(0.5) {
				load = fmt.Sprintf("import(%q)", spec)
			}
			if e.how == dynNoSSR {
				dyn = append(dyn, fmt.Sprintf("const %s = dynamic(() => %s, { ssr: false });", name, load))
			} else {
				dyn = append(dyn, fmt.Sprintf("const %s = dynamic(() => %s, {", name, load),
					"  loading: () => null,", "});")
			}
			s.b.comps = append(s.b.comps, name)
			continue
		}
		var def string
		var vals, typs []string
		for _, v := range e.via {
			switch v.kind {
			case kTypes:
				n := g.between(1, 2)
				typs = append(typs, v.types[:n]...)
				s.b.types = append(s.b.types, v.types[:n]...)
				continue
			case kComponent, kClient, kSDK, kLoader:
				if e.to == v && v.hasDefault && def == "" && g.chance(0.5) {
					def = v.values[0]
				} else {
					vals = append(vals, v.values[0])
				}
				s.b.comps = append(s.b.comps, v.values[0])
			case kHook:
				vals = append(vals, v.values[0])
				s.b.hooks = append(s.b.hooks, v.values[0])
			case kUtil:
				n := g.between(1, min(2, len(v.values)))
				vals = append(vals, v.values[:n]...)
				s.b.fns = append(s.b.fns, v.values[:n]...)
			case kServerLib:
				n := g.between(1, len(v.values))
				vals = append(vals, v.values[:n]...)
				s.b.loaders = append(s.b.loaders, v.values[:n]...)
			case kAction:
				vals = append(vals, v.values[0])
				s.b.actions = append(s.b.actions, v.values[0])
			}
			if len(v.types) > 0 && v.kind != kAction && g.chance(0.3) {
				typs = append(typs, v.types[0])
				s.b.types = append(s.b.types, v.types[0])
			}
		}
		s.loc.reserve(vals...)
		s.loc.reserve(typs...)
		if def != "" {
			s.loc.reserve(def)
		}
		switch {
		case def == "" && len(vals) == 0:
			lines = append(lines, fmt.Sprintf("import type { %s } from %q;", strings.Join(typs, ", "), spec))
		case len(typs) > 0 && g.chance(0.5):
			names := append([]string(nil), vals...)
			for _, t := range typs {
				names = append(names, "type "+t)
			}
			lines = append(lines, importLine(def, names, spec))
		default:
			lines = append(lines, importLine(def, vals, spec))
			if len(typs) > 0 {
				lines = append(lines, fmt.Sprintf("import type { %s } from %q;", strings.Join(typs, ", "), spec))
			}
		}
	}
	if len(dyn) > 0 {
		s.tl(dyn...)
		s.tl("")
	}
	return lines
}

func importLine(def string, names []string, spec string) string {
	switch {
	case def != "" && len(names) > 0:
		return fmt.Sprintf("import %s, { %s } from %q;", def, strings.Join(names, ", "), spec)
	case def != "":
		return fmt.Sprintf("import %s from %q;", def, spec)
	}
	if len(names) > 3 {
		return fmt.Sprintf("import {\n  %s,\n} from %q;", strings.Join(names, ",\n  "), spec)
	}
	return fmt.Sprintf("import { %s } from %q;", strings.Join(names, ", "), spec)
}

// finish assembles the file: directive, external imports, first-party
// imports, helpers up to the target length, main code.
func (s *src) finish(directive string, target int) string {
	fp := s.head
	var out []string
	if directive != "" {
		out = append(out, fmt.Sprintf("%q;", directive), "")
	}
	for _, spec := range s.order {
		out = append(out, externalLine(spec, s.extra[spec])...)
	}
	out = append(out, fp...)
	if len(s.order)+len(fp) > 0 {
		out = append(out, "")
	}
	body := len(s.top) + len(s.main) + len(out)
	var fill []string
	for tries := 0; body+len(fill) < target && tries < 40; tries++ {
		fill = append(fill, s.filler()...)
		fill = append(fill, "")
	}
	out = append(out, fill...)
	out = append(out, s.top...)
	out = append(out, s.main...)
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n") + "\n"
}

func externalLine(spec string, names []string) []string {
	if names == nil {
		return []string{fmt.Sprintf("import %q;", spec)}
	}
	var def string
	var named, typ []string
	for _, n := range names {
		switch {
		case strings.HasPrefix(n, "default:"):
			def = strings.TrimPrefix(n, "default:")
		case strings.HasPrefix(n, "type:"):
			typ = append(typ, strings.TrimPrefix(n, "type:"))
		default:
			named = append(named, n)
		}
	}
	var out []string
	if def != "" || len(named) > 0 {
		out = append(out, importLine(def, named, spec))
	}
	if len(typ) > 0 {
		out = append(out, fmt.Sprintf("import type { %s } from %q;", strings.Join(typ, ", "), spec))
	}
	return out
}

// target draws a file length in lines.
func (g *gen) target(lo, hi int) int {
	// The sum of two draws leans to the middle, as real file sizes do.
	return lo + (g.r.IntN(hi-lo+1)+g.r.IntN(hi-lo+1))/2
}

func (g *gen) renderer(k kind) func(*module) string {
	switch k {
	case kUtil:
		return g.renderUtil
	case kTypes:
		return g.renderTypes
	case kComponent:
		return g.renderComponent
	case kClient:
		return g.renderClient
	case kHook:
		return g.renderHook
	case kServerLib:
		return g.renderServerLib
	case kAction:
		return g.renderAction
	case kSDK:
		return g.renderSDK
	case kLoader:
		return g.renderLoader
	case kPage:
		return g.renderPage
	case kLayout:
		return g.renderLayout
	case kLoading:
		return g.renderLoading
	case kError:
		return g.renderError
	case kRoute:
		return g.renderRoute
	case kPagesPage:
		return g.renderPagesPage
	case kPagesAPI:
		return g.renderPagesAPI
	}
	panic(fmt.Sprintf("bench: no renderer for kind %d", k))
}

func renderBarrel(m *module) string {
	var b strings.Builder
	if m.u.barrel == m {
		fmt.Fprintf(&b, "// Public entry point of %s. Prefer the subpath imports for\n// rarely used modules: they keep the client bundle small.\n\n", m.u.name)
	}
	for i, r := range m.reexports {
		spec := relPath(path.Dir(m.path), strings.TrimSuffix(r.path, path.Ext(r.path)))
		switch {
		case r.kind == kTypes:
			fmt.Fprintf(&b, "export type { %s } from %q;\n", strings.Join(r.types, ", "), spec)
		case i%3 == 0:
			fmt.Fprintf(&b, "export * from %q;\n", spec)
		default:
			fmt.Fprintf(&b, "export { %s } from %q;\n", strings.Join(r.values, ", "), spec)
			if len(r.types) > 0 {
				fmt.Fprintf(&b, "export type { %s } from %q;\n", strings.Join(r.types, ", "), spec)
			}
		}
	}
	if len(m.reexports) == 0 {
		b.WriteString("export {};\n")
	}
	return b.String()
}

// ---- Utilities, types, hooks ----

func (g *gen) renderUtil(m *module) string {
	if m.u.dir == "packages/signalwire" {
		return g.renderCredentials(m)
	}
	s := g.newSrc(m)
	if g.chance(0.2) {
		s.ext("date-fns", "format", "formatDistanceToNow")
	}
	if g.chance(0.15) {
		s.ext("zod", "z")
	}
	base := strings.TrimSuffix(m.types[0], "Options")
	opts := m.types[0]
	s.f("export interface %s {", opts)
	s.l("  locale?: string;", "  fallback?: string;", "  strict?: boolean;")
	if len(s.b.types) > 0 || g.chance(0.5) {
		s.f("  limit?: number;")
	}
	s.l("}", "")
	for i, fn := range m.values {
		s.l(g.utilFunction(s, fn, base, opts, i)...)
		s.l("")
	}
	return s.finish("", g.target(30, 170))
}

func (g *gen) utilFunction(s *src, fn, base, opts string, i int) []string {
	item := camel(kebab(base))
	var out []string
	if g.chance(0.5) {
		out = append(out, "/**", fmt.Sprintf(" * %s a %s for display or storage.", title(strings.TrimSuffix(fn, base)), strings.ReplaceAll(kebab(base), "-", " ")), " */")
	}
	calls := s.useFns(1)
	switch (i + g.r.IntN(4)) % 4 {
	case 0:
		out = append(out,
			fmt.Sprintf("export function %s(value: string | null | undefined, options: %s = {}): string {", fn, opts),
			"  if (value == null || value.trim() === \"\") {",
			"    return options.fallback ?? \"\";",
			"  }",
			"  const normalized = value.trim().replace(/\\s+/g, \" \");",
			"  if (options.strict && normalized.length > 256) {",
			fmt.Sprintf("    throw new RangeError(`%s: value too long (${normalized.length})`);", fn),
			"  }",
		)
		for _, c := range calls {
			out = append(out, fmt.Sprintf("  void %s(normalized);", c))
		}
		out = append(out, "  return options.locale ? normalized.toLocaleLowerCase(options.locale) : normalized;", "}")
	case 1:
		out = append(out,
			fmt.Sprintf("export function %s<T extends { id: string; updatedAt?: string }>(items: readonly T[], options: %s = {}): T[] {", fn, opts),
			"  const seen = new Set<string>();",
			"  const result: T[] = [];",
			"  for (const entry of items) {",
			"    if (seen.has(entry.id)) continue;",
			"    seen.add(entry.id);",
			"    result.push(entry);",
			"  }",
			"  result.sort((a, b) => (b.updatedAt ?? \"\").localeCompare(a.updatedAt ?? \"\"));",
			"  return options.limit ? result.slice(0, options.limit) : result;",
			"}",
		)
	case 2:
		out = append(out,
			fmt.Sprintf("export function %s(%s: Record<string, unknown>): Map<string, number> {", fn, item),
			"  const totals = new Map<string, number>();",
			fmt.Sprintf("  for (const [key, raw] of Object.entries(%s)) {", item),
			"    const amount = typeof raw === \"number\" ? raw : Number.parseFloat(String(raw));",
			"    if (Number.isNaN(amount)) {",
			"      continue;",
			"    }",
			"    totals.set(key, (totals.get(key) ?? 0) + amount);",
			"  }",
		)
		for _, c := range calls {
			out = append(out, fmt.Sprintf("  void %s(%s);", c, item))
		}
		out = append(out, "  return totals;", "}")
	default:
		out = append(out,
			fmt.Sprintf("export async function %s(input: unknown, options: %s = {}): Promise<boolean> {", fn, opts),
			"  if (typeof input !== \"object\" || input === null) {",
			"    return false;",
			"  }",
			"  const keys = Object.keys(input);",
			"  if (options.strict && keys.some((key) => key.startsWith(\"_\"))) {",
			"    return false;",
			"  }",
			"  await Promise.resolve();",
			"  return keys.length > 0;",
			"}",
		)
	}
	return out
}

// useFns returns up to n imported functions to call.
func (s *src) useFns(n int) []string {
	if len(s.b.fns) < n {
		n = len(s.b.fns)
	}
	return s.b.fns[:n]
}

func (g *gen) renderTypes(m *module) string {
	s := g.newSrc(m)
	base, status, filter, input := m.types[0], m.types[1], m.types[2], m.types[3]
	var sts []string
	for _, w := range statusWords[:g.between(3, 6)] {
		sts = append(sts, fmt.Sprintf("%q", w))
	}
	s.f("export type %s = %s;", status, strings.Join(sts, " | "))
	s.l("")
	s.f("export interface %s {", base)
	s.l("  id: string;", "  createdAt: string;", "  updatedAt: string;")
	s.f("  status: %s;", status)
	for i, n := 0, g.between(2, 8); i < n; i++ {
		s.f("  %s%s: %s;", camel(pick(g.r, nouns)+"-"+pick(g.r, []string{"id", "count", "label", "url", "at"})), pick(g.r, []string{"", "?"}),
			pick(g.r, []string{"string", "number", "boolean", "string[]", "Record<string, string>", "string | null"}))
	}
	if len(s.b.types) > 0 {
		s.f("  related?: %s[];", s.b.types[0])
	}
	s.l("}", "")
	s.f("export interface %s {", filter)
	s.f("  status?: %s[];", status)
	s.l("  query?: string;", "  cursor?: string;", "  limit?: number;", "}", "")
	s.f("export type %s = Omit<%s, \"id\" | \"createdAt\" | \"updatedAt\">;", input, base)
	s.l("")
	for i, n := 0, g.between(0, 3); i < n; i++ {
		s.l(g.typeDecl(s)...)
		s.l("")
	}
	return s.finish("", g.target(30, 90))
}

func (g *gen) typeDecl(s *src) []string {
	name := s.loc.name(pascal(g.compound()))
	switch g.r.IntN(3) {
	case 0:
		return []string{
			fmt.Sprintf("export interface %s {", name),
			"  total: number;",
			"  page: number;",
			"  pageSize: number;",
			"  hasMore: boolean;",
			"}",
		}
	case 1:
		return []string{
			fmt.Sprintf("export type %s =", name),
			"  | { kind: \"idle\" }",
			"  | { kind: \"loading\"; startedAt: number }",
			"  | { kind: \"ready\"; receivedAt: number }",
			"  | { kind: \"error\"; message: string; retryable: boolean };",
		}
	}
	return []string{
		fmt.Sprintf("export type %s<T> = {", name),
		"  readonly [K in keyof T]: T[K] extends (...args: never[]) => unknown ? never : T[K];",
		"};",
	}
}

func (g *gen) renderHook(m *module) string {
	s := g.newSrc(m)
	hook := m.values[0]
	result := m.types[0]
	noun := strings.TrimPrefix(kebab(hook), "use-")
	variant := g.r.IntN(3)
	reactNames := []string{"useEffect", "useState"}
	if variant == 2 {
		reactNames = append(reactNames, "useCallback")
	}
	s.ext("react", reactNames...)
	s.f("export interface %s {", result)
	switch variant {
	case 0:
		s.l("  data: unknown[] | null;", "  error: Error | null;", "  isLoading: boolean;", "}", "")
		s.f("export function %s(query: string, enabled = true): %s {", hook, result)
		s.l("  const [data, setData] = useState<unknown[] | null>(null);",
			"  const [error, setError] = useState<Error | null>(null);", "")
		for _, h := range s.b.hooks[:min(1, len(s.b.hooks))] {
			s.f("  const related = %s(query);", h)
			s.l("  void related;")
		}
		s.l("  useEffect(() => {",
			"    if (!enabled) return;",
			"    const controller = new AbortController();")
		s.f("    fetch(`/api/%s?q=${encodeURIComponent(query)}`, { signal: controller.signal })", noun)
		s.l("      .then((res) => {",
			"        if (!res.ok) throw new Error(`request failed: ${res.status}`);",
			"        return res.json();",
			"      })",
			"      .then((body: { items: unknown[] }) => setData(body.items))",
			"      .catch((err: unknown) => {",
			"        if (!controller.signal.aborted) setError(err instanceof Error ? err : new Error(String(err)));",
			"      });",
			"    return () => controller.abort();",
			"  }, [query, enabled]);", "",
			"  return { data, error, isLoading: enabled && data === null && error === null };",
			"}")
	case 1:
		s.l("  value: string;", "  setValue: (next: string) => void;", "}", "")
		key := noun
		s.f("export function %s(initial = \"\"): %s {", hook, result)
		s.l("  const [value, setValue] = useState(initial);", "",
			"  // Storage is read after hydration so the server and the first client",
			"  // render agree.",
			"  useEffect(() => {")
		s.f("    const stored = window.localStorage.getItem(%q);", key)
		s.l("    if (stored !== null) setValue(stored);", "  }, []);", "",
			"  useEffect(() => {")
		s.f("    window.localStorage.setItem(%q, value);", key)
		s.l("  }, [value]);", "", "  return { value, setValue };", "}")
	default:
		s.l("  matches: boolean;", "  refresh: () => void;", "}", "")
		s.f("export function %s(query = \"(min-width: 768px)\"): %s {", hook, result)
		s.l("  const [matches, setMatches] = useState(false);",
			"  const refresh = useCallback(() => setMatches(window.matchMedia(query).matches), [query]);", "",
			"  useEffect(() => {",
			"    const list = window.matchMedia(query);",
			"    const onChange = () => setMatches(list.matches);",
			"    onChange();",
			"    list.addEventListener(\"change\", onChange);",
			"    return () => list.removeEventListener(\"change\", onChange);",
			"  }, [query]);", "",
			"  return { matches, refresh };", "}")
	}
	return s.finish("", g.target(30, 110))
}

// ---- Components ----

// props writes the props interface.
func (g *gen) props(s *src, name string) {
	s.f("export interface %s {", name)
	s.l("  title: string;", "  description?: string;")
	if len(s.b.types) > 0 {
		s.f("  items: %s[];", s.b.types[0])
	} else {
		s.l("  items: { id: string; label: string; status?: string }[];")
	}
	if s.tsx {
		s.ext("react", "type:ReactNode")
		s.l("  footer?: ReactNode;")
	}
	s.l("  compact?: boolean;", "  className?: string;", "}", "")
}

// jsx writes a JSX tree at indent ind that uses every component in comps.
func (g *gen) jsx(s *src, ind string, comps []string, rows string, handlers []string) {
	tag := pick(g.r, []string{"section", "div", "article"})
	s.f("%s<%s className=%q>", ind, tag, pick(g.r, tailwind))
	s.f("%s  <header className=%q>", ind, pick(g.r, tailwind))
	if s.icon != "" {
		s.f("%s    <%s className=\"h-4 w-4\" aria-hidden />", ind, s.icon)
	}
	s.f("%s    <h2 className=\"text-lg font-semibold\">{title}</h2>", ind)
	s.f("%s    {description ? <p className=%q>{description}</p> : null}", ind, pick(g.r, tailwind))
	if len(handlers) > 0 {
		s.f("%s    <button type=\"button\" className=%q onClick={%s}>", ind, pick(g.r, tailwind), handlers[0])
		s.f("%s      %s", ind, pick(g.r, labels))
		s.f("%s    </button>", ind)
	}
	s.f("%s  </header>", ind)
	s.f("%s  {%s.length === 0 ? (", ind, rows)
	s.f("%s    <p className=\"py-8 text-center text-sm\">Nothing here yet.</p>", ind)
	s.f("%s  ) : (", ind)
	s.f("%s    <ul className=%q>", ind, pick(g.r, tailwind))
	s.f("%s      {%s.map((row) => (", ind, rows)
	s.f("%s        <li key={row.id} className=%q>", ind, pick(g.r, tailwind))
	s.f("%s          <span className=\"truncate\">{String(row.id)}</span>", ind)
	if len(comps) > 0 {
		s.f("%s          <%s title={String(row.id)} items={[]} compact />", ind, comps[0])
	}
	s.f("%s        </li>", ind)
	s.f("%s      ))}", ind)
	s.f("%s    </ul>", ind)
	s.f("%s  )}", ind)
	for _, c := range comps[min(1, len(comps)):] {
		if g.chance(0.5) {
			s.f("%s  <%s title=%q items={%s} />", ind, c, pick(g.r, labels), rows)
		} else {
			s.f("%s  <%s title=%q items={[]}>", ind, c, pick(g.r, labels))
			s.f("%s    <span className=%q>%s</span>", ind, pick(g.r, tailwind), pick(g.r, labels))
			s.f("%s  </%s>", ind, c)
		}
	}
	if g.chance(0.3) {
		s.ext("next/link", "default:Link")
		s.f("%s  <Link href=\"/%s\" className=%q>", ind, pick(g.r, segments), pick(g.r, tailwind))
		s.f("%s    View all", ind)
		s.f("%s  </Link>", ind)
	}
	s.f("%s  {footer}", ind)
	s.f("%s</%s>", ind, tag)
}

func (g *gen) componentHead(s *src, name, propsName string) {
	g.props(s, propsName)
	s.f("export function %s({ title, description, items, footer, compact = false, className }: %s) {", name, propsName)
}

func (g *gen) renderComponent(m *module) string {
	s := g.newSrc(m)
	name, propsName := m.values[0], m.types[0]
	if g.chance(0.3) {
		s.icon = pick(g.r, externalIcons)
		s.ext("lucide-react", s.icon)
	}
	if g.chance(0.3) {
		s.ext("clsx", "clsx")
	}
	g.componentHead(s, name, propsName)
	s.l("  const rows = compact ? items.slice(0, 5) : items;")
	for _, f := range s.useFns(2) {
		s.f("  const %s = %s(title);", s.loc.name(camel(kebab(f))+"Result"), f)
	}
	s.l("  void className;", "  return (")
	g.jsx(s, "    ", s.b.comps, "rows", nil)
	s.l("  );", "}")
	if m.hasDefault {
		s.l("", fmt.Sprintf("export default %s;", name))
	}
	return s.finish("", g.target(40, 190))
}

func (g *gen) renderClient(m *module) string {
	s := g.newSrc(m)
	name, propsName := m.values[0], m.types[0]
	s.ext("react", "useEffect", "useMemo", "useState")
	g.componentHead(s, name, propsName)
	s.l("  const [query, setQuery] = useState(\"\");",
		"  const [expanded, setExpanded] = useState(!compact);")
	for _, h := range s.b.hooks {
		s.f("  const %s = %s(query);", s.loc.name(camel(strings.TrimPrefix(kebab(h), "use-"))+"State"), h)
	}
	s.l("  const rows = useMemo(",
		"    () => items.filter((item) => JSON.stringify(item).toLowerCase().includes(query.toLowerCase())),",
		"    [items, query],",
		"  );", "")
	switch g.r.IntN(4) {
	case 0:
		s.l("  useEffect(() => {",
			"    const onKey = (event: KeyboardEvent) => {",
			"      if (event.key === \"Escape\") setExpanded(false);",
			"    };",
			"    window.addEventListener(\"keydown\", onKey);",
			"    return () => window.removeEventListener(\"keydown\", onKey);",
			"  }, []);")
	case 1:
		s.l("  useEffect(() => {",
			"    document.title = `${title} (${rows.length})`;",
			"  }, [title, rows.length]);")
	case 2:
		s.l("  useEffect(() => {",
			"    const saved = localStorage.getItem(\"expanded:\" + title);",
			"    if (saved !== null) setExpanded(saved === \"1\");",
			"  }, [title]);")
	default:
		s.l("  useEffect(() => {",
			"    const observer = new IntersectionObserver((entries) => {",
			"      if (entries.some((entry) => entry.isIntersecting)) setExpanded(true);",
			"    });",
			"    const node = document.getElementById(title);",
			"    if (node) observer.observe(node);",
			"    return () => observer.disconnect();",
			"  }, [title]);")
	}
	for _, e := range s.b.effects {
		s.l("", "  useEffect(() => {")
		s.f("    void import(%q).then((mod) => mod.%s(title));", e.spec, e.fn)
		s.l("  }, [title]);")
	}
	s.l("", "  const visible = expanded ? rows : [];", "")
	handle := s.loc.name("handleToggle")
	s.f("  const %s = () => {", handle)
	s.l("    setExpanded((value) => !value);")
	if g.chance(0.4) {
		s.l("    void navigator.clipboard?.writeText(title);")
	}
	s.l("  };", "")
	handlers := []string{handle}
	if len(s.b.actions) > 0 {
		s.l("  return (", "    <form action={"+s.b.actions[0]+"} className=\"space-y-4\">",
			"      <input name=\"query\" value={query} onChange={(event) => setQuery(event.target.value)} />")
		g.jsx(s, "      ", s.b.comps, "visible", handlers)
		s.l("    </form>", "  );", "}")
	} else {
		s.l("  return (", "    <div className={className}>",
			"      <input",
			"        type=\"search\"",
			"        value={query}",
			"        placeholder=\"Filter\"",
			"        onChange={(event) => setQuery(event.target.value)}",
			"      />")
		g.jsx(s, "      ", s.b.comps, "visible", handlers)
		s.l("    </div>", "  );", "}")
	}
	if m.hasDefault {
		s.l("", fmt.Sprintf("export default %s;", name))
	}
	return s.finish("use client", g.target(50, 200))
}

// renderSDK follows the seed: the SDK is imported in a "use client" module
// and constructed in an effect that disconnects on cleanup.
func (g *gen) renderSDK(m *module) string {
	s := g.newSrc(m)
	name, propsName := m.values[0], m.types[0]
	s.ext("react", "useEffect", "useRef", "useState")
	v4 := g.chance(0.75)
	if v4 {
		s.ext("@signalwire/js", "SignalWire", "StaticCredentialProvider")
	} else {
		s.ext("@signalwire/js", "Video")
	}
	s.f("export interface %s {", propsName)
	s.l("  token: string;", "  destination?: string;", "  onStateChange?: (state: string) => void;", "}", "")
	s.f("export function %s({ token, destination = \"/public/support\", onStateChange }: %s) {", name, propsName)
	if v4 {
		s.l("  const [client, setClient] = useState<SignalWire | null>(null);")
	} else {
		s.l("  const [client, setClient] = useState<Video.RoomSession | null>(null);")
	}
	s.l("  const [state, setState] = useState(\"idle\");",
		"  const mediaRef = useRef<HTMLVideoElement>(null);", "",
		"  useEffect(() => {")
	if v4 {
		s.l("    const c = new SignalWire(new StaticCredentialProvider({ token }));")
	} else {
		s.l("    const c = new Video.RoomSession({ token, rootElement: mediaRef.current ?? undefined });")
	}
	s.l("    setClient(c);",
		"    return () => {",
		"      void c.disconnect();",
		"    };",
		"  }, [token]);", "",
		"  useEffect(() => {",
		"    onStateChange?.(state);",
		"  }, [state, onStateChange]);", "")
	dial := s.loc.name("handleDial")
	s.f("  const %s = async () => {", dial)
	s.l("    if (!client) return;", "    setState(\"dialing\");", "    try {")
	if v4 {
		s.l("      await client.dial(destination);")
	} else {
		s.l("      await client.join();")
	}
	s.l("      setState(\"connected\");",
		"    } catch (err) {",
		"      console.error(err);",
		"      setState(\"failed\");",
		"    }",
		"  };", "",
		"  return (",
		"    <div className=\"space-y-3\">",
		"      <video ref={mediaRef} autoPlay playsInline muted className=\"aspect-video w-full rounded-md bg-black\" />",
		"      <p className=\"text-sm\">{state}</p>")
	s.f("      <button type=\"button\" onClick={%s} disabled={!client}>", dial)
	s.l("        Call", "      </button>")
	for _, c := range s.b.comps {
		s.f("      <%s title=%q items={[]} />", c, pick(g.r, labels))
	}
	s.l("    </div>", "  );", "}")
	if m.hasDefault {
		s.l("", fmt.Sprintf("export default %s;", name))
	}
	return s.finish("use client", g.target(50, 160))
}

// renderLoader loads SDK code only in the browser: next/dynamic with
// ssr: false, or import() inside an effect.
func (g *gen) renderLoader(m *module) string {
	s := g.newSrc(m)
	name, propsName := m.values[0], m.types[0]
	s.f("export interface %s {", propsName)
	s.l("  token: string;", "}", "")
	if len(s.b.comps) > 0 && g.chance(0.4) {
		// The SDK component itself, loaded without SSR.
		s.f("export function %s({ token }: %s) {", name, propsName)
		s.f("  return <%s token={token} />;", s.b.comps[0])
		s.l("}")
	} else if g.chance(0.5) {
		s.ext("next/dynamic", "default:dynamic")
		reg := s.loc.name("RegisterWebComponents")
		s.tl(fmt.Sprintf("const %s = dynamic(", reg),
			"  () => import(\"@signalwire/web-components\").then(() => () => null),",
			"  { ssr: false },",
			");", "")
		s.f("export function %s({ token }: %s) {", name, propsName)
		s.l("  return (", "    <>")
		s.f("      <%s />", reg)
		s.f("      <%s token={token} destination=\"/public/%s\" />", pick(g.r, []string{"sw-call-widget", "sw-click-to-call"}), pick(g.r, segments))
		s.l("    </>", "  );", "}")
	} else {
		s.ext("react", "useEffect", "useState")
		s.f("export function %s({ token }: %s) {", name, propsName)
		s.l("  const [ready, setReady] = useState(false);", "",
			"  // Registering the custom elements touches customElements: browser only.",
			"  useEffect(() => {",
			"    let cancelled = false;",
			"    import(\"@signalwire/web-components\").then(() => {",
			"      if (!cancelled) setReady(true);",
			"    });",
			"    return () => {",
			"      cancelled = true;",
			"    };",
			"  }, []);", "",
			"  if (!ready) return <div className=\"h-24 animate-pulse rounded-md bg-muted\" />;",
			"  return <sw-call-widget token={token} destination=\"/public/sales\" />;",
			"}")
	}
	if m.hasDefault {
		s.l("", fmt.Sprintf("export default %s;", name))
	}
	return s.finish("use client", g.target(30, 90))
}

// ---- Server code ----

func (g *gen) renderServerLib(m *module) string {
	s := g.newSrc(m)
	s.ext("server-only")
	s.ext("react", "cache")
	useCookies := g.chance(0.4)
	if useCookies {
		s.ext("next/headers", "cookies")
	}
	rec := m.types[0]
	base := strings.TrimSuffix(rec, "Record")
	s.tl("const API_BASE = process.env.INTERNAL_API_URL ?? \"http://localhost:4000\";", "")
	s.f("export interface %s {", rec)
	s.l("  id: string;", "  name: string;", "  ownerId: string;", "  updatedAt: string;")
	if len(s.b.types) > 0 {
		s.f("  details?: %s;", s.b.types[0])
	}
	s.l("}", "")
	resource := kebab(base) + "s"
	for i, fn := range m.values {
		if i == 0 {
			s.f("export const %s = cache(async (id: string): Promise<%s | null> => {", fn, rec)
			s.f("  const res = await fetch(`${API_BASE}/%s/${encodeURIComponent(id)}`, {", resource)
			s.f("    next: { revalidate: %d, tags: [%q] },", pick(g.r, []int{30, 60, 300, 3600}), resource)
			s.l("  });",
				"  if (res.status === 404) return null;",
				"  if (!res.ok) {")
			s.f("    throw new Error(`%s ${id}: ${res.status}`);", fn)
			s.l("  }")
			s.f("  return (await res.json()) as %s;", rec)
			s.l("});", "")
			continue
		}
		s.f("export async function %s(params: { cursor?: string; limit?: number } = {}): Promise<%s[]> {", fn, rec)
		if useCookies && i == 1 {
			s.l("  const jar = await cookies();", "  const session = jar.get(\"session\")?.value;",
				"  if (!session) return [];")
		}
		s.l("  const search = new URLSearchParams();",
			"  if (params.cursor) search.set(\"cursor\", params.cursor);",
			"  search.set(\"limit\", String(params.limit ?? 25));")
		s.f("  const res = await fetch(`${API_BASE}/%s?${search}`, { cache: \"no-store\" });", resource)
		s.l("  if (!res.ok) return [];")
		s.f("  const body = (await res.json()) as { items: %s[] };", rec)
		if fns := s.useFns(1); len(fns) > 0 {
			s.f("  void %s(body.items);", fns[0])
		}
		for _, l := range s.b.loaders[:min(1, len(s.b.loaders))] {
			s.f("  await %s(params.cursor ?? \"\");", l)
		}
		s.l("  return body.items;", "}", "")
	}
	return s.finish("", g.target(40, 140))
}

func (g *gen) renderAction(m *module) string {
	s := g.newSrc(m)
	s.ext("next/cache", "revalidatePath")
	s.ext("zod", "z")
	schema := s.loc.name("schema")
	s.tl(fmt.Sprintf("const %s = z.object({", schema),
		"  id: z.string().min(1),",
		"  name: z.string().max(120).optional(),",
		"  note: z.string().max(2000).optional(),",
		"});", "")
	for i, fn := range m.values {
		s.f("export async function %s(formData: FormData): Promise<{ ok: boolean; error?: string }> {", fn)
		s.f("  const parsed = %s.safeParse(Object.fromEntries(formData));", schema)
		s.l("  if (!parsed.success) {", "    return { ok: false, error: parsed.error.issues[0]?.message };", "  }")
		for _, l := range s.b.loaders[:min(1, len(s.b.loaders))] {
			s.f("  const existing = await %s(parsed.data.id);", l)
			s.l("  if (!existing) return { ok: false, error: \"not found\" };")
		}
		s.f("  const res = await fetch(`${process.env.INTERNAL_API_URL}/%s/${parsed.data.id}`, {", kebab(fn))
		s.f("    method: %q,", []string{"PATCH", "POST", "DELETE"}[i%3])
		s.l("    headers: { \"Content-Type\": \"application/json\" },",
			"    body: JSON.stringify(parsed.data),",
			"  });",
			"  if (!res.ok) return { ok: false, error: `request failed: ${res.status}` };")
		s.f("  revalidatePath(\"/%s\");", pick(g.r, segments))
		s.l("  return { ok: true };", "}", "")
	}
	return s.finish("use server", g.target(30, 100))
}

// ---- App Router entries ----

func (g *gen) renderPage(m *module) string {
	s := g.newSrc(m)
	s.ext("next", "type:Metadata")
	name := pascal(strings.Trim(strings.NewReplacer("[", "", "]", "", "(", "", ")", "", ".", "", "/", "-").Replace(path.Dir(strings.TrimPrefix(m.path, m.u.src+"app/"))), "-")) + "Page"
	if name == "Page" {
		name = "HomePage"
	}
	name = s.loc.name(name)
	dynamic := strings.Contains(m.path, "[")
	s.f("export const metadata: Metadata = { title: %q };", pick(g.r, labels))
	switch g.r.IntN(4) {
	case 0:
		s.f("export const revalidate = %d;", pick(g.r, []int{60, 300, 3600}))
	case 1:
		s.l("export const dynamic = \"force-dynamic\";")
	}
	s.l("")
	if dynamic {
		s.l("type Props = { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string | undefined>> };", "")
		s.f("export default async function %s({ params, searchParams }: Props) {", name)
		s.l("  const [routeParams, query] = await Promise.all([params, searchParams]);",
			"  const id = Object.values(routeParams)[0] ?? \"\";")
	} else {
		s.l("type Props = { searchParams: Promise<Record<string, string | undefined>> };", "")
		s.f("export default async function %s({ searchParams }: Props) {", name)
		s.l("  const query = await searchParams;", "  const id = query.id ?? \"latest\";")
	}
	rows := "([] as { id: string }[])"
	for i, l := range s.b.loaders {
		v := s.loc.name("data")
		s.f("  const %s = await %s(id);", v, l)
		if i == 0 {
			if strings.HasPrefix(l, "get") || strings.HasPrefix(l, "find") || strings.HasPrefix(l, "load") || strings.HasPrefix(l, "fetch") {
				s.ext("next/navigation", "notFound")
				s.f("  if (!%s) notFound();", v)
				rows = "[" + v + "]"
			} else {
				rows = v
			}
		}
	}
	for _, f := range s.useFns(2) {
		s.f("  const %s = %s(query.q ?? \"\");", s.loc.name(camel(kebab(f))), f)
	}
	s.l("  const title = "+fmt.Sprintf("%q", pick(g.r, labels))+";",
		"  const description = `Showing ${id}`;",
		"  const footer = null;", "",
		"  return (",
		"    <main className=\"mx-auto w-full max-w-6xl space-y-8 p-6\">")
	g.jsx(s, "      ", s.b.comps, rows, nil)
	for _, a := range s.b.actions[:min(1, len(s.b.actions))] {
		s.f("      <form action={%s}>", a)
		s.l("        <input type=\"hidden\" name=\"id\" value={id} />",
			"        <button type=\"submit\">Save</button>",
			"      </form>")
	}
	s.l("    </main>", "  );", "}")
	if g.chance(0.2) && dynamic {
		s.l("", "export async function generateStaticParams() {",
			"  return [] as Record<string, string>[];", "}")
	}
	return s.finish("", g.target(40, 150))
}

func (g *gen) renderLayout(m *module) string {
	s := g.newSrc(m)
	s.ext("react", "type:ReactNode")
	name := s.loc.name(pascal(g.compound()) + "Layout")
	s.f("export default function %s({ children }: { children: ReactNode }) {", name)
	s.l("  const title = \""+pick(g.r, labels)+"\";", "  const description = undefined;", "  const footer = null;",
		"  return (", "    <div className=\"flex min-h-screen\">", "      <aside className=\"w-64 border-r\">")
	for _, c := range s.b.comps {
		s.f("        <%s title={title} items={[]} />", c)
	}
	s.l("      </aside>", "      <div className=\"flex-1\">", "        {children}", "        {footer}{description}", "      </div>", "    </div>", "  );", "}")
	return s.finish("", g.target(30, 80))
}

func (g *gen) renderLoading(m *module) string {
	s := g.newSrc(m)
	s.l("export default function Loading() {", "  return (", "    <div className=\"space-y-3\" aria-busy=\"true\">")
	for i, n := 0, g.between(3, 8); i < n; i++ {
		s.f("      <div className=\"h-%d w-full animate-pulse rounded-md bg-muted\" />", pick(g.r, []int{4, 6, 8, 12}))
	}
	for _, c := range s.b.comps {
		s.f("      <%s title=\"Loading\" items={[]} compact />", c)
	}
	s.l("    </div>", "  );", "}")
	return s.finish("", g.target(15, 40))
}

func (g *gen) renderError(m *module) string {
	s := g.newSrc(m)
	s.ext("react", "useEffect")
	s.l("export default function SegmentError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {",
		"  useEffect(() => {",
		"    console.error(error);",
		"  }, [error]);", "",
		"  return (",
		"    <div role=\"alert\" className=\"space-y-4 p-6\">",
		"      <h2 className=\"text-lg font-semibold\">Something went wrong</h2>",
		"      <p className=\"text-sm\">{error.digest ? `Reference: ${error.digest}` : error.message}</p>",
		"      <button type=\"button\" onClick={() => reset()}>",
		"        Try again",
		"      </button>")
	for _, c := range s.b.comps {
		s.f("      <%s title=\"Error\" items={[]} />", c)
	}
	s.l("    </div>", "  );", "}")
	return s.finish("use client", g.target(25, 60))
}

func (g *gen) renderRoute(m *module) string {
	s := g.newSrc(m)
	s.ext("next/server", "NextResponse", "type:NextRequest")
	resource := path.Base(path.Dir(m.path))
	s.f("export async function GET(request: NextRequest) {")
	s.l("  const search = request.nextUrl.searchParams;",
		"  const limit = Math.min(Number(search.get(\"limit\") ?? 25), 100);")
	v := "[]"
	for i, l := range s.b.loaders {
		r := s.loc.name("result")
		s.f("  const %s = await %s(search.get(\"id\") ?? \"\");", r, l)
		if i == 0 {
			v = r
		}
	}
	for _, f := range s.useFns(1) {
		s.f("  void %s(search.get(\"q\") ?? \"\");", f)
	}
	s.f("  return NextResponse.json({ resource: %q, limit, data: %s });", resource, v)
	s.l("}", "")
	if g.chance(0.6) {
		s.l("export async function POST(request: NextRequest) {",
			"  const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;",
			"  if (!body) {",
			"    return NextResponse.json({ error: \"invalid JSON\" }, { status: 400 });",
			"  }")
		s.f("  const res = await fetch(`${process.env.INTERNAL_API_URL}/%s`, {", resource)
		s.l("    method: \"POST\",",
			"    headers: { \"Content-Type\": \"application/json\" },",
			"    body: JSON.stringify(body),",
			"  });",
			"  return NextResponse.json(await res.json(), { status: res.status });", "}", "")
	}
	return s.finish("", g.target(30, 100))
}

// ---- Pages Router ----

func (g *gen) renderPagesPage(m *module) string {
	s := g.newSrc(m)
	s.ext("next", "type:GetServerSideProps", "type:InferGetServerSidePropsType")
	s.ext("next/head", "default:Head")
	name := s.loc.name(pascal(strings.NewReplacer("[", "", "]", "", "/", "-", ".tsx", "").Replace(strings.TrimPrefix(m.path, m.u.src+"pages/"))) + "Page")
	s.l("type Props = { title: string; rows: { id: string; label: string }[]; generatedAt: string };", "",
		"export const getServerSideProps: GetServerSideProps<Props> = async (context) => {",
		"  const id = typeof context.params?.id === \"string\" ? context.params.id : \"all\";")
	s.f("  const res = await fetch(`${process.env.INTERNAL_API_URL}/%s/${id}`);", pick(g.r, segments))
	s.l("  if (res.status === 404) {", "    return { notFound: true };", "  }",
		"  const rows = res.ok ? ((await res.json()) as Props[\"rows\"]) : [];")
	s.f("  return { props: { title: %q, rows, generatedAt: new Date().toISOString() } };", pick(g.r, labels))
	s.l("};", "")
	s.f("export default function %s({ title, rows, generatedAt }: InferGetServerSidePropsType<typeof getServerSideProps>) {", name)
	for _, h := range s.b.hooks {
		s.f("  const %s = %s(title);", s.loc.name(camel(strings.TrimPrefix(kebab(h), "use-"))), h)
	}
	s.l("  const description = `Generated ${generatedAt}`;", "  const footer = null;", "  return (", "    <>",
		"      <Head>", "        <title>{title}</title>", "      </Head>")
	g.jsx(s, "      ", s.b.comps, "rows", nil)
	s.l("    </>", "  );", "}")
	return s.finish("", g.target(40, 130))
}

func (g *gen) renderPagesAPI(m *module) string {
	s := g.newSrc(m)
	s.ext("next", "type:NextApiRequest", "type:NextApiResponse")
	s.l("export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
		"  if (req.method !== \"GET\" && req.method !== \"POST\") {",
		"    res.setHeader(\"Allow\", \"GET, POST\");",
		"    return res.status(405).json({ error: \"method not allowed\" });",
		"  }",
		"  const id = typeof req.query.id === \"string\" ? req.query.id : undefined;")
	for _, f := range s.useFns(2) {
		s.f("  void %s(id ?? \"\");", f)
	}
	s.f("  const upstream = await fetch(`${process.env.INTERNAL_API_URL}/%s${id ? `/${id}` : \"\"}`, {", pick(g.r, segments))
	s.l("    method: req.method,",
		"    headers: { \"Content-Type\": \"application/json\" },",
		"    body: req.method === \"POST\" ? JSON.stringify(req.body) : undefined,",
		"  });",
		"  res.setHeader(\"Cache-Control\", \"private, no-store\");",
		"  return res.status(upstream.status).json(await upstream.json());", "}")
	return s.finish("", g.target(30, 80))
}

// renderCredentials is the seed's credential provider: a type-only SDK
// import, the token fetched from the app's route.
func (g *gen) renderCredentials(m *module) string {
	s := g.newSrc(m)
	s.ext("@signalwire/js", "type:CredentialProvider")
	cls := s.loc.name(strings.TrimSuffix(m.types[0], "Options") + "CredentialProvider")
	s.f("export interface %s {", m.types[0])
	s.l("  endpoint?: string;", "  lifetimeMs?: number;", "}", "")
	s.f("export class %s implements CredentialProvider {", cls)
	s.f("  constructor(private readonly options: %s = {}) {}", m.types[0])
	s.l("",
		"  async authenticate() {",
		"    const res = await fetch(this.options.endpoint ?? \"/api/sw-token\", { method: \"POST\" });",
		"    if (!res.ok) throw new Error(\"token fetch failed\");",
		"    const { token } = await res.json();",
		"    // Default SAT lifetime is 2h; expiry_at is in milliseconds.",
		"    return { token, expiry_at: Date.now() + (this.options.lifetimeMs ?? 2 * 60 * 60 * 1000) };",
		"  }", "",
		"  async refresh() {",
		"    return this.authenticate();",
		"  }",
		"}", "")
	for _, fn := range m.values {
		s.f("export function %s(options?: %s): CredentialProvider {", fn, m.types[0])
		s.f("  return new %s(options);", cls)
		s.l("}", "")
	}
	return s.finish("use client", g.target(30, 70))
}
