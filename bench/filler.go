package bench

import (
	"fmt"
	"strings"
)

// filler returns one module-scope helper: the constants, small functions,
// types and sub-components that make real modules longer than their main
// export. None of them touches a browser global at module scope.
func (s *src) filler() []string {
	g := s.g
	n := 7
	if s.tsx {
		n = 9
	}
	noun := pick(g.r, nouns)
	// Prefer helpers this module does not have yet.
	c := g.r.IntN(n)
	for try := 0; try < 6 && s.fills[c] > 0; try++ {
		c = g.r.IntN(n)
	}
	if s.fills == nil {
		s.fills = map[int]int{}
	}
	s.fills[c]++
	switch c {
	case 0:
		name := s.loc.name(strings.ToUpper(strings.ReplaceAll(kebab(pascal(pick(g.r, qualifiers)+"-"+noun)), "-", "_")) + "_LABELS")
		out := []string{fmt.Sprintf("const %s: Record<string, string> = {", name)}
		for _, w := range statusWords[:g.between(3, len(statusWords))] {
			out = append(out, fmt.Sprintf("  %s: %q,", w, title(w)+" "+noun))
		}
		return append(out, "};")
	case 1:
		name := s.loc.name("toneFor" + pascal(noun))
		return []string{
			fmt.Sprintf("function %s(value: string): \"neutral\" | \"positive\" | \"warning\" | \"critical\" {", name),
			"  switch (value) {",
			fmt.Sprintf("    case %q:", pick(g.r, []string{"active", "completed", "live", "ok"})),
			"    case \"connected\":",
			"      return \"positive\";",
			"    case \"pending\":",
			"    case \"queued\":",
			"      return \"warning\";",
			"    case \"failed\":",
			"      return \"critical\";",
			"    default:",
			"      return \"neutral\";",
			"  }",
			"}",
		}
	case 2:
		name := s.loc.name("groupBy" + pascal(noun))
		return []string{
			fmt.Sprintf("function %s<T extends Record<string, unknown>>(entries: readonly T[], key: keyof T): Map<unknown, T[]> {", name),
			"  const groups = new Map<unknown, T[]>();",
			"  for (const entry of entries) {",
			"    const value = entry[key];",
			"    const bucket = groups.get(value);",
			"    if (bucket) {",
			"      bucket.push(entry);",
			"    } else {",
			"      groups.set(value, [entry]);",
			"    }",
			"  }",
			"  return groups;",
			"}",
		}
	case 3:
		name := s.loc.name(pascal(pick(g.r, qualifiers) + "-" + noun))
		out := []string{fmt.Sprintf("interface %s {", name), "  id: string;"}
		for i, k := 0, g.between(2, 7); i < k; i++ {
			out = append(out, fmt.Sprintf("  %s%s: %s;", camel(pick(g.r, nouns)+"-"+pick(g.r, []string{"id", "count", "label", "at", "url"})),
				pick(g.r, []string{"", "?"}), pick(g.r, []string{"string", "number", "boolean", "string[]", "Date", "null | string"})))
		}
		return append(out, "}")
	case 4:
		f := s.loc.name(camel(noun + "-formatter"))
		fn := s.loc.name("format" + pascal(noun) + "Amount")
		return []string{
			fmt.Sprintf("const %s = new Intl.NumberFormat(%q, {", f, pick(g.r, []string{"en-US", "en-GB", "de-DE", "fr-FR"})),
			fmt.Sprintf("  style: %q,", pick(g.r, []string{"decimal", "percent"})),
			"  maximumFractionDigits: 2,",
			"});",
			"",
			fmt.Sprintf("function %s(amount: number | null | undefined): string {", fn),
			"  if (amount == null || Number.isNaN(amount)) {",
			"    return \"—\";",
			"  }",
			fmt.Sprintf("  return %s.format(amount);", f),
			"}",
		}
	case 5:
		re := s.loc.name(strings.ToUpper(noun) + "_PATTERN")
		fn := s.loc.name("isValid" + pascal(noun) + "Key")
		return []string{
			fmt.Sprintf("const %s = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;", re),
			"",
			"/**",
			fmt.Sprintf(" * Reports whether value can be used as a %s key in URLs.", noun),
			" */",
			fmt.Sprintf("function %s(value: string): boolean {", fn),
			fmt.Sprintf("  return value.length > 0 && value.length <= 64 && %s.test(value);", re),
			"}",
		}
	case 6:
		fn := s.loc.name("retry" + pascal(noun))
		return []string{
			fmt.Sprintf("async function %s<T>(load: () => Promise<T>, attempts = 3): Promise<T> {", fn),
			"  let lastError: unknown;",
			"  for (let attempt = 0; attempt < attempts; attempt++) {",
			"    try {",
			"      return await load();",
			"    } catch (error) {",
			"      lastError = error;",
			"      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));",
			"    }",
			"  }",
			"  throw lastError;",
			"}",
		}
	case 7:
		name := s.loc.name(pascal(pick(g.r, qualifiers)+"-"+noun) + "Empty")
		return []string{
			fmt.Sprintf("function %s({ message, action }: { message: string; action?: { label: string; href: string } }) {", name),
			"  return (",
			fmt.Sprintf("    <div className=%q>", pick(g.r, tailwind)),
			"      <p className=\"text-sm text-muted-foreground\">{message}</p>",
			"      {action ? (",
			"        <a className=\"text-sm font-medium underline\" href={action.href}>",
			"          {action.label}",
			"        </a>",
			"      ) : null}",
			"    </div>",
			"  );",
			"}",
		}
	}
	name := s.loc.name(pascal(pick(g.r, qualifiers)+"-"+noun) + "Stat")
	return []string{
		fmt.Sprintf("function %s({ label, value, delta }: { label: string; value: number; delta?: number }) {", name),
		"  const trend = delta === undefined ? null : delta >= 0 ? \"up\" : \"down\";",
		"  return (",
		"    <div className=\"rounded-md border p-3\">",
		"      <dt className=\"text-xs uppercase tracking-wide\">{label}</dt>",
		"      <dd className=\"text-2xl font-semibold tabular-nums\">{value.toLocaleString()}</dd>",
		"      {trend ? <span data-trend={trend}>{Math.abs(delta ?? 0)}%</span> : null}",
		"    </div>",
		"  );",
		"}",
	}
}
