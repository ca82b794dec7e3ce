package bench

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// Vocabulary for identifiers and file names. Words are chosen so that no
// compound of them is a JavaScript keyword or a browser global (window,
// history, location, parent, screen, self, ...): a generated name must never
// look like a browser-only reference to the rules.
var (
	nouns = []string{
		"account", "agent", "alert", "answer", "asset", "audit", "avatar", "badge", "balance", "billing",
		"booking", "budget", "call", "campaign", "caption", "cart", "channel", "chart", "checkout", "comment",
		"contact", "contract", "coupon", "customer", "dashboard", "deal", "device", "digest", "draft", "extension",
		"feed", "filter", "folder", "forecast", "greeting", "group", "inbox", "insight", "invite", "invoice",
		"ledger", "lead", "license", "meeting", "member", "message", "metric", "milestone", "note", "number",
		"order", "payment", "payout", "pipeline", "plan", "policy", "portfolio", "presence", "product", "profile",
		"project", "queue", "quota", "rating", "receipt", "recording", "referral", "region", "release", "reminder",
		"report", "request", "review", "role", "room", "route", "schedule", "seat", "segment", "session",
		"setting", "shipment", "shortcut", "signal", "skill", "snippet", "space", "sprint", "stage", "subscriber",
		"survey", "tag", "task", "team", "template", "thread", "ticket", "timeline", "token", "topic",
		"transcript", "trial", "upload", "usage", "vendor", "voicemail", "webhook", "workflow", "workspace", "zone",
	}
	qualifiers = []string{
		"active", "archived", "audio", "bulk", "cached", "compact", "custom", "daily", "detailed", "draft",
		"featured", "global", "grouped", "hourly", "inbound", "inline", "latest", "linked", "live", "local",
		"main", "manual", "missed", "monthly", "nested", "outbound", "paged", "pending", "pinned", "primary",
		"quick", "recent", "recurring", "remote", "scheduled", "secondary", "shared", "smart", "sorted", "starred",
		"team", "trending", "unread", "upcoming", "verified", "video", "weekly", "yearly",
	}
	componentSuffixes = []string{
		"Card", "Panel", "List", "Table", "Dialog", "Form", "Header", "Section", "Badge", "Button",
		"Menu", "Toolbar", "View", "Row", "Grid", "Summary", "Chart", "Banner", "Tabs", "Drawer",
		"Picker", "Field", "Sheet", "Tile", "Popover", "Stepper", "Empty", "Skeleton", "Breadcrumbs", "Sidebar",
	}
	utilVerbs   = []string{"format", "parse", "normalize", "compare", "group", "sort", "merge", "validate", "serialize", "summarize", "build", "resolve", "estimate", "filter"}
	loaderVerbs = []string{"get", "list", "find", "load", "fetch"}
	actionVerbs = []string{"create", "update", "delete", "archive", "restore", "assign", "publish", "rename"}
	segments    = []string{
		"overview", "settings", "billing", "analytics", "contacts", "campaigns", "inbox", "reports", "teams", "members",
		"integrations", "numbers", "queues", "agents", "recordings", "transcripts", "webhooks", "usage", "plans", "invoices",
		"projects", "workflows", "templates", "profile", "security", "notifications", "devices", "spaces", "rooms", "schedules",
		"pipelines", "leads", "deals", "tickets", "surveys", "feedback", "releases", "changelog", "guides", "tutorials",
		"faq", "careers", "about", "blog", "customers", "partners", "status", "audit", "exports", "imports",
	}
	dynamicSegments = []string{"[id]", "[slug]", "[teamId]", "[projectId]", "[reportId]", "[memberId]"}
	areas           = []string{
		"forms", "layout", "data", "feedback", "navigation", "overlays", "charts", "media", "marketing", "settings",
		"billing", "contacts", "inbox", "calls", "reports", "teams", "onboarding", "search", "activity", "admin",
	}
	labels = []string{
		"Overview", "Recent activity", "Team members", "Usage this month", "Open tickets", "Billing details",
		"Upcoming meetings", "Call history", "Saved filters", "Notifications", "Connected devices", "Pending invites",
		"Top campaigns", "Weekly digest", "Voicemail", "Queue health", "Quality score", "Conversion rate",
	}
	statusWords = []string{"active", "pending", "failed", "archived", "connected", "queued", "completed", "draft", "paused", "expired"}
	tailwind    = []string{
		"flex items-center gap-2", "grid grid-cols-2 gap-4", "rounded-lg border p-4", "text-sm text-muted-foreground",
		"space-y-4", "font-semibold tracking-tight", "divide-y", "px-3 py-2", "mt-6 flex justify-end gap-2",
		"w-full max-w-3xl", "inline-flex h-9 items-center rounded-md px-4", "sr-only", "truncate text-xs",
		"grid gap-6 md:grid-cols-3", "overflow-x-auto", "shadow-sm", "bg-muted/40 p-6",
	}
	externalIcons = []string{"ChevronRight", "Phone", "PhoneOff", "Mic", "MicOff", "Video", "Users", "Settings", "Search", "Plus", "Trash2", "Download", "Bell", "Calendar", "Mail", "Clock"}
)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// pascal joins kebab-case words into PascalCase.
func pascal(kebab string) string {
	var b strings.Builder
	for _, w := range strings.Split(kebab, "-") {
		b.WriteString(title(w))
	}
	return b.String()
}

// camel joins kebab-case words into camelCase.
func camel(kebab string) string {
	p := pascal(kebab)
	return strings.ToLower(p[:1]) + p[1:]
}

// kebab turns PascalCase or camelCase into kebab-case.
func kebab(ident string) string {
	var b strings.Builder
	for i, c := range ident {
		if c >= 'A' && c <= 'Z' {
			if i > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c + 'a' - 'A')
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// locals hands out identifiers that are unique within one module.
type locals struct {
	used map[string]bool
}

func newLocals() *locals { return &locals{used: map[string]bool{}} }

// name returns base, or base with a number when base is taken.
func (l *locals) name(base string) string {
	n := base
	for i := 2; l.used[n]; i++ {
		n = base + strconv.Itoa(i)
	}
	l.used[n] = true
	return n
}

func (l *locals) reserve(names ...string) {
	for _, n := range names {
		l.used[n] = true
	}
}
