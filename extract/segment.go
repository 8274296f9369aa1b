package extract

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/extract/postag"
)

// sentence is one sentence of an article with its tokens.
type sentence struct {
	Index    int
	Para     int  // paragraph number; the headline is paragraph -1
	Headline bool // the title, often in Title Case
	Text     string
	Tokens   []token
}

// token is one word or punctuation mark with its part-of-speech tag.
type token struct {
	Text   string
	Lower  string
	Tag    string
	Quoted bool // inside quotation marks
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "rev": true, "st": true,
	"rep": true, "reps": true, "sen": true, "sens": true, "gov": true, "gen": true, "lt": true,
	"col": true, "capt": true, "cpt": true, "sgt": true, "maj": true, "adm": true, "cmdr": true,
	"jr": true, "sr": true, "no": true, "vs": true, "v": true, "inc": true, "corp": true,
	"ltd": true, "co": true, "bros": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "e.g": true, "i.e": true, "approx": true, "est": true, "ft": true, "mt": true,
	"pres": true, "hon": true, "atty": true, "supt": true, "det": true, "insp": true,
}

// splitSentences splits a paragraph into sentences at ".", "!" and "?" (with
// any closing quotes or brackets), except after abbreviations and initials.
func splitSentences(para string) []string {
	var out []string
	start := 0
	rs := []rune(para)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		end := i + 1
		for end < len(rs) && strings.ContainsRune(`"'”’)]`, rs[end]) {
			end++
		}
		if end < len(rs) && !unicode.IsSpace(rs[end]) {
			continue // "U.S.", "3.5", "Yahoo!Inc"
		}
		next := end
		for next < len(rs) && unicode.IsSpace(rs[next]) {
			next++
		}
		if next >= len(rs) {
			break
		}
		if !startsSentence(rs[next:]) {
			continue
		}
		if r == '.' && noBreakAfter(rs[start:i], rs[next:]) {
			continue
		}
		out = append(out, strings.TrimSpace(string(rs[start:end])))
		start = next
		i = next - 1
	}
	if tail := strings.TrimSpace(string(rs[start:])); tail != "" {
		out = append(out, tail)
	}
	return out
}

// startsSentence reports whether text can begin a sentence: an upper-case
// letter or digit, perhaps after an opening quote or bracket.
func startsSentence(rs []rune) bool {
	for _, r := range rs {
		if strings.ContainsRune(`"'“‘([`, r) {
			continue
		}
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

// noBreakAfter reports whether the full stop after before belongs to an
// abbreviation or an initial rather than ending the sentence.
func noBreakAfter(before, after []rune) bool {
	j := len(before)
	for j > 0 && !unicode.IsSpace(before[j-1]) && !strings.ContainsRune(`("'“`, before[j-1]) {
		j--
	}
	word := string(before[j:])
	lw := strings.ToLower(word)
	if abbreviations[lw] {
		return true
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return true // an initial: "George W. Bush"
	}
	if strings.Contains(word, ".") { // "U.S." ends a sentence only before a sentence opener
		nextWord := strings.ToLower(strings.TrimLeft(firstWord(after), `"'“‘(`))
		return !sentenceOpeners[nextWord]
	}
	return false
}

func firstWord(rs []rune) string {
	s := string(rs)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// sentenceOpeners are words that begin sentences far more often than they
// follow an abbreviation inside one.
var sentenceOpeners = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "i": true, "but": true, "and": true, "this": true, "that": true, "in": true,
	"on": true, "at": true, "as": true, "if": true, "when": true, "after": true, "there": true,
	"his": true, "her": true, "their": true, "its": true, "however": true, "meanwhile": true,
}

// tagger tokenizes and tags sentences. Its tag is postag's, which has
// prose's model held densely; the benchmarks put prose's own in its place.
type tagger struct {
	tag  func(dst []postag.Token, text string) []postag.Token
	bufs sync.Pool // of *[]postag.Token
}

func newTagger() (*tagger, error) {
	pos, err := postag.New()
	if err != nil {
		return nil, err
	}
	return &tagger{tag: pos.Tag}, nil
}

// tokens tokenizes and tags one sentence, marking tokens inside quotes;
// quoted says whether the sentence starts inside a quotation, and the result
// whether it ends inside one.
func (t *tagger) tokens(text string, quoted bool) ([]token, bool, error) {
	buf, _ := t.bufs.Get().(*[]postag.Token)
	if buf == nil {
		buf = new([]postag.Token)
	}
	pt := t.tag((*buf)[:0], tagReady(text))
	defer func() {
		clear(pt) // let the sentence's strings go
		*buf = pt[:0]
		t.bufs.Put(buf)
	}()
	// prose leaves a sentence's final full stop on the last word ("Ali.").
	for i := len(pt) - 1; i >= 0; i-- {
		w := pt[i].Text
		if isQuote(w) || w == ")" {
			continue
		}
		if len(w) > 2 && strings.HasSuffix(w, ".") && !strings.Contains(w[:len(w)-1], ".") && !abbreviations[strings.ToLower(w[:len(w)-1])] {
			pt[i].Text = w[:len(w)-1]
			pt = slices.Insert(pt, i+1, postag.Token{Text: ".", Tag: "."})
		}
		break
	}
	out := make([]token, 0, len(pt))
	for i, p := range pt {
		txt := p.Text
		if txt == "." && isInitialStop(pt, i) {
			// The tokenizer cuts the full stop off a middle initial: "Robert
			// M. Danin" is one name.
			out[len(out)-1].Text += "."
			out[len(out)-1].Tag = "NNP"
			continue
		}
		if isQuote(txt) {
			// A quotation running on into a new sentence or paragraph opens
			// again with a quote mark: it stays open.
			if !(quoted && len(out) == 0) {
				quoted = !quoted
			}
			out = append(out, token{Text: `"`, Lower: `"`, Tag: "``"})
			continue
		}
		if strings.ContainsRune(txt, nameApostrophe) {
			txt = strings.ReplaceAll(txt, string(nameApostrophe), "'")
		}
		out = append(out, token{Text: txt, Tag: p.Tag, Quoted: quoted})
	}
	setLower(out)
	retagPluralNouns(out)
	return out, quoted, nil
}

// pluralNouns are plural nouns the tagger reads as verbs after a name that
// qualifies them: in "the Tory plans" and "the Labour claims" the name is a
// modifier and the word a noun, where "Labour plans to cut" has a verb.
var pluralNouns = map[string]bool{
	"plans": true, "claims": true, "proposals": true, "promises": true, "policies": true, "cuts": true,
	"attacks": true, "comments": true, "remarks": true, "reforms": true, "rules": true, "talks": true,
	"figures": true, "pledges": true, "accusations": true, "demands": true, "calls": true, "threats": true,
}

// retagPluralNouns makes a noun of such a word tagged VBZ after "the" (or a
// possessive) and proper nouns, unless what follows makes it a verb ("the
// BBC plans to", "the Tory claims that").
func retagPluralNouns(toks []token) {
	for i := 2; i < len(toks); i++ {
		t := &toks[i]
		if t.Tag != "VBZ" || !pluralNouns[t.Lower] || toks[i-1].Tag != "NNP" && toks[i-1].Tag != "NNPS" {
			continue
		}
		k := i - 1
		for k > 0 && (toks[k].Tag == "NNP" || toks[k].Tag == "NNPS" || toks[k].Tag == "JJ" || toks[k].Text == `"`) {
			k-- // "the Tory plans", "criticised "extravagant" Tory promises"
		}
		if toks[k].Tag != "DT" && toks[k].Tag != "PRP$" && toks[k].Tag != "POS" && !(toks[k].Tag == "VBD" && k < i-2) {
			continue
		}
		if i+1 < len(toks) {
			switch n := toks[i+1]; {
			case n.Lower == "to", n.Lower == "that", n.Tag == "DT", n.Tag == "PRP", n.Tag == "PRP$", n.Tag == "NNP", n.Tag == "CD":
				continue
			}
		}
		t.Tag = "NNS"
	}
}

// isInitialStop reports whether the full stop at pt[i] ends an initial
// inside a name: a single capital letter after a capitalised word and
// before one ("Robert M. Danin", "J. R. R. Tolkien"), where the sentence
// splitter saw no sentence end.
func isInitialStop(pt []postag.Token, i int) bool {
	if i < 2 || i+1 >= len(pt) {
		return false
	}
	letter, before, after := pt[i-1].Text, pt[i-2].Text, pt[i+1].Text
	capital := func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return utf8.RuneCountInString(letter) == 1 && capital(letter) && capital(before) && capital(after) &&
		!sentenceOpeners[strings.ToLower(after)]
}

// nameApostrophe stands in for an apostrophe inside a name while a sentence
// is tagged: the tokenizer splits "'re" off "O'Reilly" and loses the rest.
// It is a letter (U+02BC), so the name stays one word; tokens puts the
// apostrophe back.
const nameApostrophe = '\u02BC'

// tagReady prepares a sentence for the tokenizer: a space after a comma that
// runs into a word ("Commission,Zhang Youxia,the"), and apostrophes between a
// letter and a capital ("O'Reilly", "N'Dour") kept inside the word.
func tagReady(text string) string {
	if !strings.ContainsAny(text, ",'’") {
		return text
	}
	rs := []rune(text)
	var b strings.Builder
	b.Grow(len(text) + 8)
	for i, r := range rs {
		inside := i > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i-1])
		switch {
		case (r == '\'' || r == '’') && inside && unicode.IsUpper(rs[i+1]):
			b.WriteRune(nameApostrophe)
		case r == ',' && inside && unicode.IsLetter(rs[i+1]):
			b.WriteString(", ")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// setLower sets the Lower of every token to strings.ToLower(Text), with one
// allocation for the sentence rather than one a word.
func setLower(toks []token) {
	n := 0
	for i := range toks {
		if w := toks[i].Text; isASCII(w) && hasASCIIUpper(w) {
			n += len(w)
		}
	}
	var b strings.Builder
	b.Grow(n)
	for i := range toks {
		w := toks[i].Text
		switch {
		case toks[i].Lower != "":
		case !isASCII(w):
			toks[i].Lower = strings.ToLower(w)
		case !hasASCIIUpper(w):
			toks[i].Lower = w
		default:
			start := b.Len()
			for j := 0; j < len(w); j++ {
				c := w[j]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
			// Earlier strings of a Builder stay valid as it grows.
			toks[i].Lower = b.String()[start:]
		}
	}
}

func hasASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isQuote(s string) bool {
	switch s {
	case `"`, "“", "”", "``", "''":
		return true
	}
	return false
}
