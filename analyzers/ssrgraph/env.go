package ssrgraph

import "strings"

// Env is a set of places a module is evaluated in.
type Env uint8

// Environments, per ssr-facts §1.
const (
	// Server: server-only code — Server Components, route handlers,
	// metadata routes, middleware/proxy, instrumentation, server actions,
	// pages/api, _document.
	Server Env = 1 << iota
	// ClientSSR: a "use client" module (or one it imports) in the App
	// Router: bundled for the browser but also rendered on the server.
	ClientSSR
	// PagesSSR: a Pages Router page or a module it imports statically:
	// rendered on the server and hydrated in the browser.
	PagesSSR
	// Browser: evaluated in the browser.
	Browser
)

// AllEnvs lists the single environments in a stable order.
var AllEnvs = []Env{Server, ClientSSR, PagesSSR, Browser}

// OnServer: Server, ClientSSR or PagesSSR — the module is evaluated in Node.
const OnServer = Server | ClientSSR | PagesSSR

func (e Env) index() int {
	switch e {
	case Server:
		return 0
	case ClientSSR:
		return 1
	case PagesSSR:
		return 2
	case Browser:
		return 3
	}
	panic("ssrgraph: index of a non-single Env")
}

// Has reports whether e includes any of o.
func (e Env) Has(o Env) bool { return e&o != 0 }

func (e Env) String() string {
	if e == 0 {
		return "none"
	}
	var parts []string
	for _, s := range AllEnvs {
		if e&s != 0 {
			parts = append(parts, map[Env]string{Server: "server", ClientSSR: "client-ssr", PagesSSR: "pages-ssr", Browser: "browser"}[s])
		}
	}
	return strings.Join(parts, "+")
}
