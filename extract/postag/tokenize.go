package postag

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sanitizer is prose's: curly quotes become straight ones before tokenizing.
var sanitizer = strings.NewReplacer(
	"\u201c", `"`,
	"\u201d", `"`,
	"\u2018", "'",
	"\u2019", "'",
	"&rsquo;", "'")

// sanitize returns text with prose's replacements, and text itself (no
// copy) when there is nothing to replace.
func sanitize(text string) string {
	// Every pattern starts with the byte 0xE2 or with '&'.
	if strings.IndexByte(text, 0xE2) < 0 && strings.IndexByte(text, '&') < 0 {
		return text
	}
	return sanitizer.Replace(text)
}

// tokenize appends the tokens of text to s.words, as prose's iterTokenizer
// splits it: at white space, then prefixes, contractions and suffixes off
// each span. Every token is a substring of the sanitized text.
//
// prose caches the tokens of each span it splits and hands out the same
// tokens for the span when it comes again, so a later tagging of a repeated
// span overwrites the tags of its earlier copies. s.alias[i] records, for
// token i, the first token it is shared with, so that tag can do the same.
func (s *scratch) tokenize(text string) {
	clean := sanitize(text)
	clear(s.spans)
	white := false
	start := 0
	for index, uc := range clean {
		if index == 0 {
			white = unicode.IsSpace(uc)
		}
		if unicode.IsSpace(uc) != white {
			if start < index {
				s.addSpan(clean[start:index], true)
			}
			if uc == ' ' {
				start = index + 1
			} else {
				start = index
			}
			white = !white
		}
	}
	// prose splits the last span afresh, without the cache.
	if start < len(clean) {
		s.addSpan(clean[start:], false)
	}
}

// addSpan appends the tokens of one span: its cached copy when cached says
// prose's cache applies and the span came before.
func (s *scratch) addSpan(span string, cached bool) {
	if cached {
		if first, ok := s.spans[span]; ok {
			for i := first.start; i < first.end; i++ {
				s.words = append(s.words, s.words[i])
				s.alias = append(s.alias, s.alias[i])
			}
			return
		}
	}
	begin := len(s.words)
	if !isSpaceOnly(span) {
		s.split(span)
	}
	for i := begin; i < len(s.words); i++ {
		s.alias = append(s.alias, int32(i))
	}
	if cached {
		s.spans[span] = tokenRange{int32(begin), int32(len(s.words))}
	}
}

// tokenRange is a span's tokens in s.words.
type tokenRange struct{ start, end int32 }

func isSpaceOnly(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// split is prose's doSplit for a span with no white space: it takes off
// one prefix, contraction or suffix at a time until nothing changes.
func (s *scratch) split(token string) {
	s.suffixes = s.suffixes[:0]
	last := 0
	for token != "" {
		n := utf8.RuneCountInString(token)
		if n == last {
			break
		}
		if isSpecial(token) {
			s.addWord(token)
			break
		}
		last = n
		if hasPrefix(token) {
			s.addWord(token[:1])
			token = token[1:]
		} else if idx := contraction(token, contractions); idx > -1 {
			s.addWord(token[:idx])
			token = token[idx:]
		} else if idx := contraction(token, negations); idx > -1 {
			s.addWord(token[:idx])
			token = token[idx:]
		} else if hasSuffix(token) {
			s.suffixes = append(s.suffixes, token[len(token)-1:])
			token = token[:len(token)-1]
		} else {
			s.addWord(token)
		}
	}
	for i := len(s.suffixes) - 1; i >= 0; i-- {
		s.addWord(s.suffixes[i])
	}
}

// addWord is prose's addToken for a span with no white space in it.
func (s *scratch) addWord(w string) {
	if w != "" {
		s.words = append(s.words, w)
	}
}

// isSpecial reports whether prose keeps token whole: an emoticon, or an
// abbreviation matching ^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$.
func isSpecial(t string) bool {
	if emoticons[t] {
		return true
	}
	n := len(t)
	if n >= 4 && n%2 == 0 {
		ok := true
		for i := 0; i < n; i += 2 {
			if !isASCIILetter(t[i]) || t[i+1] != '.' {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	if (n == 3 || n == 4) && 'A' <= t[0] && t[0] <= 'Z' && t[n-1] == '.' {
		for i := 1; i < n-1; i++ {
			if t[i] < 'a' || t[i] > 'z' {
				return false
			}
		}
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// hasPrefix is prose's hasAnyPrefix(token, prefixes): "$", "(", `"` or "["
// before something.
func hasPrefix(t string) bool {
	if len(t) < 2 {
		return false
	}
	switch t[0] {
	case '$', '(', '"', '[':
		return true
	}
	return false
}

// hasSuffix is prose's hasAnySuffix(token, suffixes).
func hasSuffix(t string) bool {
	if len(t) < 2 {
		return false
	}
	switch t[len(t)-1] {
	case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'':
		return true
	}
	return false
}

// Contractions prose splits off, in the order it tries them.
var (
	contractions = []string{"'ll", "'s", "'re", "'m"}
	negations    = []string{"n't"}
)

// contraction is prose's hasAnyIndex(strings.ToLower(token), patterns): the
// index in the lower-cased token of the first pattern (in pattern order)
// that occurs in it, if the token is longer than the pattern; else -1.
func contraction(t string, patterns []string) int {
	// Every pattern holds an apostrophe, and no other rune lower-cases to one.
	if strings.IndexByte(t, '\'') < 0 {
		return -1
	}
	lower := t
	if !isASCII(t) {
		lower = strings.ToLower(t) // rare; may differ in length, as in prose
	}
	for _, p := range patterns {
		if len(lower) <= len(p) {
			continue
		}
		if idx := indexFold(lower, p); idx >= 0 {
			// prose slices the token at an index in its lower-case form; when
			// that is past the end, it panics. Keep the token whole instead.
			if idx > len(t) {
				return -1
			}
			return idx
		}
	}
	return -1
}

// indexFold is strings.Index(strings.ToLower(s), p) for a lower-case ASCII
// pattern p, without building the lower-case string; s is ASCII or already
// lower case.
func indexFold(s, p string) int {
	for i := 0; i+len(p) <= len(s); i++ {
		j := 0
		for j < len(p) && lowerASCII(s[i+j]) == p[j] {
			j++
		}
		if j == len(p) {
			return i
		}
	}
	return -1
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// emoticons are prose's: tokens it keeps whole.
var emoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true, "(=": true,
	"(o:": true, "(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true, "-__-": true,
	"8-)": true, "8-D": true, "8D": true, ":(": true, ":((": true, ":(((": true,
	":()": true, ":)))": true, ":-)": true, ":-))": true, ":-)))": true, ":-*": true,
	":-/": true, ":-X": true, ":-]": true, ":-o": true, ":-p": true, ":-x": true,
	":-|": true, ":-}": true, ":0": true, ":3": true, ":P": true, ":]": true,
	":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true, "=(": true,
	"=)": true, "=D": true, "=|": true, "@_@": true, "O.o": true, "O_o": true,
	"V_V": true, "XDD": true, "[-:": true, "^___^": true, "o_0": true, "o_O": true,
	"o_o": true, "v_v": true, "xD": true, "xDD": true, "¯\\(ツ)/¯": true,
}
