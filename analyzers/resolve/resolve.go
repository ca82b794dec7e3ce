// Package resolve turns import specifiers into files or package names. It is
// the only package that uses esbuild: its resolver applies tsconfig `paths`,
// `baseUrl` and `extends`, package.json `exports`/`main`, and extension and
// index lookup exactly as bundlers do.
package resolve

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
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

// Resolver resolves batches of requests. It is safe for sequential use by one
// goroutine; ResolveAll itself works in parallel.
type Resolver struct {
	opts Options
	ctx  api.BuildContext
	// plain is a second context that ignores tsconfig files, used when a
	// broken tsconfig.json makes esbuild fail every lookup below it.
	plain   api.BuildContext
	farm    string // temp dir with node_modules symlinks to workspace packages
	mu      sync.Mutex
	pending []Request
	results []Result
}

const entry = "ssrlint:resolve"

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
			EntryPoints:       []string{entry},
			AbsWorkingDir:     opts.Dir,
			Bundle:            true,
			Write:             false,
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

// Close releases esbuild's context and the workspace links.
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

// setup registers the virtual entry whose load step performs the batch:
// esbuild's Resolve is only callable from inside a build.
func (r *Resolver) setup(build api.PluginBuild) {
	build.OnResolve(api.OnResolveOptions{Filter: "^" + entry + "$"}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
		return api.OnResolveResult{Path: entry, Namespace: "ssrlint"}, nil
	})
	build.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: "ssrlint"}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
		reqs := r.pending
		out := r.results
		var wg sync.WaitGroup
		workers := 4
		next := make(chan int, len(reqs))
		for i := range reqs {
			next <- i
		}
		close(next)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					out[i] = r.one(build, reqs[i])
				}
			}()
		}
		wg.Wait()
		empty := ""
		return api.OnLoadResult{Contents: &empty, Loader: api.LoaderJS}, nil
	})
}

func (r *Resolver) one(build api.PluginBuild, req Request) Result {
	spec := req.Spec
	if isBuiltin(spec) {
		return Result{Package: strings.TrimPrefix(spec, "node:")}
	}
	res := build.Resolve(spec, api.ResolveOptions{ResolveDir: req.Dir, Kind: api.ResolveJSImportStatement})
	bare := IsBare(spec)
	if len(res.Errors) > 0 || res.Path == "" || res.Namespace != "file" && res.Namespace != "" {
		if bare {
			return Result{Package: PackageName(spec)}
		}
		msg := "cannot resolve"
		if len(res.Errors) > 0 {
			msg = res.Errors[0].Text
		}
		return Result{Err: msg}
	}
	p := filepath.Clean(res.Path)
	if bare && inNodeModules(p) {
		return Result{Package: PackageName(spec)}
	}
	return Result{File: p}
}

func inNodeModules(p string) bool {
	return strings.Contains(p, string(filepath.Separator)+"node_modules"+string(filepath.Separator))
}

// ResolveAll resolves every request; results are in request order.
func (r *Resolver) ResolveAll(reqs []Request) ([]Result, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ctx == nil {
		return nil, fmt.Errorf("resolver is closed")
	}
	out, err := r.batch(r.ctx, reqs)
	if err != nil {
		return nil, err
	}
	// Retry failed relative lookups without tsconfig: esbuild gives up on
	// every import below a tsconfig.json it cannot parse, but "./x" does not
	// depend on it. (The broken file itself is reported by discovery.)
	var retry []Request
	var at []int
	for i, res := range out {
		if res.Err != "" && strings.Contains(res.Err, "JSON") {
			retry = append(retry, reqs[i])
			at = append(at, i)
		}
	}
	if len(retry) > 0 {
		again, err := r.batch(r.plain, retry)
		if err != nil {
			return nil, err
		}
		for k, i := range at {
			if again[k].Err == "" {
				out[i] = again[k]
			}
		}
	}
	return out, nil
}

func (r *Resolver) batch(ctx api.BuildContext, reqs []Request) ([]Result, error) {
	r.pending = reqs
	r.results = make([]Result, len(reqs))
	res := ctx.Rebuild()
	out := r.results
	r.pending, r.results = nil, nil
	if len(res.Errors) > 0 {
		return nil, fmt.Errorf("esbuild resolver: %s", res.Errors[0].Text)
	}
	return out, nil
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
