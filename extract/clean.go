package extract

import (
	"html"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// document is an article's text once cleaned: its title, its publication date
// when the text gives one, and its paragraphs of running prose.
type document struct {
	Title      string
	Published  string // YYYY-MM-DD or empty
	Paragraphs []string
}

var (
	reTag        = regexp.MustCompile(`</?[A-Za-z][^<>]*>`)
	reMDLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	reURL        = regexp.MustCompile(`(?:https?://|www\.|pic\.twitter\.com/)\S+`)
	reEmphasis   = regexp.MustCompile(`\*\*|__|\\([$*_#\[\]])`)
	reHeading    = regexp.MustCompile(`^#{1,6}\s+`)
	reBlank      = regexp.MustCompile(`\n\s*\n`)
	reBoldCredit = regexp.MustCompile(`\*\*[^*]*\s/\s[^*]*\*\*`) // "**Jane Doe / POOL / TASS**"
	reCredit     = regexp.MustCompile(`^\S[^.!?]*\s/\s[^.!?]*$`) // "Jane Doe / POOL / TASS"
	reByline     = regexp.MustCompile(`^(?i:by)\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}$`)
	// Lines that are page furniture rather than prose.
	reFurniture = regexp.MustCompile(`(?i)^(?:embed:?|read more:.*|related(?: article| articles| stories| story)?:.*|original url:.*|see also:.*|advertisement|share this.*|image (?:caption|copyright|source).*|photo(?: credit)?:.*|getty images|—\s.*|--\s.*|follow us.*|sign up.*|subscribe.*)$`)
)

// dateLayouts are the dates a dateline may hold.
var dateLayouts = []string{
	"January 2, 2006", "January 02, 2006", "Jan 2, 2006", "Jan. 2, 2006",
	"2 January 2006", "02 January 2006", "2006-01-02", "Monday, January 2, 2006",
	"Monday 2 January 2006",
}

// clean turns raw article text into a document: markup and page furniture
// (embeds, credits, bylines, related links, URL footers) removed, the title and
// dateline taken out, paragraphs kept. Lines are paragraphs unless the text
// wraps them, in which case blank lines separate paragraphs.
func clean(raw string) document {
	var doc document
	// One spelling of every accented letter (NFC), so that "é" typed as
	// one character or as "e" and an accent is the same text; no byte-order
	// mark before the title.
	raw = norm.NFC.String(strings.TrimPrefix(raw, "\ufeff"))
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	raw = strings.ReplaceAll(raw, "\r", "\n")
	for _, block := range splitParagraphs(raw) {
		line := cleanLine(block)
		if line == "" || reFurniture.MatchString(line) {
			continue
		}
		if doc.Published == "" && len(line) < 40 {
			if d, ok := parseDate(line); ok {
				doc.Published = d
				continue
			}
		}
		if reByline.MatchString(line) || isCredit(block, line) || onlyURL(line) {
			continue
		}
		if doc.Title == "" && len(doc.Paragraphs) == 0 && isHeadline(line) {
			doc.Title = line
			continue
		}
		doc.Paragraphs = append(doc.Paragraphs, line)
	}
	return doc
}

// splitParagraphs splits on blank lines; within a block, a line that ends a
// sentence and is followed by one that starts a new one stays separate too.
func splitParagraphs(raw string) []string {
	var out []string
	for _, block := range reBlank.Split(raw, -1) {
		lines := strings.Split(block, "\n")
		cur := ""
		for _, l := range lines {
			l = strings.TrimSpace(l)
			if l == "" {
				continue
			}
			if cur == "" {
				cur = l
				continue
			}
			if endsSentence(cur) || standsAlone(cur) || standsAlone(l) || len(out) == 0 && isHeadline(cur) && startsLine(l) {
				out = append(out, cur)
				cur = l
				continue
			}
			cur += " " + l
		}
		if cur != "" {
			out = append(out, cur)
		}
	}
	return out
}

// standsAlone reports a line that is never part of a paragraph: page
// furniture, a byline or a dateline.
func standsAlone(line string) bool {
	l := cleanLine(line)
	if reFurniture.MatchString(l) || reByline.MatchString(l) {
		return true
	}
	_, ok := parseDate(l)
	return ok
}

// startsLine reports a line that begins like a sentence.
func startsLine(l string) bool { return startsSentence([]rune(l)) }

func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’)`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, ":")
}

// reLostApostrophe finds an inverted question mark between two letters:
// an apostrophe lost to a wrong character set ("Mr Blair&#191;s").
var reLostApostrophe = regexp.MustCompile(`(\pL)\x{00BF}(\pL)`)

// cleanLine removes markup, control and format characters from one
// paragraph.
func cleanLine(s string) string {
	s = reBoldCredit.ReplaceAllString(s, "")
	s = reTag.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	s = reLostApostrophe.ReplaceAllString(s, "$1'$2")
	s = reMDLink.ReplaceAllString(s, "$1")
	s = reHeading.ReplaceAllString(s, "")
	s = reEmphasis.ReplaceAllString(s, "$1")
	s = reURL.ReplaceAllString(s, "")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u00a0' || r == '\t':
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			// Control and format characters (byte-order marks,
			// bidirectional overrides such as U+202E, zero-width spaces)
			// never belong in a name or a sentence.
			return -1
		}
		return r
	}, s)
	// Removing a character, unescaping an entity or joining words can put
	// two combining marks side by side in the wrong order; normalise again.
	return norm.NFC.String(strings.Join(strings.Fields(s), " "))
}

// isCredit reports a photo credit: a short line of names separated by
// slashes, often set in bold in the source.
func isCredit(raw, line string) bool {
	if len(line) > 120 {
		return false
	}
	bold := strings.HasPrefix(strings.TrimSpace(raw), "**") || strings.HasPrefix(strings.TrimSpace(raw), "<b>")
	return reCredit.MatchString(line) && (bold || strings.Count(line, " / ") >= 1 && !endsSentence(line))
}

func onlyURL(line string) bool {
	return strings.TrimSpace(reURL.ReplaceAllString(line, "")) == ""
}

// isHeadline reports whether a first line reads as a title: short, with no
// final full stop.
func isHeadline(line string) bool {
	return utf8.RuneCountInString(line) <= 200 && !strings.HasSuffix(line, ".")
}

func parseDate(line string) (string, bool) {
	line = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(line, "Published"), ":"))
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, line); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}
