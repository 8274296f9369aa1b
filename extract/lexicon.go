package extract

import (
	"bufio"
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

//go:embed lexicon/*.tsv lexicon/*.txt
var lexiconFS embed.FS

// entry is one lexicon item: an actor with every name it goes by.
type entry struct {
	Type graph.EntityType
	Name string // canonical name
	Kind string // organizations: international, government, party, media, ...
}

// lexicon holds the general word lists the extractor consults. Keys of the
// phrase maps are token sequences joined by single spaces, as written
// (case-sensitive), with a lower-cased copy for words that are not acronyms.
type lexicon struct {
	actors         map[string]*entry // country and organization names and aliases
	demonyms       map[string]*entry // "Russian", "Russians" -> Russia
	capitals       map[string]*entry // "Kyiv" -> Ukraine
	nonactors      map[string]string // places that are never actors -> kind
	titles         map[string]bool   // lower case: "president", "secretary of state"
	orgHeads       map[string]bool   // last words that make a name an organization
	common         map[string]bool   // capitalised words that are not names on their own
	acronyms       map[string]bool   // all-caps words that are not organizations (CEO, GDP)
	triggers       map[string]trigger
	negative       map[string]bool     // words that make a quoted remark critical
	given          map[string]bool     // lower-cased given names: "vladimir", "tony"
	orgNouns       map[string]bool     // "bank" in "UK bank Barclays"
	thingHeads     map[string]bool     // "treaty" in "Energy Charter Treaty": not an actor
	broken         map[string]bool     // "promise": breaking it is criticised
	speech         map[string]bool     // "said", "told": verbs that report speech
	criticismNouns map[string]bool     // "criticism": criticism reported without its critic
	joinVerbs      map[string]bool     // "held" in "held talks with"
	attackNouns    map[string]bool     // "attack" in "an attack on Y"
	legalNouns     map[string]bool     // "lawsuit" in "a lawsuit against Y"
	leaders        map[string]bool     // "president": "the president" is one person
	ofRoles        map[string]bool     // "owner" in "owner of Liffe": an organization follows
	workNouns      map[string]bool     // "film" in "the film Vera Drake": a work, not a person
	bandNouns      map[string]bool     // "band" in "the band Franz Ferdinand": an organization
	personNouns    map[string]bool     // "sprinter" in "sprinter Dwain Chambers": a person
	relationNouns  map[string]bool     // "counterpart", "supporters": people by their relation to others
	abbrevs        map[string]*entry   // "SA" -> South Africa, when written on its own
	cues           map[string][]string // word classes the relation model weighs ("met": meet)
	valence        map[string]float64  // sentiment of a word, -4 to 4 (VADER)
	teamWords      map[string][]string // "coach": after; words that make a place a team's name

	firstWords map[string]bool // first words of the actor, demonym and place phrases

	maxPhrase int // longest phrase in tokens
}

// trigger is a word that can signal a relationship.
type trigger struct {
	Rel  graph.RelationType
	Kind string // verb, noun, role
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{
		actors:         map[string]*entry{},
		demonyms:       map[string]*entry{},
		capitals:       map[string]*entry{},
		nonactors:      map[string]string{},
		titles:         map[string]bool{},
		orgHeads:       map[string]bool{},
		common:         map[string]bool{},
		acronyms:       map[string]bool{},
		triggers:       map[string]trigger{},
		negative:       map[string]bool{},
		given:          map[string]bool{},
		orgNouns:       map[string]bool{},
		thingHeads:     map[string]bool{},
		broken:         map[string]bool{},
		speech:         map[string]bool{},
		criticismNouns: map[string]bool{},
		joinVerbs:      map[string]bool{},
		attackNouns:    map[string]bool{},
		legalNouns:     map[string]bool{},
		leaders:        map[string]bool{},
		ofRoles:        map[string]bool{},
		workNouns:      map[string]bool{},
		bandNouns:      map[string]bool{},
		personNouns:    map[string]bool{},
		relationNouns:  map[string]bool{},
		abbrevs:        map[string]*entry{},
		cues:           map[string][]string{},
		teamWords:      map[string][]string{},
		valence:        map[string]float64{},

		firstWords: map[string]bool{},
	}
	err := eachRow("lexicon/countries.tsv", 1, func(c []string) error {
		e := &entry{Type: graph.Country, Name: c[0]}
		lx.addActor(c[0], e)
		for _, a := range field(c, 1) {
			lx.addActor(a, e)
		}
		for _, d := range field(c, 2) {
			lx.demonyms[d] = e
			lx.note(d)
			lx.firstWords[strings.Fields(d)[0]] = true
		}
		for _, cap := range field(c, 3) {
			lx.capitals[cap] = e
			lx.note(cap)
			lx.firstWords[strings.Fields(cap)[0]] = true
		}
		return nil
	})
	if err == nil {
		err = eachRow("lexicon/organizations.tsv", 1, func(c []string) error {
			e := &entry{Type: graph.Organization, Name: c[0]}
			if len(c) > 2 {
				e.Kind = c[2]
			}
			lx.addActor(c[0], e)
			for _, a := range field(c, 1) {
				lx.addActor(a, e)
			}
			return nil
		})
	}
	if err == nil {
		err = eachRow("lexicon/countryabbrevs.tsv", 2, func(c []string) error {
			e, ok := lx.actors[c[1]]
			if !ok || e.Type != graph.Country {
				return fmt.Errorf("abbreviation %q: %q is not a country of countries.tsv", c[0], c[1])
			}
			lx.abbrevs[c[0]] = e
			return nil
		})
	}
	if err == nil {
		err = eachRow("lexicon/nonactors.tsv", 1, func(c []string) error {
			kind := "place"
			if len(c) > 1 {
				kind = c[1]
			}
			lx.nonactors[c[0]] = kind
			lx.note(c[0])
			lx.firstWords[strings.Fields(c[0])[0]] = true
			return nil
		})
	}
	words := []struct {
		file string
		set  map[string]bool
	}{
		{"lexicon/titles.txt", lx.titles},
		{"lexicon/orgheads.txt", lx.orgHeads},
		{"lexicon/commonwords.txt", lx.common},
		{"lexicon/acronyms.txt", lx.acronyms},
		{"lexicon/negative.txt", lx.negative},
		{"lexicon/givennames.txt", lx.given},
		{"lexicon/orgnouns.txt", lx.orgNouns},
		{"lexicon/thingheads.txt", lx.thingHeads},
		{"lexicon/brokenthings.txt", lx.broken},
		{"lexicon/speechverbs.txt", lx.speech},
		{"lexicon/criticismnouns.txt", lx.criticismNouns},
		{"lexicon/joinverbs.txt", lx.joinVerbs},
		{"lexicon/attacknouns.txt", lx.attackNouns},
		{"lexicon/legalnouns.txt", lx.legalNouns},
		{"lexicon/leadertitles.txt", lx.leaders},
		{"lexicon/ofroles.txt", lx.ofRoles},
		{"lexicon/worknouns.txt", lx.workNouns},
		{"lexicon/bandnouns.txt", lx.bandNouns},
		{"lexicon/personnouns.txt", lx.personNouns},
		{"lexicon/relationnouns.txt", lx.relationNouns},
	}
	for _, w := range words {
		if err != nil {
			break
		}
		set := w.set
		err = eachRow(w.file, 1, func(c []string) error {
			set[strings.ToLower(c[0])] = true
			lx.note(c[0])
			return nil
		})
	}
	if err == nil {
		err = eachRow("lexicon/triggers.tsv", 3, func(c []string) error {
			rel := graph.RelationType(c[1])
			if !rel.Valid() {
				return fmt.Errorf("unknown relation type %q", c[1])
			}
			lx.triggers[strings.ToLower(c[0])] = trigger{Rel: rel, Kind: c[2]}
			return nil
		})
	}
	if err == nil {
		err = eachRow("lexicon/cues.tsv", 2, func(c []string) error {
			w := strings.ToLower(c[0])
			if !slices.Contains(lx.cues[w], c[1]) {
				lx.cues[w] = append(lx.cues[w], c[1])
			}
			return nil
		})
	}
	if err == nil {
		err = eachRow("lexicon/teamwords.tsv", 2, func(c []string) error {
			switch c[1] {
			case "after", "before", "verb":
				lx.teamWords[c[0]] = append(lx.teamWords[c[0]], c[1])
				return nil
			}
			return fmt.Errorf("%s: where is %q, not after, before or verb", c[0], c[1])
		})
	}
	if err == nil {
		err = eachRow("lexicon/sentiment.tsv", 2, func(c []string) error {
			v, err := strconv.ParseFloat(c[1], 64)
			lx.valence[c[0]] = v
			return err
		})
	}
	if err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	return lx, nil
}

// addActor indexes an actor under one of its names.
func (lx *lexicon) addActor(name string, e *entry) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return
	}
	if _, dup := lx.actors[name]; !dup {
		lx.actors[name] = e
	}
	lx.note(name)
	lx.firstWords[strings.Fields(name)[0]] = true
}

// note records the length of a phrase so lookups know how far to look.
func (lx *lexicon) note(phrase string) {
	if n := len(strings.Fields(phrase)); n > lx.maxPhrase {
		lx.maxPhrase = n
	}
}

// field splits column i of a row on "|".
func field(cols []string, i int) []string {
	if i >= len(cols) || strings.TrimSpace(cols[i]) == "" {
		return nil
	}
	var out []string
	for _, s := range strings.Split(cols[i], "|") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// eachRow calls fn with the tab-separated columns of every data line of an
// embedded file; blank lines and lines starting with # are skipped.
func eachRow(name string, minCols int, fn func([]string) error) error {
	f, err := lexiconFS.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		if len(cols) < minCols || cols[0] == "" {
			return fmt.Errorf("%s:%d: want at least %d tab-separated columns", name, n, minCols)
		}
		if err := fn(cols); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}
