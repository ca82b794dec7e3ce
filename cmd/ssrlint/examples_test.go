package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The CI examples under examples/ and the hook manifest are checked here so
// that they cannot drift from the flags the CLI accepts.

// ssrlintCommands returns the ssrlint command lines in a shell snippet,
// with GitHub expressions and lefthook templates replaced by a word.
func ssrlintCommands(script string) [][]string {
	script = regexp.MustCompile(`\$\{\{[^}]*\}\}|\{[a-z_]+\}`).ReplaceAllString(script, "X")
	script = strings.ReplaceAll(script, "\\\n", " ")
	var out [][]string
	for _, line := range strings.Split(script, "\n") {
		fields := strings.Fields(line)
		for i, f := range fields {
			if f != "ssrlint" || (i > 0 && fields[i-1] != "run:" && fields[i-1] != "$" && fields[i-1] != "npx") {
				continue
			}
			var args []string
			for _, a := range fields[i+1:] {
				if a == ">" || a == "|" || a == "&&" || a == ";" || a == "||" || strings.HasPrefix(a, "#") {
					break
				}
				args = append(args, strings.Trim(a, `"'`))
			}
			out = append(out, args)
			break
		}
	}
	return out
}

func checkArgs(t *testing.T, where string, args []string) {
	t.Helper()
	if len(args) > 0 && (args[0] == "rules" || args[0] == "explain" || args[0] == "version") {
		return
	}
	var stderr bytes.Buffer
	if _, _, ok := parseFlags(args, &stderr); !ok {
		t.Errorf("%s: ssrlint %s: %s", where, strings.Join(args, " "), stderr.String())
	}
}

func TestWorkflowExample(t *testing.T) {
	data, err := os.ReadFile("../../examples/github-actions/ssrlint.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Permissions map[string]string `yaml:"permissions"`
		Jobs        map[string]struct {
			Steps []struct {
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	if wf.Permissions["security-events"] != "write" {
		t.Error("the workflow cannot upload SARIF without security-events: write")
	}
	runs, uploads, caches := 0, 0, 0
	for _, job := range wf.Jobs {
		for _, st := range job.Steps {
			for _, args := range ssrlintCommands(st.Run) {
				runs++
				checkArgs(t, "workflow", args)
				if !strings.Contains(strings.Join(args, " "), "--format sarif --output ssrlint.sarif") {
					t.Errorf("workflow step does not write ssrlint.sarif: %q", args)
				}
			}
			if strings.HasPrefix(st.Uses, "github/codeql-action/upload-sarif@") && st.With["sarif_file"] == "ssrlint.sarif" {
				uploads++
			}
			if strings.HasPrefix(st.Uses, "actions/cache@") {
				// The directory run.go uses on Linux: os.UserCacheDir()/ssrlint
				// with XDG_CACHE_HOME unset.
				if st.With["path"] != "~/.cache/ssrlint" {
					t.Errorf("workflow caches %q, not ssrlint's cache directory ~/.cache/ssrlint", st.With["path"])
				}
				caches++
			}
		}
	}
	if caches != 1 {
		t.Errorf("the workflow has %d actions/cache steps for ssrlint's cache, want 1", caches)
	}
	if runs != 2 || uploads != 1 {
		t.Errorf("%d ssrlint runs and %d SARIF uploads in the workflow", runs, uploads)
	}
}

func TestHookExamples(t *testing.T) {
	var hooks []struct {
		ID            string `yaml:"id"`
		Entry         string `yaml:"entry"`
		Language      string `yaml:"language"`
		Files         string `yaml:"files"`
		PassFilenames bool   `yaml:"pass_filenames"`
	}
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 1 || hooks[0].ID != "ssrlint" || hooks[0].Entry != "ssrlint" || hooks[0].Language != "golang" || !hooks[0].PassFilenames {
		t.Fatalf("hooks = %+v", hooks)
	}
	// pre-commit matches `files` with Python's re.search; this pattern is
	// also valid Go syntax with the same meaning.
	files := regexp.MustCompile(hooks[0].Files)
	for name, want := range map[string]bool{
		"app/page.tsx": true, "lib/sw.ts": true, "next.config.mjs": true, "a.cjs": true, "x.jsx": true,
		".env": true, "apps/web/.env.local": true, "README.md": false, "package.json": false,
		"styles/app.css": false, "lib/env.ts.snap": false, "docs/.envrc/x.md": false,
	} {
		if files.MatchString(name) != want {
			t.Errorf("hook files pattern on %s: %v, want %v", name, !want, want)
		}
	}

	var cfg struct {
		Repos []struct {
			Repo  string `yaml:"repo"`
			Hooks []struct {
				ID   string   `yaml:"id"`
				Args []string `yaml:"args"`
			} `yaml:"hooks"`
		} `yaml:"repos"`
	}
	data, err = os.ReadFile("../../examples/pre-commit/.pre-commit-config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Repos) != 1 || cfg.Repos[0].Repo != "https://github.com/ssrlint/ssrlint" || cfg.Repos[0].Hooks[0].ID != hooks[0].ID {
		t.Errorf("pre-commit example = %+v", cfg)
	}

	var lh struct {
		PreCommit struct {
			Commands map[string]struct {
				Glob string `yaml:"glob"`
				Run  string `yaml:"run"`
			} `yaml:"commands"`
		} `yaml:"pre-commit"`
	}
	data, err = os.ReadFile("../../examples/lefthook/lefthook.yml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &lh); err != nil {
		t.Fatal(err)
	}
	cmds := ssrlintCommands(lh.PreCommit.Commands["ssrlint"].Run)
	if len(cmds) != 1 {
		t.Fatalf("lefthook example: %+v", lh)
	}
	checkArgs(t, "lefthook", cmds[0])

	// The docs' command lines parse too.
	docs, _ := filepath.Glob("../../docs/*.md")
	for _, d := range docs {
		data, err := os.ReadFile(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, block := range regexp.MustCompile("(?s)```(?:sh|bash|console)\n(.*?)```").FindAllStringSubmatch(string(data), -1) {
			for _, args := range ssrlintCommands(block[1]) {
				checkArgs(t, filepath.Base(d), args)
			}
		}
	}
}
