package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"golang.org/x/term"
	"golang.org/x/tools/go/analysis"

	"github.com/ssrlint/ssrlint/analyzers/all"
	"github.com/ssrlint/ssrlint/analyzers/checker"
	"github.com/ssrlint/ssrlint/analyzers/config"
	"github.com/ssrlint/ssrlint/analyzers/dotenv"
	"github.com/ssrlint/ssrlint/analyzers/project"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/suppress"
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
		case "lsp":
			return cmdLSP(args[1:], stdin, stdout, stderr)
		}
	}
	return cmdCheck(args, stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage: ssrlint [flags] [path ...]
       ssrlint rules
       ssrlint explain <rule>
       ssrlint lsp                    (language server over stdio)
       ssrlint version

Analyses the Next.js apps under each directory (default ".") for server-side
rendering misuse of browser-only SDKs. Files given as paths restrict the
report to findings in them or whose import trace passes through them; the
apps around them are still analysed whole. Exit codes: 0 no findings,
1 findings (warnings beyond --max-warnings, default 0), 2 usage,
configuration or internal error.

Flags:
`)
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	o, code, ok := parseFlags(args, stderr)
	if !ok {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "ssrlint: "+format+"\n", a...)
		return exitError
	}
	cwd, err := os.Getwd()
	if err != nil {
		return fail("%v", err)
	}

	// Directories are analysed and reported; files restrict the report and
	// are analysed with the apps around them.
	var dirs, files []string
	for _, p := range o.paths {
		st, err := os.Stat(p)
		if err != nil {
			return fail("%s: no such file or directory", p)
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return fail("%v", err)
		}
		switch {
		case st.IsDir():
			dirs = append(dirs, abs)
		case st.Mode().IsRegular():
			files = append(files, abs)
		default:
			return fail("%s: not a directory or a regular file", p)
		}
	}
	roots := append([]string(nil), dirs...)
	if len(files) > 0 {
		roots = append(roots, filesRoot(files, cwd))
	}
	root := roots[0]
	if len(roots) > 1 {
		root = commonDir(roots)
	}
	rel := func(p string) string {
		if r, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		return p
	}
	relCwd := func(p string) string {
		if r, err := filepath.Rel(cwd, p); err == nil && !strings.HasPrefix(r, "..") {
			return r
		}
		return p
	}

	// Configuration.
	cfgPath := o.configFile
	if cfgPath == "" {
		if cfgPath, err = config.Find(root); err != nil {
			return fail("%v", err)
		}
	}
	var cfg *config.Config
	if cfgPath != "" {
		if cfg, err = config.Load(cfgPath); err != nil {
			var errs config.Errors
			if errors.As(err, &errs) {
				for _, e := range errs {
					e.Path = relCwd(e.Path)
				}
			}
			var e *config.Error
			if errors.As(err, &e) {
				e.Path = relCwd(e.Path)
			}
			fmt.Fprintf(stderr, "%v\n", err)
			return fail("invalid configuration: the keys and values allowed are in ssrlint.schema.json")
		}
	}

	// Changed lines.
	var changes *changeSet
	if o.newFromRev != "" || o.staged {
		if changes, err = gitChanges(root, o.newFromRev, o.staged); err != nil {
			return fail("%v", err)
		}
	}

	cache := ""
	if !o.noCache {
		if dir, err := os.UserCacheDir(); err == nil {
			cache = filepath.Join(dir, "ssrlint")
		}
	}
	if err := ssrgraph.Analyzer.Flags.Set("cache", cache); err != nil {
		return fail("%v", err)
	}

	var overlay map[string][]byte
	if changes != nil {
		overlay = changes.overlay
	}
	// readFile reads what the analysis read: the staged content for
	// --staged, else the disk.
	readFile := func(p string) ([]byte, error) {
		if b, ok := overlay[p]; ok {
			return b, nil
		}
		return os.ReadFile(p)
	}

	// Analyse; with --fix, analyse again after writing fixes, so that the
	// report shows positions in the fixed files and fixes that only apply
	// once others are in (at most fixPasses rounds).
	const fixPasses = 3
	var (
		res      *checker.Result
		p        *pipeline
		findings []*finding
		fixed    int
		written  = map[string]bool{}
	)
	warned := map[string]bool{}
	for pass := 1; ; pass++ {
		log := newContentLog()
		for path, data := range overlay {
			log.remember(path, data)
		}
		// Only --fix needs to know what each file held when it was read
		// (to refuse files changed since); without it the checker reads
		// the disk itself and may skip files its cache knows unchanged.
		var read func(string) ([]byte, error)
		if o.fix || o.diff {
			read = log.readFile
		}
		res, err = checker.Run(roots, checker.Options{
			Analyzers: all.Analyzers,
			Overlay:   overlay,
			ReadFile:  read,
			AppFlags: func(app *project.App) map[*analysis.Analyzer]map[string]string {
				flags, unread := cfg.ForApp(app.Dir).Flags(all.Analyzers)
				for _, key := range unread {
					if !warned[key] {
						warned[key] = true
						fmt.Fprintf(stderr, "ssrlint: warning: %s: %s: no rule of this ssrlint reads it\n", relCwd(cfg.Path), key)
					}
				}
				return flags
			},
			Prepare: func(app *project.App) {
				if set := cfg.ForApp(app.Dir); set.NextDeclared {
					app.DeclareNextConfig(set.Next.PageExtensions, set.Next.Env, set.Next.CacheComponents)
				}
			},
		})
		if err != nil {
			return fail("%v", err)
		}
		if pass == 1 {
			var appDirs []string
			for _, a := range res.Apps {
				appDirs = append(appDirs, a.Dir)
				if len(dirs) == 0 && root != cwd && under(root, []string{a.Dir}) {
					// Files given from outside the working directory: print
					// paths from their app, as for the app itself.
					root = a.Dir
				}
			}
			printProblems(stderr, root, res)
			if len(res.Apps) == 0 {
				return fail("no Next.js app found under %s (looked for a package.json depending on next, or a next.config file)", strings.Join(o.paths, ", "))
			}
			for _, w := range cfg.UnusedOverrides(appDirs) {
				fmt.Fprintf(stderr, "ssrlint: warning: %s\n", w)
			}
		}

		p = newPipeline(res, cfg, readFile, maskEnvValues(readFile))
		findings = p.suppressions(p.collect())
		sortFindings(res.Fset, findings)

		if o.writeBaseline != "" {
			if err := p.writeBaseline(o.writeBaseline, findings); err != nil {
				return fail("writing the baseline: %v", err)
			}
			fmt.Fprintf(stderr, "ssrlint: recorded %d finding(s) in %s; run with --baseline %s to report only new ones\n",
				len(findings), o.writeBaseline, o.writeBaseline)
			return exitClean
		}

		sc := scope{dirs: dirs, changes: changes}
		if len(files) > 0 {
			sc.files = map[string]bool{}
			for _, f := range files {
				sc.files[f] = true
			}
		}
		if sc.files != nil || sc.changes != nil {
			findings = p.restrict(findings, sc, rel)
		}
		if o.baseline != "" {
			counts, err := readBaseline(o.baseline)
			if err != nil {
				return fail("%v", err)
			}
			var gone int
			findings, gone = p.applyBaseline(o.baseline, counts, findings)
			if gone > 0 && sc.files == nil && sc.changes == nil && pass == 1 {
				fmt.Fprintf(stderr, "ssrlint: note: %d finding(s) recorded in %s are gone; run --write-baseline %s to drop them\n", gone, o.baseline, o.baseline)
			}
		}

		if !o.fix && !o.diff {
			break
		}
		plan := planFixes(res.Fset, findings)
		if o.diff {
			return printDiff(plan, log.hash, rel, findings, o, stdout, stderr)
		}
		if len(plan.files) == 0 || pass == fixPasses {
			break
		}
		w, failed := applyFixes(plan, log.hash)
		for _, path := range sortedKeys(failed) {
			fmt.Fprintf(stderr, "ssrlint: not fixing %s: %v\n", rel(path), failed[path])
		}
		if len(w) == 0 {
			break
		}
		for _, path := range w {
			written[path] = true
		}
		for _, paths := range plan.fixed {
			ok := true
			for _, path := range paths {
				ok = ok && failed[path] == nil
			}
			if ok {
				fixed++
			}
		}
	}
	if o.fix {
		if len(written) > 0 {
			fmt.Fprintf(stderr, "ssrlint: fixed %d finding(s) in %d file(s)\n", fixed, len(written))
			if changes != nil && o.staged {
				fmt.Fprintln(stderr, "ssrlint: the fixes are in the working tree, not the index: git add them")
			}
		}
	}

	diags := make([]report.Diagnostic, len(findings))
	errorsN, warnings := 0, 0
	for i, f := range findings {
		diags[i] = f.Diagnostic
		if f.Severity == report.SeverityError {
			errorsN++
		} else {
			warnings++
		}
	}
	infos := ruleInfos()
	for _, spec := range o.reports {
		w := stdout
		var out *os.File
		if spec.output != "" {
			f, err := os.Create(spec.output)
			if err != nil {
				return fail("%v", err)
			}
			out, w = f, f
		}
		useColor := spec.format == "text" && o.color == "always"
		if spec.format == "text" && o.color == "auto" && out == nil && os.Getenv("NO_COLOR") == "" {
			if f, ok := stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
				useColor = true
			}
		}
		reportRoot := root
		if spec.format == "github" {
			// Annotations need paths from the repository root, which is the
			// workspace in GitHub Actions.
			reportRoot = cwd
			if ws := os.Getenv("GITHUB_WORKSPACE"); filepath.IsAbs(ws) {
				reportRoot = ws
			}
		}
		err := report.Write(w, spec.format, res.Fset, diags, infos, report.Options{
			Root:     reportRoot,
			Color:    useColor,
			ReadFile: maskEnvValues(readFile),
			Version:  toolVersion(),
		})
		if out != nil {
			if cerr := out.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return fail("writing report: %v", err)
		}
	}
	if errorsN > 0 || (o.maxWarnings >= 0 && warnings > o.maxWarnings) {
		return exitFindings
	}
	return exitClean
}

// filesRoot is where the apps around files are looked for: the working
// directory when it holds them all (pre-commit, lint-staged and lefthook
// run from the repository root, and a changed workspace package matters to
// every app that imports it), else the files' common directory.
func filesRoot(files []string, cwd string) string {
	inCwd := true
	var dirs []string
	for _, f := range files {
		dirs = append(dirs, filepath.Dir(f))
		if !under(f, []string{cwd}) {
			inCwd = false
		}
	}
	if inCwd {
		return cwd
	}
	return commonDir(dirs)
}

// printDiff prints the planned fixes as a unified diff and returns the exit
// code: 1 when there is something to fix, as for a finding.
func printDiff(plan *fixPlan, analysed func(string) ([32]byte, bool), rel func(string) string, findings []*finding, o *options, stdout, stderr io.Writer) int {
	for _, path := range plan.paths() {
		if dotenv.IsEnvFile(path) {
			fmt.Fprintf(stderr, "ssrlint: not printing the fix of %s: it holds environment values; --fix applies it\n", rel(path))
			continue
		}
		before, _, err := fixedContent(plan.files[path], analysed)
		if err != nil {
			fmt.Fprintf(stderr, "ssrlint: not fixing %s: %v\n", rel(path), err)
			continue
		}
		crlfEdits := plan.files[path].edits
		if strings.Contains(string(before), "\r\n") {
			crlfEdits = nil
			for _, e := range plan.files[path].edits {
				e.text = strings.ReplaceAll(strings.ReplaceAll(e.text, "\r\n", "\n"), "\n", "\r\n")
				crlfEdits = append(crlfEdits, e)
			}
		}
		fmt.Fprint(stdout, unifiedDiff(rel(path), before, crlfEdits))
	}
	if plan.skipped > 0 {
		fmt.Fprintf(stderr, "ssrlint: %d fix(es) overlap another and are left out; run again after applying these\n", plan.skipped)
	}
	for _, f := range findings {
		if f.Severity == report.SeverityError {
			return exitFindings
		}
	}
	if o.maxWarnings >= 0 && len(findings) > o.maxWarnings {
		return exitFindings
	}
	return exitClean
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// suppressionDoc is `ssrlint explain suppression`: the rule has no file in
// rules/ because no analyzer implements it.
const suppressionDoc = `# suppression

Reports ssrlint-ignore comments that do not do what they say.

## What it does

A finding can be suppressed with a comment on the line before it (or at the
end of its line), or for a whole file:

    // ssrlint-ignore serverimport -- the SDK is mocked in this Storybook story
    // ssrlint-ignore-file moduleglobal -- this module is only loaded with ssr: false
    {/* ssrlint-ignore moduleglobal -- … */}        in JSX
    # ssrlint-ignore publicsecret -- …              in .env files

Several rules are separated by commas. The reason after " -- " is required.
This rule reports a suppression without a reason or without a rule (it
suppresses nothing), one that names an unknown rule, and one that
suppresses no finding: the code changed and the comment is stale.

## Options

Set its severity like any rule's in ssrlint.json: "rules": {"suppression": "warning"}.
Suppressions of rules that are switched off are not reported as unused.
`

// ruleInfos describes the rules for the report formats: every registered
// analyzer, and the suppression rule.
func ruleInfos() []report.Rule {
	var out []report.Rule
	for _, a := range all.Analyzers {
		r := report.Rule{Name: a.Name, Short: firstLine(a.Doc), Doc: a.Doc, HelpURI: a.URL, Severity: "error"}
		if doc, ok := rules.Doc(a.Name); ok {
			r.Short, r.Doc, r.Severity = doc.Title, doc.Markdown, report.Severity(doc.Severity)
		}
		out = append(out, r)
	}
	out = append(out, report.Rule{Name: suppress.Rule, Short: "malformed, unknown-rule or unused ssrlint-ignore comment",
		Doc: suppressionDoc, Severity: report.SeverityError})
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
	// A workspace package's file belongs to every app that imports the
	// package: say each thing about it once.
	said := map[string]bool{}
	warn := func(path, msg string) {
		line := fmt.Sprintf("ssrlint: warning: %s: %s\n", relp(path), msg)
		if !said[line] {
			said[line] = true
			fmt.Fprint(w, line)
		}
	}
	for _, p := range res.Problems {
		warn(p.Path, p.Message)
	}
	parseErrs := map[string]*parseErr{}
	for _, app := range res.Apps {
		g, _ := res.Results[app][ssrgraph.Analyzer].(*ssrgraph.Graph)
		if g == nil {
			continue
		}
		for _, p := range g.Problems {
			warn(p.Path, p.Message)
		}
		for _, m := range g.Modules {
			if len(m.Sum.Errors) == 0 {
				continue
			}
			pe, ok := parseErrs[m.Path]
			if !ok {
				pos := res.Fset.Position(m.Pos(m.Sum.Errors[0].Start))
				pe = &parseErr{at: fmt.Sprintf("%s:%d:%d", relp(m.Path), pos.Line, pos.Column)}
				parseErrs[m.Path] = pe
			}
			pe.runs = pe.runs || m.Env != 0
		}
	}
	if len(parseErrs) > 0 {
		// Files the apps run first: what the parser missed there can
		// hide a finding. Tests and scripts no entry imports come after.
		var list []*parseErr
		outside := 0
		for _, pe := range parseErrs {
			list = append(list, pe)
			if !pe.runs {
				outside++
			}
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].runs != list[j].runs {
				return list[i].runs
			}
			return list[i].at < list[j].at
		})
		var shown []string
		for _, pe := range list[:min(5, len(list))] {
			shown = append(shown, pe.at)
		}
		more := ""
		if len(list) > len(shown) {
			more = fmt.Sprintf(" and %d more", len(list)-len(shown))
		}
		of := ""
		if outside > 0 {
			of = fmt.Sprintf(" (%d of them outside the apps' import graphs, such as tests)", outside)
		}
		fmt.Fprintf(w, "ssrlint: note: the parser could not read part of %d file(s)%s; the rest of each was analysed: %s%s\n",
			len(list), of, strings.Join(shown, ", "), more)
	}
}

// parseErr is a file the parser could not read whole: where its first
// error is, and whether any app runs it.
type parseErr struct {
	at   string
	runs bool
}

func commonDir(paths []string) string {
	var abs []string
	for _, p := range paths {
		a, _ := filepath.Abs(p)
		abs = append(abs, a)
	}
	c := abs[0]
	for _, a := range abs[1:] {
		for !strings.HasPrefix(a+string(filepath.Separator), c+string(filepath.Separator)) && c != filepath.Dir(c) {
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
	if args[0] == suppress.Rule {
		fmt.Fprint(stdout, suppressionDoc)
		return exitClean
	}
	if all.ByName(args[0]) == nil {
		fmt.Fprintf(stderr, "ssrlint: unknown rule %q; known rules:", args[0])
		for _, a := range all.Analyzers {
			fmt.Fprintf(stderr, " %s", a.Name)
		}
		fmt.Fprintf(stderr, " %s\n", suppress.Rule)
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
