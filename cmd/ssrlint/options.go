package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ssrlint/ssrlint/cmd/ssrlint/internal/report"
)

// reportSpec is one report of a run: a format and where it goes ("" is
// standard output).
type reportSpec struct {
	format string
	output string
}

// reportFlags collects --format and --output in command-line order and
// pairs them: an --output belongs to the --format before it, or to the next
// one when it comes first. "--format sarif --output a.sarif --format text"
// writes SARIF to a.sarif and text to standard output.
type reportFlags struct {
	specs []reportSpec
	// needFormat: the last spec came from an --output and waits for its
	// --format; needOutput: it came from a --format and may still get an
	// --output.
	needFormat, needOutput bool
}

type formatValue struct{ r *reportFlags }
type outputValue struct{ r *reportFlags }

func (v formatValue) String() string { return "" }
func (v outputValue) String() string { return "" }

func (v formatValue) Set(s string) error {
	r := v.r
	if r.needFormat {
		r.specs[len(r.specs)-1].format = s
		r.needFormat = false
		return nil
	}
	r.specs = append(r.specs, reportSpec{format: s})
	r.needOutput = true
	return nil
}

func (v outputValue) Set(s string) error {
	if s == "" {
		return errors.New("empty file name")
	}
	r := v.r
	if r.needOutput {
		r.specs[len(r.specs)-1].output = s
		r.needOutput = false
		return nil
	}
	r.specs = append(r.specs, reportSpec{output: s})
	r.needFormat = true
	return nil
}

// options are the parsed flags of a check run.
type options struct {
	reports       []reportSpec
	color         string
	noCache       bool
	configFile    string
	baseline      string
	writeBaseline string
	newFromRev    string
	staged        bool
	fix           bool
	diff          bool
	maxWarnings   int
	paths         []string
}

// parseFlags parses a check run's flags. On failure it has printed why and
// returns the exit code.
func parseFlags(args []string, stderr io.Writer) (*options, int, bool) {
	o := &options{}
	rf := &reportFlags{}
	fs := flag.NewFlagSet("ssrlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Var(formatValue{rf}, "format", "output `format`: "+strings.Join(report.Formats(), ", ")+" (default text); repeat with --output for several reports")
	fs.Var(outputValue{rf}, "output", "write the report of the preceding --format to `file` instead of standard output")
	fs.StringVar(&o.color, "color", "auto", "colour text output: auto (a terminal without NO_COLOR), always, never")
	fs.BoolVar(&o.noCache, "no-cache", false, "do not read or write the per-file summary cache")
	fs.StringVar(&o.configFile, "config", "", "configuration `file` (default: ssrlint.json, .ssrlintrc.json or package.json \"ssrlint\", found upwards)")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings that are not recorded in the baseline `file`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record the current findings in the baseline `file` and exit 0")
	fs.StringVar(&o.newFromRev, "new-from-rev", "", "report only findings on lines changed since the git `revision` (or made new by them)")
	fs.BoolVar(&o.staged, "staged", false, "report only findings on lines changed in the git index (or made new by them)")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes of the reported findings")
	fs.BoolVar(&o.diff, "diff", false, "print the suggested fixes as a unified diff instead of the report; change no file")
	fs.IntVar(&o.maxWarnings, "max-warnings", 0, "exit 1 when there are more than `n` warnings (default 0: any finding fails); -1: warnings never fail")
	fs.Usage = func() {
		usage(stderr)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, exitClean, false
		}
		return nil, exitError, false
	}
	fail := func(format string, a ...any) (*options, int, bool) {
		fmt.Fprintf(stderr, "ssrlint: "+format+"\n", a...)
		return nil, exitError, false
	}
	o.reports = rf.specs
	if len(o.reports) == 0 {
		o.reports = []reportSpec{{format: "text"}}
	}
	toStdout := 0
	outputs := map[string]bool{}
	for i := range o.reports {
		r := &o.reports[i]
		if r.format == "" {
			r.format = "text"
		}
		if !contains(report.Formats(), r.format) {
			return fail("unknown --format %q (want one of: %s)", r.format, strings.Join(report.Formats(), ", "))
		}
		if r.output == "" {
			toStdout++
			continue
		}
		abs, _ := filepath.Abs(r.output)
		if outputs[abs] {
			return fail("two reports write to %s", r.output)
		}
		outputs[abs] = true
	}
	if toStdout > 1 {
		return fail("%d reports write to standard output: give all but one an --output file", toStdout)
	}
	if o.color != "auto" && o.color != "always" && o.color != "never" {
		return fail("unknown --color %q (want auto, always or never)", o.color)
	}
	if o.newFromRev != "" && o.staged {
		return fail("--new-from-rev and --staged cannot be combined")
	}
	if o.fix && o.diff {
		return fail("--fix and --diff cannot be combined: --diff shows what --fix would write")
	}
	if o.writeBaseline != "" && (o.baseline != "" || o.fix || o.diff) {
		return fail("--write-baseline records every current finding: do not combine it with --baseline, --fix or --diff")
	}
	if o.maxWarnings < -1 {
		return fail("--max-warnings %s: want a number of warnings, 0 or more", strconv.Itoa(o.maxWarnings))
	}
	o.paths = fs.Args()
	if len(o.paths) == 0 {
		o.paths = []string{"."}
	}
	return o, 0, true
}
