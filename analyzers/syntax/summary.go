// Package syntax is the only package that touches tree-sitter. It parses one
// JavaScript or TypeScript module and extracts a compact, cacheable Summary of
// everything the rules need: directives, imports and the context they sit in,
// exports, references to browser-only globals and to imported SDK bindings.
//
// Positions in a Summary are byte offsets into the file's source; the caller
// turns them into token.Pos values.
package syntax

// SchemaVersion changes whenever Summary's shape or extraction changes, so
// that cached summaries from an older binary are not reused.
const SchemaVersion = 15

// Span is a half-open byte range [Start, End) in a file's source.
type Span struct {
	Start, End int
}

// Summary is what the parse stage extracts from one module.
type Summary struct {
	// UseClient and UseServer are true when the directive is in the
	// directive prologue (before any other statement; comments allowed).
	UseClient bool
	UseServer bool
	// Pure: the module's top-level code has no side effects (only imports,
	// exports, declarations and pure initialisers; pure.go), so a bundler
	// drops it when none of its exports is used.
	Pure bool
	// Directives lists every "use client"/"use server" string statement,
	// including misplaced ones (InPrologue false), for diagnostics.
	Directives []Directive

	Imports []Import
	Exports []Export
	// Decls are the module's top-level statements as nodes of its inner
	// graph (inner.go), in source order; nil when the module has syntax
	// errors.
	Decls []Decl

	// Globals are references to names from the browser-global list passed to
	// Parse, with their scope, guard and shadowing facts.
	Globals []GlobalRef
	// BogusGuards are `typeof x !== undefined` comparisons against the value
	// undefined, which are always true and guard nothing.
	BogusGuards []Span
	// BindingUses are calls (`f()`) and constructions (`new F()`) of a
	// binding imported from a bare package specifier.
	BindingUses []BindingUse

	// Env are the accesses to environment variables through process.env
	// and import.meta.env, in source order (env.go).
	Env []EnvRef
	// ServerData are the spans Next removes from a Pages Router page's
	// client build: the exported getServerSideProps, getStaticProps and
	// getStaticPaths, and the top-level declarations only they use.
	ServerData []Span

	// Requests (fetch, axios, got, ky calls), Funcs (top-level functions
	// and what they reference), CacheHeaders and UseCache (a "use cache"
	// directive in the prologue) are what tokencache needs (mint.go).
	Requests     []Request
	Funcs        []Func
	CacheHeaders []CacheHeader
	UseCache     Span

	// Effects are the useEffect/useLayoutEffect calls that start an SDK
	// client or a call, or whose cleanup tears one down; SrcObjects the
	// srcObject JSX props; Expiries the credential results whose expiry_at
	// is in seconds (render.go).
	Effects    []Effect
	SrcObjects []SrcObject
	Expiries   []Expiry

	// Props are environment values that reach a JSX element's props or the
	// props a Pages Router data function returns; Gates are the checks
	// before a function's calls; PrologueEnd is the offset after the
	// directive prologue (and a hashbang line), 0 when there is none
	// (props.go, callercheck.go).
	Props       []PropFlow
	Gates       []Gate
	PrologueEnd int

	// Suppressions are the ssrlint-ignore comments, in source order.
	Suppressions []Suppression

	// Scripts are the JSX <script> elements and next/script elements
	// (script.go), in the order they were found.
	Scripts []ScriptTag

	// Errors are ERROR or MISSING nodes the grammar produced. Some are the
	// grammar's own limits on valid code; callers report them as notes only.
	Errors []Span
}

// Directive is a "use client" or "use server" expression statement.
type Directive struct {
	Value      string // "use client" or "use server"
	Span       Span
	InPrologue bool
}

// ImportKind says how a module is pulled in.
type ImportKind int

// Import kinds.
const (
	ImportStatic      ImportKind = iota // import x from "m"; import "m"
	ImportReExport                      // export * from "m"; export { x } from "m"
	ImportRequire                       // require("m")
	ImportDynamic                       // import("m")
	ImportNextDynamic                   // next/dynamic(() => import("m"), ...)
)

func (k ImportKind) String() string {
	switch k {
	case ImportStatic:
		return "import"
	case ImportReExport:
		return "re-export"
	case ImportRequire:
		return "require"
	case ImportDynamic:
		return "import()"
	case ImportNextDynamic:
		return "next/dynamic"
	}
	return "unknown"
}

// Context says when the code around a require/import() runs.
type Context int

// Contexts, from "runs when the module is evaluated" to "only ever in the browser".
const (
	// CtxModule: evaluated when the module is (module scope, IIFEs, class
	// static blocks).
	CtxModule Context = iota
	// CtxFunction: inside a function that runs later, in whatever
	// environment the module runs in.
	CtxFunction
	// CtxEffect: inside a useEffect/useLayoutEffect/useInsertionEffect callback.
	CtxEffect
	// CtxHandler: inside an event handler (JSX on* prop, on*/handle* function,
	// addEventListener callback).
	CtxHandler
)

// BrowserOnly reports whether code in this context only ever runs in the browser.
func (c Context) BrowserOnly() bool { return c == CtxEffect || c == CtxHandler }

func (c Context) String() string {
	switch c {
	case CtxModule:
		return "module scope"
	case CtxFunction:
		return "function"
	case CtxEffect:
		return "effect"
	case CtxHandler:
		return "event handler"
	}
	return "unknown"
}

// Import is one edge candidate: a specifier with how and where it is used.
type Import struct {
	Spec string
	Kind ImportKind
	// Span covers the specifier string literal (without quotes); StmtSpan the
	// whole statement or call.
	Span     Span
	StmtSpan Span
	// TypeOnly: `import type`, `export type`, or every specifier is `type`;
	// or Elided. Type-only imports are erased and never evaluated.
	TypeOnly bool
	// Elided: a static import in a TypeScript module none of whose bindings
	// is used as a value, which the compiler drops (elide.go).
	Elided bool
	// Unused: Elided because no binding is mentioned anywhere else in the
	// file (not even as a type) — an import just written, not a type import.
	Unused bool
	// SideEffectOnly: `import "m"` with no bindings.
	SideEffectOnly bool
	Context        Context
	// SSRFalse: a next/dynamic call with `{ ssr: false }`.
	SSRFalse bool
	// Guarded: a browser check (typeof window !== "undefined", …) dominates
	// the require/import() call, so it only runs in the browser.
	Guarded bool
	// Bindings are the local names this import introduces (value bindings
	// only), with the imported name ("default", "*" or the export name).
	Bindings []Binding
	// Forwards are the names a re-export passes on, Local being the name
	// exported here: `export { a as b } from "m"` has {Local: "b", Imported:
	// "a"}, `export * as ns from "m"` has {Local: "ns", Imported: "*"}. They
	// bind nothing in this module.
	Forwards []Binding
	// Star: `export * from "m"`, which forwards every name but default.
	Star bool
	// ServerDataOnly: only Summary.ServerData code uses the import, so Next
	// removes it from a page's client build (and re-exports of data
	// functions alone).
	ServerDataOnly bool
}

// Binding is one local name bound by an import.
type Binding struct {
	Local    string
	Imported string
}

// Export is an exported name. Value holds the literal text for
// `export const name = <literal>` (string without quotes, number, boolean),
// so segment config (dynamic, revalidate, fetchCache, runtime) can be read.
type Export struct {
	Name     string
	Span     Span
	Value    string
	HasValue bool
	// Async reports an `export async function`.
	Async bool
	// ReExport: the name is forwarded from another module (`export { a }
	// from "m"`), not defined here.
	ReExport bool
}

// RefKind says how a global is used.
type RefKind int

// Reference kinds.
const (
	RefRead    RefKind = iota // window.x, x = window, window?.x
	RefCall                   // alert(), window.open() counts as read of window
	RefNew                    // new Notification()
	RefExtends                // class X extends HTMLElement
	RefTypeof                 // typeof window: never throws
)

// GlobalRef is one reference to a browser-global name.
type GlobalRef struct {
	Name string
	Span Span
	Kind RefKind
	// Context of the innermost enclosing function; CtxModule when the
	// reference is evaluated together with the module.
	Context Context
	// Guarded: a dominating check (typeof window !== "undefined",
	// process.browser, …) makes this reference browser-only.
	Guarded bool
	// Caught: the reference runs inside the block of a try statement with a
	// catch clause (feature detection), so the ReferenceError it throws
	// where the global is missing is caught.
	Caught bool
	// Shadowed: the name resolves to a local binding, not the global.
	Shadowed bool
	// Phase says whether the reference runs while a React component
	// renders, and Component names that component or hook (render.go).
	Phase     Phase
	Component string
}

// BindingUse is a call or construction of an imported binding (or a member
// of it: `new Video.RoomSession()` has Local "Video", Member "RoomSession").
type BindingUse struct {
	Local   string
	Member  string
	Import  int // index into Summary.Imports
	Span    Span
	New     bool
	Context Context
	Guarded bool
	// Caught: as in GlobalRef.
	Caught bool
	// Phase and Component: as in GlobalRef.
	Phase     Phase
	Component string
}
