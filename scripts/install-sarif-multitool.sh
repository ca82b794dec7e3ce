#!/usr/bin/env bash
# Installs Microsoft's SARIF Multitool into .tools/sarif (git-ignored). The
# tests of cmd/ssrlint/internal/report run its "validate" verb, and use the
# SARIF 2.1.0 schema shipped in the same package, to check ssrlint's SARIF
# output. Safe to run again: it does nothing when the pinned version is there.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

pkg=@microsoft/sarif-multitool-linux
version=5.7.0
dir=.tools/sarif/node_modules/$pkg
bin=$dir/Sarif.Multitool

if [[ -f $bin && -f $dir/package.json ]] && grep -q "\"version\": \"$version\"" "$dir/package.json"; then
	echo "sarif-multitool $version already installed in .tools/sarif"
else
	# The package's only install script is the chmod below; npm 11 would skip
	# it anyway unless approved, so run none and do it here.
	npm install --prefix .tools/sarif --ignore-scripts --no-audit --no-fund "$pkg@$version"
fi
chmod u+x "$bin"

# The Multitool is a self-contained .NET program, which aborts at start-up
# when it finds no libicu it supports; validation needs no culture data, so
# invariant mode (also what the tests use) is fine.
if ! out=$(DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:-1}" "$bin" --version 2>&1); then
	echo "$out" >&2
	echo "install-sarif-multitool: $bin does not run" >&2
	exit 1
fi
echo "sarif-multitool: $bin"
