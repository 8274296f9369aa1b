// Package postag tokenizes English text and tags each token with its part of
// speech exactly as prose v2 does, from prose's own averaged-perceptron model,
// but with the model held in dense tables: no map or string is built per
// token, and ties between tags are broken in a fixed order, so the same text
// always gets the same tags. prose's choice between tied tags depends on Go's
// map order, so prose itself may tag such a token differently from run to
// run; and where prose panics (a contraction found past the end of a word
// whose lower case is longer than the word), postag keeps the word whole.
//
// The model is embedded in a binary form made from prose's (model.bin,
// rewritten by go test -run TestModelFile -update).
package postag

import (
	"fmt"
	"math"
	"math/bits"
	"regexp"
	"strings"
	"sync"
)

// Token is one word or punctuation mark and its Penn Treebank tag.
type Token struct {
	Text string
	Tag  string
}

// Tagger tokenizes and tags text. It is safe for concurrent use.
type Tagger struct {
	m *model
	// Tag ids of prose's rules and of the start of a sentence.
	tagHyphen, tagSym, tagNN, tagNone, tagEmpty, tagStart, tagStart2 int32
	// Scores after the bias feature, and which labels it sets.
	biasScores [maxLabels]float64
	biasSeen   uint64
	// Context of the padding words and of the normalized classes of words.
	start, start2, end, end2, hyphen, year, digits context
	pool                                           sync.Pool // of *scratch
}

// context is one word of a sentence as the features see it: its normalized
// form and that form's suffix, interned (-1 when the model has no such string).
type context struct {
	word, suffix int32
}

// New returns a Tagger with prose's model, loaded from its embedded binary
// form.
func New() (*Tagger, error) {
	m, err := decodeModel(modelFile)
	if err != nil {
		return nil, err
	}
	return newTagger(m)
}

func newTagger(m *model) (*Tagger, error) {
	t := &Tagger{m: m}
	for _, r := range []struct {
		id  *int32
		tag string
	}{
		{&t.tagHyphen, "-"}, {&t.tagSym, "SYM"}, {&t.tagNN, "NN"}, {&t.tagNone, "-NONE-"},
		{&t.tagEmpty, ""}, {&t.tagStart, "-START-"}, {&t.tagStart2, "-START2-"},
	} {
		if *r.id = m.tagID(r.tag); *r.id < 0 {
			return nil, fmt.Errorf("%w: no tag %q", errModelCorrupt, r.tag)
		}
	}
	for _, c := range []struct {
		c *context
		s string
	}{
		{&t.start, "-START-"}, {&t.start2, "-START2-"}, {&t.end, "-END-"}, {&t.end2, "-END2-"},
		{&t.hyphen, "!HYPHEN"}, {&t.year, "!YEAR"}, {&t.digits, "!DIGITS"},
	} {
		*c.c = context{word: lookup(m, c.s), suffix: lookup(m, c.s[len(c.s)-min(3, len(c.s)):])}
	}
	if m.bias != noRow {
		for k := m.rowStart[m.bias]; k < m.rowStart[m.bias+1]; k++ {
			l := m.weightLabel[k]
			t.biasScores[l] += m.weightValue[k]
			t.biasSeen |= 1 << l
		}
	}
	t.pool.New = func() any { return &scratch{spans: map[string]tokenRange{}} }
	return t, nil
}

// scratch holds the buffers of one call, reused through the pool.
type scratch struct {
	words    []string
	alias    []int32 // see tokenize
	suffixes []string
	spans    map[string]tokenRange
	ctx      []context // two before, the words, two after
	tags     []int32   // tag id of each token, -1 when it is the word itself
	lower    []byte
	last     []int32 // for each token that others alias, the last of them

	// Set by tests: the tokens where the top scores tie, and the tags to
	// choose there instead of the first.
	ties   []tie
	choose map[int]int32
}

// tie is a token whose best tags have equal scores, up to rounding.
type tie struct {
	pos  int
	tags []int32
}

// Tag appends the tokens of text, each with its part-of-speech tag, to dst
// and returns the extended slice.
func (t *Tagger) Tag(dst []Token, text string) []Token {
	s := t.pool.Get().(*scratch)
	dst = t.tag(dst, text, s)
	clear(s.words) // keep no text alive in the pool
	clear(s.spans)
	t.pool.Put(s)
	return dst
}

func (t *Tagger) tag(dst []Token, text string, s *scratch) []Token {
	s.words, s.alias = s.words[:0], s.alias[:0]
	s.tokenize(text)
	n := len(s.words)
	if n == 0 {
		return dst
	}
	s.ctx = append(s.ctx[:0], t.start, t.start2)
	for _, w := range s.words {
		s.ctx = append(s.ctx, t.normalize(w, s))
	}
	s.ctx = append(s.ctx, t.end, t.end2)
	s.tags = s.tags[:0]
	p1, p2 := t.tagStart, t.tagStart2
	for i, w := range s.words {
		tag := t.rule(w)
		if tag == ruleNone {
			if id := lookup(t.m, w); id >= 0 && t.m.lexTag[id] >= 0 {
				tag = int32(t.m.lexTag[id])
			} else {
				tag = t.predict(s, i, w, p1, p2)
			}
		}
		s.tags = append(s.tags, tag)
		p2, p1 = p1, tag
		if tag == ruleWord {
			p1 = t.m.tagID(w) // -1 when no feature names it
		}
	}
	// A token ends with the tag of its last alias (see tokenize).
	s.last = s.last[:0]
	for range n {
		s.last = append(s.last, 0)
	}
	for i, a := range s.alias {
		s.last[a] = int32(i)
	}
	for i, w := range s.words {
		tag := w
		if id := s.tags[s.last[s.alias[i]]]; id != ruleWord {
			tag = t.m.tags[id]
		}
		dst = append(dst, Token{Text: w, Tag: tag})
	}
	return dst
}

// ruleNone says that none of prose's rules tags a word; ruleWord that the
// word is its own tag.
const (
	ruleNone = -2
	ruleWord = -1
)

// Regular expressions of prose's rules: commonregex's link and e-mail
// patterns and prose's pattern of empty elements. They run only on words
// that could match them.
var (
	linkPattern  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(linkExpr) })
	emailPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(emailExpr) })
	nonePattern  = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	})
)

// linkExpr and emailExpr are commonregex.LinkPattern and EmailPattern
// (github.com/mingrammer/commonregex v1.0.1, which prose uses), copied so
// that its other patterns are not compiled at start-up; a test checks them.
const (
	linkExpr  = `(?:(?:https?:\/\/)?(?:[a-z0-9.\-]+|www|[a-z0-9.\-])[.](?:[^\s()<>]+|\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\))+(?:\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\)|[^\s!()\[\]{};:\'".,<>?]))`
	emailExpr = `(?i)([A-Za-z0-9!#$%&'*+\/=?^_{|.}~-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)`
)

// rule returns the tag prose's rules give word w before its model is asked:
// "-" for "-", SYM for emoticons, NN for links, e-mail addresses and
// handles, -NONE- for empty elements, the word itself for -LRB- and the
// like; ruleNone when none applies.
func (t *Tagger) rule(w string) int32 {
	switch {
	case w == "-":
		return t.tagHyphen
	case emoticons[w]:
		return t.tagSym
	case mayBeLink(w) && linkPattern().MatchString(w),
		strings.IndexByte(w, '@') >= 0 && (w[0] == '@' || emailPattern().MatchString(w)):
		return t.tagNN
	case (w == "0" || w[0] == '*') && nonePattern().MatchString(w):
		return t.tagNone
	case isBracketTag(w):
		return ruleWord
	}
	return ruleNone
}

// mayBeLink reports whether linkExpr can match w: it needs a full stop after
// a lower-case letter, digit, full stop or hyphen, and two bytes after it.
func mayBeLink(w string) bool {
	for i := 1; i+2 < len(w); i++ {
		if w[i] == '.' {
			c := w[i-1]
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '.' || c == '-' {
				return true
			}
		}
	}
	return false
}

// isBracketTag matches ^\-[A-Z]{3}\-$ ("-LRB-").
func isBracketTag(w string) bool {
	if len(w) != 5 || w[0] != '-' || w[4] != '-' {
		return false
	}
	for i := 1; i < 4; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// normalize interns prose's normalized form of a word: !HYPHEN for a word
// with a hyphen inside, !YEAR for four digits (with an optional sign),
// !DIGITS for a word that starts with a digit, else the word in lower case.
func (t *Tagger) normalize(w string, s *scratch) context {
	switch { // w is not empty: tokenize makes no empty tokens
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return t.hyphen
	case len(w) == 4 && isInt(w):
		return t.year
	case '0' <= w[0] && w[0] <= '9':
		return t.digits
	}
	s.lower = appendLower(s.lower[:0], w)
	return context{word: lookup(t.m, s.lower), suffix: lookup(t.m, s.lower[len(s.lower)-min(3, len(s.lower)):])}
}

// isInt reports whether strconv.Atoi accepts s, a string too short to
// overflow: a sign, perhaps, and digits.
func isInt(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// appendLower appends strings.ToLower(w) to b.
func appendLower(b []byte, w string) []byte {
	if isASCII(w) {
		for i := 0; i < len(w); i++ {
			b = append(b, lowerASCII(w[i]))
		}
		return b
	}
	return append(b, strings.ToLower(w)...)
}

// nearTie is how close two scores must be to count as tied. Weights have
// three decimals, so different sums differ by 0.001 at least; equal sums
// differ by rounding only.
const nearTie = 1e-6

// predict is prose's averagedPerceptron.predict(featurize(...)) for token i
// (word w, previous tags p1 and p2): the label with the highest sum of the
// weights of the features. The weights are added feature by feature in
// prose's order of features and labels are compared in the model's order, so
// that equal scores always give the same label.
func (t *Tagger) predict(s *scratch, i int, w string, p1, p2 int32) int32 {
	m := t.m
	c := s.ctx[i:] // c[2] is the word
	// The bias comes first, onto zero scores: its weights are the scores
	// after it.
	scores, seen := t.biasScores, t.biasSeen
	var rows [13]int32
	rows[0] = m.stringRow(lookup(m, w[len(w)-min(3, len(w)):]), featSuffix)
	rows[1] = m.pref1[w[0]]
	rows[2], rows[3], rows[4] = noRow, noRow, noRow
	if p1 >= 0 {
		rows[2] = m.prevTag[p1]
	}
	if p2 >= 0 {
		rows[3] = m.prev2Tag[p2]
	}
	if p1 >= 0 && p2 >= 0 {
		rows[4] = m.tagPair[int(p1)*len(m.tags)+int(p2)]
	}
	rows[5] = m.stringRow(c[2].word, featWord)
	rows[6] = m.prevTagWordRowOf(p1, c[2].word)
	rows[7] = m.stringRow(c[1].word, featPrevWord)
	rows[8] = m.stringRow(c[1].suffix, featPrevSuffix)
	rows[9] = m.stringRow(c[0].word, featPrev2Word)
	rows[10] = m.stringRow(c[3].word, featNextWord)
	rows[11] = m.stringRow(c[3].suffix, featNextSuffix)
	rows[12] = m.stringRow(c[4].word, featNext2Word)

	for _, r := range rows {
		if r == noRow {
			continue
		}
		start, end := m.rowStart[r], m.rowStart[r+1]
		labels, values := m.weightLabel[start:end], m.weightValue[start:end]
		for k, l := range labels {
			scores[l&(maxLabels-1)] += values[k]
			seen |= 1 << (l & (maxLabels - 1))
		}
	}
	if seen == 0 {
		return t.tagEmpty // prose's max of no scores
	}
	best, bestScore := int32(-1), math.Inf(-1)
	for set := seen; set != 0; set &= set - 1 {
		l := bits.TrailingZeros64(set)
		if scores[l] > bestScore {
			best, bestScore = int32(l), scores[l]
		}
	}
	if s.choose != nil {
		var tied []int32
		for set := seen; set != 0; set &= set - 1 {
			if l := bits.TrailingZeros64(set); bestScore-scores[l] <= nearTie {
				tied = append(tied, int32(l))
			}
		}
		if len(tied) > 1 {
			s.ties = append(s.ties, tie{pos: i, tags: tied})
			if c, ok := s.choose[i]; ok {
				best = c
			}
		}
	}
	return best
}
