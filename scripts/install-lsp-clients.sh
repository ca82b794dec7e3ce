#!/usr/bin/env bash
# Installs the real LSP clients the language server's end-to-end tests drive
# (cmd/ssrlint/internal/lsp): Neovim from Debian (its built-in LSP client),
# and Microsoft's vscode-languageserver-protocol with its vscode-jsonrpc (the
# protocol and transport layers under VS Code's language client) into
# .tools/lsp-node (git-ignored). Safe to run again: it installs only what is missing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v nvim >/dev/null 2>&1; then
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "install-lsp-clients: nvim is missing and there is no apt-get; install Neovim 0.7 or later" >&2
		exit 1
	fi
	sudo=""
	if [[ $(id -u) -ne 0 ]]; then
		sudo=sudo
	fi
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq neovim >/dev/null
fi
echo "neovim: $(nvim --version | head -n 1)"

protocol=3.17.5
dir=.tools/lsp-node
pkg=$dir/node_modules/vscode-languageserver-protocol/package.json
if [[ -f $pkg ]] && grep -q "\"version\": \"$protocol\"" "$pkg"; then
	echo "vscode-languageserver-protocol $protocol already installed in $dir"
else
	npm install --prefix "$dir" --ignore-scripts --no-audit --no-fund "vscode-languageserver-protocol@$protocol" >/dev/null
	echo "vscode-languageserver-protocol $protocol installed in $dir"
fi
