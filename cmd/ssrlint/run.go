package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"golang.org/x/term"

	"github.com/ssrlint/ssrlint/analyzers/all"
	"github.com/ssrlint/ssrlint/analyzers/checker"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/cmd/ssrlint/internal/report"
	"github.com/ssrlint/ssrlint/rules"
)

// Exit codes.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

// version is set by -ldflags; otherwise the module version, if any.
var version = ""

func toolVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// run is main without the process: it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		// A bug in ssrlint must not show users a stack trace.
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "ssrlint: internal error: %v\nplease report this with the file that triggered it\n", r)
			code = exitError
		}
	}()
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			return cmdRules(stdout)
		case "explain":
			return cmdExplain(args[1:], stdout, stderr)
		case "version":
			fmt.Fprintf(stdout, "ssrlint %s\n", toolVersion())
			return exitClean
		case "help":
			usage(stdout)
			return exitClean
		}
	}
	return cmdCheck(args, stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage: ssrlint [flags] [path ...]
       ssrlint rules
       ssrlint explain <rule>
       ssrlint version

Analyses the Next.js apps under each path (default ".") for server-side
rendering misuse of browser-only SDKs. Exit codes: 0 no findings, 1 findings,
2 usage, configuration or internal error.

Flags:
`)
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ssrlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: "+strings.Join(report.Formats(), ", "))
	output := fs.String("output", "", "write the report to `file` instead of standard output")
	noCache := fs.Bool("no-cache", false, "do not read or write the per-file summary cache")
	color := fs.String("color", "auto", "colour text output: auto (a terminal without NO_COLOR), always, never")
	fs.Usage = func() {
		usage(stderr)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitError
	}
	if !contains(report.Formats(), *format) {
		fmt.Fprintf(stderr, "ssrlint: unknown --format %q (want one of: %s)\n", *format, strings.Join(report.Formats(), ", "))
		return exitError
	}
	if *color != "auto" && *color != "always" && *color != "never" {
		fmt.Fprintf(stderr, "ssrlint: unknown --color %q (want auto, always or never)\n", *color)
		return exitError
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for _, p := range paths {
		if st, err := os.Stat(p); err != nil {
			fmt.Fprintf(stderr, "ssrlint: %s: no such file or directory\n", p)
			return exitError
		} else if !st.IsDir() {
			fmt.Fprintf(stderr, "ssrlint: %s: not a directory (give an app, a monorepo or a directory inside one)\n", p)
			return exitError
		}
	}
	cache := ""
	if !*noCache {
		if dir, err := os.UserCacheDir(); err == nil {
			cache = filepath.Join(dir, "ssrlint")
		}
	}
	if err := ssrgraph.Analyzer.Flags.Set("cache", cache); err != nil {
		fmt.Fprintf(stderr, "ssrlint: %v\n", err)
		return exitError
	}
	res, err := checker.Run(paths, checker.Options{Analyzers: all.Analyzers})
	if err != nil {
		fmt.Fprintf(stderr, "ssrlint: %v\n", err)
		return exitError
	}
	root, _ := filepath.Abs(paths[0])
	if len(paths) > 1 {
		root = commonDir(paths)
	}
	printProblems(stderr, root, res)
	if len(res.Apps) == 0 {
		fmt.Fprintf(stderr, "ssrlint: no Next.js app found under %s (looked for a package.json depending on next, or a next.config file)\n", strings.Join(paths, ", "))
		return exitError
	}

	w := stdout
	var out *os.File
	if *output != "" {
		f, err := os.Create(*output)
		if err != nil {
			fmt.Fprintf(stderr, "ssrlint: %v\n", err)
			return exitError
		}
		out, w = f, f
	}
	useColor := *color == "always"
	if *color == "auto" && out == nil && os.Getenv("NO_COLOR") == "" {
		if f, ok := stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			useColor = true
		}
	}
	diags := toReport(res)
	err = report.Write(w, *format, res.Fset, diags, ruleInfos(), report.Options{
		Root:     root,
		Color:    useColor,
		ReadFile: os.ReadFile,
		Version:  toolVersion(),
	})
	if out != nil {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "ssrlint: writing report: %v\n", err)
		return exitError
	}
	if len(diags) > 0 {
		return exitFindings
	}
	return exitClean
}

// toReport turns analyzer diagnostics into report diagnostics: severity from
// the rule's doc, the import trace from Related.
func toReport(res *checker.Result) []report.Diagnostic {
	var out []report.Diagnostic
	for _, d := range res.Diagnostics {
		rd := report.Diagnostic{Diagnostic: d.Diagnostic, Rule: d.Analyzer.Name, Severity: report.Severity("error")}
		if doc, ok := rules.Doc(d.Analyzer.Name); ok {
			rd.Severity = report.Severity(doc.Severity)
			rd.Help = doc.Help
		}
		if d.Category == ssrgraph.TraceCategory {
			for _, r := range d.Related {
				rd.Trace = append(rd.Trace, r.Message)
			}
		}
		out = append(out, rd)
	}
	return out
}

func ruleInfos() []report.Rule {
	var out []report.Rule
	for _, a := range all.Analyzers {
		r := report.Rule{Name: a.Name, Short: firstLine(a.Doc), Doc: a.Doc, HelpURI: a.URL, Severity: "error"}
		if doc, ok := rules.Doc(a.Name); ok {
			r.Short, r.Doc, r.Severity = doc.Title, doc.Markdown, report.Severity(doc.Severity)
		}
		out = append(out, r)
	}
	return out
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// printProblems reports what could not be analysed, without drowning the
// findings: counts, and the first few files.
func printProblems(w io.Writer, root string, res *checker.Result) {
	relp := func(p string) string {
		if r, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		return p
	}
	for _, p := range res.Problems {
		fmt.Fprintf(w, "ssrlint: warning: %s: %s\n", relp(p.Path), p.Message)
	}
	var parseErrs []string
	for _, app := range res.Apps {
		g, _ := res.Results[app][ssrgraph.Analyzer].(*ssrgraph.Graph)
		if g == nil {
			continue
		}
		for _, p := range g.Problems {
			fmt.Fprintf(w, "ssrlint: warning: %s: %s\n", relp(p.Path), p.Message)
		}
		for _, m := range g.Modules {
			if len(m.Sum.Errors) > 0 {
				pos := res.Fset.Position(m.Pos(m.Sum.Errors[0].Start))
				parseErrs = append(parseErrs, fmt.Sprintf("%s:%d:%d", relp(m.Path), pos.Line, pos.Column))
			}
		}
	}
	if len(parseErrs) > 0 {
		sort.Strings(parseErrs)
		shown := parseErrs
		if len(shown) > 5 {
			shown = shown[:5]
		}
		more := ""
		if len(parseErrs) > len(shown) {
			more = fmt.Sprintf(" and %d more", len(parseErrs)-len(shown))
		}
		fmt.Fprintf(w, "ssrlint: note: the parser could not read part of %d file(s); the rest of each was analysed: %s%s\n",
			len(parseErrs), strings.Join(shown, ", "), more)
	}
}

func commonDir(paths []string) string {
	var abs []string
	for _, p := range paths {
		a, _ := filepath.Abs(p)
		abs = append(abs, a)
	}
	c := abs[0]
	for _, a := range abs[1:] {
		for !strings.HasPrefix(a+string(filepath.Separator), c+string(filepath.Separator)) {
			c = filepath.Dir(c)
		}
	}
	return c
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func cmdRules(w io.Writer) int {
	for _, r := range ruleInfos() {
		fmt.Fprintf(w, "%-14s %-8s %s\n", r.Name, r.Severity, r.Short)
	}
	return exitClean
}

func cmdExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: ssrlint explain <rule>   (ssrlint rules lists them)")
		return exitError
	}
	if all.ByName(args[0]) == nil {
		fmt.Fprintf(stderr, "ssrlint: unknown rule %q; known rules:", args[0])
		for _, a := range all.Analyzers {
			fmt.Fprintf(stderr, " %s", a.Name)
		}
		fmt.Fprintln(stderr)
		return exitError
	}
	doc, ok := rules.Doc(args[0])
	if !ok {
		fmt.Fprintln(stdout, all.ByName(args[0]).Doc)
		return exitClean
	}
	fmt.Fprintln(stdout, strings.TrimSpace(doc.Markdown))
	return exitClean
}
