package extract

// Where an event happened: a place a sentence puts it in ("in Moscow", "at
// the Kremlin", "flew to Florida to meet"), resolved with the lexicon of
// places (lexicon/places.tsv, and the countries and capitals of
// countries.tsv) to its name and country. Places found here are never
// actors; they only say where the evidence happened.

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
)

// The kinds of place, from the most specific.
const (
	placeSeat    = "seat" // a seat of government or landmark: the Kremlin
	placeCity    = "city"
	placeState   = "state" // a state, province or region: Florida
	placeCountry = "country"
)

var placeRank = map[string]int{placeSeat: 4, placeCity: 3, placeState: 2, placeCountry: 1}

// place is one entry of the lexicon of places.
type place struct {
	Name    string
	Kind    string
	City    string // seats: the city they are in, or ""
	Country string // as named in countries.tsv
}

// eventPlace is where the event of a sentence happened.
type eventPlace struct {
	Place   string // the city, state or region, or "" when only the country is known
	Venue   string // the seat or landmark, or ""
	Country string
}

// gazetteer finds places by their normalised names.
type gazetteer struct {
	byName map[string]*place // graph.Normalize of a name or alias
	maxLen int               // longest name, in words
}

var loadPlaces = sync.OnceValues(func() (*gazetteer, error) {
	g := &gazetteer{byName: map[string]*place{}}
	add := func(name string, p *place, override bool) {
		k := graph.Normalize(name)
		if k == "" {
			return
		}
		if _, ok := g.byName[k]; ok && !override {
			return
		}
		g.byName[k] = p
		g.maxLen = max(g.maxLen, len(strings.Fields(k)))
	}
	countries := map[string]bool{}
	err := eachRow("lexicon/countries.tsv", 1, func(cols []string) error {
		c := &place{Name: cols[0], Kind: placeCountry, Country: cols[0]}
		countries[c.Name] = true
		add(c.Name, c, true)
		for _, a := range field(cols, 1) {
			add(a, c, true)
		}
		caps := field(cols, 3)
		for _, capital := range caps {
			p := &place{Name: capital, Kind: placeCity, Country: c.Name}
			if capital[0] == caps[0][0] {
				p.Name = caps[0] // a spelling: "Kiev" is Kyiv; "The Hague" is a city of its own
			}
			add(capital, p, false)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow("lexicon/places.tsv", 5, func(cols []string) error {
		p := &place{Name: cols[0], Kind: cols[2], City: cols[3], Country: cols[4]}
		if placeRank[p.Kind] == 0 || p.Kind == placeCountry {
			return fmt.Errorf("unknown kind %q", p.Kind)
		}
		if !countries[p.Country] {
			return fmt.Errorf("%s: country %q is not in countries.tsv", p.Name, p.Country)
		}
		add(p.Name, p, true)
		for _, a := range field(cols, 1) {
			add(a, p, true)
		}
		return nil
	})
	return g, err
})

// Words around a place that say an event happened there.
var (
	placePreps  = map[string]bool{"in": true, "at": true, "inside": true}
	motionWords = map[string]bool{
		"flew": true, "fly": true, "flies": true, "flying": true, "flown": true,
		"travelled": true, "traveled": true, "travel": true, "travels": true, "travelling": true, "traveling": true,
		"went": true, "go": true, "goes": true, "going": true, "gone": true, "headed": true, "heading": true,
		"came": true, "come": true, "comes": true, "coming": true, "returned": true, "returning": true, "return": true,
		"trip": true, "visit": true, "journey": true, "way": true, "invited": true, "invitation": true, "arrive": true,
	}
	visitVerbs = map[string]bool{"visit": true, "visited": true, "visiting": true, "visits": true, "toured": true, "hosted": true}
	eventNouns = map[string]bool{
		"talks": true, "summit": true, "meeting": true, "meetings": true, "conference": true, "visit": true,
		"negotiations": true, "forum": true, "session": true, "ceremony": true, "dinner": true, "lunch": true,
		"breakfast": true, "trip": true, "stop": true, "stopover": true, "sidelines": true, "press": true,
	}
	// Words before "in" that make the place a setting of something else:
	// "the war in Ukraine", "troops in Crimea".
	notEventWords = map[string]bool{
		"war": true, "invasion": true, "conflict": true, "fighting": true, "crisis": true, "peace": true,
		"troops": true, "forces": true, "offensive": true, "advance": true, "ceasefire": true, "situation": true,
		"election": true, "elections": true, "people": true, "embassy": true, "ambassador": true, "born": true,
		"based": true, "investment": true, "investments": true, "interests": true, "presence": true, "operations": true,
	}
)

// where returns the most specific place the sentence puts an event in, and
// whether it found one.
func (g *gazetteer) where(toks []token) (eventPlace, bool) {
	var best *place
	for i := 0; i < len(toks); i++ {
		p, n := g.at(toks, i)
		if p == nil {
			continue
		}
		if g.eventAt(toks, i, n, p) && (best == nil || placeRank[p.Kind] > placeRank[best.Kind]) {
			best = p
		}
		i += n - 1
	}
	if best == nil {
		return eventPlace{}, false
	}
	switch best.Kind {
	case placeSeat:
		return eventPlace{Place: best.City, Venue: best.Name, Country: best.Country}, true
	case placeCountry:
		return eventPlace{Country: best.Country}, true
	}
	return eventPlace{Place: best.Name, Country: best.Country}, true
}

// at matches the longest place name that starts at token i with a capital.
func (g *gazetteer) at(toks []token, i int) (*place, int) {
	r, _ := utf8.DecodeRuneInString(toks[i].Text)
	if !unicode.IsUpper(r) {
		return nil, 0
	}
	for n := min(g.maxLen*2, len(toks)-i); n > 0; n-- { // tokens: "St." may be two
		if !hasLetter(toks[i+n-1].Text) {
			continue // "Geneva ," is Geneva, one token
		}
		if p, ok := g.byName[graph.Normalize(joinTokens(toks[i:i+n]))]; ok {
			return p, n
		}
	}
	return nil, 0
}

// eventAt reports whether the place at toks[i:i+n] is where something
// happened: after "in" or "at", after "to" following a word of motion,
// as what is visited, or before "talks" or "summit".
func (g *gazetteer) eventAt(toks []token, i, n int, p *place) bool {
	if j := i + n; j < len(toks) {
		next := toks[j]
		r, _ := utf8.DecodeRuneInString(next.Text)
		if unicode.IsUpper(r) || next.Text == "-" || strings.HasPrefix(next.Text, "-") {
			return false // part of a longer name: "the Moscow Times", "Moscow-based"
		}
		if eventNouns[next.Lower] && p.Kind != placeCountry {
			return true
		}
	}
	k := i - 1
	if k >= 0 && toks[k].Lower == "the" {
		k--
	}
	if k < 0 {
		return false
	}
	prep := toks[k].Lower
	switch {
	case placePreps[prep]:
		if k == 0 {
			return true
		}
		// "the regime in Iraq", "constituents in Scotland": a common noun
		// placed, not an event, unless it names one ("talks in Geneva").
		before := toks[k-1]
		if (before.Tag == "NN" || before.Tag == "NNS") && !eventNouns[before.Lower] {
			return false
		}
		return !notEventWords[before.Lower]
	case prep == "to":
		for m := k - 1; m >= 0 && m >= k-3; m-- {
			if motionWords[toks[m].Lower] {
				return true
			}
		}
	case visitVerbs[prep]:
		return true
	}
	return false
}

// timeAndPlace gives every piece of evidence the date and place of its
// sentence: the date resolved against the publication date, the place from
// the lexicon of places.
func (x *Extractor) timeAndPlace(rels []graph.Relation, sents []sentence, published string) {
	bySentence := map[string]*sentence{}
	for i := range sents {
		bySentence[sents[i].Text] = &sents[i]
	}
	for i := range rels {
		for j := range rels[i].Evidence {
			ev := &rels[i].Evidence[j]
			d := when(ev.Sentence, published)
			ev.Date, ev.DatePrecision, ev.DatePhrase = d.Date, d.Precision, d.Phrase
			if s := bySentence[ev.Sentence]; s != nil && x.places != nil {
				if p, ok := x.places.where(s.Tokens); ok {
					ev.Place, ev.Venue, ev.Country = p.Place, p.Venue, p.Country
				}
			}
		}
	}
}
