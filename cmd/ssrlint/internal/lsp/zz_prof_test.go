package lsp

import (
	"context"
	"os"
	"runtime/pprof"
	"testing"
	"time"
	"fmt"
	"syscall"

	"github.com/ssrlint/ssrlint/analyzers/all"
	"github.com/ssrlint/ssrlint/analyzers/checker"
	"github.com/ssrlint/ssrlint/bench"
)

func TestZZProf(t *testing.T) {
	dir := "/tmp/lspbench/repo"
	if _, err := os.Stat(dir); err != nil {
		if err := bench.Generate(dir, 5000, 1); err != nil {
			t.Fatal(err)
		}
	}
	sess := checker.NewSession()
	if os.Getenv("TRUST") != "" { sess.TrustChanges(true) }
	defer sess.Close()
	file := dir + "/apps/web/src/lib/telephony/call-session.ts"
	src, _ := os.ReadFile(file)
	for i := 0; i < 3; i++ {
		t0 := time.Now()
		ov := map[string][]byte{file: append(append([]byte(nil), src...), []byte(fmt.Sprintf("\n// edit %d\n", i))...)}
		res, err := checker.Run([]string{dir}, checker.Options{Analyzers: all.Analyzers, Session: sess, Overlay: ov, Context: context.Background()})
		if err != nil {
			t.Fatal(err)
		}
		t.Log("run", i, time.Since(t0), len(res.Diagnostics), len(res.Apps))
	}
	f, _ := os.Create("/tmp/lspbench/cpu.prof")
	if os.Getenv("PROF") != "" { pprof.StartCPUProfile(f) }
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(0, &ru0)
	t0 := time.Now()
	for i := 0; i < 20; i++ {
		ov := map[string][]byte{file: append(append([]byte(nil), src...), []byte(fmt.Sprintf("\n// edit %d\n", i))...)}
		t1 := time.Now()
		checker.Run([]string{dir}, checker.Options{Analyzers: all.Analyzers, Session: sess, Overlay: ov})
		t.Log(time.Since(t1))
	}
	pprof.StopCPUProfile()
	syscall.Getrusage(0, &ru1)
	cpu := time.Duration((ru1.Utime.Nano()+ru1.Stime.Nano())-(ru0.Utime.Nano()+ru0.Stime.Nano()))
	t.Log("avg warm", time.Since(t0)/20, "cpu/run", cpu/20)
}
