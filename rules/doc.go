// Package rules holds what ssrlint knows as data, and the rule documentation.
//
// Knowledge that changes when the ecosystem does — which packages are
// browser-only, which globals Node lacks, which environment variable names
// are credentials — lives in JSON files next to this package and is embedded
// with go:embed, so that adding a package or a global is a data change with
// a test, not new code:
//
//   - packages.json: browser-only packages, packages with import-time browser
//     side effects, server SDKs that are fine on the server, and the SDK
//     constructors and factories that need a browser;
//   - globals.json: names browsers define and Node does not, plus the names
//     deliberately left out and why;
//   - secrets.json: credential name patterns, public-by-design exceptions and
//     each framework's public prefix.
//
// Every entry carries a one-line note saying why it is there. The data is
// parsed and validated once, on first use; the package's tests check it, so
// invalid embedded data is a build defect and the accessors panic on it, as
// regexp.MustCompile does on a bad constant.
//
// Each rule also has a Markdown document, <rule>.md, with a small front
// matter (title, severity, since) and the sections "What it does", "Why is
// this bad?", "Example", "Use instead", "Fix" and "Options and data". Code
// blocks carry the file they belong to (```tsx title="app/page.tsx"), so
// that an example is a small app that tests can run the rule on. Doc and
// Docs serve them to `ssrlint explain` and to the generated documentation.
package rules
