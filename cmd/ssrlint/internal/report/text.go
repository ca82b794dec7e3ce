package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// palette holds the escape sequences of the text format. Its zero value
// prints no colour, so rendering code never asks whether colour is on.
type palette struct {
	reset, bold, dim, red, yellow, blue, cyan string
}

var ansiPalette = palette{
	reset:  "\x1b[0m",
	bold:   "\x1b[1m",
	dim:    "\x1b[2m",
	red:    "\x1b[31m",
	yellow: "\x1b[33m",
	blue:   "\x1b[34m",
	cyan:   "\x1b[36m",
}

func (p palette) severity(s Severity) string {
	if s == SeverityError {
		return p.red
	}
	return p.yellow
}

// tabWidth is the tab stop used to draw source lines; tabs are expanded so
// that the caret line, drawn with spaces, stays aligned.
const tabWidth = 4

func writeText(w io.Writer, r *resolver, items []item, opts Options) error {
	if len(items) == 0 {
		return nil
	}
	var p palette
	if opts.Color {
		p = ansiPalette
	}
	bw := bufio.NewWriter(w)
	for i, it := range items {
		if i > 0 {
			bw.WriteString("\n")
		}
		writeTextItem(bw, r, it, p)
	}
	errs, warns, files := counts(items)
	fmt.Fprintf(bw, "\n%s%s (%s, %s) in %s%s\n", p.bold,
		plural(len(items), "problem"), plural(errs, "error"), plural(warns, "warning"), plural(files, "file"), p.reset)
	return bw.Flush()
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func writeTextItem(w *bufio.Writer, r *resolver, it item, p palette) {
	loc := "ssrlint"
	if it.at.valid {
		loc = fmt.Sprintf("%s:%d:%d", it.at.path, it.at.line, it.at.col)
	}
	sevColor := p.severity(it.sev)
	fmt.Fprintf(w, "%s%s:%s %s%s:%s %s%s%s", p.bold, loc, p.reset,
		p.bold+sevColor, it.sev, p.reset, p.bold, it.d.Message, p.reset)
	if it.rule != "" {
		fmt.Fprintf(w, " %s[%s]%s", p.dim, it.rule, p.reset)
	}
	w.WriteString("\n")

	if it.at.valid {
		if text, ok := r.line(it.at.file, it.at.line); ok {
			writeFrame(w, p, sevColor, text, it.at)
		}
	}
	note := func(label, text string) {
		fmt.Fprintf(w, "  %s=%s %s%s:%s %s\n", p.blue, p.reset, p.bold, label, p.reset, text)
	}
	if len(it.d.Trace) > 0 {
		note("import trace", strings.Join(it.d.Trace, " → "))
	}
	for _, n := range it.d.Notes {
		note("note", n)
	}
	// A trace already lists the related locations as one chain; other
	// related locations are notes of their own.
	for _, rel := range it.related {
		if len(it.d.Trace) > 0 {
			break
		}
		text := rel.message
		if rel.at.valid {
			text = fmt.Sprintf("%s:%d:%d: %s", rel.at.path, rel.at.line, rel.at.col, rel.message)
		}
		note("note", text)
	}
	if it.d.Help != "" {
		note("help", it.d.Help)
	}
	if it.rule != "" {
		note("see", "ssrlint explain "+it.rule)
	}
}

// writeFrame prints the source line of s and a caret line under its range.
// A range that continues on later lines is underlined to the end of the
// first line; an empty range gets one caret.
func writeFrame(w *bufio.Writer, p palette, caretColor, text string, s span) {
	start := s.col - 1
	end := len(text)
	if s.endLine == s.line {
		end = s.endCol - 1
	}
	shown, pad, carets := drawLine(text, start, end)
	num := strconv.Itoa(s.line)
	blank := strings.Repeat(" ", len(num))
	fmt.Fprintf(w, "  %s%s │%s %s\n", p.blue, num, p.reset, shown)
	fmt.Fprintf(w, "  %s%s │%s %s%s%s%s\n", p.blue, blank, p.reset,
		strings.Repeat(" ", pad), caretColor, strings.Repeat("^", carets), p.reset)
}

// drawLine renders a source line for the terminal (tabs expanded, control
// characters replaced) and returns the display column of byte offset start
// and the display width of bytes [start, end), at least 1.
func drawLine(text string, start, end int) (shown string, pad, carets int) {
	var b strings.Builder
	col := 0
	pad, endCol := -1, -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		// A boundary inside a multi-byte character snaps to its start.
		if pad < 0 && start >= i && start < i+size {
			pad = col
		}
		if endCol < 0 && end >= i && end < i+size {
			endCol = col
		}
		switch {
		case r == '\t':
			n := tabWidth - col%tabWidth
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case r == utf8.RuneError && size == 1, unicode.IsControl(r):
			b.WriteRune(utf8.RuneError)
			col++
		default:
			b.WriteRune(r)
			col += runeWidth(r)
		}
		i += size
	}
	if pad < 0 { // start at or past the end of the line
		pad = col + max(start-len(text), 0)
	}
	if endCol < 0 {
		endCol = col + max(end-len(text), 0)
	}
	return b.String(), pad, max(endCol-pad, 1)
}

// runeWidth is the number of terminal cells r occupies: 0 for combining
// marks and format characters, 2 for East Asian wide and fullwidth
// characters and emoji, 1 otherwise.
func runeWidth(r rune) int {
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	for _, w := range wideRanges {
		if r < w[0] {
			break
		}
		if r <= w[1] {
			return 2
		}
	}
	return 1
}

// wideRanges are the main blocks of East Asian Width W and F (UAX #11),
// sorted: enough to keep carets aligned under CJK text and emoji without a
// full Unicode width table.
var wideRanges = [][2]rune{
	{0x1100, 0x115F},   // Hangul Jamo initial consonants
	{0x231A, 0x231B},   // watch, hourglass
	{0x2E80, 0x303E},   // CJK radicals, Kangxi, CJK symbols and punctuation
	{0x3041, 0x33FF},   // Hiragana, Katakana, Bopomofo, CJK compatibility
	{0x3400, 0x4DBF},   // CJK extension A
	{0x4E00, 0x9FFF},   // CJK unified ideographs
	{0xA000, 0xA4CF},   // Yi
	{0xAC00, 0xD7A3},   // Hangul syllables
	{0xF900, 0xFAFF},   // CJK compatibility ideographs
	{0xFE30, 0xFE4F},   // CJK compatibility forms
	{0xFF00, 0xFF60},   // fullwidth forms
	{0xFFE0, 0xFFE6},   // fullwidth signs
	{0x1F300, 0x1F64F}, // pictographs, emoticons
	{0x1F680, 0x1F6FF}, // transport and map symbols
	{0x1F900, 0x1F9FF}, // supplemental symbols and pictographs
	{0x1FA70, 0x1FAFF}, // symbols and pictographs extended-A
	{0x20000, 0x2FFFD}, // CJK extensions B-F
	{0x30000, 0x3FFFD}, // CJK extension G and later
}
