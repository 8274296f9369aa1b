// Package extract turns the text of a news article into an actor graph: people,
// countries and organizations, and the MET_WITH, ADVISES and CRITICIZED
// relationships between them, each with the sentences that support it and the
// rule that found it.
//
// The pipeline is a straight line, one file a step: clean (markup and page
// furniture out), segment (sentences and tagged tokens), mentions (names,
// demonyms, roles, pronouns), resolve (one actor per entity, with aliases),
// rules (relation patterns: rules_met.go, rules_advise.go, rules_criticize.go
// and speech.go, over the clause view of clause.go), then the graph.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/extract/relate"
	"github.com/actorgraph/actorgraph/graph"
)

// Errors for input that is not an article.
var (
	// ErrEmpty is returned for input that holds no text once cleaned.
	ErrEmpty = errors.New("no article text")
	// ErrBinary is returned for input that is not UTF-8 text.
	ErrBinary = errors.New("not a text file")
)

// Extractor extracts graphs from articles. It loads its lexicons and models
// once; it is safe for concurrent use.
type Extractor struct {
	lx            *lexicon
	tg            *tagger
	model         *relate.Model
	minConfidence float64
	places        *gazetteer
}

// Option changes how an Extractor decides.
type Option func(*Extractor)

// WithModel makes the Extractor use another relation model than the one
// that ships with it.
func WithModel(m *relate.Model) Option {
	return func(x *Extractor) { x.model, x.minConfidence = m, m.Threshold }
}

// WithMinConfidence sets the confidence a relationship needs (0 to 1); the
// default is the model's own threshold, chosen when it was trained.
func WithMinConfidence(c float64) Option {
	return func(x *Extractor) { x.minConfidence = c }
}

// New returns an Extractor with its lexicons and models loaded.
func New(opts ...Option) (*Extractor, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	tg, err := newTagger()
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	m, err := relate.Default()
	if err != nil {
		return nil, err
	}
	places, err := loadPlaces()
	if err != nil {
		return nil, err
	}
	x := &Extractor{lx: lx, tg: tg, model: m, minConfidence: m.Threshold, places: places}
	for _, o := range opts {
		o(x)
	}
	return x, nil
}

// MinConfidence returns the confidence a relationship needs.
func (x *Extractor) MinConfidence() float64 { return x.minConfidence }

// Extract reads one article. source is where it came from (a path or URL) and
// is recorded on the article; text is its raw content.
func (x *Extractor) Extract(source string, text []byte) (*graph.Graph, error) {
	a, err := x.analyze(source, text)
	if err != nil {
		return nil, err
	}
	// The rules' finds are judged with the model's candidates in decide.
	edges := x.decide(a.views, a.rules)
	a.g.Relations = toRelations(edges, a.sents, a.g.Entities, a.index, a.g.Articles[0].ID)
	x.timeAndPlace(a.g.Relations, a.sents, a.g.Articles[0].Published)
	return a.g, nil
}

// Candidate is a pair of actors named in one sentence, as the relation model
// sees it: for training and evaluating the model.
type Candidate struct {
	Sentence string
	Headline bool
	A, B     string // entity ids; A is named first
	Features []string
	Rules    [relate.NumLabels]string // for each label of relate.Labels, a rule that found it, or ""
}

// Candidates reads one article as Extract does, and returns its graph
// without relationships, and every candidate pair of actors.
func (x *Extractor) Candidates(source string, text []byte) (*graph.Graph, []Candidate, error) {
	a, err := x.analyze(source, text)
	if err != nil {
		return nil, nil, err
	}
	var out []Candidate
	for i := range a.views {
		for _, c := range relate.Candidates(&a.views[i]) {
			ai, bi := a.index[c.A], a.index[c.B]
			if ai < 0 || bi < 0 {
				continue
			}
			s := a.sents[c.Sent]
			out = append(out, Candidate{Sentence: s.Text, Headline: s.Headline, A: a.g.Entities[ai].ID, B: a.g.Entities[bi].ID, Features: c.Features, Rules: c.Rules})
		}
	}
	return a.g, out, nil
}

// analysis is an article read up to the relation decision.
type analysis struct {
	g     *graph.Graph // articles, entities and mentions
	sents []sentence
	index []int // resolver index -> entity index, or -1
	views []relate.Sentence
	rules []edge // what the hand-written rules found
}

func (x *Extractor) analyze(source string, text []byte) (a *analysis, err error) {
	// prose reports some failures by panicking; keep them an error.
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("internal error: %v", r)
		}
	}()
	if !isText(text) {
		return nil, ErrBinary
	}
	doc := clean(string(text))
	if doc.Title == "" && len(doc.Paragraphs) == 0 {
		return nil, ErrEmpty
	}
	art := graph.Article{ID: graph.ArticleID(text), Source: source, Title: doc.Title, Published: doc.Published}

	sents, err := x.segment(doc)
	if err != nil {
		return nil, fmt.Errorf("tag %s: %w", source, err)
	}
	ms, res := x.resolve(sents)
	entities, index := res.entities()

	g := &graph.Graph{Articles: []graph.Article{art}, Entities: entities}
	for _, e := range entities {
		g.Mentions = append(g.Mentions, graph.Mention{Article: art.ID, Entity: e.ID})
	}
	types := make([]graph.EntityType, len(res.actors))
	for i, ac := range res.actors {
		types[i] = ac.Type
	}
	found, views := x.relate(sents, ms, index, res.parties(), types)
	return &analysis{g: g, sents: sents, index: index, views: views, rules: found}, nil
}

// resolve finds the actor mentions of the sentences and resolves them: the
// names of the body first, then the headline's against them, then the
// references (pronouns, roles, "the firm").
func (x *Extractor) resolve(sents []sentence) ([][]mention, *resolver) {
	finder := &mentionFinder{lx: x.lx, lower: lowerWords(sents)}
	finder.teams = finder.teamNames(sents)
	ms := make([][]mention, len(sents))
	for i := range sents {
		if !sents[i].Headline {
			ms[i] = finder.find(&sents[i])
		}
	}
	res := newResolver(x.lx, sents)
	res.resolveNames(ms)
	for i := range sents {
		if sents[i].Headline {
			ms[i] = finder.headline(&sents[i], res)
		}
	}
	res.resolveReferences(ms)
	return ms, res
}

// isText reports whether b is UTF-8 text rather than a binary file.
func isText(b []byte) bool {
	if !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
		return false
	}
	ctrl := 0
	for _, r := range string(b) {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			ctrl++
		}
	}
	return ctrl*100 <= len(b)
}

// segment splits the document into tagged sentences, the title first.
func (x *Extractor) segment(doc document) ([]sentence, error) {
	var out []sentence
	add := func(text string, para int, headline bool, quoted bool) (bool, error) {
		toks, end, err := x.tg.tokens(text, quoted)
		if err != nil {
			return false, err
		}
		out = append(out, sentence{Index: len(out), Para: para, Headline: headline, Text: text, Tokens: toks})
		return end, nil
	}
	if doc.Title != "" {
		if _, err := add(doc.Title, -1, true, false); err != nil {
			return nil, err
		}
	}
	for p, para := range doc.Paragraphs {
		quoted := false
		for _, s := range splitSentences(para) {
			var err error
			if quoted, err = add(s, p, false, quoted); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// lowerWords collects the words an article writes in lower case, so that a
// capitalised "Video" at the start of a sentence is not taken for a name.
func lowerWords(sents []sentence) map[string]bool {
	out := map[string]bool{}
	for _, s := range sents {
		for i, t := range s.Tokens {
			if i > 0 && t.Text == t.Lower && hasLetter(t.Text) {
				out[t.Lower] = true
			}
		}
	}
	return out
}

// headline finds mentions in a title, which is often in Title Case: only
// lexicon names and the names of people the article names in its body.
func (f *mentionFinder) headline(s *sentence, res *resolver) []mention {
	var out []mention
	toks := s.Tokens
	for i := 0; i < len(toks); {
		r, _ := utf8.DecodeRuneInString(toks[i].Text)
		if !unicode.IsUpper(r) {
			i++
			continue
		}
		if k, m, ok := f.lexiconAt(s, i, len(toks)); ok {
			m.Entity = res.add(m.Type, m.Canonical)
			out = append(out, m)
			i = k
			continue
		}
		if e, n := res.personAt(toks, i); n > 0 {
			out = append(out, mention{Sent: s.Index, Start: i, End: i + n, Name: joinTokens(toks[i : i+n]), Type: graph.Person, Kind: byName, Entity: e})
			i += n
			continue
		}
		i++
	}
	f.markContext(s, out)
	return out
}

// personAt matches the name of a known person at token i: the full name, the
// surname or the first name. It returns the actor and the tokens used.
func (r *resolver) personAt(toks []token, i int) (int, int) {
	for k, a := range r.actors {
		if a.Type != graph.Person || !a.Strong {
			continue
		}
		words := strings.Fields(a.Name)
		if i+len(words) <= len(toks) && joinTokens(toks[i:i+len(words)]) == a.Name {
			return k, len(words)
		}
	}
	for _, pick := range []func([]string) string{last, first} {
		found, n := -1, 0
		for k, a := range r.actors {
			if a.Type == graph.Person && a.Strong && len(strings.Fields(a.Name)) > 1 && pick(strings.Fields(a.Name)) == toks[i].Text {
				found, n = k, n+1
			}
		}
		if n == 1 {
			return found, 1
		}
	}
	return -1, 0
}

// relate runs every rule on every sentence, and returns what they found
// together with what the relation model sees of each sentence.
func (x *Extractor) relate(sents []sentence, ms [][]mention, index []int, party map[int]int, types []graph.EntityType) ([]edge, []relate.Sentence) {
	var out []edge
	views := make([]relate.Sentence, len(sents))
	carried := -1
	var criticized map[int]bool
	for i := range sents {
		s := &sents[i]
		var kept []mention
		for _, m := range ms[i] {
			if m.Entity >= 0 && index[m.Entity] >= 0 {
				kept = append(kept, m)
			}
		}
		c := &clauseView{lx: x.lx, sent: s, ms: kept, aside: asides(s), carriedSpeaker: -1, criticized: criticized, party: party}
		spk, at := c.speaker()
		if spk < 0 && i > 0 && sents[i-1].Para == s.Para && len(s.Tokens) > 0 && (s.Tokens[0].Text == `"` || s.Tokens[0].Quoted) {
			c.carriedSpeaker = carried
		}
		var found []edge
		for _, r := range rules {
			found = append(found, r.Apply(c)...)
		}
		found = c.withoutFixtures(found)
		out = append(out, found...)
		if spk < 0 {
			spk, at = c.carriedSpeaker, -1
		}
		views[i] = x.view(c, spk, at, found, types)
		if i > 0 && spk >= 0 && sents[i-1].Para == s.Para {
			views[i].Context = context(&views[i-1], &views[i])
		}
		if spk >= 0 && at >= 0 {
			carried = spk
		} else if c.carriedSpeaker < 0 {
			carried = -1
		}
		criticized = criticizedTargets(c)
	}
	return out, views
}

// asideOpeners start a comma-bounded aside: "X, the head of Y, said",
// "Euronext, which combines ..., began".
var asideOpeners = map[string]bool{"the": true, "a": true, "an": true, "who": true, "which": true, "whose": true, "where": true, "its": true, "his": true, "her": true}

// asides marks the tokens inside brackets and comma-bounded asides.
func asides(s *sentence) []bool {
	toks := s.Tokens
	out := make([]bool, len(toks))
	depth := 0
	for i, t := range toks {
		switch t.Text {
		case "(":
			depth++
		case ")":
			if depth > 0 {
				depth--
				out[i] = true
				continue
			}
		}
		if depth > 0 {
			out[i] = true
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Text != "," {
			continue
		}
		next := toks[i+1]
		if !asideOpeners[next.Lower] && next.Tag != "VBN" {
			continue
		}
		relative := next.Tag == "WDT" || next.Tag == "WP" || next.Tag == "WP$"
		j := i + 1
		for j < len(toks) && toks[j].Text != "." && toks[j].Text != ";" && toks[j].Text != `"` {
			// A relative clause may hold a list: "which combines the Paris,
			// Amsterdam and Lisbon exchanges, also began".
			if toks[j].Text == "," && !(relative && j+1 < len(toks) && isCapital(toks[j+1].Text)) {
				break
			}
			j++
		}
		if j < len(toks) && toks[j].Text == "," {
			for k := i + 1; k < j; k++ {
				out[k] = true
			}
			i = j - 1
		}
	}
	return out
}

func isCapital(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// toRelations merges edges by type and ends into relations with evidence.
func toRelations(edges []edge, sents []sentence, ents []graph.Entity, index []int, article string) []graph.Relation {
	byKey := map[string]int{}
	var out []graph.Relation
	for _, e := range edges {
		si, ti := index[e.Source], index[e.Target]
		if si < 0 || ti < 0 || si == ti {
			continue
		}
		r := graph.Relation{Type: e.Rel, Source: ents[si].ID, Target: ents[ti].ID}
		ev := graph.Evidence{Article: article, Sentence: sents[e.Sent].Text, Rule: e.Rule, Score: round(e.Score), Features: e.Features}
		k := r.Key()
		if i, ok := byKey[k]; ok {
			if !hasEvidence(out[i].Evidence, ev) {
				out[i].Evidence = append(out[i].Evidence, ev)
			}
			continue
		}
		byKey[k] = len(out)
		r.Evidence = []graph.Evidence{ev}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Key() < out[j].Key() })
	return out
}

func hasEvidence(evs []graph.Evidence, ev graph.Evidence) bool {
	for _, e := range evs {
		if e.Sentence == ev.Sentence && e.Rule == ev.Rule {
			return true
		}
	}
	return false
}

// round keeps three decimals of a score, so that output is stable.
func round(f float64) float64 { return math.Round(f*1000) / 1000 }
