// Package namekey folds a name into the key that identifies it: two ways of
// writing one name ("Vladimir Putin", "VLADIMIR PUTIN", "Vlаdimir Putin" with
// a Cyrillic а, "Zelénsky" and "Zelensky") give the same key. Actor ids and
// name lookups in Neo4j are built on it.
package namekey

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Key folds name for identity and look-up:
//
//   - format characters (byte-order marks, bidirectional controls,
//     zero-width spaces, soft hyphens) are dropped;
//   - the text is decomposed (NFKD, so NFC and NFD spellings agree) and
//     accents are dropped;
//   - in a word that mixes Latin letters with Cyrillic or Greek look-alikes,
//     the look-alikes become the Latin letters they imitate;
//   - letters are lower-cased;
//   - a possessive "'s" is dropped, other punctuation becomes single spaces,
//     and a leading "the " is dropped.
//
// Key("The U.S.") is "u s"; Key("Putin's") is "putin".
func Key(name string) string {
	s := norm.NFKD.String(Strip(strings.ToValidUTF8(name, " ")))
	var b strings.Builder
	space := false
	for _, word := range words(s) {
		if word.sep {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		// An apostrophe becomes a space below (but in "'s"), so each part
		// of the word between apostrophes is judged on its own, as the
		// key's own words will be: the key of a key is the key.
		for i, part := range strings.Split(word.text, "'") {
			if i > 0 {
				b.WriteByte('\'')
			}
			fold := mixed(part)
			for _, r := range part {
				if unicode.Is(unicode.Mn, r) {
					continue
				}
				if fold {
					r = latin(r)
				}
				b.WriteRune(unicode.ToLower(r))
			}
		}
	}
	out := b.String()
	out = strings.ReplaceAll(out, "'s ", " ")
	out = strings.TrimSuffix(out, "'s")
	out = strings.ReplaceAll(out, "'", " ")
	out = strings.Join(strings.Fields(out), " ")
	return strings.TrimPrefix(out, "the ")
}

// Strip removes the format characters of s (category Cf: byte-order marks,
// bidirectional controls such as U+202E, zero-width spaces and joiners, soft
// hyphens); they change how a name is shown, never which name it is.
func Strip(s string) string {
	if strings.IndexFunc(s, isFormat) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isFormat(r) {
			return -1
		}
		return r
	}, s)
}

func isFormat(r rune) bool { return unicode.Is(unicode.Cf, r) }

// IsBidiControl reports the characters that reorder text on display
// (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069).
func IsBidiControl(r rune) bool {
	switch {
	case r == '\u061c', r == '\u200e', r == '\u200f',
		r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

type piece struct {
	text string
	sep  bool // punctuation or space between words
}

// words splits decomposed text into words (letters, digits, apostrophes and
// combining marks) and the separators between them.
func words(s string) []piece {
	var out []piece
	start, inWord := 0, false
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '\u2019' || unicode.Is(unicode.Mn, r)
		if w != inWord && i > start {
			out = append(out, piece{text: s[start:i], sep: !inWord})
			start = i
		}
		inWord = w
	}
	if start < len(s) {
		out = append(out, piece{text: s[start:], sep: !inWord})
	}
	for i := range out {
		if !out[i].sep {
			out[i].text = strings.ReplaceAll(out[i].text, "\u2019", "'")
		}
	}
	return out
}

// mixed reports a word with a Latin letter and a Cyrillic or Greek letter
// that imitates one, and no other Cyrillic or Greek letter: a spelling that
// only looks Latin.
func mixed(word string) bool {
	isLatin, lookalike := false, false
	for _, r := range word {
		switch {
		case unicode.Is(unicode.Mn, r):
			// accents are dropped before the key is compared
		case unicode.Is(unicode.Latin, r):
			isLatin = true
		case unicode.Is(unicode.Cyrillic, r) || unicode.Is(unicode.Greek, r):
			if latin(r) == r {
				return false
			}
			lookalike = true
		}
	}
	return isLatin && lookalike
}

// latin returns the Latin letter r imitates, or r: an upper-case letter
// imitates what its upper- or lower-case form does.
func latin(r rune) rune {
	if l, ok := confusables[r]; ok {
		return l
	}
	if l, ok := confusables[unicode.ToLower(r)]; ok {
		return l
	}
	return r
}

// confusables maps Cyrillic and Greek letters to the Latin letters they look
// like in common fonts.
var confusables = map[rune]rune{
	// Cyrillic
	'а': 'a', 'А': 'A', 'В': 'B', 'с': 'c', 'С': 'C', 'ԁ': 'd', 'е': 'e', 'Е': 'E',
	'һ': 'h', 'Н': 'H', 'і': 'i', 'І': 'I', 'ј': 'j', 'Ј': 'J', 'К': 'K', 'М': 'M',
	'о': 'o', 'О': 'O', 'р': 'p', 'Р': 'P', 'ԛ': 'q', 'ѕ': 's', 'Ѕ': 'S', 'Т': 'T',
	'у': 'y', 'Ү': 'Y', 'ԝ': 'w', 'х': 'x', 'Х': 'X', 'ӏ': 'l', 'Ӏ': 'I',
	// Greek
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M',
	'Ν': 'N', 'Ο': 'O', 'ο': 'o', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'ν': 'v',
}
