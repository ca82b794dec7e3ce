// End-to-end check with the protocol layer of VS Code's language client
// (vscode-languageserver-protocol over vscode-jsonrpc): start `ssrlint lsp`,
// open and edit a document, collect the diagnostics and code actions, shut
// down. Prints one JSON object; TestVSCodeProtocol asserts on it.
"use strict";
const { spawn } = require("child_process");
const path = require("path");
const fs = require("fs");
const { pathToFileURL } = require("url");
const lsp = require("vscode-languageserver-protocol/node");

const [bin, root] = process.argv.slice(2);
const uri = (p) => pathToFileURL(p).href;
const pagePath = path.join(root, "app/rooms/page.tsx");
const pageURI = uri(pagePath);

const child = spawn(bin, ["lsp"], { stdio: ["pipe", "pipe", "inherit"] });
const conn = lsp.createProtocolConnection(
  new lsp.StreamMessageReader(child.stdout),
  new lsp.StreamMessageWriter(child.stdin),
);
const result = { diagnostics: [], actions: null, exitCode: null };
const waiters = [];
conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
  if (p.uri !== pageURI) return;
  result.diagnostics.push(p);
  for (const w of waiters.splice(0)) w(p);
});
conn.onRequest(lsp.RegistrationRequest.type, () => null);
conn.listen();

function nextDiagnostics(pred) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no diagnostics")), 60000);
    const wait = (p) => {
      if (pred(p)) {
        clearTimeout(timer);
        resolve(p);
      } else {
        waiters.push(wait);
      }
    };
    waiters.push(wait);
  });
}

(async () => {
  await conn.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: uri(root),
    workspaceFolders: [{ uri: uri(root), name: "web" }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await conn.sendNotification(lsp.InitializedNotification.type, {});
  const text = fs.readFileSync(pagePath, "utf8");
  await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
    textDocument: { uri: pageURI, languageId: "typescriptreact", version: 1, text },
  });
  const line = 'import { SignalWire } from "@signalwire/js"; export const sdk = SignalWire; // 🚀\n';
  const bug = nextDiagnostics((p) => p.diagnostics.length > 0);
  await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: pageURI, version: 2 },
    contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: line }],
  });
  const p = await bug;
  result.actions = await conn.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri: pageURI },
    range: p.diagnostics[0].range,
    context: { diagnostics: p.diagnostics },
  });
  const cleared = nextDiagnostics((p) => p.diagnostics.length === 0);
  await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: pageURI, version: 3 },
    contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: "" }],
  });
  await cleared;
  await conn.sendRequest(lsp.ShutdownRequest.type);
  const exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  await conn.sendNotification(lsp.ExitNotification.type);
  result.exitCode = await exited;
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
})().catch((err) => {
  process.stdout.write(JSON.stringify({ error: String(err && err.stack || err), ...result }));
  child.kill();
  process.exit(0);
});
