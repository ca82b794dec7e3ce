package syntax

import (
	"strings"
	"testing"
)

// phaseAt describes the render phase of the global reference or SDK call
// starting right after the /*@*/ marker: "render body Foo", "none", plus
// " guarded" when a guard (or a mounted flag) dominates it.
func phaseAt(t *testing.T, path, src string) string {
	t.Helper()
	i := strings.Index(src, marker)
	if i < 0 {
		t.Fatalf("no %s marker in %q", marker, src)
	}
	at := i + len(marker)
	s := parseT(t, path, src)
	describe := func(p Phase, comp string, guarded bool) string {
		d := p.String()
		if comp != "" {
			d += " " + comp
		}
		if guarded {
			d += " guarded"
		}
		return d
	}
	for _, r := range s.Globals {
		if r.Span.Start == at {
			return describe(r.Phase, r.Component, r.Guarded)
		}
	}
	for _, u := range s.BindingUses {
		if u.Span.Start == at {
			return describe(u.Phase, u.Component, u.Guarded)
		}
	}
	return "no reference"
}

func TestRenderPhase(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		// Components as people write them.
		{"function declaration", `export function Presence() { const w = /*@*/window.innerWidth; return <p>{w}</p>; }`, "render body Presence"},
		{"arrow", `const Presence = () => { return <p>{/*@*/window.innerWidth}</p>; };`, "render body Presence"},
		{"expression body", `export const Width = () => <p>{/*@*/window.innerWidth}</p>;`, "render body Width"},
		{"typed arrow", `const Width: React.FC<{}> = ({}) => <p>{/*@*/window.innerWidth}</p>;`, "render body Width"},
		{"memo", `export const Width = memo(() => <p>{/*@*/window.innerWidth}</p>);`, "render body Width"},
		{"React.memo named function", `export default React.memo(function Width() { return <p>{/*@*/window.innerWidth}</p>; });`, "render body Width"},
		{"forwardRef in memo", `const Input = memo(forwardRef((p, ref) => <input ref={ref} defaultValue={/*@*/localStorage.getItem("q")} />));`, "render body Input"},
		{"anonymous default function", `export default function () { return <p>{/*@*/document.title}</p>; }`, "render body"},
		{"anonymous default arrow", `export default () => <p>{/*@*/navigator.userAgent}</p>;`, "render body"},
		{"async server component", `export default async function Page() { const t = /*@*/document.title; return <h1>{t}</h1>; }`, "render body Page"},
		{"hook", `export function useWidth() { return /*@*/window.innerWidth; }`, "render body useWidth"},
		{"hook arrow", `export const useTheme = () => /*@*/localStorage.getItem("theme");`, "render body useTheme"},
		{"map callback", `function List({ xs }) { return <ul>{xs.map((x) => <li key={x}>{/*@*/location.href}</li>)}</ul>; }`, "render body List"},
		{"IIFE in body", `function A() { const v = (() => /*@*/window.name)(); return v; }`, "render body A"},
		{"nested block", `function A({ big }) { if (big) { return /*@*/window.innerWidth; } return 0; }`, "render body A"},
		// Hooks that run their argument during render.
		{"useState initializer", `function A() { const [v] = useState(() => /*@*/localStorage.getItem("k")); return v; }`, "state initializer A"},
		{"useState value", `function A() { const [w] = useState(/*@*/window.innerWidth); return w; }`, "render body A"},
		{"React.useState initializer", `const A = () => { const [v] = React.useState(() => /*@*/sessionStorage.getItem("k")); return v; };`, "state initializer A"},
		{"useReducer init", `function A() { const [s] = useReducer(r, null, () => /*@*/localStorage.getItem("s")); return s; }`, "state initializer A"},
		{"useMemo", `function A() { const mq = useMemo(() => /*@*/matchMedia("(min-width: 600px)"), []); return null; }`, "useMemo A"},
		{"server snapshot", `function useOnline() { return useSyncExternalStore(sub, () => true, () => /*@*/navigator.onLine); }`, "getServerSnapshot useOnline"},
		{"hook arg in unrecognised function", `function render() { const [v] = useState(() => /*@*/localStorage.x); return v; }`, "state initializer render"},
		// Class components.
		{"class render", `class A extends React.Component { render() { return <p>{/*@*/window.innerWidth}</p>; } }`, "class render A"},
		{"class constructor", `class A extends Component { constructor(p) { super(p); this.state = { w: /*@*/window.innerWidth }; } }`, "class render A"},
		{"class field", `class A extends PureComponent { state = { w: /*@*/window.innerWidth }; }`, "class render A"},
		{"class handler field", `class A extends Component { onResize = () => /*@*/window.innerWidth; }`, "none"},
		{"class didMount", `class A extends Component { componentDidMount() { /*@*/window.scrollTo(0, 0); } }`, "none"},
		{"plain class", `class Store { constructor() { this.w = /*@*/window.innerWidth; } }`, "none"},
		// Not render phase.
		{"effect", `function A() { useEffect(() => { /*@*/window.scrollTo(0, 0); }, []); return null; }`, "none"},
		{"handler prop", `function A() { return <button onClick={() => /*@*/window.open("/")}>x</button>; }`, "none"},
		{"handler const", `function A() { const go = () => /*@*/window.open("/"); return <button onClick={go}>x</button>; }`, "none"},
		{"ref callback", `function A({ s }) { return <video ref={(el) => { if (el) el.srcObject = s; /*@*/document.title = "x"; }} />; }`, "none"},
		{"useCallback", `function A() { const f = useCallback(() => /*@*/window.print(), []); return null; }`, "none"},
		{"client snapshot", `function useOnline() { return useSyncExternalStore(sub, () => /*@*/navigator.onLine, () => true); }`, "none"},
		{"subscribe", `function useOnline() { return useSyncExternalStore((cb) => { /*@*/window.addEventListener("online", cb); return () => {}; }, get); }`, "none"},
		{"rxjs map", `function A() { return <p>{s.pipe(map(() => /*@*/window.x))}</p>; }`, "none"},
		{"setTimeout", `function A() { setTimeout(() => /*@*/window.scrollTo(0, 0)); return null; }`, "none"},
		{"lower-case function", `function getWidth() { return /*@*/window.innerWidth; }`, "none"},
		{"route handler name", `export function GET() { return Response.json({ ua: /*@*/navigator.userAgent }); }`, "none"},
		{"module scope", `const w = /*@*/window.innerWidth;`, "none"},
		// Guards.
		{"typeof guard", `function A() { return typeof window !== "undefined" ? /*@*/window.innerWidth : 0; }`, "render body A guarded"},
		{"mounted early return", `function A() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return null;
  return <p>{/*@*/window.innerWidth}</p>;
}`, "render body A guarded"},
		{"mounted and", `function A() {
  const [isClient, setIsClient] = React.useState<boolean>(false);
  useEffect(() => { setIsClient(true); }, []);
  return <p>{isClient && /*@*/window.innerWidth}</p>;
}`, "render body A guarded"},
		{"mounted ternary", `function A() {
  const hydrated = useHydrated();
  return <p>{hydrated ? /*@*/localStorage.getItem("k") : null}</p>;
}`, "render body A guarded"},
		{"useSyncExternalStore flag", `function A() {
  const isClient = useSyncExternalStore(subscribe, () => true, () => false);
  if (!isClient) { return null; }
  return <p>{/*@*/navigator.language}</p>;
}`, "render body A guarded"},
		{"state opened by a click", `function A() {
  const [open, setOpen] = useState(false);
  if (!open) return <button onClick={() => setOpen(true)}>open</button>;
  return <p>{/*@*/window.innerWidth}</p>;
}`, "render body A guarded"},
		{"state initially null", `function A() {
  const [rect, setRect] = useState<DOMRect | null>(null);
  return <div>{rect && createPortal(<p style={{ top: rect.bottom }}>{/*@*/window.innerHeight}</p>, document.body)}</div>;
}`, "render body A guarded"},
		{"state initially undefined, nested type arguments", `function A() {
  const [menu, setMenu] = React.useState<Array<Map<string, () => void>>>();
  return <div>{menu && open && /*@*/document.body.clientWidth}</div>;
}`, "render body A guarded"},
		{"state initially 0 or empty", `function A() {
  const [n, setN] = useState(0);
  const [q] = useState("");
  return <div>{n > 0 ? null : q && /*@*/window.name}</div>;
}`, "render body A guarded"},
		{"state initially true", `function A() {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return <p>{/*@*/window.innerWidth}</p>;
}`, "render body A"},
		{"state initially from props", `function A({ initial }) {
  const [v, setV] = useState(initial ?? null);
  return <p>{v && /*@*/window.innerWidth}</p>;
}`, "render body A"},
		{"useIsSSR early return in a useMemo", `function useVar(name) {
  const isSSR = useIsSSR();
  return useMemo(() => {
    if (isSSR) return undefined;
    return getComputedStyle(/*@*/document.documentElement).getPropertyValue(name);
  }, [isSSR, name]);
}`, "useMemo useVar guarded"},
		{"not SSR", `function A() {
  const isSSR = useIsSSR();
  return <p>{!isSSR && /*@*/window.innerWidth}</p>;
}`, "render body A guarded"},
		{"SSR checked the wrong way", `function A() {
  const isSSR = useIsSSR();
  return <p>{isSSR && /*@*/window.innerWidth}</p>;
}`, "render body A"},
		{"falsy state checked the wrong way", `function A() {
  const [open, setOpen] = useState(false);
  return <p>{!open && /*@*/window.innerWidth}</p>;
}`, "render body A"},
		{"mounted checked the wrong way", `function A() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (mounted) return null;
  return <p>{/*@*/window.innerWidth}</p>;
}`, "render body A"},
		// SDK calls.
		{"SDK in body", `import { SignalWire } from "@signalwire/js";
export function Dialer() { const c = /*@*/new SignalWire(); return null; }`, "render body Dialer"},
		{"SDK in useMemo", `import { SignalWire } from "@signalwire/js";
export function Dialer({ p }) { const c = useMemo(() => /*@*/new SignalWire(p), [p]); return null; }`, "useMemo Dialer"},
		{"SDK in effect", `import { SignalWire } from "@signalwire/js";
export function Dialer({ p }) { useEffect(() => { const c = /*@*/new SignalWire(p); return () => c.disconnect(); }, [p]); return null; }`, "none"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := phaseAt(t, "a.tsx", c.src); got != c.want {
				t.Errorf("got %q, want %q\n%s", got, c.want, c.src)
			}
		})
	}
}

func TestRenderPhaseSeed(t *testing.T) {
	for _, b := range seedBlocks {
		s := parseT(t, b.path, b.src)
		for _, r := range s.Globals {
			if r.Phase.Render() && !r.Guarded && !r.Shadowed {
				t.Errorf("%s: %s in %s", b.path, r.Name, r.Phase)
			}
		}
		for _, u := range s.BindingUses {
			if u.Phase.Render() && !u.Guarded && strings.HasPrefix(s.Imports[u.Import].Spec, "@signalwire/") {
				t.Errorf("%s: %s in %s", b.path, u.Local, u.Phase)
			}
		}
	}
}

func TestEffects(t *testing.T) {
	const head = `import { SignalWire, Video } from "@signalwire/js";
import { useEffect, useLayoutEffect } from "react";
`
	cases := []struct {
		name, src string
		want      string // "" for no effect recorded, else "cleanup starts vars fix"
	}{
		{"seed", `function D({ token }) {
  useEffect(() => {
    const c = new SignalWire(new StaticCredentialProvider({ token }));
    setClient(c);
    return () => c.disconnect();
  }, [token]);
}`, "teardown 0 c"},
		{"no cleanup", `function D() {
  useEffect(() => {
    const c = new SignalWire(p);
    setClient(c);
  }, []);
}`, "none 0 c fix"},
		{"cleanup does something else", `function D() {
  useEffect(() => {
    const c = new SignalWire(p);
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, []);
}`, "other 0 c,id"},
		{"optional chain in block", `function D() {
  useEffect(() => {
    let client;
    SignalWire({ host, token }).then((c) => { client = c; });
    return () => { client?.disconnect(); };
  }, []);
}`, "teardown 0 -"},
		{"cleanup through a local function", `function D() {
  useLayoutEffect(() => {
    const room = new Video.RoomSession({ token });
    function stop() { room.leave(); }
    return () => { stop(); };
  }, []);
}`, "teardown 0 room"},
		{"returned local", `function D() {
  useEffect(() => {
    const call = client.dial("/public/support");
    const cleanup = () => void call.then((c) => c.hangup());
    return cleanup;
  }, [client]);
}`, "teardown 1 call"},
		{"return in nested function does not count", `function D() {
  useEffect(() => {
    const start = async () => { const c = await SignalWire({ token }); return () => c.disconnect(); };
    start();
  }, []);
}`, "none 0 - fix"},
		{"async callback", `function D() {
  useEffect(async () => {
    const c = await SignalWire({ token });
  }, []);
}`, "none 0 - async"},
		{"returned call result", `function D() {
  React.useEffect(() => {
    const room = new Video.RoomSession({ token });
    return subscribe(room);
  }, []);
}`, "unknown 0 room"},
		{"join with options", `function D() {
  useEffect(() => { room.join({ audio: true }); }, [room]);
}`, "none 1 - fix"},
		{"teardown only", `function D() {
  useEffect(() => () => { client?.disconnect(); }, [client]);
}`, "teardown 0 -"},
		{"path.join and list.join are no starts", `function D() {
  useEffect(() => { document.title = parts.join(" · "); load(path.join(a, b)); }, []);
}`, ""},
		{"no SDK", `function D() {
  useEffect(() => { window.scrollTo(0, 0); }, []);
}`, ""},
		{"cleanup calls a function named for it", `function D() {
  const { disconnectClient } = useCall();
  useEffect(() => {
    const c = new SignalWire(p);
    register(c);
    return () => disconnectClient();
  }, []);
}`, "teardown 0 c"},
		{"ends in return", `function D() {
  useEffect(() => {
    const c = new SignalWire(p);
    return;
  }, []);
}`, "none 0 c"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := head + c.src
			s := parseT(t, "a.tsx", src)
			got := ""
			if len(s.Effects) > 1 {
				t.Fatalf("%d effects", len(s.Effects))
			}
			for _, e := range s.Effects {
				got = map[Cleanup]string{CleanupNone: "none", CleanupOther: "other", CleanupTeardown: "teardown", CleanupUnknown: "unknown"}[e.Cleanup]
				got += " " + string(rune('0'+len(e.Starts)))
				vars := "-"
				for _, v := range e.Vars {
					if vars == "-" {
						vars = v.Name
					} else {
						vars += "," + v.Name
					}
					if !strings.HasSuffix(src[v.Value.Start:v.Value.End], ")") {
						t.Errorf("var %s value %q", v.Name, src[v.Value.Start:v.Value.End])
					}
				}
				got += " " + vars
				if e.End > 0 && e.Cleanup == CleanupNone {
					got += " fix"
					if src[e.End] != '}' {
						t.Errorf("End at %q", src[e.End:])
					}
				}
				if e.Async {
					got += " async"
				}
				if e.Owner.End == 0 || src[e.Owner.Start:e.Owner.Start+8] != "function" {
					t.Errorf("owner %v", e.Owner)
				}
			}
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestSrcObjects(t *testing.T) {
	src := `export function V({ s }) {
  return <>
    <video srcObject={s} autoPlay />
    <audio srcObject={s}></audio>
    <VideoTile srcObject={s} />
    <video ref={(el) => { if (el) el.srcObject = s; }} />
    <p>srcObject is a property</p>
  </>;
}`
	s := parseT(t, "a.tsx", src)
	var tags []string
	for _, o := range s.SrcObjects {
		if got := src[o.Span.Start:o.Span.End]; got != "srcObject={s}" {
			t.Errorf("span %q", got)
		}
		tags = append(tags, o.Tag)
	}
	if got := strings.Join(tags, ","); got != "video,audio,VideoTile" {
		t.Errorf("tags %s", got)
	}
}

func TestExpiries(t *testing.T) {
	cases := []struct {
		name, src string
		want      string // "" for none, else the text, then "=> fix" or "(literal)"
	}{
		{"seed", `class P { async authenticate() { const { token } = await r.json(); return { token, expiry_at: Date.now() + 2 * 60 * 60 * 1000 }; } }`, ""},
		{"divided", `class P { async authenticate() { return { token, expiry_at: Date.now() / 1000 }; } }`, "Date.now() / 1000 => Date.now()"},
		{"floor plus", `const p = { authenticate: async () => ({ token: t, expiry_at: Math.floor(Date.now() / 1000) + 3600 }) };`, "Math.floor(Date.now() / 1000) + 3600 => Date.now() + 3600 * 1000"},
		{"round plus product", `async function getToken() { return { token, expiry_at: Math.round(Date.now() / 1e3) + 2 * 60 * 60 }; }`, "Math.round(Date.now() / 1e3) + 2 * 60 * 60 => Date.now() + 2 * 60 * 60 * 1000"},
		{"plus sum", `async function f() { return { token, expiry_at: Date.now() / 1000 + (ttl - 60) }; }`, "Date.now() / 1000 + (ttl - 60) => Date.now() + (ttl - 60) * 1000"},
		{"getTime", `async function f() { return { token, "expiry_at": new Date().getTime() / 1000 + ttl }; }`, "new Date().getTime() / 1000 + ttl => new Date().getTime() + ttl * 1000"},
		{"or zero", `async function f() { return { token, expiry_at: (Date.now() / 1000 | 0) + 60 }; }`, "(Date.now() / 1000 | 0) + 60"},
		{"literal", `const provider = { async authenticate() { return { token: "t", expiry_at: 1767225600 }; } };`, "1767225600 (literal)"},
		{"lifetime literal", `class P { refresh = async () => { return { token: await get(), expiry_at: 7200 }; }; }`, "7200 (literal)"},
		{"local const", `async function f() { const exp = Math.floor(Date.now() / 1000) + 3600; return { token, expiry_at: exp }; }`, "Math.floor(Date.now() / 1000) + 3600"},
		{"shorthand", `async function f() { const expiry_at = Math.floor(Date.now() / 1000) + 3600; return { token, expiry_at }; }`, "Math.floor(Date.now() / 1000) + 3600"},
		{"dayjs", `async function f() { return { token, expiry_at: dayjs().add(2, "hour").unix() }; }`, `dayjs().add(2, "hour").unix() => dayjs().add(2, "hour").valueOf()`},
		{"date-fns", `async function f() { return { token, expiry_at: getUnixTime(addHours(new Date(), 2)) }; }`, "getUnixTime(addHours(new Date(), 2))"},
		// Milliseconds, or unknown.
		{"ms from seconds", `async function f() { return { token, expiry_at: expiresIn * 1000 + Date.now() }; }`, ""},
		{"ms getTime", `async function f() { return { token, expiry_at: new Date(d.expires).getTime() }; }`, ""},
		{"unknown", `async function f() { const d = await r.json(); return { token: d.token, expiry_at: d.expiry_at }; }`, ""},
		{"seconds times 1000", `async function f() { return { token, expiry_at: (Math.floor(Date.now() / 1000) + 3600) * 1000 }; }`, ""},
		{"ms literal", `const p = { authenticate: async () => ({ token, expiry_at: 1767225600000 }) };`, ""},
		{"not a credential", `const body = { reference: id, expiry_at: Math.floor(Date.now() / 1000) + 3600 };`, ""},
		{"member", `if (res.expiry_at < Date.now() / 1000) refresh();`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := parseT(t, "a.ts", c.src)
			got := ""
			for _, e := range s.Expiries {
				got = e.Text
				if e.HasFix {
					got += " => " + e.Fix
				}
				if e.Literal {
					got += " (literal)"
				}
			}
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestIsTeardownName(t *testing.T) {
	for name, want := range map[string]bool{
		"disconnect": true, "hangUp": true, "hangup": true, "leave": true, "endCall": true, "teardown": true,
		"tearDown": true, "cleanUp": true, "disconnectClient": true, "leave_room": true, "stopCall": true,
		"send": false, "append": false, "clearInterval": false, "setClient": false, "removeEventListener": false,
		"pending": false, "closest": false, "legend": false,
	} {
		if got := isTeardownName(name); got != want {
			t.Errorf("isTeardownName(%q) = %v, want %v", name, got, want)
		}
	}
}
