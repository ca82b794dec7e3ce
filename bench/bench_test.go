package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ssrlint/ssrlint/analyzers/all"
	"github.com/ssrlint/ssrlint/analyzers/checker"
	"github.com/ssrlint/ssrlint/analyzers/project"
	"github.com/ssrlint/ssrlint/analyzers/ssrgraph"
	"github.com/ssrlint/ssrlint/analyzers/syntax"
)

// The benchmarks share one generated monorepo per process. Its size is
// DefaultModules unless SSRLINT_BENCH_MODULES says otherwise.
type fixture struct {
	root  string // temp dir holding the repo and the caches
	dir   string // the generated monorepo
	files []string
	bytes int64
}

var (
	fixtureOnce sync.Once
	theFixture  *fixture
	fixtureErr  error
)

func getFixture(b *testing.B) *fixture {
	b.Helper()
	fixtureOnce.Do(func() {
		n := DefaultModules
		if v := os.Getenv("SSRLINT_BENCH_MODULES"); v != "" {
			if n, fixtureErr = strconv.Atoi(v); fixtureErr != nil {
				return
			}
		}
		fx := &fixture{}
		if fx.root, fixtureErr = os.MkdirTemp("", "ssrlint-bench-"); fixtureErr != nil {
			return
		}
		theFixture = fx
		fx.dir = filepath.Join(fx.root, "repo")
		if fixtureErr = Generate(fx.dir, n, 1); fixtureErr != nil {
			return
		}
		fixtureErr = filepath.WalkDir(fx.dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !syntax.IsSource(p) {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			fx.files = append(fx.files, p)
			fx.bytes += info.Size()
			return nil
		})
	})
	if fixtureErr != nil {
		b.Fatalf("generating the benchmark monorepo: %v", fixtureErr)
	}
	return theFixture
}

// summary collects what each benchmark measured on its last (largest)
// round, for the table TestMain prints.
var summary struct {
	files, bytes        int64
	parse, full, warm   time.Duration
	parsePeak, fullPeak float64
	warmPeak            float64
	peakUnit            string
}

func TestMain(m *testing.M) {
	code := m.Run()
	printSummary()
	if theFixture != nil {
		os.RemoveAll(theFixture.root)
	}
	os.Exit(code)
}

func printSummary() {
	s := &summary
	if s.parse == 0 && s.full == 0 && s.warm == 0 {
		return
	}
	fmt.Printf("\nssrlint bench: %d files, %.1f MB, GOMAXPROCS=%d\n", s.files, float64(s.bytes)/1e6, runtime.GOMAXPROCS(0))
	row := func(name string, d time.Duration, peak float64) {
		if d == 0 {
			return
		}
		sec := d.Seconds()
		label := map[string]string{"peak-RSS-MB": "peak RSS", "peak-GoSys-MB": "peak Go Sys"}[s.peakUnit]
		fmt.Printf("  %-11s %7.3f s  %8.0f files/s  %6.1f MB/s  %s %.0f MB\n",
			name, sec, float64(s.files)/sec, float64(s.bytes)/1e6/sec, label, peak)
	}
	row("parse-only", s.parse, s.parsePeak)
	row("full run", s.full, s.fullPeak)
	row("warm run", s.warm, s.warmPeak)
	if s.parse > 0 && s.full > 0 {
		r := s.full.Seconds() / s.parse.Seconds()
		fmt.Printf("  full/parse  %7.2f    (goal ≤ 1.30: %s)\n", r, verdict(r <= 1.3))
	}
	if s.warm > 0 {
		fmt.Printf("  warm        %7.3f s  (goal ≤ 0.30 s: %s)\n", s.warm.Seconds(), verdict(s.warm <= 300*time.Millisecond))
	}
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

// Peak memory is the process's peak resident set (VmHWM), reset before each
// benchmark through /proc/self/clear_refs. It counts tree-sitter's C heap,
// which runtime.MemStats cannot see and which is most of a parse's memory.
// Where /proc is not writable, the fallback is the Go runtime's Sys (memory
// obtained from the OS, which only grows), without the C heap.
func resetPeak() string {
	runtime.GC()
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err == nil {
		if _, ok := readHWM(); ok {
			return "peak-RSS-MB"
		}
	}
	return "peak-GoSys-MB"
}

func readPeak(unit string) float64 {
	if unit == "peak-RSS-MB" {
		if kb, ok := readHWM(); ok {
			return float64(kb) / 1024
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.Sys) / (1 << 20)
}

func readHWM() (int64, bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb, err == nil
		}
	}
	return 0, false
}

// report adds the custom metrics and returns the time per operation.
func report(b *testing.B, fx *fixture, unit string) (time.Duration, float64) {
	per := b.Elapsed() / time.Duration(b.N)
	peak := readPeak(unit)
	b.ReportMetric(float64(len(fx.files))/per.Seconds(), "files/s")
	b.ReportMetric(per.Seconds(), "s/op")
	b.ReportMetric(peak, unit)
	summary.files, summary.bytes, summary.peakUnit = int64(len(fx.files)), fx.bytes, unit
	return per, peak
}

// BenchmarkParseOnly is the floor: tree-sitter parses every source file of
// the monorepo, from memory, with two goroutines, and nothing else.
func BenchmarkParseOnly(b *testing.B) {
	fx := getFixture(b)
	srcs := make([][]byte, len(fx.files))
	for i, p := range fx.files {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs[i] = data
	}
	unit := resetPeak()
	b.SetBytes(fx.bytes)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := parseAll(fx.files, srcs, 2); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	summary.parse, summary.parsePeak = report(b, fx, unit)
}

func parseAll(paths []string, srcs [][]byte, workers int) error {
	next := make(chan int, len(paths))
	for i := range paths {
		next <- i
	}
	close(next)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := syntax.ParseOnly(paths[i], srcs[i]); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}

// run is one ssrlint analysis of the monorepo with every rule; it fails the
// benchmark unless it finds exactly the seeded mistakes, so a fast but wrong
// run does not count.
func run(b *testing.B, fx *fixture) *checker.Result {
	res, err := checker.Run([]string{fx.dir}, checker.Options{Analyzers: all.Analyzers})
	if err != nil {
		b.Fatal(err)
	}
	if len(res.Diagnostics) != len(seededMistakes) {
		for _, d := range res.Diagnostics {
			b.Logf("%s: %s [%s]", res.Fset.Position(d.Pos), d.Message, d.Analyzer.Name)
		}
		b.Fatalf("got %d diagnostics, want the %d seeded mistakes", len(res.Diagnostics), len(seededMistakes))
	}
	return res
}

func setCache(b *testing.B, dir string) {
	if err := ssrgraph.Analyzer.Flags.Set("cache", dir); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkFullRun is a cold run: no disk cache, and the process-wide
// summary cache emptied before each iteration, so every file is read,
// parsed and summarised, every import resolved and every rule run.
func BenchmarkFullRun(b *testing.B) {
	fx := getFixture(b)
	setCache(b, "")
	unit := resetPeak()
	b.SetBytes(fx.bytes)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ssrgraph.ResetCache()
		project.ForgetFiles()
		runtime.GC() // start each run with an empty heap, as a CLI process does
		b.StartTimer()
		run(b, fx)
	}
	b.StopTimer()
	summary.full, summary.fullPeak = report(b, fx, unit)
	ssrgraph.ResetCache()
}

// BenchmarkWarmRun is a CLI warm start: the disk cache was written by an
// earlier run, and the in-memory cache is empty, so summaries are loaded
// from disk instead of parsed.
func BenchmarkWarmRun(b *testing.B) {
	fx := getFixture(b)
	cache, err := os.MkdirTemp(fx.root, "cache-")
	if err != nil {
		b.Fatal(err)
	}
	setCache(b, cache)
	defer setCache(b, "")
	ssrgraph.ResetCache()
	run(b, fx) // writes the disk cache
	var written int
	filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".msgp") && !strings.HasPrefix(d.Name(), "resolve-") {
			written++
		}
		return nil
	})
	if written == 0 {
		b.Fatal("the first run wrote no disk cache")
	}
	unit := resetPeak()
	b.SetBytes(fx.bytes)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ssrgraph.ResetCache()
		project.ForgetFiles() // a new process walks the workspace packages again
		runtime.GC()
		b.StartTimer()
		run(b, fx)
	}
	b.StopTimer()
	summary.warm, summary.warmPeak = report(b, fx, unit)
	ssrgraph.ResetCache()
}
