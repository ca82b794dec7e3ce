// Package resolve turns import specifiers into files or package names. It is
// the only package that uses esbuild: its resolver applies tsconfig `paths`,
// `baseUrl` and `extends`, package.json `exports`/`main`, and extension and
// index lookup exactly as bundlers do.
//
// esbuild's plugin API (build.Resolve) makes a fresh resolver, with empty
// directory and tsconfig caches, for every call: about a millisecond each,
// seconds for a real app. So a batch is resolved by one bundling pass over
// virtual modules instead — one per importing directory, holding one
// `import "spec"` line per request — whose imports esbuild resolves with a
// single shared resolver. Every real file it reaches loads as an empty
// module, so nothing is parsed, and the metafile says where each import went.
// A failed import fails the whole build (and withholds the metafile), so the
// first pass learns which requests fail and a second pass marks exactly those
// external.
package resolve

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// Request asks how Spec, written in a file in Dir, resolves.
type Request struct {
	Dir  string
	Spec string
}

// Result is where a Request leads. Exactly one of File and Package is set,
// unless the request could not be resolved (Err).
type Result struct {
	// File is the absolute path of a first-party file (outside node_modules).
	File string
	// Package is the package name for a bare specifier that leads into
	// node_modules, a Node builtin, or a package that is not installed.
	Package string
	// Err says why a relative or absolute specifier did not resolve.
	Err string
}

// Options configure a Resolver.
type Options struct {
	// Dir is the app directory (esbuild's working directory).
	Dir string
	// Workspace maps workspace package names to their directories, so that
	// `@acme/ui` resolves in a checkout without node_modules.
	Workspace map[string]string
	// Extensions are tried in order for extensionless specifiers.
	Extensions []string
}

// Resolver resolves batches of requests for one app. ResolveAll calls are
// serialised.
type Resolver struct {
	opts Options
	ctx  api.BuildContext
	// plain is a second context that ignores tsconfig files, used when a
	// broken tsconfig.json makes esbuild fail the whole build.
	plain api.BuildContext
	farm  string // temp dir with node_modules symlinks to workspace packages

	mu sync.Mutex
	// The batch being built: groups[k] are the requests (indices into reqs)
	// of virtual module k; failed marks requests to treat as external.
	reqs    []Request
	groups  [][]int
	failed  map[int]bool
	errText map[int]string
	// withoutTsconfig is set once a batch had to be resolved without
	// tsconfig files (see ResolveAll).
	withoutTsconfig bool
}

const namespace = "ssrlint"

// New creates a Resolver for one app.
func New(opts Options) (*Resolver, error) {
	if len(opts.Extensions) == 0 {
		opts.Extensions = []string{".tsx", ".ts", ".jsx", ".js", ".mjs", ".cjs", ".mts", ".cts", ".json"}
	}
	r := &Resolver{opts: opts}
	var nodePaths []string
	if len(opts.Workspace) > 0 {
		farm, err := makeFarm(opts.Workspace)
		if err != nil {
			return nil, err
		}
		r.farm = farm
		nodePaths = []string{filepath.Join(farm, "node_modules")}
	}
	for _, raw := range []string{"", "{}"} {
		ctx, cerr := api.Context(api.BuildOptions{
			EntryPoints:       []string{namespace + ":entry"},
			AbsWorkingDir:     opts.Dir,
			Outdir:            filepath.Join(opts.Dir, ".ssrlint-never-written"),
			Bundle:            true,
			Write:             false,
			Metafile:          true,
			LogLevel:          api.LogLevelSilent,
			Platform:          api.PlatformBrowser,
			ResolveExtensions: opts.Extensions,
			NodePaths:         nodePaths,
			TsconfigRaw:       raw,
			Plugins:           []api.Plugin{{Name: "ssrlint", Setup: r.setup}},
		})
		if cerr != nil {
			r.Close()
			return nil, fmt.Errorf("starting esbuild resolver in %s: %v", opts.Dir, cerr.Errors)
		}
		if raw == "" {
			r.ctx = ctx
		} else {
			r.plain = ctx
		}
	}
	return r, nil
}

// makeFarm links every workspace package into a temporary node_modules, so
// esbuild's package lookup (with `exports`) finds them through NodePaths.
// Symlinks resolve to the real directories, which are what we report.
func makeFarm(ws map[string]string) (string, error) {
	dir, err := os.MkdirTemp("", "ssrlint-ws-")
	if err != nil {
		return "", fmt.Errorf("creating workspace link dir: %w", err)
	}
	for name, target := range ws {
		link := filepath.Join(dir, "node_modules", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
			os.RemoveAll(dir)
			return "", fmt.Errorf("creating workspace link dir: %w", err)
		}
		if err := os.Symlink(target, link); err != nil {
			os.RemoveAll(dir)
			return "", fmt.Errorf("linking workspace package %s: %w", name, err)
		}
	}
	return dir, nil
}

// Close releases esbuild's contexts and the workspace links.
func (r *Resolver) Close() {
	for _, c := range []*api.BuildContext{&r.ctx, &r.plain} {
		if *c != nil {
			(*c).Dispose()
			*c = nil
		}
	}
	if r.farm != "" {
		os.RemoveAll(r.farm)
		r.farm = ""
	}
}

func virtualName(k int) string { return namespace + ":" + strconv.Itoa(k) }

// setup serves the virtual modules and keeps esbuild from reading real ones.
func (r *Resolver) setup(build api.PluginBuild) {
	build.OnResolve(api.OnResolveOptions{Filter: "^" + namespace + ":"}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
		return api.OnResolveResult{Path: args.Path, Namespace: namespace}, nil
	})
	build.OnResolve(api.OnResolveOptions{Filter: ".*", Namespace: namespace}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
		if len(r.failed) == 0 {
			return api.OnResolveResult{}, nil
		}
		k, err := strconv.Atoi(strings.TrimPrefix(args.Importer, namespace+":"))
		if err != nil || k >= len(r.groups) {
			return api.OnResolveResult{}, nil
		}
		for _, i := range r.groups[k] {
			if r.reqs[i].Spec == args.Path && r.failed[i] {
				return api.OnResolveResult{Path: args.Path, External: true}, nil
			}
		}
		return api.OnResolveResult{}, nil
	})
	build.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: namespace}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
		var b strings.Builder
		dir := r.opts.Dir
		if args.Path == namespace+":entry" {
			for k := range r.groups {
				fmt.Fprintf(&b, "import %q;\n", virtualName(k))
			}
		} else if k, err := strconv.Atoi(strings.TrimPrefix(args.Path, namespace+":")); err == nil && k < len(r.groups) {
			dir = r.reqs[r.groups[k][0]].Dir
			for _, i := range r.groups[k] {
				spec, _ := json.Marshal(r.reqs[i].Spec)
				fmt.Fprintf(&b, "import %s;\n", spec)
			}
		}
		s := b.String()
		return api.OnLoadResult{Contents: &s, ResolveDir: dir, Loader: api.LoaderJS}, nil
	})
	// Real files load as empty modules: resolution is all we want of them.
	build.OnLoad(api.OnLoadOptions{Filter: ".*"}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
		empty := ""
		return api.OnLoadResult{Contents: &empty, Loader: api.LoaderJS}, nil
	})
}

// ResolveAll resolves every request; results are in request order.
func (r *Resolver) ResolveAll(reqs []Request) ([]Result, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ctx == nil {
		return nil, fmt.Errorf("resolver is closed")
	}
	out := make([]Result, len(reqs))
	var todo []int
	for i, q := range reqs {
		if isBuiltin(q.Spec) {
			out[i] = Result{Package: strings.TrimPrefix(q.Spec, "node:")}
		} else {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return out, nil
	}
	r.prepare(reqs, todo)
	defer func() { r.reqs, r.groups, r.failed, r.errText = nil, nil, nil, nil }()
	meta, errs := r.build(r.ctx)
	if meta == nil {
		// A broken tsconfig.json fails every build that reads it; resolve
		// without tsconfig (discovery reports the broken file itself).
		meta, errs = r.build(r.plain)
		r.withoutTsconfig = meta != nil
	}
	if meta == nil {
		return nil, fmt.Errorf("esbuild resolver: %s", strings.Join(errs, "; "))
	}
	for k, group := range r.groups {
		dir := reqs[group[0]].Dir
		resolved := map[string]string{}
		// The metafile keys virtual modules as "namespace:path".
		for _, imp := range meta.Inputs[namespace+":"+virtualName(k)].Imports {
			if !imp.External {
				resolved[imp.Original] = imp.Path
			}
		}
		for _, i := range group {
			spec := reqs[i].Spec
			p, ok := resolved[spec]
			switch {
			case ok:
				out[i] = r.classify(spec, p)
			case IsBare(spec):
				out[i] = Result{Package: PackageName(spec)}
			default:
				msg := r.errText[i]
				if msg == "" {
					msg = fmt.Sprintf("cannot resolve %q from %s", spec, dir)
				}
				out[i] = Result{Err: msg}
			}
		}
	}
	// Duplicate requests share the first one's result.
	first := map[Request]int{}
	for _, group := range r.groups {
		for _, i := range group {
			first[reqs[i]] = i
		}
	}
	for _, i := range todo {
		if j := first[reqs[i]]; j != i {
			out[i] = out[j]
		}
	}
	return out, nil
}

// IgnoredTsconfig reports whether a batch was resolved without the
// tsconfig files, because a broken one made esbuild fail: such results hold
// for this app only, and are not to be shared with other apps.
func (r *Resolver) IgnoredTsconfig() bool { return r.withoutTsconfig }

// prepare groups the requests by directory into virtual modules.
func (r *Resolver) prepare(reqs []Request, todo []int) {
	r.reqs = reqs
	r.failed = nil
	r.errText = map[int]string{}
	byDir := map[string]int{}
	seen := map[Request]bool{}
	r.groups = nil
	for _, i := range todo {
		k, ok := byDir[reqs[i].Dir]
		if !ok {
			k = len(r.groups)
			byDir[reqs[i].Dir] = k
			r.groups = append(r.groups, nil)
		}
		if !seen[reqs[i]] {
			seen[reqs[i]] = true
			r.groups[k] = append(r.groups[k], i)
		}
	}
}

type metafile struct {
	Inputs map[string]struct {
		Imports []struct {
			Path     string `json:"path"`
			Original string `json:"original"`
			External bool   `json:"external"`
		} `json:"imports"`
	} `json:"inputs"`
}

// build runs the batch on ctx: once to learn which requests fail, then, if
// any did, again with those external. It returns nil when a build fails for
// another reason (errors not located in a virtual module).
func (r *Resolver) build(ctx api.BuildContext) (*metafile, []string) {
	r.failed = nil
	for attempt := 0; attempt < 2; attempt++ {
		res := ctx.Rebuild()
		if len(res.Errors) == 0 {
			var m metafile
			if err := json.Unmarshal([]byte(res.Metafile), &m); err != nil {
				return nil, []string{"reading esbuild metafile: " + err.Error()}
			}
			return &m, nil
		}
		var other []string
		failed := map[int]bool{}
		for _, e := range res.Errors {
			i, ok := r.locate(e)
			if !ok {
				other = append(other, e.Text)
				continue
			}
			failed[i] = true
			r.errText[i] = e.Text
		}
		if len(other) > 0 || attempt == 1 {
			return nil, append(other, "unresolved imports remained after marking them external")
		}
		r.failed = failed
	}
	return nil, nil
}

// locate maps an esbuild error back to the request on its line.
func (r *Resolver) locate(e api.Message) (int, bool) {
	if e.Location == nil {
		return 0, false
	}
	// esbuild names a virtual file "namespace:path", and our paths start
	// with the namespace too.
	name := e.Location.File
	for strings.HasPrefix(name, namespace+":") {
		name = strings.TrimPrefix(name, namespace+":")
	}
	k, err := strconv.Atoi(name)
	if err != nil || k < 0 || k >= len(r.groups) {
		return 0, false
	}
	line := e.Location.Line - 1
	if line < 0 || line >= len(r.groups[k]) {
		return 0, false
	}
	return r.groups[k][line], true
}

// classify turns a resolved path (relative to the app dir, from the
// metafile) into a result.
func (r *Resolver) classify(spec, p string) Result {
	if !filepath.IsAbs(p) {
		p = filepath.Join(r.opts.Dir, filepath.FromSlash(p))
	}
	p = filepath.Clean(p)
	if IsBare(spec) && inNodeModules(p) {
		return Result{Package: PackageName(spec)}
	}
	return Result{File: p}
}

func inNodeModules(p string) bool {
	return strings.Contains(p, string(filepath.Separator)+"node_modules"+string(filepath.Separator))
}

// IsBare reports whether spec names a package rather than a path.
func IsBare(spec string) bool {
	return spec != "" && !strings.HasPrefix(spec, ".") && !strings.HasPrefix(spec, "/") && !filepath.IsAbs(spec)
}

// PackageName returns the package part of a bare specifier:
// "@scope/pkg/sub" → "@scope/pkg", "pkg/sub" → "pkg".
func PackageName(spec string) string {
	spec = strings.TrimPrefix(spec, "node:")
	parts := strings.SplitN(spec, "/", 3)
	if strings.HasPrefix(spec, "@") && len(parts) >= 2 {
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}

var builtins = func() map[string]bool {
	m := map[string]bool{}
	for _, b := range strings.Fields(`assert async_hooks buffer child_process cluster console constants crypto dgram
diagnostics_channel dns domain events fs http http2 https inspector module net os path perf_hooks process
punycode querystring readline repl stream string_decoder sys timers tls trace_events tty url util v8 vm
wasi worker_threads zlib`) {
		m[b] = true
	}
	return m
}()

func isBuiltin(spec string) bool {
	if strings.HasPrefix(spec, "node:") {
		return true
	}
	return builtins[strings.SplitN(spec, "/", 2)[0]]
}

// Dedup returns the distinct requests of reqs, sorted, and for each input
// its index in the distinct list.
func Dedup(reqs []Request) ([]Request, []int) {
	idx := map[Request]int{}
	var uniq []Request
	for _, q := range reqs {
		if _, ok := idx[q]; !ok {
			idx[q] = len(uniq)
			uniq = append(uniq, q)
		}
	}
	sort.Slice(uniq, func(i, j int) bool {
		if uniq[i].Dir != uniq[j].Dir {
			return uniq[i].Dir < uniq[j].Dir
		}
		return uniq[i].Spec < uniq[j].Spec
	})
	for i, q := range uniq {
		idx[q] = i
	}
	pos := make([]int, len(reqs))
	for i, q := range reqs {
		pos[i] = idx[q]
	}
	return uniq, pos
}
