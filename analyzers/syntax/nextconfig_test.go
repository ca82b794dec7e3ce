package syntax

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadNextConfig(t *testing.T) {
	tests := []struct {
		name  string
		path  string
		src   string
		want  NextConfig // EnvKeySpans is checked separately
		known bool
	}{
		{
			name: "commonjs object",
			path: "next.config.js",
			src: `/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  pageExtensions: ['page.tsx', "page.ts", ` + "`mdx`" + `],
  env: { NEXT_PUBLIC_A: 'a', "SECRET_KEY": process.env.SECRET_KEY, 'b-c': 1 },
};`,
			want: NextConfig{PageExtensions: []string{"page.tsx", "page.ts", "mdx"}, EnvKeys: []string{"NEXT_PUBLIC_A", "SECRET_KEY", "b-c"}, Known: true},
		},
		{
			name: "export default object",
			path: "next.config.mjs",
			src:  `export default { cacheComponents: true };`,
			want: NextConfig{CacheComponents: true, Known: true},
		},
		{
			name: "named const then export default",
			path: "next.config.mjs",
			src: `const nextConfig = { env: { API_URL: "x" } };
export default nextConfig;`,
			want: NextConfig{EnvKeys: []string{"API_URL"}, Known: true},
		},
		{
			name: "named const then module.exports",
			path: "next.config.cjs",
			src: `const nextConfig = { experimental: { cacheComponents: true } };
module.exports = nextConfig;`,
			want: NextConfig{CacheComponents: true, Known: true},
		},
		{
			name: "typescript annotation",
			path: "next.config.ts",
			src: `import type { NextConfig } from "next";
const nextConfig: NextConfig = {
  pageExtensions: ["tsx", "ts"],
  cacheComponents: true,
};
export default nextConfig;`,
			want: NextConfig{PageExtensions: []string{"tsx", "ts"}, CacheComponents: true, Known: true},
		},
		{
			name: "typescript satisfies and as",
			path: "next.config.mts",
			src: `import type { NextConfig } from "next";
export default ({ env: { TOKEN: "t" } } satisfies NextConfig) as NextConfig;`,
			want: NextConfig{EnvKeys: []string{"TOKEN"}, Known: true},
		},
		{
			name: "wrappers",
			path: "next.config.mjs",
			src: `import bundleAnalyzer from "@next/bundle-analyzer";
import { withSentryConfig } from "@sentry/nextjs";
const withBundleAnalyzer = bundleAnalyzer({ enabled: process.env.ANALYZE === "true" });
const nextConfig = { experimental: { dynamicIO: true } };
export default withSentryConfig(withBundleAnalyzer(withX(nextConfig)), { silent: true });`,
			want: NextConfig{CacheComponents: true, Known: true},
		},
		{
			name: "curried wrapper and compose-plugins",
			path: "next.config.js",
			src: `const withPlugins = require("next-compose-plugins");
module.exports = withPlugins([[a, {}], b], require("x")({ env: { K: 1 } }));`,
			want: NextConfig{EnvKeys: []string{"K"}, Known: true},
		},
		{
			name: "arrow function config",
			path: "next.config.mjs",
			src:  `export default (phase, { defaultConfig }) => ({ pageExtensions: ["mdx", "tsx"] });`,
			want: NextConfig{PageExtensions: []string{"mdx", "tsx"}, Known: true},
		},
		{
			name: "function config with locals",
			path: "next.config.js",
			src: `const { PHASE_DEVELOPMENT_SERVER } = require("next/constants");
module.exports = function (phase) {
  if (phase === PHASE_DEVELOPMENT_SERVER) {
    return { env: { DEV_ONLY: "1" } };
  }
  const config = { env: { PROD: "1" }, cacheComponents: true };
  return config;
};`,
			want: NextConfig{EnvKeys: []string{"PROD"}, CacheComponents: true, Known: true},
		},
		{
			name: "named function declaration exported",
			path: "next.config.mjs",
			src: `export default async function config(phase) {
  return { experimental: { cacheComponents: true } };
}`,
			want: NextConfig{CacheComponents: true, Known: true},
		},
		{
			name: "export clause as default",
			path: "next.config.mjs",
			src: `const c = { env: { A: "" } };
export { c as default };`,
			want: NextConfig{EnvKeys: []string{"A"}, Known: true},
		},
		{
			name: "env spread, shorthand and unknowable spread",
			path: "next.config.js",
			src: `const shared = { SHARED_A: "1", "SHARED_B": "2" };
const LOCAL = "x";
module.exports = { env: { ...shared, ...process.env, LOCAL, [computed]: 1, LAST: "z" } };`,
			want: NextConfig{EnvKeys: []string{"SHARED_A", "SHARED_B", "LOCAL", "LAST"}, Known: true},
		},
		{
			name: "env and experimental through identifiers",
			path: "next.config.js",
			src: `const env = { FROM_IDENT: "1" };
const experimental = { cacheComponents: true };
module.exports = { env, experimental };`,
			want: NextConfig{EnvKeys: []string{"FROM_IDENT"}, CacheComponents: true, Known: true},
		},
		{
			name: "non-literal values ignored",
			path: "next.config.js",
			src: `module.exports = {
  cacheComponents: process.env.CC === "1",
  pageExtensions: getExtensions(),
  env: loadEnv(),
  experimental: makeExperimental(),
};`,
			want: NextConfig{Known: true},
		},
		{
			name: "cacheComponents false and dynamicIO false",
			path: "next.config.js",
			src:  `module.exports = { cacheComponents: false, experimental: { dynamicIO: false, ppr: true } };`,
			want: NextConfig{Known: true},
		},
		{
			name: "later property overrides spread base",
			path: "next.config.mjs",
			src: `const base = { cacheComponents: true, env: { OLD: "1" } };
export default { ...base, cacheComponents: false, env: { NEW: "1" } };`,
			want: NextConfig{EnvKeys: []string{"NEW"}, Known: true},
		},
		{
			name: "spread base inherited",
			path: "next.config.mjs",
			src: `import other from "./other.mjs";
const base = { pageExtensions: ["ts"], env: { BASE: "1" } };
export default { ...other, ...base, reactStrictMode: true };`,
			want: NextConfig{PageExtensions: []string{"ts"}, EnvKeys: []string{"BASE"}, Known: true},
		},
		{
			name: "pageExtensions partly literal",
			path: "next.config.js",
			src: `const extra = ["md"];
module.exports = { pageExtensions: ["tsx", ...extra, ...unknown, someVar] };`,
			want: NextConfig{PageExtensions: []string{"tsx", "md"}, Known: true},
		},
		{
			name: "config built by code is unknown",
			path: "next.config.js",
			src:  `module.exports = buildConfig;`,
			want: NextConfig{},
		},
		{
			name: "required config is unknown",
			path: "next.config.js",
			src:  `module.exports = require("./config/next");`,
			want: NextConfig{},
		},
		{
			name: "no export is unknown",
			path: "next.config.mjs",
			src:  `const nextConfig = { cacheComponents: true };`,
			want: NextConfig{},
		},
		{
			name: "function with only branch returns is unknown",
			path: "next.config.js",
			src: `module.exports = (phase) => {
  if (phase === "dev") return { env: { A: "1" } };
};`,
			want: NextConfig{},
		},
		{
			name: "self-referential names terminate",
			path: "next.config.js",
			src: `var a = b; var b = a;
module.exports = a;`,
			want: NextConfig{},
		},
		{
			name: "last module.exports wins",
			path: "next.config.js",
			src: `module.exports = { env: { FIRST: "1" } };
module.exports = { env: { SECOND: "1" } };`,
			want: NextConfig{EnvKeys: []string{"SECOND"}, Known: true},
		},
		{
			name: "syntax error still read",
			path: "next.config.js",
			src: `module.exports = { env: { OK: "1" }, cacheComponents: true };
const broken = {;`,
			want: NextConfig{EnvKeys: []string{"OK"}, CacheComponents: true, Known: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadNextConfig(tt.path, []byte(tt.src))
			if err != nil {
				t.Fatalf("ReadNextConfig: %v", err)
			}
			spans := got.EnvKeySpans
			got.EnvKeySpans = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			if len(spans) != len(tt.want.EnvKeys) {
				t.Errorf("EnvKeySpans has %d keys, want %d: %v", len(spans), len(tt.want.EnvKeys), spans)
			}
			// Every key's span covers the key as written: the bare name, or
			// the name in quotes.
			for _, k := range tt.want.EnvKeys {
				sp, ok := spans[k]
				if !ok {
					t.Errorf("no span for env key %q", k)
					continue
				}
				text := tt.src[sp.Start:sp.End]
				if text != k && strings.Trim(text, "\"'`") != k {
					t.Errorf("span of %q covers %q", k, text)
				}
			}
		})
	}
}

func TestReadNextConfigEnvKeySpanOfSpreadKey(t *testing.T) {
	src := `const shared = { SHARED: "1" };
module.exports = { env: { ...shared } };`
	got, err := ReadNextConfig("next.config.js", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	sp, ok := got.EnvKeySpans["SHARED"]
	if !ok {
		t.Fatalf("SHARED missing: %+v", got)
	}
	// The span points at the declaration the key comes from.
	if want := strings.Index(src, "SHARED:"); sp.Start != want {
		t.Errorf("span starts at %d, want %d", sp.Start, want)
	}
}
