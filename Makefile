# ssrlint — build, test, bench, lint, demo.
GO ?= go
BIN := bin/ssrlint

.PHONY: all build test bench lint demo tools generate clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/ssrlint

# Unit, fixture and end-to-end tests. The SARIF validation test needs
# Microsoft's SARIF Multitool: `make tools` installs it under .tools/.
test:
	$(GO) vet ./...
	$(GO) test ./...

# Parse-only vs full-run benchmark on a generated ~5,000-module monorepo.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 5x ./bench/

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# Exit code 1 (findings) is the expected outcome on the demo app.
demo: build
	$(BIN) testdata/demo || [ $$? -eq 1 ]

tools:
	bash scripts/install-sarif-multitool.sh

# Regenerate the MessagePack code of the summary cache (go tool msgp, pinned
# in go.mod) after changing syntax.Summary or the cache file types.
generate:
	go generate ./analyzers/syntax ./analyzers/ssrgraph

clean:
	rm -rf bin
