package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
)

// actor is one entity of an article while it is being resolved.
type actor struct {
	Type    graph.EntityType
	Name    string
	Aliases map[string]bool
	Titles  map[string]bool
	Country string // for a person: the country a title tied them to ("U.S. President")
	Org     string // for a person: the organization a title tied them to ("Tory leader")
	Female  bool   // named with Mrs, Ms, Miss, Lady or Dame
	Male    bool   // named with Mr, Sir or Lord
	He, She bool   // "he" (or "she") was resolved to the person
	Strong  bool   // at least one mention that is not weak
	Work    bool   // a person-like name written as a work: "the film Vera Drake"
	Band    bool   // a person-like name written as a band: "the band Franz Ferdinand"
}

// resolver merges an article's mentions into actors.
type resolver struct {
	lx     *lexicon
	actors []*actor
	byKey  map[string]int

	acronymCount map[string]int // times each unknown acronym is used
	firstSeen    []int          // for each actor, sentence index + 1 of its first mention
	tokens       [][]token      // each sentence's tokens, for speakerOf

	// Indexes of actors, so that a name is resolved by looking up its words
	// rather than by reading every actor: resolution stays linear in the
	// length of an article. Each list is in ascending actor order, so a
	// lookup picks what a scan in actor order would.
	byLast     map[string][]int // persons of two or more words, by lower-cased last word
	byFirst    map[string][]int // persons of two or more words, by first word
	byWord     map[string][]int // organizations, by each word of their name
	byAlias    map[string][]int // every actor, by its name and each alias
	byInitials map[string][]int // actors other than countries, by the initials of their name
}

// newResolver returns a resolver for the mentions of the given sentences.
func newResolver(lx *lexicon, sents []sentence) *resolver {
	r := &resolver{lx: lx, byKey: map[string]int{}, tokens: make([][]token, len(sents)),
		byLast: map[string][]int{}, byFirst: map[string][]int{}, byWord: map[string][]int{},
		byAlias: map[string][]int{}, byInitials: map[string][]int{}}
	for i := range sents {
		r.tokens[i] = sents[i].Tokens
	}
	return r
}

func (r *resolver) add(t graph.EntityType, name string) int {
	key := graph.EntityID(t, name)
	if i, ok := r.byKey[key]; ok {
		return i
	}
	r.actors = append(r.actors, &actor{Type: t, Name: name, Aliases: map[string]bool{}, Titles: map[string]bool{}})
	i := len(r.actors) - 1
	r.byKey[key] = i
	r.indexName(i, name)
	return i
}

// appendIndex adds actor i to a list of the index once, keeping it ascending.
func appendIndex(m map[string][]int, key string, i int) {
	l := m[key]
	if n := len(l); n > 0 && l[n-1] >= i {
		if slices.Contains(l, i) {
			return
		}
		k, _ := slices.BinarySearch(l, i)
		m[key] = slices.Insert(l, k, i)
		return
	}
	m[key] = append(l, i)
}

// indexName puts a name of actor i into the indexes.
func (r *resolver) indexName(i int, name string) {
	a := r.actors[i]
	appendIndex(r.byAlias, name, i)
	w := strings.Fields(name)
	if len(w) == 0 {
		return
	}
	switch a.Type {
	case graph.Person:
		if len(w) >= 2 && name == a.Name {
			appendIndex(r.byLast, strings.ToLower(last(w)), i)
			appendIndex(r.byFirst, first(w), i)
		}
	case graph.Organization:
		if name == a.Name {
			for _, x := range w {
				appendIndex(r.byWord, x, i)
			}
		}
	}
	if a.Type != graph.Country && name == a.Name {
		appendIndex(r.byInitials, initials(name), i)
	}
}

// alias gives actor i another name.
func (r *resolver) alias(i int, name string) {
	if a := r.actors[i]; !a.Aliases[name] {
		a.Aliases[name] = true
		appendIndex(r.byAlias, name, i)
	}
}

// firstWith returns the first actor of list that ok accepts, or -1.
func firstWith(list []int, ok func(int) bool) int {
	for _, i := range list {
		if ok(i) {
			return i
		}
	}
	return -1
}

var maleHonorifics = map[string]bool{"mr": true, "sir": true, "lord": true, "king": true, "prince": true, "baron": true}

var femaleHonorifics = map[string]bool{"mrs": true, "ms": true, "miss": true, "lady": true, "dame": true, "madam": true, "baroness": true, "queen": true, "princess": true}

// resolveNames gives every named mention its actor: lexicon names by their
// canonical form, full personal names first, then surnames and first names
// to the full name they shorten, acronyms to the organization they abbreviate.
func (r *resolver) resolveNames(sents [][]mention) {
	// Pass 1: lexicon actors, organizations, full personal names.
	for si := range sents {
		for mi := range sents[si] {
			m := &sents[si][mi]
			switch {
			case m.Kind == byLexicon || m.Kind == byDemonym:
				m.Entity = r.add(m.Type, m.Canonical)
				if m.Kind == byLexicon && m.Name != m.Canonical {
					r.alias(m.Entity, m.Name)
				}
			case m.Kind == byName && m.Type == graph.Organization && !isAcronym(m.Name) && !m.Weak && (m.End-m.Start >= 2 || m.Team):
				// One word ("Cairn shares") waits for pass 2, which finds the
				// organization it shortens ("Cairn Energy").
				m.Entity = r.add(m.Type, m.Name)
				if m.Alias != "" {
					r.alias(m.Entity, m.Alias)
				}
			case m.Kind == byName && m.Type == graph.Person && m.End-m.Start >= 2:
				m.Entity = r.fullName(m.Name)
			}
			if m.Entity >= 0 && !m.Weak {
				r.actors[m.Entity].Strong = true
			}
			if m.Entity >= 0 && m.Type == graph.Person {
				r.honorifics(r.actors[m.Entity], m.Titles) // for shortName to tell people apart
			}
		}
	}
	// A name that shares its surname with a person named with confidence is a
	// person too: "Dhiru Bhai Ambani" beside "Anil Ambani".
	surnames := map[string]bool{}
	for _, a := range r.actors {
		if a.Type == graph.Person && a.Strong {
			surnames[last(strings.Fields(a.Name))] = true
		}
	}
	for _, a := range r.actors {
		if w := strings.Fields(a.Name); a.Type == graph.Person && len(w) >= 2 && surnames[last(w)] {
			a.Strong = true
		}
	}
	// Pass 2: acronyms, then single names.
	r.acronymCount = map[string]int{}
	for si := range sents {
		for _, m := range sents[si] {
			if m.Kind == byName && isAcronym(m.Name) {
				r.acronymCount[m.Name]++
			}
		}
	}
	for si := range sents {
		for mi := range sents[si] {
			m := &sents[si][mi]
			if m.Entity >= 0 || m.Kind != byName {
				continue
			}
			if isAcronym(m.Name) {
				m.Entity = r.acronym(m)
			} else {
				m.Entity = r.shortName(m, si)
			}
			if m.Entity >= 0 && m.Styled != "" {
				r.styled(m.Entity, m.Styled)
			}
			if m.Entity >= 0 && !m.Weak {
				r.actors[m.Entity].Strong = true
			}
		}
	}
	r.worksAndBands(sents)
	r.personsNamedAsOrgs(sents)
	// Titles and countries of persons.
	for si := range sents {
		ms := sents[si]
		for mi := range ms {
			m := &ms[mi]
			if m.Entity < 0 || m.Type != graph.Person {
				continue
			}
			a := r.actors[m.Entity]
			r.honorifics(a, m.Titles)
			if mi > 0 && len(m.Titles) > 0 {
				p := ms[mi-1]
				if p.Entity >= 0 && (p.Modifier || p.Kind == byDemonym) && m.Start-p.End <= 4 {
					switch {
					case p.Type == graph.Country && a.Country == "":
						a.Country = r.actors[p.Entity].Name
					case p.Type == graph.Organization && a.Org == "":
						a.Org = r.actors[p.Entity].Name
					}
				}
			}
		}
	}
}

// honorifics records the titles of a mention on its person, and the gender
// its honorifics give.
func (r *resolver) honorifics(a *actor, titles []string) {
	for _, t := range titles {
		a.Titles[t] = true
		a.Female = a.Female || femaleHonorifics[strings.TrimSuffix(t, ".")]
		a.Male = a.Male || maleHonorifics[strings.TrimSuffix(t, ".")]
	}
}

// knightly honorifics replace "Mr" and "Mrs": Sir Ian Blair is "Sir Ian",
// never "Mr Blair".
var knightly = map[string]bool{"sir": true, "lord": true, "dame": true, "lady": true, "baroness": true, "baron": true}

// plainHonorifics are the honorifics of people without a knighthood or peerage.
var plainHonorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true}

// worksAndBands drops the persons that the article names as a work ("the
// film Vera Drake") and makes organizations of those it names as a band: one
// such mention decides for the actor, since a person is not written so.
func (r *resolver) worksAndBands(sents [][]mention) {
	for si := range sents {
		for _, m := range sents[si] {
			if m.Entity >= 0 && r.actors[m.Entity].Type == graph.Person {
				a := r.actors[m.Entity]
				// "the musical Oliver!" is not Oliver Letwin; "the track Lady
				// Marmalade" is no lady.
				a.Work = a.Work || m.Work && (m.Name == a.Name || m.Styled != "" && m.Styled == a.Name)
				a.Band = a.Band || m.Band
			}
		}
	}
	for i, a := range r.actors {
		switch {
		case a.Type != graph.Person:
		case a.Band:
			key := graph.EntityID(graph.Organization, a.Name)
			if _, taken := r.byKey[key]; taken {
				a.Strong = false
				continue
			}
			delete(r.byKey, graph.EntityID(graph.Person, a.Name))
			a.Type = graph.Organization
			r.byKey[key] = i
			for si := range sents {
				for mi := range sents[si] {
					if sents[si][mi].Entity == i {
						sents[si][mi].Type = graph.Organization
					}
				}
			}
		case a.Work:
			a.Strong = false
		}
	}
}

// personsNamedAsOrgs merges a person into the organization of the same name:
// a name the article once calls a firm or a paper ("newspapers including El
// Watan") is that organization wherever it had no such sign ("El Watan said").
func (r *resolver) personsNamedAsOrgs(sents [][]mention) {
	moved := map[int]int{}
	for i, a := range r.actors {
		if a.Type != graph.Person {
			continue
		}
		if o, ok := r.byKey[graph.EntityID(graph.Organization, a.Name)]; ok && o != i {
			moved[i] = o
			a.Strong = false
			if a.Band || a.Work {
				continue
			}
			for al := range a.Aliases {
				r.alias(o, al)
			}
		}
	}
	if len(moved) == 0 {
		return
	}
	for si := range sents {
		for mi := range sents[si] {
			if o, ok := moved[sents[si][mi].Entity]; ok {
				sents[si][mi].Entity, sents[si][mi].Type = o, graph.Organization
			}
		}
	}
}

// fullName returns the person for a name of two or more words, merging it
// with a known person whose name it extends or shortens ("George Bush",
// "George W Bush").
func (r *resolver) fullName(name string) int {
	words := strings.Fields(name)
	initialOf := -1 // the one person whose given name this name's initial stands for, or the reverse
	for _, i := range r.byLast[strings.ToLower(last(words))] {
		a := r.actors[i]
		aw := strings.Fields(a.Name)
		if tail := strings.ToLower(name); strings.HasSuffix(strings.ToLower(a.Name), " "+tail) {
			r.alias(i, name) // "Van Nistelrooy" for "Ruud van Nistelrooy"
			return i
		}
		if aw[len(aw)-1] == words[len(words)-1] && len(aw) == len(words) && (initialFor(words[0], aw[0]) || initialFor(aw[0], words[0])) {
			if initialOf == -1 {
				initialOf = i
			} else {
				initialOf = -2 // two people it may stand for: neither
			}
		}
		if aw[len(aw)-1] != words[len(words)-1] || aw[0] != words[0] {
			continue
		}
		if len(words) > len(aw) {
			r.alias(i, a.Name)
			delete(r.byKey, graph.EntityID(graph.Person, a.Name))
			a.Name = name
			r.byKey[graph.EntityID(graph.Person, name)] = i
			r.indexName(i, name) // same first and last word: only the alias and initials change
		} else if name != a.Name {
			r.alias(i, name)
		}
		return i
	}
	if i := initialOf; i >= 0 {
		// "B Cohen" in a team list and "Ben Cohen" in the report are one
		// person, whichever comes first: the full name is the name.
		a := r.actors[i]
		if initialFor(words[0], strings.Fields(a.Name)[0]) {
			r.alias(i, name)
			return i
		}
		r.alias(i, a.Name)
		delete(r.byKey, graph.EntityID(graph.Person, a.Name))
		a.Name = name
		r.byKey[graph.EntityID(graph.Person, name)] = i
		r.indexName(i, name)
		return i
	}
	return r.add(graph.Person, name)
}

// initialFor reports whether initial is a capital letter (with or without
// its full stop) that begins the given name given: "B" or "B." for "Ben".
func initialFor(initial, given string) bool {
	letter := strings.TrimSuffix(initial, ".")
	return utf8.RuneCountInString(letter) == 1 && utf8.RuneCountInString(given) > 2 &&
		strings.HasPrefix(given, letter) && !strings.HasSuffix(given, ".")
}

// shortName resolves a one-word name to the person it shortens: by surname,
// then by first name; among several, honorifics and recency decide. A name
// with a title that matches nobody becomes a person of its own; a weak one
// with nothing to match is dropped (-1).
func (r *resolver) shortName(m *mention, si int) int {
	var cands []int
	for _, i := range r.byLast[strings.ToLower(m.Name)] {
		if last(strings.Fields(r.actors[i].Name)) == m.Name {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 && m.Styled == "" {
		// A first name, but not a royal's or a peer's: "Prince Charles" is
		// not Charles Kennedy.
		cands = append(cands, r.byFirst[m.Name]...)
	}
	if len(cands) > 1 {
		female := false
		for _, t := range m.Titles {
			female = female || femaleHonorifics[strings.TrimSuffix(t, ".")]
		}
		var same []int
		for _, c := range cands {
			if r.actors[c].Female == female {
				same = append(same, c)
			}
		}
		if len(same) > 0 {
			cands = same
		}
		plain := false
		for _, t := range m.Titles {
			plain = plain || plainHonorifics[strings.TrimSuffix(t, ".")]
		}
		if plain {
			var commoners []int
			for _, c := range cands {
				if !slices.ContainsFunc(keysOf(r.actors[c].Titles), func(t string) bool { return knightly[strings.TrimSuffix(t, ".")] }) {
					commoners = append(commoners, c)
				}
			}
			if len(commoners) > 0 {
				cands = commoners // "Mr Blair" is not Sir Ian Blair
			}
		}
	}
	if m.Type == graph.Organization {
		cands = nil // a word named as an organization ("Jagran shares") is no surname
	}
	if len(cands) > 0 {
		r.alias(cands[0], m.Name)
		return cands[0]
	}
	if l := r.byAlias[m.Name]; len(l) > 0 { // an organization or country named by one word
		return l[0]
	}
	// "Mitsubishi" for "Mitsubishi Motors", "the Bank" for "Bank of England".
	if mw := strings.Fields(m.Name); len(mw) > 0 {
		if i := firstWith(r.byWord[mw[0]], func(i int) bool {
			a := r.actors[i]
			return strings.HasPrefix(a.Name, m.Name+" ") || m.Type == graph.Organization && slices.Contains(strings.Fields(a.Name), m.Name)
		}); i >= 0 {
			r.alias(i, m.Name)
			return i
		}
	}
	if m.Weak {
		return -1
	}
	return r.add(m.Type, m.Name)
}

// styled gives a person the name with a peer's or royal's style ("Lord
// Falconer"): as their name when they have only a surname, else as an alias.
func (r *resolver) styled(i int, name string) {
	a := r.actors[i]
	if a.Type != graph.Person {
		return
	}
	key := graph.EntityID(graph.Person, name)
	if _, taken := r.byKey[key]; taken || strings.Contains(a.Name, " ") {
		r.alias(i, name)
		return
	}
	r.alias(i, a.Name)
	delete(r.byKey, graph.EntityID(graph.Person, a.Name))
	a.Name = name
	r.byKey[key] = i
	r.indexName(i, name)
}

func keysOf(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func last(ws []string) string  { return ws[len(ws)-1] }
func first(ws []string) string { return ws[0] }

// acronym resolves an acronym to the organization it was given for, or whose
// initials it spells; otherwise it names an organization of its own.
func (r *resolver) acronym(m *mention) int {
	letters := strings.ReplaceAll(m.Name, ".", "")
	notCountry := func(i int) bool { return r.actors[i].Type != graph.Country }
	i := firstWith(r.byAlias[m.Name], func(i int) bool { return notCountry(i) && r.actors[i].Name != m.Name })
	if j := firstWith(r.byInitials[letters], func(j int) bool { return notCountry(j) && initials(r.actors[j].Name) == letters }); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i >= 0 {
		r.alias(i, m.Name)
		return i
	}
	// An unexplained acronym used once is more often a term ("QMV") than an
	// organization, unless it qualifies a title, owns something or stands
	// where only organizations do.
	if m.Weak || r.acronymCount[m.Name] < 2 && !m.Modifier && !m.Possessive && !m.OrgCue {
		return -1
	}
	return r.add(graph.Organization, m.Name)
}

// initials spells the capitalised words of a name: "London Stock Exchange" is
// "LSE".
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if r := []rune(w)[0]; r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// resolveReferences resolves pronouns and roles in reading order: "his" to
// the person the sentence is about, "the Russian president" to the person the
// article gave that role.
func (r *resolver) resolveReferences(sents [][]mention) {
	lastSeen := make([]int, len(r.actors)) // sentence index + 1 of the latest mention
	r.firstSeen = make([]int, len(r.actors))
	for si := len(sents) - 1; si >= 0; si-- {
		for _, m := range sents[si] {
			if m.Entity >= 0 {
				r.firstSeen[m.Entity] = si + 1
			}
		}
	}
	var recent [][]int                // persons of each sentence with one, the topic first
	orgs := make([][]int, len(sents)) // organizations of each sentence, in order
	for si := range sents {
		sents[si] = r.orgReferences(sents, si, orgs)
		sents[si] = r.pairReferences(sents[si], si, lastSeen)
		ms := sents[si]
		for mi := range ms {
			m := &ms[mi]
			if m.Entity >= 0 {
				continue // resolved by orgReferences
			}
			switch m.Kind {
			case byPronoun:
				if m.Entity = r.reportedSelf(si, ms, mi); m.Entity < 0 {
					m.Entity = r.pronoun(ms, mi, recent)
				}
				if m.Entity >= 0 && m.Type == graph.Person {
					a := r.actors[m.Entity]
					if isFemalePronoun(m.Name) {
						a.She = true
					} else {
						a.He = true
					}
				}
			case byRole:
				m.Entity = r.role(m, lastSeen)
			}
		}
		var persons []int
		if spk := r.speakerOf(sents, si); spk >= 0 {
			persons = append(persons, spk) // "..., Charles Kennedy has said. But he ..."
		} else if r.unnamedSpeaker(si) {
			persons = append(persons, unnamed) // "A spokeswoman insisted ... "...," she said."
		}
		for _, m := range ms {
			if m.Entity >= 0 && r.actors[m.Entity].Type == graph.Organization {
				orgs[si] = appendNew(orgs[si], m.Entity)
			}
			if m.Entity >= 0 {
				lastSeen[m.Entity] = si + 1
				if r.actors[m.Entity].Type == graph.Person {
					persons = appendNew(persons, m.Entity)
				}
			}
		}
		if len(persons) > 0 {
			recent = append(recent, persons)
		}
	}
}

// pairNouns are the plural nouns that, after "the two" or "both", stand for
// two people named just before: "the two men", "both leaders".
var pairNouns = map[string]bool{"men": true, "women": true, "leaders": true, "ministers": true,
	"politicians": true, "presidents": true, "executives": true, "rivals": true, "brothers": true}

// pairReferences returns the mentions of sentence si with one mention for
// each of two people where the sentence refers to them together: "the two
// men", "the pair", "the duo", "both men". They are the two persons the
// sentence names before the phrase, or else the two persons the two
// sentences before it name, leaving out those of this sentence; with any
// other number the phrase is left alone. lastSeen holds,
// for each actor, the sentence index + 1 of its latest mention before si.
func (r *resolver) pairReferences(ms []mention, si int, lastSeen []int) []mention {
	toks := r.tokens[si]
	added := false
	for i := 0; i+1 < len(toks); i++ {
		end := pairPhrase(toks, i)
		if end < 0 {
			continue
		}
		var here, before []int
		for _, m := range ms {
			if m.Start < i && m.Entity >= 0 && r.actors[m.Entity].Type == graph.Person && !slices.Contains(here, m.Entity) {
				here = append(here, m.Entity)
			}
		}
		for a, seen := range lastSeen {
			if seen >= si-1 && seen > 0 && r.actors[a].Type == graph.Person && !r.actors[a].Work && !slices.Contains(here, a) {
				before = append(before, a)
			}
		}
		two := here // "X met Y, and the two men agreed"
		if len(here) != 2 {
			two = before // "X urged the two men", what the sentences before named
		}
		if len(two) != 2 {
			continue
		}
		for _, a := range two {
			ms = append(ms, mention{Sent: si, Start: i, End: end, Name: joinTokens(toks[i:end]), Type: graph.Person,
				Kind: byRole, Entity: a, Possessive: end < len(toks) && toks[end].Text == "'s"})
		}
		added = true
		i = end - 1
	}
	if added {
		slices.SortStableFunc(ms, func(a, b mention) int { return a.Start - b.Start })
	}
	return ms
}

// pairPhrase returns the end of a phrase at i that names two people
// together ("the two men", "the pair", "the duo", "both men"), or -1.
func pairPhrase(toks []token, i int) int {
	w := toks[i].Lower
	switch {
	case w == "the" && (toks[i+1].Lower == "pair" || toks[i+1].Lower == "duo"):
		if i+2 < len(toks) && toks[i+2].Lower == "of" {
			return -1 // "the pair of shoes"
		}
		return i + 2
	case w == "the" && i+2 < len(toks) && toks[i+1].Lower == "two" && pairNouns[toks[i+2].Lower]:
		return i + 3
	case w == "both" && pairNouns[toks[i+1].Lower]:
		return i + 2
	}
	return -1
}

// orgNounKinds maps the nouns that, after "the", stand for an organization
// the article named ("the firm", "the party") to the lexicon kinds it may
// have; "" accepts an organization the lexicon does not know.
var orgNounKinds = map[string][]string{
	"company": {"company", ""}, "firm": {"company", ""}, "group": {"company", ""},
	"bank": {"company", ""}, "airline": {"company", ""}, "carrier": {"company", ""},
	"retailer": {"company", ""}, "insurer": {"company", ""}, "carmaker": {"company", ""},
	"brewer": {"company", ""}, "lender": {"company", ""}, "broadcaster": {"media", "company", ""},
	"exchange": {"exchange", ""}, "party": {"party"}, "union": {"union"}, "club": {"sport"},
}

// orgReferences returns the mentions of sentence si with "the firm", "the
// party" and the like resolved to the organization they stand for, and an
// "it" or "its" that opens what an organization said ("X said it would",
// "X said its talks") resolved to X. A noun stands for the organization of its kind named in the same
// sentence before it or in the nearest of the two sentences before; when
// that sentence names two, it is left alone. orgs holds the organizations
// of the sentences read so far.
func (r *resolver) orgReferences(sents [][]mention, si int, orgs [][]int) []mention {
	ms := sents[si]
	if si >= len(r.tokens) {
		return ms
	}
	toks := r.tokens[si]
	covered := func(i int) *mention {
		for k := range ms {
			if ms[k].Start <= i && i < ms[k].End {
				return &ms[k]
			}
		}
		return nil
	}
	var added []mention
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Lower != "the" || covered(i) != nil {
			continue
		}
		j := i + 1
		if m := covered(j); m != nil && m.Kind == byDemonym && m.End == j+1 || m == nil && toks[j].Tag == "JJ" {
			j++ // "the German exchange", "the troubled airline"
		}
		if j >= len(toks) || covered(j) != nil {
			continue
		}
		kinds, ok := orgNounKinds[toks[j].Text]
		if !ok {
			continue
		}
		end := j + 1
		if end < len(toks) {
			if next := toks[end]; next.Tag == "NN" || next.Tag == "NNS" || next.Tag == "NNP" || next.Tag == "NNPS" || next.Lower == "of" {
				continue // "the party conference", "the bank of ...", "the group Oasis"
			}
		}
		e := r.orgAntecedent(ms, i, si, orgs, kinds)
		if e < 0 {
			continue
		}
		m := mention{Sent: si, Start: i, End: end, Name: joinTokens(toks[i:end]), Type: graph.Organization, Kind: byRole, Entity: e}
		m.Possessive = end < len(toks) && toks[end].Tag == "POS"
		added = append(added, m)
		i = end - 1
	}
	if len(added) > 0 {
		var kept []mention
		for _, m := range ms {
			if !slices.ContainsFunc(added, func(a mention) bool { return m.Start < a.End && a.Start < m.End }) {
				kept = append(kept, m)
			}
		}
		ms = append(kept, added...)
		sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	}
	// "Barclays said it was in talks", "said its talks": the organization
	// that speaks.
	for p := 1; p+1 < len(toks); p++ {
		if !r.lx.speech[toks[p].Lower] || toks[p].Quoted {
			continue
		}
		q := p + 1
		if toks[q].Lower == "that" && q+1 < len(toks) {
			q++
		}
		if toks[q].Lower != "it" && toks[q].Lower != "its" || toks[q].Quoted {
			continue
		}
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			if m.End > p {
				continue
			}
			if p-m.End <= 2 && allAux(toks[m.End:p]) && m.Entity >= 0 && r.actors[m.Entity].Type == graph.Organization && !m.Possessive && !m.Modifier {
				it := mention{Sent: si, Start: q, End: q + 1, Name: toks[q].Text, Type: graph.Organization, Kind: byPronoun, Entity: m.Entity, Possessive: toks[q].Lower == "its"}
				ms = slices.Insert(ms, k+1, it)
			}
			break
		}
	}
	return ms
}

// orgAntecedent returns the organization of one of the kinds that "the
// firm" at token i of sentence si stands for, or -1: the only one named
// before it in the sentence, else the only one of the nearest of the two
// sentences before that names any.
func (r *resolver) orgAntecedent(ms []mention, i, si int, orgs [][]int, kinds []string) int {
	fits := func(e int) bool {
		a := r.actors[e]
		if a.Type != graph.Organization {
			return false
		}
		kind := ""
		if le, ok := r.lx.actors[a.Name]; ok {
			kind = le.Kind
		}
		return slices.Contains(kinds, kind)
	}
	only := func(es []int) (int, bool) {
		found := -1
		for _, e := range es {
			if !fits(e) {
				continue
			}
			if found >= 0 && found != e {
				return -1, true // two: left alone
			}
			found = e
		}
		return found, found >= 0
	}
	var before []int
	for _, m := range ms {
		if m.End <= i && m.Entity >= 0 {
			before = append(before, m.Entity)
		}
	}
	if e, ok := only(before); ok {
		return e
	}
	for k := si - 1; k >= 0 && k >= si-2; k-- {
		if e, ok := only(orgs[k]); ok {
			return e
		}
	}
	return -1
}

// speakerOf returns the person a sentence quotes or reports, named right
// before or after a speech verb outside quotes ("Charles Kennedy has said",
// "said Mr Smith"), or -1. A pronoun in the next sentence most often means
// that person.
func (r *resolver) speakerOf(sents [][]mention, si int) int {
	ms := sents[si]
	if si >= len(r.tokens) {
		return -1
	}
	toks := r.tokens[si]
	for p, t := range toks {
		if !r.lx.speech[t.Lower] || t.Quoted {
			continue
		}
		for _, m := range ms {
			if m.Entity < 0 || r.actors[m.Entity].Type != graph.Person || m.Kind == byPronoun {
				continue
			}
			if m.End <= p && p-m.End <= 2 && allAux(toks[m.End:p]) || m.Start == p+1 {
				return m.Entity
			}
			if m.End+1 == p && toks[m.End].Text == "," && m.Start > 0 && toks[m.Start-1].Text == "," {
				return m.Entity // "..., her lawyer, Perry Wander, said."
			}
		}
	}
	return -1
}

// unnamed stands, in the persons of a sentence, for a speaker the article
// does not name.
const unnamed = -2

// speakerNouns name a speaker without naming the person.
var speakerNouns = map[string]bool{"spokesman": true, "spokeswoman": true, "spokesperson": true, "source": true, "official": true, "insider": true}

// unnamedSpeaker reports a sentence whose speaker is a spokeswoman, a source
// or an official the article does not name: "an executive spokeswoman
// insisted ...". A pronoun in the sentences after it most often means that
// person.
func (r *resolver) unnamedSpeaker(si int) bool {
	if si >= len(r.tokens) {
		return false
	}
	toks := r.tokens[si]
	for p, t := range toks {
		if !r.lx.speech[t.Lower] || t.Quoted {
			continue
		}
		for i := p - 1; i >= 0 && i >= p-3; i-- {
			if speakerNouns[toks[i].Lower] {
				return i == 0 || !isCapital(toks[i+1].Text) && toks[i-1].Tag != "POS" // not "spokesman Tim Lee said", "Lee's spokesman"
			}
			if !isAux(toks[i]) && toks[i].Tag != "RB" && toks[i].Tag != "MD" {
				break
			}
		}
	}
	return false
}

// allAux reports tokens that may stand between a speaker and "said".
func allAux(ts []token) bool {
	for _, t := range ts {
		if !isAux(t) && t.Tag != "RB" && t.Tag != "MD" {
			return false
		}
	}
	return true
}

// reportedSelf resolves a pronoun that opens reported speech to the speaker:
// in "Scott Sullivan said he lied", "he" is Sullivan. It returns -1 when the
// pronoun does not follow a speech verb whose subject is a person.
func (r *resolver) reportedSelf(si int, ms []mention, mi int) int {
	if si >= len(r.tokens) {
		return -1
	}
	toks, p := r.tokens[si], ms[mi].Start-1
	if p >= 0 && toks[p].Lower == "that" {
		p--
	}
	if p < 0 || !r.lx.speech[toks[p].Lower] || toks[p].Quoted {
		return -1
	}
	for k := mi - 1; k >= 0; k-- {
		m := ms[k]
		if m.End > p || p-m.End > 2 || !allAux(toks[m.End:p]) {
			continue
		}
		if m.Entity >= 0 && m.Type == graph.Person && !m.Possessive {
			return m.Entity
		}
		break
	}
	return -1
}

// openers start a phrase set before the subject: "Before her meeting with
// X, Y said", "During his visit, Y met".
var openers = map[string]bool{"before": true, "after": true, "during": true, "while": true, "since": true,
	"despite": true, "following": true, "ahead": true, "on": true, "in": true, "at": true, "upon": true}

// phrasePrepositions keep a name inside an opening phrase: "with X".
var phrasePrepositions = map[string]bool{"with": true, "to": true, "for": true, "of": true, "against": true, "by": true, "from": true, "and": true, "between": true}

// cataphora finds the subject that a pronoun in an opening phrase points
// ahead to: in "Before her meeting with X, Y said", "her" is Y, the person
// right after the phrase's comma. ok is false when the pronoun is in no
// such phrase; the person is -1 when none follows the comma.
func (r *resolver) cataphora(ms []mention, mi int) (int, bool) {
	p := ms[mi]
	if p.Sent >= len(r.tokens) {
		return -1, false
	}
	toks := r.tokens[p.Sent]
	if len(toks) == 0 || !openers[toks[0].Lower] {
		return -1, false
	}
	comma := -1
	for i := 1; i < len(toks); i++ {
		if toks[i].Text == "," {
			comma = i
			break
		}
	}
	if comma < p.End {
		return -1, false
	}
	for _, m := range ms[mi+1:] {
		if m.Start <= comma {
			if m.Type == graph.Person && m.Kind != byPronoun && !phrasePrepositions[toks[m.Start-1].Lower] {
				return -1, false // "During his time there Mr X told ...": X is the subject
			}
			continue // "Before her meeting with X, ..."
		}
		if m.Start > comma+3 {
			break
		}
		if m.Kind == byPronoun {
			return -1, false // "While saying he ..., he criticised": read as usual
		}
		if m.Entity >= 0 && m.Type == graph.Person && !m.Possessive {
			return m.Entity, true
		}
		break
	}
	return -1, true
}

// embedded reports whether tokens [from, to) of sentence si open a clause
// of their own before its last words: a "that" or a speech verb with words
// after it, as in "X said that Y was blaming him".
func (r *resolver) embedded(si, from, to int) bool {
	if si >= len(r.tokens) {
		return false
	}
	toks := r.tokens[si]
	for i := from; i+1 < to && i < len(toks); i++ {
		if toks[i].Quoted {
			continue
		}
		// A speech verb with its addressee ("wrote to Y", "told Y") opens
		// no clause yet.
		if toks[i].Lower == "that" || r.lx.speech[toks[i].Lower] && toks[i+1].Lower != "to" && !isCapital(toks[i+1].Text) {
			return true
		}
	}
	return false
}

func isFemalePronoun(w string) bool {
	return strings.EqualFold(w, "she") || strings.EqualFold(w, "her")
}

// pronoun picks the person a pronoun refers to: a person earlier in the same
// sentence (the first, or a possessor) unless the pronoun is an object, else
// the person the previous sentences were about. recent holds the persons of
// the sentences read so far, each sentence's topic first.
func (r *resolver) pronoun(ms []mention, mi int, recent [][]int) int {
	p := ms[mi]
	object := p.Name == "him" || strings.EqualFold(p.Name, "her") && !p.Possessive
	var firstPerson, possessor, firstEnd = -1, -1, 0
	for _, m := range ms[:mi] {
		if m.Kind == byRole && m.Type == graph.Person && m.Entity < 0 && !object {
			// "the prime minister and his chancellor", with nobody named
			// prime minister: "his" is that unknown person's.
			return -1
		}
		if m.Entity < 0 || m.Type != graph.Person || m.Kind == byPronoun || r.actors[m.Entity].Work {
			continue
		}
		if firstPerson < 0 {
			firstPerson, firstEnd = m.Entity, m.End
		}
		if m.Possessive && possessor < 0 {
			possessor = m.Entity
		}
	}
	female := isFemalePronoun(p.Name)
	fits := func(i int) bool {
		if i < 0 {
			return false
		}
		// The honorifics, else the pronouns already resolved to the person:
		// after "he" and "his", "she" is someone else.
		a := r.actors[i]
		return female && !a.Male && !(a.He && !a.She) || !female && !a.Female && !(a.She && !a.He)
	}
	if e, ok := r.cataphora(ms, mi); ok {
		if fits(e) {
			return e
		}
		return -1
	}
	if object && fits(firstPerson) && r.embedded(p.Sent, firstEnd, p.Start) {
		// "X said claims that Y was blaming him": the object of a clause
		// within X's is X.
		return firstPerson
	}
	if object {
		// "X wrote to Y accusing him", "X accused Y of hitting him": him is
		// Y or X, never someone named before; left alone.
		for _, m := range ms[:mi] {
			if m.Entity >= 0 && m.Entity != firstPerson && m.Type == graph.Person && m.Kind != byPronoun && fits(m.Entity) {
				return -1
			}
		}
	}
	if !object {
		if fits(possessor) {
			return possessor
		}
		if fits(firstPerson) {
			return firstPerson
		}
	}
	// The topic of the last sentences; where a topic is of the other gender,
	// a person of that sentence whose honorific gives the pronoun's gender.
	marked := func(i int) bool { a := r.actors[i]; return female && a.Female || !female && a.Male }
	for k := len(recent) - 1; k >= 0 && k >= len(recent)-3; k-- {
		if recent[k][0] == unnamed {
			return -1 // the speaker the article does not name
		}
		if s := recent[k][0]; fits(s) {
			if !(object && s == firstPerson) {
				return s
			}
			continue
		}
		for _, s := range recent[k][1:] {
			if marked(s) && !(object && s == firstPerson) {
				return s
			}
		}
	}
	return -1
}

// role picks the person a role description refers to: the latest person
// with that title, tied to the same country or to none.
func (r *resolver) role(m *mention, lastSeen []int) int {
	want := m.Titles[len(m.Titles)-1]
	best, bestSeen := -1, 0
	for i, a := range r.actors {
		if a.Type != graph.Person || !titleFits(a.Titles, want) {
			continue
		}
		if m.Canonical != "" && (a.Country != "" || a.Org != "") && a.Country != m.Canonical && a.Org != m.Canonical {
			continue // "the Russian president" is not the American one
		}
		if lastSeen[i] > bestSeen {
			best, bestSeen = i, lastSeen[i]
		}
	}
	if best < 0 && officeTitles[want] {
		best = r.untitledTopic(m, lastSeen)
	}
	return best
}

// officeTitles are the offices that one person holds at a time, so that a
// report may name its subject and then call them by the office alone: "Tony
// Blair has dismissed reports ... the prime minister told BBC One". Not "the
// chancellor" nor "the president": an article about Tony Blair calls Gordon
// Brown, never named with his title, "the chancellor".
var officeTitles = map[string]bool{"prime minister": true, "premier": true}

// untitledTopic returns the article's topic, the first person it names,
// when a description of an office that no titled person fits may stand for
// them: they are named in the headline or the first two sentences and
// before the description, have no title that says another office, and no
// country that contradicts the description's; else -1.
func (r *resolver) untitledTopic(m *mention, lastSeen []int) int {
	for i, a := range r.actors {
		if a.Type != graph.Person || a.Work {
			continue
		}
		if lastSeen[i] == 0 || r.firstSeen[i] > 3 {
			return -1 // the topic is named later, or not at all
		}
		for t := range a.Titles {
			if !plainHonorifics[strings.TrimSuffix(t, ".")] {
				return -1
			}
		}
		if m.Canonical != "" && a.Country != m.Canonical {
			return -1
		}
		return i
	}
	return -1
}

// rankPrefixes make a title another office than its last word: the prime
// minister is not "the minister".
var rankPrefixes = map[string]bool{"prime": true, "deputy": true, "vice": true, "former": true, "shadow": true, "junior": true, "assistant": true, "ex": true}

// headTitles are the titles that "the leader" may stand for.
var headTitles = []string{"president", "prime minister", "premier", "chancellor", "king", "queen", "leader", "emir", "sultan"}

func titleFits(have map[string]bool, want string) bool {
	if !strings.HasPrefix(want, "shadow ") {
		for t := range have {
			if strings.HasPrefix(t, "shadow ") {
				return false // "the minister" is not the shadow minister
			}
		}
	}
	if have[want] {
		return true
	}
	if !strings.Contains(want, " ") {
		// "the minister" for "Finance Minister X"; not for the prime or a
		// deputy minister.
		for t := range have {
			if w := strings.Fields(t); len(w) > 1 && last(w) == want && !rankPrefixes[w[0]] {
				return true
			}
		}
	}
	if want == "leader" {
		for _, t := range headTitles {
			if have[t] {
				return true
			}
		}
	}
	return false
}

// parties maps each person tied to an organization by a title ("Tory
// co-chairman Liam Fox") to that organization.
func (r *resolver) parties() map[int]int {
	out := map[int]int{}
	for i, a := range r.actors {
		if a.Org == "" {
			continue
		}
		if o, ok := r.byKey[graph.EntityID(graph.Organization, a.Org)]; ok {
			out[i] = o
		}
	}
	return out
}

// entities returns the resolved actors as graph entities, by article order,
// and the index map from resolver index to entity index (-1: dropped).
func (r *resolver) entities() ([]graph.Entity, []int) {
	index := make([]int, len(r.actors))
	var out []graph.Entity
	for i, a := range r.actors {
		if !a.Strong {
			index[i] = -1
			continue
		}
		index[i] = len(out)
		e := graph.Entity{ID: graph.EntityID(a.Type, a.Name), Type: a.Type, Name: a.Name, Aliases: []string{}}
		for al := range a.Aliases {
			if al != a.Name && graph.Normalize(al) != "" {
				e.Aliases = append(e.Aliases, al)
			}
		}
		sort.Strings(e.Aliases)
		for t := range a.Titles {
			if t = strings.TrimSuffix(t, "."); !slices.Contains(e.Roles, t) {
				e.Roles = append(e.Roles, t) // "rep." and "rep" are one role
			}
		}
		sort.Strings(e.Roles)
		out = append(out, e)
	}
	return out, index
}
