package evaluate

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// normName folds a name the way score.py's norm does, step by step: NFKD,
// combining marks (canonical combining class not 0) dropped, lower case,
// ’ turned into ', "'s" before a word boundary dropped, every run of
// characters other than [a-z0-9 ] turned into a space, spaces collapsed and
// trimmed, a leading "the " dropped.
//
// It differs from graph.Normalize on purpose: scores must be the ones
// score.py gives.
func normName(s string) string {
	s = norm.NFKD.String(s)

	var b strings.Builder
	for i := 0; i < len(s); {
		p := norm.NFKD.PropertiesString(s[i:])
		n := p.Size()
		if n == 0 {
			n = 1
		}
		if p.CCC() == 0 {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	rs := []rune(strings.ToLower(b.String()))
	for i, r := range rs {
		if r == '\u2019' {
			rs[i] = '\''
		}
	}

	// re.sub(r"'s\b", "", s): \b after "s" holds when the next rune is not a
	// word rune of Python's re (letters, numbers, underscore) or there is none.
	kept := rs[:0:0]
	for i := 0; i < len(rs); i++ {
		if rs[i] == '\'' && i+1 < len(rs) && rs[i+1] == 's' && (i+2 == len(rs) || !pyWord(rs[i+2])) {
			i++
			continue
		}
		kept = append(kept, rs[i])
	}

	// re.sub(r"[^a-z0-9 ]+", " ", s), then re.sub(r"\s+", " ", s).strip().
	var out strings.Builder
	space := false
	for _, r := range kept {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if space && out.Len() > 0 {
				out.WriteByte(' ')
			}
			space = false
			out.WriteRune(r)
			continue
		}
		space = true
	}
	return strings.TrimPrefix(out.String(), "the ")
}

// pyWord reports whether r matches \w in a Python str pattern.
func pyWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}
