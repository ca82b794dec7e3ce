package rules

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestEmbeddedDataLoads(t *testing.T) {
	if _, err := loadPackages(); err != nil {
		t.Error(err)
	}
	if _, err := loadGlobals(); err != nil {
		t.Error(err)
	}
	if _, err := loadSecrets(); err != nil {
		t.Error(err)
	}
	if _, err := loadDocs(); err != nil {
		t.Error(err)
	}
}

// nodeGlobals is Object.getOwnPropertyNames(globalThis) printed by a script
// file (not `node -e`, which adds the built-in modules) on Node v20.20.2,
// the oldest Node that this machine has and the LTS line Next 15 supports.
var nodeGlobals = strings.Fields(`
AbortController AbortSignal AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array
BigUint64Array Blob Boolean BroadcastChannel Buffer ByteLengthQueuingStrategy CompressionStream
CountQueuingStrategy Crypto CryptoKey CustomEvent DOMException DataView Date DecompressionStream
Error EvalError Event EventTarget File FinalizationRegistry Float32Array Float64Array FormData
Function Headers Infinity Int16Array Int32Array Int8Array Intl JSON Map Math MessageChannel
MessageEvent MessagePort NaN Number Object Performance PerformanceEntry PerformanceMark
PerformanceMeasure PerformanceObserver PerformanceObserverEntryList PerformanceResourceTiming
Promise Proxy RangeError ReadableByteStreamController ReadableStream ReadableStreamBYOBReader
ReadableStreamBYOBRequest ReadableStreamDefaultController ReadableStreamDefaultReader
ReferenceError Reflect RegExp Request Response Set SharedArrayBuffer String SubtleCrypto Symbol
SyntaxError TextDecoder TextDecoderStream TextEncoder TextEncoderStream TransformStream
TransformStreamDefaultController TypeError URIError URL URLSearchParams Uint16Array Uint32Array
Uint8Array Uint8ClampedArray WeakMap WeakRef WeakSet WebAssembly WritableStream
WritableStreamDefaultController WritableStreamDefaultWriter atob btoa clearImmediate
clearInterval clearTimeout console crypto decodeURI decodeURIComponent encodeURI
encodeURIComponent escape eval fetch global globalThis isFinite isNaN parseFloat parseInt
performance process queueMicrotask setImmediate setInterval setTimeout structuredClone
undefined unescape
`)

// laterNodeGlobals are globals that Node releases after 20 added, from the
// Node docs and changelogs: navigator (21), WebSocket (22), CloseEvent (23),
// Web Storage on by default (25).
var laterNodeGlobals = map[string]string{
	"navigator": "21.0.0", "Navigator": "21.0.0",
	"WebSocket":    "22.0.0",
	"CloseEvent":   "23.0.0",
	"localStorage": "25.0.0", "sessionStorage": "25.0.0", "Storage": "25.0.0",
}

func TestBrowserGlobalsAreNotNodeGlobals(t *testing.T) {
	for _, name := range BrowserGlobals() {
		if slices.Contains(nodeGlobals, name) {
			t.Errorf("%s is a Node 20 global and must not be listed as browser-only", name)
		}
		g, _ := LookupGlobal(name)
		if since, later := laterNodeGlobals[name]; later && g.NodeSince != since {
			t.Errorf("%s: nodeSince = %q, want %q (Node defines it since then)", name, g.NodeSince, since)
		}
		if !strings.Contains(g.Note, "Node") && g.NodeSince != "" {
			t.Errorf("%s: a name newer Node defines needs a note saying what goes wrong there", name)
		}
	}
	// The names the task names explicitly as Node's must stay out.
	for _, name := range []string{"fetch", "URL", "Blob", "TextEncoder", "crypto", "performance", "setTimeout",
		"console", "structuredClone", "WebSocket", "EventTarget", "Event", "AbortController", "atob", "btoa",
		"queueMicrotask", "BroadcastChannel", "MessageChannel", "globalThis"} {
		if _, ok := LookupGlobal(name); ok {
			t.Errorf("%s must not be a browser-only global", name)
		}
	}
}

func TestBrowserGlobalsContent(t *testing.T) {
	names := BrowserGlobals()
	if !slices.IsSorted(names) {
		t.Error("BrowserGlobals is not sorted")
	}
	if len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Error("BrowserGlobals has duplicates")
	}
	for _, want := range []string{"window", "document", "navigator", "localStorage", "customElements",
		"HTMLElement", "RTCPeerConnection", "self", "requestAnimationFrame", "matchMedia"} {
		if !slices.Contains(names, want) {
			t.Errorf("BrowserGlobals lacks %s", want)
		}
	}
	// Callers may keep or sort the slice: it must be theirs.
	names[0] = "mutated"
	if BrowserGlobals()[0] == "mutated" {
		t.Error("BrowserGlobals returns shared storage")
	}
	for _, g := range ExcludedGlobals() {
		if _, ok := LookupGlobal(g.Name); ok {
			t.Errorf("%s is both listed and excluded", g.Name)
		}
	}
}

func TestIsBrowserOnly(t *testing.T) {
	p := Packages()
	tests := []struct {
		spec, want string
	}{
		{"@signalwire/js", "@signalwire/js"},
		{"@signalwire/js/operators", "@signalwire/js"},
		{"@signalwire/js/bundle", "@signalwire/js"},
		{"@signalwire/web-components", "@signalwire/web-components"},
		{"@signalwire/client", "@signalwire/client"},
		{"@signalwire/react", "@signalwire/react"},
		{"@signalwire/call-widget", "@signalwire/call-widget"},
		{"@signalwire/jsx", ""},
		{"@signalwire/js-extra/x", ""},
		{"@signalwire/realtime-api", ""},
		{"@signalwire/compatibility-api", ""},
		{"@signalwire", ""},
		{"signalwire", ""},
		{"./@signalwire/js", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := p.IsBrowserOnly(tt.spec)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("IsBrowserOnly(%q) = %q, %v; want %q", tt.spec, got, ok, tt.want)
		}
	}
	for _, spec := range []string{"@signalwire/realtime-api", "@signalwire/compatibility-api", "@signalwire/node", "@signalwire/node/lib/x"} {
		if _, ok := p.IsServerSafe(spec); !ok {
			t.Errorf("IsServerSafe(%q) = false", spec)
		}
	}
	if _, ok := p.IsServerSafe("@signalwire/js"); ok {
		t.Error("@signalwire/js is not server-safe")
	}
}

func TestHasImportSideEffects(t *testing.T) {
	p := Packages()
	tests := []struct {
		spec, want string
	}{
		{"@signalwire/web-components", "@signalwire/web-components"},
		{"@signalwire/web-components/dist/embed/signalwire-web-components-embed.iife.js", "@signalwire/web-components"},
		{"../vendor/signalwire-web-components-embed.iife.js", "signalwire-web-components-embed.iife.js"},
		{"https://unpkg.com/@signalwire/web-components/dist/embed/signalwire-web-components-embed.iife.js", "signalwire-web-components-embed.iife.js"},
		{"@signalwire/js", ""},
		{"@signalwire/web-componentsx", ""},
		{"lit", ""},
	}
	for _, tt := range tests {
		got, ok := p.HasImportSideEffects(tt.spec)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("HasImportSideEffects(%q) = %q, %v; want %q", tt.spec, got, ok, tt.want)
		}
	}
}

func TestConstructors(t *testing.T) {
	p := Packages()
	got := p.Constructors("@signalwire/js")
	for _, want := range []string{"SignalWire", "embeddableCall", "Video.RoomSession", "Chat.Client", "PubSub.Client", "Fabric.SignalWire", "WebRTC.getUserMedia"} {
		if !slices.Contains(got, want) || !p.IsConstructor("@signalwire/js", want) {
			t.Errorf("Constructors(@signalwire/js) lacks %s", want)
		}
	}
	// Not constructors: credential providers are plain objects, and these
	// WebRTC helpers were observed not to throw on Node.
	for _, name := range []string{"StaticCredentialProvider", "EmbedTokenCredentialProvider", "WebRTC.stopStream", "Fabric.Client", "Video"} {
		if p.IsConstructor("@signalwire/js", name) {
			t.Errorf("%s must not be a constructor", name)
		}
	}
	if c, ok := p.Constructor("@signalwire/js", "SignalWire"); !ok || !strings.Contains(c.Note, "RTCPeerConnection") {
		t.Errorf("Constructor(SignalWire) = %+v, %v", c, ok)
	}
	if got := p.Constructors("@signalwire/realtime-api"); len(got) != 0 {
		t.Errorf("server SDK has constructors %v", got)
	}
	if got := p.Constructors("@signalwire/js/operators"); len(got) != 0 {
		t.Errorf("Constructors takes a package name, not a subpath; got %v", got)
	}
}

func TestWith(t *testing.T) {
	base := Packages()
	if base.With("") != base || base.With(" , @signalwire/js ,") != base {
		t.Error("With without new packages must return the receiver")
	}
	ext := base.With(" @acme/video-sdk , ,@acme/video-sdk, @signalwire/js/operators")
	if pkg, ok := ext.IsBrowserOnly("@acme/video-sdk/react"); !ok || pkg != "@acme/video-sdk" {
		t.Errorf("extended IsBrowserOnly(@acme/video-sdk/react) = %q, %v", pkg, ok)
	}
	if n := len(ext.BrowserOnly()) - len(base.BrowserOnly()); n != 1 {
		t.Errorf("With added %d packages, want 1", n)
	}
	if _, ok := base.IsBrowserOnly("@acme/video-sdk"); ok {
		t.Error("With modified the shared data")
	}
	if _, ok := ext.IsBrowserOnly("@signalwire/js"); !ok {
		t.Error("With lost the embedded packages")
	}

	if base.WithSideEffects("@signalwire/web-components") != base {
		t.Error("WithSideEffects of a listed package must return the receiver")
	}
	se := base.WithSideEffects("@shoelace-style/shoelace")
	if got, ok := se.HasImportSideEffects("@shoelace-style/shoelace/dist/components/button/button.js"); !ok || got != "@shoelace-style/shoelace" {
		t.Errorf("extended HasImportSideEffects = %q, %v", got, ok)
	}
	if _, ok := base.HasImportSideEffects("@shoelace-style/shoelace"); ok {
		t.Error("WithSideEffects modified the shared data")
	}
}

func TestPackageName(t *testing.T) {
	for spec, want := range map[string]string{
		"@signalwire/js":           "@signalwire/js",
		"@signalwire/js/operators": "@signalwire/js",
		"lit/decorators.js":        "lit",
		"react":                    "react",
		"./x":                      "",
		"/abs":                     "",
		"@scope":                   "",
	} {
		if got := packageName(spec); got != want {
			t.Errorf("packageName(%q) = %q, want %q", spec, got, want)
		}
	}
}

func TestSecrets(t *testing.T) {
	s := Secrets()
	tests := []struct {
		name       string
		credential bool
		public     bool
	}{
		{"SIGNALWIRE_PROJECT_ID", true, false},
		{"SIGNALWIRE_TOKEN", true, false},
		{"SIGNALWIRE_SPACE", true, false},
		{"NEXT_PUBLIC_SIGNALWIRE_TOKEN", true, false},
		{"signalwire_token", true, false},
		{"NEXT_PUBLIC_SW_HOST", false, true},
		{"STRIPE_SECRET_KEY", true, false},
		{"NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", false, true},
		{"SUPABASE_SERVICE_ROLE_KEY", true, false},
		{"NEXT_PUBLIC_SUPABASE_ANON_KEY", false, true},
		{"NEXT_PUBLIC_GOOGLE_MAPS_API_KEY", false, true},
		{"NEXT_PUBLIC_SEGMENT_WRITE_KEY", false, true},
		{"NEXT_PUBLIC_POSTHOG_PROJECT_API_KEY", false, true},
		{"POSTHOG_PERSONAL_API_KEY", true, false},
		{"NEXT_PUBLIC_HYPERTUNE_TOKEN", false, true},
		{"NEXT_PUBLIC_FIREBASE_API_KEY", false, true},
		{"NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY", false, true},
		{"NEXT_PUBLIC_ALGOLIA_SEARCH_ONLY_API_KEY", false, true},
		{"ALGOLIA_ADMIN_API_KEY", true, false},
		{"NEXT_PUBLIC_MAPBOX_ACCESS_TOKEN", false, true},
		{"NEXT_PUBLIC_MAPBOX_SECRET_TOKEN", true, false},
		{"NEXT_PUBLIC_TOKEN_CONTRACT", false, false},
		{"NEXT_PUBLIC_API_KEY", true, false},
		{"NEXT_PUBLIC_VAPID_PUBLIC_KEY", false, true},
		{"NEXT_PUBLIC_STRIPE_PUBLIC_API_KEY", false, true},
		{"NEXT_PUBLIC_KNOCK_API_KEY", false, true},
		{"KNOCK_SECRET_API_KEY", true, false},
		{"NEXT_PUBLIC_BETTER_STACK_SOURCE_TOKEN", false, true},
		{"PUBLIC_API_KEY", true, false},
		{"NEXT_PUBLIC_TOKEN_SYMBOL", false, false},
		{"SIGNALWIRE_TOKEN_URL", false, false},
		{"AUTH_TOKEN_TTL", false, false},
		{"API_KEY_HEADER", false, false},
		{"TOKEN_SECRET", true, false},
		{"SECRET_TOKEN_URL_SECRET", true, false},
		{"POSTGRES_DATABASE_URL", true, false},
		{"OPENAI_API_KEY", true, false},
		{"GITHUB_TOKEN", true, false},
		{"DATABASE_URL", true, false},
		{"NEXTAUTH_SECRET", true, false},
		{"TOKENIZER_MODEL", false, false},
		{"NEXT_PUBLIC_APP_URL", false, false},
		{"NODE_ENV", false, false},
	}
	for _, tt := range tests {
		_, cred := s.IsCredential(tt.name)
		_, pub := s.IsPublicByDesign(tt.name)
		if cred != tt.credential || pub != tt.public {
			t.Errorf("%s: credential %v, public by design %v; want %v, %v", tt.name, cred, pub, tt.credential, tt.public)
		}
	}
	if p, _ := s.IsCredential("SIGNALWIRE_TOKEN"); p.Words != "SIGNALWIRE_TOKEN" {
		t.Errorf("IsCredential(SIGNALWIRE_TOKEN) matched %q, want the SignalWire entry first", p.Words)
	}
	if !s.IsHarmless("NODE_ENV") || !s.IsHarmless("NEXT_RUNTIME") || s.IsHarmless("SIGNALWIRE_TOKEN") {
		t.Error("IsHarmless: NODE_ENV and NEXT_RUNTIME only")
	}
	for _, tt := range []struct {
		framework, name string
		ok              bool
	}{
		{"next", "NEXT_PUBLIC_SW_HOST", true},
		{"next", "SIGNALWIRE_TOKEN", false},
		{"vite", "NEXT_PUBLIC_SW_HOST", false},
		{"vite", "VITE_API_URL", true},
		{"sveltekit", "PUBLIC_SITE", true},
		{"astro", "PUBLIC_SITE", true},
		{"nuxt", "NUXT_PUBLIC_API_BASE", true},
		{"gatsby", "GATSBY_SITE", true},
	} {
		if _, ok := s.PublicPrefix(tt.framework, tt.name); ok != tt.ok {
			t.Errorf("PublicPrefix(%s, %s) = %v, want %v", tt.framework, tt.name, ok, tt.ok)
		}
	}
}

func TestNamePatternWholeWords(t *testing.T) {
	p := NamePattern{Words: "API_KEY"}
	for name, want := range map[string]bool{
		"API_KEY": true, "MY_API_KEY_2": true, "api_key": true,
		"RAPI_KEY": false, "API_KEYS": false, "API": false, "KEY_API": false,
	} {
		if got := p.Match(name); got != want {
			t.Errorf("API_KEY.Match(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestCheckNames(t *testing.T) {
	if err := checkNames("f", "x", []string{"a", "a"}, nil); err == nil {
		t.Error("duplicate not reported")
	}
	if err := checkNames("f", "x", []string{"a", " b"}, nil); err == nil {
		t.Error("padded name not reported")
	}
	if err := checkNames("f", "x", []string{"a"}, []string{" "}); err == nil {
		t.Error("missing note not reported")
	}
	if err := checkNames("f", "x", []string{"a", "b"}, []string{"n", "n"}); err != nil {
		t.Error(err)
	}
}

func TestDocs(t *testing.T) {
	docs := Docs()
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
	}
	if want := []string{"clientcleanup", "clientenv", "directive", "dynamicssr", "effectimport", "embedscript", "expiryunits", "moduleglobal", "publicsecret", "renderglobal", "secretimport", "secretprop", "serverimport", "srcobject", "tokenauth", "tokencache"}; !slices.Equal(names, want) {
		t.Fatalf("Docs() = %v, want %v", names, want)
	}
	for _, d := range docs {
		if got, ok := Doc(d.Name); !ok || got.Title != d.Title {
			t.Errorf("Doc(%q) = %+v, %v", d.Name, got, ok)
		}
		if strings.HasPrefix(d.Markdown, "---") || !strings.HasPrefix(d.Markdown, "# "+d.Name+"\n") {
			t.Errorf("%s: Markdown should start with the heading # %s, after the front matter", d.Name, d.Name)
		}
		sections := map[string]int{}
		for _, ex := range d.Examples() {
			sections[ex.Section]++
			if strings.HasPrefix(ex.File, "/") || strings.Contains(ex.File, "..") || ex.Code == "" {
				t.Errorf("%s: example %q: want a relative app path and code", d.Name, ex.File)
			}
		}
		if sections["Example"] == 0 || sections["Use instead"] == 0 {
			t.Errorf("%s: examples per section %v: want Example and Use instead", d.Name, sections)
		}
	}
	if _, ok := Doc("nosuchrule"); ok {
		t.Error("Doc(nosuchrule) found")
	}
}

// TestDocsNameRealData checks that a doc that points at a data file's list
// points at a list that exists, so the docs cannot drift from the data.
func TestDocsNameRealData(t *testing.T) {
	ref := regexp.MustCompile("`(\\w+)` list of `rules/(\\w+\\.json)`")
	for _, d := range Docs() {
		refs := ref.FindAllStringSubmatch(strings.Join(strings.Fields(d.Markdown), " "), -1)
		if len(refs) == 0 {
			t.Errorf("%s: Options and data names no data list", d.Name)
		}
		for _, m := range refs {
			src, err := files.ReadFile(m[2])
			if err != nil {
				t.Errorf("%s: %v", d.Name, err)
				continue
			}
			var top map[string]json.RawMessage
			if err := json.Unmarshal(src, &top); err != nil {
				t.Fatal(err)
			}
			if _, ok := top[m[1]]; !ok {
				t.Errorf("%s: names list %q of %s, which has none", d.Name, m[1], m[2])
			}
		}
	}
}

// TestDocsExamplesUseListedPackages keeps the examples in step with the
// data: an example for a package rule imports a package that rule knows.
func TestDocsExamplesUseListedPackages(t *testing.T) {
	p := Packages()
	spec := regexp.MustCompile(`(?:from |import\(|import )"([^"]+)"`)
	for _, rule := range []string{"serverimport", "effectimport"} {
		d, _ := Doc(rule)
		found := false
		for _, ex := range d.Examples() {
			if ex.Section != "Example" {
				continue
			}
			for _, m := range spec.FindAllStringSubmatch(ex.Code, -1) {
				_, browser := p.IsBrowserOnly(m[1])
				_, effect := p.HasImportSideEffects(m[1])
				found = found || (rule == "serverimport" && browser) || (rule == "effectimport" && effect)
			}
		}
		if !found {
			t.Errorf("%s: no Example imports a package the rule reports", rule)
		}
	}
}

func TestParseDocRejects(t *testing.T) {
	const body = "# r\n\n## What it does\n\n## Why is this bad?\n\n## Example\n\n## Use instead\n\n## Fix\n\n## Options and data\n"
	good := "---\ntitle: a thing\nseverity: error\nsince: 0.1.0\n---\n" + body
	if _, err := parseDoc("r", good); err != nil {
		t.Fatalf("valid doc rejected: %v", err)
	}
	bad := map[string]string{
		"no front matter":   body,
		"bad severity":      strings.Replace(good, "severity: error", "severity: fatal", 1),
		"unknown key":       strings.Replace(good, "since:", "sinse:", 1),
		"missing section":   strings.Replace(good, "## Fix\n", "", 1),
		"sections swapped":  strings.Replace(good, "## Example\n\n## Use instead\n", "## Use instead\n\n## Example\n", 1),
		"title period":      strings.Replace(good, "a thing", "a thing.", 1),
		"unclosed code":     good + "```tsx title=\"a.tsx\"\nx\n",
		"code without lang": good + "```\nx\n```\n",
	}
	for what, src := range bad {
		if _, err := parseDoc("r", src); err == nil {
			t.Errorf("%s: accepted", what)
		}
	}
	if _, err := parseDoc("Bad-Name", good); err == nil {
		t.Error("bad rule name accepted")
	}
}

func TestExamplesParse(t *testing.T) {
	md := "## Example\n\n```tsx title=\"app/page.tsx\"\nexport default 1;\n```\n\n```text\nno file\n```\n\n## Use instead\n\n```ts title=\"lib/a.ts\"\n## not a heading\n```\n"
	ex, err := examples(md)
	if err != nil {
		t.Fatal(err)
	}
	want := []Example{
		{Section: "Example", File: "app/page.tsx", Lang: "tsx", Code: "export default 1;\n"},
		{Section: "Use instead", File: "lib/a.ts", Lang: "ts", Code: "## not a heading\n"},
	}
	if !slices.Equal(ex, want) {
		t.Errorf("examples = %+v, want %+v", ex, want)
	}
}
