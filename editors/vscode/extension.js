// A minimal VS Code extension that starts `ssrlint lsp` for TypeScript and
// JavaScript files. Everything else (diagnostics with the import trace,
// quick fixes, ignore comments) comes from the server.
"use strict";
const { workspace } = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

exports.activate = async function activate(context) {
  const cfg = workspace.getConfiguration("ssrlint");
  const serverOptions = {
    command: cfg.get("path", "ssrlint"),
    args: ["lsp"],
    transport: TransportKind.stdio, // the client adds --stdio, which ssrlint accepts
  };
  const clientOptions = {
    documentSelector: [
      ...["typescript", "typescriptreact", "javascript", "javascriptreact"].map((language) => ({ scheme: "file", language })),
      { scheme: "file", pattern: "**/.env*" },
    ],
    initializationOptions: { debounceMs: cfg.get("debounceMs", 20) },
  };
  client = new LanguageClient("ssrlint", "ssrlint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
};

exports.deactivate = function deactivate() {
  return client ? client.stop() : undefined;
};
