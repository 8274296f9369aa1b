package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/graph"
)

// mentionKind says how a mention names its actor.
type mentionKind int

const (
	byName    mentionKind = iota // a proper name: "Vladimir Putin", "Putin", "RDIF"
	byLexicon                    // a name found in a lexicon: "U.S.", "Kremlin"
	byDemonym                    // "Russian forces" points to Russia
	byRole                       // "the Russian president"
	byPronoun                    // "he", "his"
)

// mention is one place where a sentence refers to an actor.
type mention struct {
	Sent       int
	Start, End int // the name's tokens, titles excluded
	Name       string
	Type       graph.EntityType
	Kind       mentionKind
	Canonical  string   // the lexicon's name, when it knows the actor
	Titles     []string // lower-case titles before the name: "president", "special envoy"
	Alias      string   // an acronym given in brackets after the name
	Possessive bool     // followed by 's
	Modifier   bool     // qualifies a following noun: "U.S. officials"
	Location   bool     // the object of a place preposition: "in France"
	Weak       bool     // kept only if it resolves to an actor named elsewhere
	Work       bool     // named as a work: "the film Vera Drake", "Harry Potter books"
	Band       bool     // named as a band: "the band Franz Ferdinand"
	Styled     string   // a one-word name with the peer's or royal's style before it: "Lord Falconer"
	Team       bool     // a team named by its country or town: "England", "Parma" (teams.go)
	OrgCue     bool     // an acronym in words only an organization has: "statistics body INSEE"
	OfPerson   bool     // a modifier that qualifies a person: "a senior Tory MP"
	Entity     int      // index of the resolved entity, or -1
}

// placePrepositions introduce a place rather than a participant.
var placePrepositions = map[string]bool{
	"in": true, "at": true, "to": true, "from": true, "into": true, "across": true,
	"throughout": true, "near": true, "outside": true, "inside": true, "around": true,
	"toward": true, "towards": true, "via": true,
}

// pronouns that refer to a person.
var personPronouns = map[string]bool{"he": true, "she": true, "him": true, "his": true, "her": true}

// joiners may sit inside an organization's name: "Bank of England",
// "National Security and Defense Council".
var joiners = map[string]bool{"of": true, "and": true, "for": true, "the": true, "&": true, "on": true, "de": true}

// particles are the lower-case words inside personal names.
var particles = map[string]bool{"van": true, "der": true, "den": true, "von": true, "de": true, "bin": true, "al": true, "da": true, "di": true, "du": true, "del": true, "la": true, "le": true, "ter": true, "ten": true}

// mentionFinder finds mentions in the sentences of one article.
type mentionFinder struct {
	lx    *lexicon
	lower map[string]bool // words the article also writes in lower case
	terms map[string]bool // acronyms the article gave for lower-case words: "digital video recorders (DVR)"
	teams map[string]bool // places the article names teams by: "England", "Parma" (see teams.go)
}

// isCap reports whether a token is a capitalised word that can be part of a name.
func (f *mentionFinder) isCap(s *sentence, i int) bool {
	t := s.Tokens[i]
	r, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsUpper(r) || !hasLetter(t.Text) {
		return false
	}
	if f.lx.common[t.Lower] && !f.lx.isActorWord(t.Text) && !f.startsOrgName(s, i) && !surnameAfterGiven(f, s, i) && !monthAsGiven(s, i) || strings.HasPrefix(t.Text, "I'") {
		return false // "I've", "I'm"
	}
	if k := strings.IndexByte(t.Text, '-'); k > 0 && k+1 < len(t.Text) && unicode.IsLower(rune(t.Text[k+1])) && !particles[t.Lower[k+1:]] && !hyphenatedGiven(s, i) {
		return false // "Trouble-hit Mitsubishi", "China-published Economic Observer" (but "Ross-van Dorp")
	}
	if i == 0 || isOpener(s.Tokens[i-1].Text) {
		// Capitalised by position: a name only when tagged one and not a word
		// the article also uses in lower case.
		if t.Tag != "NNP" && t.Tag != "NNPS" && !f.lx.isActorWord(t.Text) && !f.startsOrgAtOpening(s, i) {
			return false
		}
		if f.lower[t.Lower] && !f.lx.isActorWord(t.Text) && !f.startsOrgAtOpening(s, i) {
			return false
		}
	}
	return true
}

// monthAsGiven reports "Jan" written as a given name: before a capitalised
// surname, where the month's abbreviation comes before a day ("Jan Berry
// said", not "Jan 5").
func monthAsGiven(s *sentence, i int) bool {
	toks := s.Tokens
	if toks[i].Text != "Jan" || i+1 >= len(toks) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[i+1].Text)
	return unicode.IsUpper(r) && toks[i+1].Tag == "NNP"
}

// hyphenatedGiven reports a hyphenated word with a lower-case second part
// that is part of a personal name, as Korean given names and patronymics
// are written: "Han Dong-hoon", "Lee Jae-myung", "Nursultan Abish-uly
// Nazarbayev". The tagger calls it a proper noun and a capitalised word
// comes right before it; compounds such as "US-based" or "Tory-led" are
// adjectives.
func hyphenatedGiven(s *sentence, i int) bool {
	t := s.Tokens[i]
	if t.Tag != "NNP" || i == 0 || strings.Count(t.Text, "-") != 1 {
		return false
	}
	if i+1 < len(s.Tokens) && isNounish(s.Tokens[i+1]) {
		return false // "Pop Idol-style show", "Los Angeles-area residents"
	}
	if second := t.Lower[strings.IndexByte(t.Lower, '-')+1:]; strings.HasSuffix(second, "ing") || strings.HasSuffix(second, "ed") || compoundSeconds[second] {
		return false // "Challenge Cup-winning", "Labour-controlled", "Scooby Doo-style"
	}
	prev := s.Tokens[i-1].Text
	r, _ := utf8.DecodeRuneInString(prev)
	return unicode.IsUpper(r) && hasLetter(prev) && !strings.Contains(prev, "-") && !isAcronym(prev)
}

// compoundSeconds end hyphenated compounds that are no names: "Scooby
// Doo-style", "Los Angeles-area", "Soviet-era", "Thatcher-like".
var compoundSeconds = map[string]bool{"style": true, "area": true, "era": true, "like": true, "type": true, "wide": true,
	"born": true, "run": true, "free": true, "made": true, "hit": true, "bound": true, "class": true, "size": true}

// hyphenatedName reports a name [i, j) with a hyphenated given name in
// it after its first word: "Lee Jae-myung".
func hyphenatedName(s *sentence, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if t := s.Tokens[k].Text; strings.Contains(t, "-") && hyphenatedGiven(s, k) {
			if h := strings.IndexByte(t, '-'); h+1 < len(t) && unicode.IsLower(rune(t[h+1])) {
				return true
			}
		}
	}
	return false
}

// personShaped reports a name that could be a person's as far as its words
// go: no first word the article writes in lower case ("Calendar Girls",
// "Snow Patrol"), no plural last word ("Hardcourt Championships"), no head
// of a thing's name.
func (f *mentionFinder) personShaped(ts []token) bool {
	first, last := ts[0], ts[len(ts)-1]
	return !f.lower[first.Lower] && last.Tag != "NNS" && last.Tag != "NNPS" && !strings.HasSuffix(last.Text, "s") &&
		!f.lx.thingHeads[last.Lower] && !f.lx.orgHeads[last.Lower] && !f.lx.titles[last.Lower]
}

// surnameAfterGiven reports a month that is a surname after a given name:
// "Theresa May" (but "in May 2005").
func surnameAfterGiven(f *mentionFinder, s *sentence, i int) bool {
	toks := s.Tokens
	if i == 0 || !monthSurnames[toks[i].Lower] || !f.lx.given[toks[i-1].Lower] || !f.isCapToken(toks[i-1]) {
		return false
	}
	return i+1 == len(toks) || toks[i+1].Tag != "CD"
}

// monthSurnames are the months that are also surnames.
var monthSurnames = map[string]bool{"may": true, "march": true, "august": true, "june": true, "april": true}

// startsOrgAtOpening reports a word capitalised by its position that begins
// a run of capitalised words ending in an organization's head: "Family
// Planning Association chief executive Anne Weyman said".
func (f *mentionFinder) startsOrgAtOpening(s *sentence, i int) bool {
	toks := s.Tokens
	if toks[i].Tag == "DT" {
		return false // "Another Boca Juniors"
	}
	k := i + 1
	for k < len(toks) && k < i+5 && f.isCapToken(toks[k]) && !f.lx.common[toks[k].Lower] {
		k++
	}
	return k > i+1 && f.lx.orgHeads[toks[k-1].Lower] && !f.lx.titles[toks[k-1].Lower]
}

// startsOrgName reports a common word inside a sentence that begins the
// name of an organization: "the Sunday Telegraph", "the Video Standards
// Council", "Pew Internet & American Life".
func (f *mentionFinder) startsOrgName(s *sentence, i int) bool {
	toks := s.Tokens
	if i == 0 || isOpener(toks[i-1].Text) || i+1 >= len(toks) || !nameWords[toks[i].Lower] {
		return false
	}
	k := i + 1
	for k < len(toks) && k < i+6 && (toks[k].Text == "&" || f.isCapToken(toks[k]) && !f.lx.common[toks[k].Lower]) {
		k++
	}
	if k == i+1 {
		return false
	}
	last := toks[k-1].Lower
	return f.lx.orgHeads[last] || newspaperNames[last] || strings.Contains(joinTokens(toks[i:k]), "&")
}

// nameWords are the common words that can begin a name: "Sunday Times",
// "Internet Society".
var nameWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "video": true, "photo": true, "internet": true, "web": true}

// newspaperNames end the names of newspapers: "Sunday Telegraph".
var newspaperNames = map[string]bool{"telegraph": true, "mirror": true, "express": true, "herald": true, "observer": true,
	"independent": true, "mail": true, "sport": true, "tribune": true, "standard": true}

// isActorWord reports whether a word starts a known actor, demonym or place.
func (lx *lexicon) isActorWord(w string) bool {
	if _, ok := lx.actors[w]; ok {
		return true
	}
	if _, ok := lx.demonyms[w]; ok {
		return true
	}
	return lx.firstWords[w] && !lx.common[strings.ToLower(w)]
}

func isOpener(s string) bool { return s == `"` || s == "(" || s == ":" || s == "-" || s == "—" }

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '&' || r == '-':
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

// find returns the mentions of one sentence.
func (f *mentionFinder) find(s *sentence) []mention {
	var out []mention
	toks := s.Tokens
	for i := 0; i < len(toks); {
		if !f.isCap(s, i) {
			if m, k, ok := f.theName(s, i); ok {
				out = append(out, m) // "told The Times", "wrote in the Independent"
				i = k
				continue
			}
			if m, n := f.lowerMention(s, i); n > 0 {
				out = append(out, m)
				i += n
				continue
			}
			i++
			continue
		}
		if ms := f.hyphenated(s, i); len(ms) > 0 {
			out = append(out, ms...) // "the US-German firm"
			i++
			continue
		}
		j := i + 1
		if k, m, ok := f.lexiconAt(s, i, len(toks)); ok && k > i+1 && (spansLower(toks, i, k) || spansNumber(toks, i, k)) {
			// A lexicon name with lower-case words or a number inside:
			// "International Criminal Tribunal for the former Yugoslavia",
			// "BBC Radio 4".
			out = append(out, m)
			i = k
			continue
		}
		for j < len(toks) {
			if f.isCap(s, j) {
				j++
				continue
			}
			// A title with lower-case words inside continues the run:
			// "US Secretary of State Marco Rubio", "Chancellor of the
			// Exchequer Gordon Brown".
			if e := f.titleAcross(toks, i, j); e > j {
				j = e
				continue
			}
			// A number inside the name of a group its noun introduces:
			// "campaign group Transport 2000", "the band Maroon 5".
			if f.numberInName(toks, i, j) {
				j++
				continue
			}
			// A royal's possessive inside an organization's name: "Queen's
			// Lancashire Regiment", "the Prince's Trust", "King's College".
			if j-i == 1 {
				if k := f.possessiveOrgEnd(s, i); k > 0 {
					j = k
					continue
				}
			}
			// A plural possessive inside an organization's name: "Transport &
			// General Workers' Union", "National Farmers' Union".
			if _, known := f.lx.actors[joinTokens(toks[i:j])]; toks[j].Text == "'" && strings.HasSuffix(toks[j-1].Lower, "s") && !known && j+1 < len(toks) && f.isCap(s, j+1) {
				if k := f.capEnd(s, j+1); f.lx.orgHeads[toks[k-1].Lower] {
					j = k
					continue
				}
			}
			// An ampersand joins the names of one organization: "Ogilvy &
			// Mather", "Marks & Spencer".
			if toks[j].Text == "&" && j+1 < len(toks) && f.isCap(s, j+1) {
				j += 2
				continue
			}
			// A joiner stays inside when what follows makes an organization.
			if joiners[toks[j].Lower] && j+1 < len(toks) && f.isCap(s, j+1) {
				k := f.capEnd(s, j+1)
				if f.separateNames(toks, i, j, k) {
					break // "Apple Computer and Cisco Systems" are two
				}
				if toks[j].Lower == "of" && j-i == 2 && (f.lx.given[toks[i].Lower] || !f.lx.orgHeads[toks[j-1].Lower] && !f.lx.orgHeads[toks[i].Lower] && !f.lx.isActorWord(toks[i].Text)) {
					break // "Nick Bubb of Evolution Securities", "Nacho Novo of Rangers"
				}
				if f.lx.orgHeads[toks[k-1].Lower] || f.lx.titleSpan(toks, i, k) > j ||
					toks[j].Lower == "of" && i > 0 && toks[i-1].Text == toks[i-1].Lower && f.lx.orgNouns[toks[i-1].Lower] || // "the association Friends of Pelham Parkway"
					ofJoiners[toks[j].Lower] && f.lx.orgHeads[toks[j-1].Lower] || // "Muslim Association of Britain", "Foundation for Democracy"
					toks[j].Lower == "and" && f.orgOfSoFar(toks, i, j) { // "Academy of Motion Picture Arts and Sciences"
					j = k
					continue
				}
				if _, ok := f.lx.actors[joinTokens(toks[i:k])]; ok {
					j = k
					continue
				}
			}
			// Particles inside a personal name: "Jeroen van der Veer".
			if k := j; particles[toks[k].Lower] && k > i {
				for k < len(toks) && particles[toks[k].Lower] {
					k++
				}
				if k < len(toks) && f.isCap(s, k) && k-j <= 2 {
					j = k + 1
					continue
				}
			}
			break
		}
		if k := f.bracketedBill(toks, j); k > j {
			i = k // "the Health Service (Miscellaneous Provisions) Bill": a bill, no body
			continue
		}
		if k := f.ofBeforeAcronym(s, i, j); k > j {
			j = k // "National Association of Automobile Manufacturers of South Africa (NAAMSA)"
		}
		if m, ok := f.spelledOut(s, i, j); ok {
			out = append(out, m) // "The British Phonographic Industry (BPI)"
			i = j
			continue
		}
		if m, ok := f.lowerHead(s, i, j); ok {
			out = append(out, m) // "the International Olympic committee"
			i = j + 1
			continue
		}
		out = append(out, f.chunk(s, i, j)...)
		i = j
	}
	f.coordinate(s, out)
	f.markContext(s, out)
	return f.governments(s, out)
}

// governments turns a country and the word "government" after it into the
// government of that country, an organization: "the Australian government",
// "the UK government", "Russia's government" are the Government of
// Australia, of the United Kingdom, of Russia. A government that qualifies
// a noun ("government bonds", "government officials") stays the country.
func (f *mentionFinder) governments(s *sentence, ms []mention) []mention {
	toks := s.Tokens
	for k := 0; k < len(ms); k++ {
		m := &ms[k]
		if m.Type != graph.Country || m.Canonical == "" || m.Kind != byDemonym && m.Kind != byLexicon {
			continue
		}
		g := m.End
		if g < len(toks) && toks[g].Text == "'s" {
			g++
		}
		if g >= len(toks) || toks[g].Lower != "government" {
			continue
		}
		if g+1 < len(toks) && (toks[g+1].Tag == "NN" || toks[g+1].Tag == "NNS") {
			continue
		}
		if k+1 < len(ms) && ms[k+1].Start <= g {
			if ms[k+1].Start != g || ms[k+1].End != g+1 {
				continue
			}
			ms = slices.Delete(ms, k+1, k+2) // "the Irish Government": the word alone was a name
			m = &ms[k]
		}
		name := "Government of " + theCountry(m.Canonical)
		*m = mention{Sent: s.Index, Start: m.Start, End: g + 1, Name: joinTokens(toks[m.Start : g+1]), Type: graph.Organization,
			Kind: byLexicon, Canonical: name, Possessive: g+1 < len(toks) && toks[g+1].Text == "'s", Entity: -1}
	}
	return ms
}

// theCountry returns a country's name as it reads after "of": "the United
// Kingdom", "the Netherlands", "Russia".
func theCountry(name string) string {
	if strings.HasPrefix(name, "United ") || strings.HasSuffix(name, "lands") || strings.HasSuffix(name, "Republic") ||
		strings.HasSuffix(name, "Islands") || strings.HasSuffix(name, "Emirates") || name == "Philippines" || name == "Bahamas" || name == "Gambia" {
		return "the " + name
	}
	return name
}

// coordinate makes organizations of the unfamiliar names listed with an
// organization and no person: "HMV, Monsoon, Jessops and Tesco".
func (f *mentionFinder) coordinate(s *sentence, ms []mention) {
	toks := s.Tokens
	listed := func(a, b mention) bool { // b follows a in a list
		if b.Start <= a.End {
			return false
		}
		for _, t := range toks[a.End:b.Start] {
			if t.Text != "," && t.Lower != "and" && t.Lower != "or" {
				return false
			}
		}
		return true
	}
	for a := 0; a < len(ms); {
		b := a + 1
		for b < len(ms) && listed(ms[b-1], ms[b]) {
			b++
		}
		orgs, unknown, persons, person := 0, 0, 0, false
		for _, m := range ms[a:b] {
			if m.Kind == byName && m.Type == graph.Person && !m.Weak && m.End-m.Start >= 2 {
				persons++ // a person named in full
			}
			switch {
			case m.Kind != byName && m.Kind != byLexicon:
				person = true // a pronoun or role: not a list of names
			case m.Type == graph.Organization && !m.Weak && !m.Team: // a team is no sign of a list of organizations ("face Wales, Robinson will")
				orgs++
			case m.Type == graph.Person && m.Weak:
				unknown++
			case m.Type == graph.Person && (!m.Weak || len(m.Titles) > 0 || f.lx.given[toks[m.Start].Lower]):
				person = true
			}
		}
		// As many organizations as unfamiliar names: one company beside
		// three names could be a company and its products.
		conj := false // a list has its "and": "Lawless World, Philippe Sands, argues" is an aside
		for k := a + 1; k < b; k++ {
			for _, t := range toks[ms[k-1].End:ms[k].Start] {
				conj = conj || t.Lower == "and" || t.Lower == "or"
			}
		}
		if b-a >= 2 && persons > orgs && (conj || b-a >= 3) {
			for k := a; k < b; k++ {
				if m := &ms[k]; m.Type == graph.Person && m.Kind == byName && m.Weak && m.End-m.Start >= 2 && m.End-m.Start <= 3 &&
					len(m.Titles) == 0 && !m.Work && !s.Headline && f.personShaped(toks[m.Start:m.End]) {
					m.Weak = false // "Robert De Niro, Blythe Danner and Dustin Hoffman"
				}
			}
			a = b
			continue
		}
		if b-a >= 2 && orgs >= unknown && !person {
			for k := a; k < b; k++ {
				m := &ms[k]
				if m.End-m.Start == 1 && f.lower[toks[m.Start].Lower] || m.Start > 0 && toks[m.Start-1].Lower == "of" ||
					m.End < len(toks) && toks[m.End].Lower == "of" {
					continue // "Questions", "House of Fraser" cut at "of"
				}
				if tag := toks[m.Start].Tag; m.End-m.Start == 1 && (tag == "NNS" || tag == "NNPS" || tag == "JJ") {
					continue // "Arts and Sciences", "the G8 and European": the end of a cut name
				}
				if m.Type == graph.Person && m.Kind == byName && !m.Work && !s.Headline {
					m.Type, m.Weak = graph.Organization, false
				}
			}
		}
		a = b
	}
}

// spelledOut reads a run [i, j) followed by an acronym in brackets that
// spells its initials as one organization with that alias: "The British
// Phonographic Industry (BPI)", "Avions de Transport Regional (ATR)".
func (f *mentionFinder) spelledOut(s *sentence, i, j int) (mention, bool) {
	toks := s.Tokens
	if j-i < 2 || j+2 >= len(toks) || toks[j].Text != "(" || toks[j+2].Text != ")" || !isAcronym(toks[j+1].Text) {
		return mention{}, false
	}
	name := joinTokens(toks[i:j])
	if e, ok := f.lx.actors[toks[j+1].Text]; ok && e.Type == graph.Organization && strings.HasPrefix(e.Name, name) {
		return f.lexMention(s, i, j, e), true // "Industrial and Commercial Bank (ICBC)": the lexicon's, named short
	}
	if !spellsOut(name, toks[j+1].Text) || f.lx.given[toks[i].Lower] {
		return mention{}, false
	}
	if e, ok := f.lx.actors[name]; ok {
		m := f.lexMention(s, i, j, e)
		return m, e.Type == graph.Organization
	}
	return mention{Sent: s.Index, Start: i, End: j, Name: name, Type: graph.Organization, Kind: byName,
		Alias: toks[j+1].Text, Entity: -1}, true
}

// bracketedBill returns the end of a bill's or act's name whose words
// before j go on after a bracketed part: "Health Service (Miscellaneous
// Provisions) Bill", "Terrorism (Northern Ireland) Act"; or -1.
func (f *mentionFinder) bracketedBill(toks []token, j int) int {
	if j >= len(toks) || toks[j].Text != "(" {
		return -1
	}
	for k := j + 1; k+1 < len(toks) && k <= j+6; k++ {
		if toks[k].Text == ")" {
			if w := toks[k+1]; f.isCapToken(w) && f.lx.thingHeads[w.Lower] {
				return k + 2
			}
			return -1
		}
		if !f.isCapToken(toks[k]) {
			return -1
		}
	}
	return -1
}

// ofBeforeAcronym returns the end of a name [i, j) that goes on through
// "of" and capitalised words to a bracketed acronym of all its initials
// ("... Manufacturers of South Africa (NAAMSA)"), or j.
func (f *mentionFinder) ofBeforeAcronym(s *sentence, i, j int) int {
	toks := s.Tokens
	k := j
	for k+1 < len(toks) && (toks[k].Lower == "of" || toks[k].Lower == "and" || toks[k].Lower == "the") && f.isCap(s, k+1) {
		k = f.capEnd(s, k+1)
	}
	if k == j || k+2 >= len(toks) || toks[k].Text != "(" || toks[k+2].Text != ")" || !isAcronym(toks[k+1].Text) {
		return j
	}
	if !spellsOut(joinTokens(toks[i:k]), toks[k+1].Text) {
		return j
	}
	return k
}

// lowerHeads are the heads of institutions that news writes in lower case
// after a capitalised name: "the International Olympic committee". ("the
// United board", "the Wearside club" name no institution of their own.)
var lowerHeads = map[string]bool{"committee": true, "council": true, "commission": true, "foundation": true,
	"union": true, "authority": true, "agency": true, "institute": true, "association": true}

// lowerHead reads a name [i, j) after "the" whose head word is written in
// lower case, "the International Olympic committee", as the organization
// with the head: the lexicon's when it knows the whole name. A name the
// lexicons know without the head ("the Labour party") is left alone.
func (f *mentionFinder) lowerHead(s *sentence, i, j int) (mention, bool) {
	toks := s.Tokens
	if i == 0 || toks[i-1].Lower != "the" || j >= len(toks) || toks[j].Text != toks[j].Lower || !lowerHeads[toks[j].Lower] {
		return mention{}, false
	}
	run := joinTokens(toks[i:j])
	_, known := f.lx.actors[run]
	_, demonym := f.lx.demonyms[run]
	_, place := f.lx.nonactors[run]
	if known || demonym || place || f.lx.given[toks[i].Lower] || f.lx.titleSpan(toks, i, j) > i {
		return mention{}, false
	}
	head := toks[j].Text
	name := run + " " + strings.ToUpper(head[:1]) + head[1:]
	if e, ok := f.lx.actors[name]; ok {
		m := f.lexMention(s, i, j+1, e)
		m.Name = name
		return m, true
	}
	return mention{Sent: s.Index, Start: i, End: j + 1, Name: name, Type: graph.Organization, Kind: byName, Entity: -1}, true
}

// ofJoiners tie an organization's head to what it is of: "Arts Council of
// Wales", "Westminster Foundation for Democracy", "Commission on Social Justice".
var ofJoiners = map[string]bool{"of": true, "for": true, "on": true}

// orgOfSoFar reports a run [i, j) that is an organization's head and what
// it is of, so that "and" goes on inside it: "Department of Work and Pensions".
func (f *mentionFinder) orgOfSoFar(toks []token, i, j int) bool {
	for k := i + 1; k < j-1; k++ {
		if ofJoiners[toks[k].Lower] && f.lx.orgHeads[toks[k-1].Lower] {
			return true
		}
	}
	return false
}

// hyphenated splits a token of lexicon names joined by hyphens ("US-German",
// "Franco-British" is left alone) into modifier mentions of each, or nil.
func (f *mentionFinder) hyphenated(s *sentence, i int) []mention {
	parts := strings.Split(s.Tokens[i].Text, "-")
	if len(parts) < 2 {
		return nil
	}
	var out []mention
	for _, p := range parts {
		if p == "Anglo" {
			p = "British" // "Anglo-Swedish", "Anglo-Dutch"
		}
		e, ok := f.lx.actors[p]
		kind := byLexicon
		if !ok {
			if e, ok = f.lx.demonyms[p]; !ok {
				return nil
			}
			kind = byDemonym
		}
		out = append(out, mention{Sent: s.Index, Start: i, End: i + 1, Name: p, Type: e.Type, Kind: kind,
			Canonical: e.Name, Modifier: true, Entity: -1})
	}
	return out
}

// numberInName reports a number at j that goes on the name [i, j) of a
// group named right after its noun: "pressure group Fathers 4 Justice",
// "US band Maroon 5". A name has one number, written in digits.
func (f *mentionFinder) numberInName(toks []token, i, j int) bool {
	if i == 0 || toks[j].Tag != "CD" || len(toks[j].Text) > 4 || strings.Trim(toks[j].Text, "0123456789") != "" {
		return false
	}
	if slices.ContainsFunc(toks[i:j], func(t token) bool { return t.Tag == "CD" }) {
		return false
	}
	prev := toks[i-1]
	if prev.Text != prev.Lower || !f.lx.orgNouns[prev.Lower] && !f.lx.bandNouns[prev.Lower] {
		return false
	}
	return j+1 == len(toks) || !isNounish(toks[j+1]) // not "group Fiat 500 cars"
}

// spansNumber reports whether toks[i:k] holds a number written in digits.
func spansNumber(toks []token, i, k int) bool {
	return slices.ContainsFunc(toks[i:k], func(t token) bool { return t.Text != "" && strings.Trim(t.Text, "0123456789") == "" })
}

// spansLower reports whether toks[i:k] holds a lower-case word.
func spansLower(toks []token, i, k int) bool {
	for _, t := range toks[i:k] {
		if t.Text == t.Lower && hasLetter(t.Text) {
			return true
		}
	}
	return false
}

// separateNames reports whether the names on either side of "and" at j,
// [i, j) and [j+1, k), are two: either side a known actor or an acronym.
func (f *mentionFinder) separateNames(toks []token, i, j, k int) bool {
	if toks[j].Lower != "and" {
		return false
	}
	if j-i >= 2 && k-j >= 3 && lowerHeads[toks[j-1].Lower] && lowerHeads[toks[k-1].Lower] {
		return true // "British Bankers Association and Building Societies Association"
	}
	if j-i >= 2 && k-j >= 3 && f.lx.given[toks[i].Lower] && f.lx.given[toks[j+1].Lower] {
		return true // "Emily Blunt and Nathalie Press": two people, whatever the last word
	}
	for _, side := range [][]token{toks[i:j], toks[j+1 : k]} {
		name := joinTokens(side)
		if strings.Contains(name, "&") {
			return true // "Ogilvy & Mather and Cordiant Communications"
		}
		if _, ok := f.lx.actors[name]; ok || len(side) == 1 && isAcronym(name) {
			return true
		}
	}
	return false
}

// theName matches a lexicon name that begins with "The" ("The Times", "The
// Independent") at the "the" of position i, when the name is the whole run
// of capitalised words after it: "the Independent Police Complaints
// Commission" is no newspaper. The mention leaves "the" out, and it returns
// the position after the name.
func (f *mentionFinder) theName(s *sentence, i int) (mention, int, bool) {
	toks := s.Tokens
	if toks[i].Lower != "the" || i+1 >= len(toks) || !f.isCap(s, i+1) {
		return mention{}, 0, false
	}
	end := f.capEnd(s, i+1)
	e, ok := f.lx.actors["The "+joinTokens(toks[i+1:end])]
	if !ok {
		return mention{}, 0, false
	}
	return f.lexMention(s, i+1, end, e), end, true
}

// lowerMention finds a mention that starts with a lower-case word: a pronoun,
// or a role such as "the Russian president".
func (f *mentionFinder) lowerMention(s *sentence, i int) (mention, int) {
	t := s.Tokens[i]
	if personPronouns[t.Lower] {
		return mention{Sent: s.Index, Start: i, End: i + 1, Name: t.Text, Type: graph.Person, Kind: byPronoun, Entity: -1}, 1
	}
	if t.Lower != "the" || i+1 >= len(s.Tokens) {
		return mention{}, 0
	}
	j := i + 1
	var country string
	if e, ok := f.lx.demonyms[s.Tokens[j].Text]; ok {
		country = e.Name
		j++
	} else if e, ok := f.lx.actors[s.Tokens[j].Text]; ok {
		country = e.Name // "the Russian president", "the Tory leader"
		j++
	}
	end := f.lx.titleSpan(s.Tokens, j, len(s.Tokens))
	// Any title tied to a country or party names one person ("the Tory
	// co-chairman"); alone, only a leader's does ("the president").
	if end == j || country == "" && !f.lx.leaders[joinLower(s.Tokens[j:end])] {
		return mention{}, 0
	}
	if end < len(s.Tokens) && (f.isCap(s, end) || s.Tokens[end].Lower == "of") {
		return mention{}, 0 // "the president of ...", "the president Vladimir Putin"
	}
	if f.possessiveOrgEnd(s, end-1) > 0 {
		return mention{}, 0 // "the Queen's Lancashire Regiment": a body, read as a name
	}
	return mention{Sent: s.Index, Start: i, End: end, Name: joinTokens(s.Tokens[i:end]), Type: graph.Person,
		Kind: byRole, Titles: []string{joinLower(s.Tokens[j:end])}, Canonical: country, Entity: -1}, end - i
}

// chunk splits a run of capitalised tokens [i, j) into titles, qualifying
// actors and a name, and types what it finds.
func (f *mentionFinder) chunk(s *sentence, i, j int) []mention {
	toks := s.Tokens
	var out []mention
	var titles []string
	pos := i
	nounAt := -1 // where a name begins right after an organization noun
	if i > 0 && f.lx.orgNouns[toks[i-1].Lower] && toks[i-1].Text == toks[i-1].Lower {
		nounAt = i
	}
	if i > 1 && toks[i-1].Text == "," && f.lx.orgNouns[toks[i-2].Lower] && toks[i-2].Text == toks[i-2].Lower && (j == len(toks) || phraseEnds(toks[j])) {
		nounAt = i // "another financial firm, China Life, is ..."
	}
	for pos < j {
		if joiners[toks[pos].Text] {
			pos++ // "and" left over after a lexicon name: "Department of Health and State University"
			continue
		}
		if k := f.placeEnd(toks, pos); k > pos && f.teams[joinTokens(toks[pos:k])] {
			// A team named by its country or town: an organization.
			out = append(out, mention{Sent: s.Index, Start: pos, End: k, Name: joinTokens(toks[pos:k]), Type: graph.Organization, Kind: byName, Team: true, Entity: -1})
			pos = k
			continue
		}
		// An honorific is followed by a name, even one that is also a title
		// ("Ms King", "Mr Bishop").
		afterHonorific := len(titles) > 0 && honorifics[strings.TrimSuffix(titles[len(titles)-1], ".")]
		if _, _, lex := f.lexiconAt(s, pos, j); saints[strings.TrimSuffix(toks[pos].Lower, ".")] && pos+1 < j && !lex {
			// "St Helens", "St Paul's Cathedral", "Saint Lucia": a saint or a
			// place named after one, not a person of the article.
			if f.lx.orgHeads[toks[j-1].Lower] && j-pos >= 3 {
				out = append(out, mention{Sent: s.Index, Start: pos, End: j, Name: joinTokens(toks[pos:j]), Type: graph.Organization, Kind: byName, Entity: -1})
			}
			pos = j
			break
		}
		if e, ok := f.lx.abbrevs[toks[pos].Text]; ok && j-i == 1 && (i == 0 || !f.isCap(s, i-1)) {
			out = append(out, f.lexMention(s, pos, pos+1, e)) // "SA officials"
			pos = j
			break
		}
		if pos == nounAt && len(titles) == 0 && j-pos >= 2 && f.plainOrgRun(toks, pos, j) && !f.lexiconSpans(s, pos, j) {
			// After "carmaker", "the bank": an organization's name, even one
			// that begins with a place or a country ("carmaker Nanjing Auto",
			// "another financial firm, China Life,").
			out = append(out, mention{Sent: s.Index, Start: pos, End: j, Name: joinTokens(toks[pos:j]), Type: graph.Organization, Kind: byName, Entity: -1})
			pos = j
			break
		}
		if k := f.personAfterCountry(s, pos, j); k > pos {
			out = append(out, f.nameMention(s, pos, k, titles)) // "Israel Katz"
			pos = k
			continue
		}
		if pos == i && pos+1 < j && f.lx.orgNouns[toks[pos].Lower] && (i == 0 || isOpener(toks[i-1].Text)) {
			pos++ // "Carmaker Nanjing Auto is in talks": the noun that opens the sentence
			nounAt = pos
			continue
		}
		if k := f.lx.titleSpan(toks, pos, j); k > pos && !afterHonorific {
			if pos == i && j-k >= 1 && f.lx.orgHeads[toks[j-1].Lower] && !f.lx.titles[toks[j-1].Lower] && f.plainOrgRun(toks, k, j) {
				// A title word that begins an organization's name: "Regent
				// Street Association", "General Dental Council".
				out = append(out, mention{Sent: s.Index, Start: pos, End: j, Name: joinTokens(toks[pos:j]), Type: graph.Organization, Kind: byName, Entity: -1})
				pos = j
				break
			}
			if e, m, ok := f.lexiconAt(s, pos, j); ok && e > k {
				out = append(out, m) // "General Motors", "General Electric": a known name that begins with a title
				pos = e
				continue
			}
			titles = append(titles, joinLower(toks[pos:k]))
			pos = k
			continue
		}
		if k := f.orgBeforePerson(toks, pos, j); k > pos {
			// "Environmental Audit Committee Peter Ainsworth": the body, then its member.
			out = append(out, mention{Sent: s.Index, Start: pos, End: k, Name: joinTokens(toks[pos:k]), Type: graph.Organization, Kind: byName, Team: true, Entity: -1})
			pos = k
			continue
		}
		rest := joinTokens(toks[pos:j])
		if strings.Contains(rest, "/") {
			pos = j // a picture credit: "Guy Smallman/Getty Images", "Matt Stone/Boston Herald"
			break
		}
		if j-pos >= 2 && (f.lx.orgHeads[toks[j-1].Lower] && !f.lx.titles[toks[j-1].Lower] || f.orgOfSoFar(toks, pos+1, j+1)) {
			// "Commonwealth Bank of Australia" is one name, though the lexicon knows "Commonwealth".
			if e, ok := f.lx.actors[rest]; ok {
				out = append(out, f.lexMention(s, pos, j, e))
			} else {
				out = append(out, mention{Sent: s.Index, Start: pos, End: j, Name: rest, Type: graph.Organization, Kind: byName, Entity: -1})
			}
			pos = j
			break
		}
		if k, m, ok := f.lexiconAt(s, pos, j); ok {
			out = append(out, m)
			pos = k
			continue
		}
		if _, ok := f.lx.nonactors[rest]; ok || f.lx.thingHeads[toks[j-1].Lower] && j-pos >= 2 {
			pos = j // a place, or a treaty, bill or event
			break
		}
		if k := f.placeAt(toks, pos, j); k > pos {
			pos = k
			continue
		}
		// A title inside the run ends a qualifier: "RDIF CEO Kirill Dmitriev".
		if k := f.titleInside(toks, pos, j); k > pos {
			q := f.nameMention(s, pos, k, nil)
			q.Titles = nil
			if q.Type == graph.Person && !isAcronym(q.Name) {
				q.Weak = true
			}
			out = append(out, q)
			pos = k
			continue
		}
		out = append(out, f.nameMention(s, pos, j, titles))
		pos = j
	}
	if n := len(titles); n > 0 && i > 0 && toks[i-1].Lower == "the" && f.lx.leaders[titles[n-1]] && f.lx.titleSpan(toks, j-1, j) == j {
		// "the Prime Minister", "the Tory Leader": a role, resolved later.
		role := mention{Sent: s.Index, Start: i - 1, End: j, Name: joinTokens(toks[i-1 : j]), Type: graph.Person,
			Kind: byRole, Titles: titles, Entity: -1}
		if len(out) == 1 && out[0].Kind != byName {
			role.Canonical = out[0].Canonical
			out = out[:0]
		}
		if len(out) == 0 {
			out = append(out, role)
		}
	}
	// An acronym in brackets right after a name is its alias: "London Stock Exchange (LSE)".
	if n := len(out); n > 0 && j+2 < len(toks) && toks[j].Text == "(" && toks[j+2].Text == ")" && isAcronym(toks[j+1].Text) {
		if out[n-1].End == j && out[n-1].Type == graph.Organization {
			out[n-1].Alias = toks[j+1].Text
		}
	}
	return out
}

// orgBeforePerson returns the end of an organization's name at the start
// of the run [pos, end) that a given name and a surname close: "Audit
// Committee Peter Ainsworth"; or pos.
func (f *mentionFinder) orgBeforePerson(toks []token, pos, end int) int {
	for k := pos + 2; k+1 < end; k++ {
		if f.lx.given[toks[k].Lower] && f.lx.orgHeads[toks[k-1].Lower] && !f.lx.titles[toks[k-1].Lower] && !f.lx.given[toks[pos].Lower] {
			return k
		}
	}
	return pos
}

// titleAcross returns the end of a title phrase that starts inside the run
// [i, j) and goes on past j through lower-case words, or j.
func (f *mentionFinder) titleAcross(toks []token, i, j int) int {
	if j >= len(toks) || toks[j].Text != toks[j].Lower || !hasLetter(toks[j].Text) {
		return j
	}
	for p := max(i, j-3); p < j; p++ {
		if e := f.lx.titleSpan(toks, p, len(toks)); e > j && spansLower(toks, j, e) {
			return e
		}
	}
	return j
}

// saints are the words that make the name after them a saint's: "St Helens".
var saints = map[string]bool{"st": true, "saint": true, "ste": true}

// personAfterCountry returns the end of a personal name at pos that begins
// with a country's name ("Israel Katz, the defence minister, said"), or pos.
// The country must be one word and the name two, with a sign of a person
// after it; the second word must be no lexicon word and no title.
func (f *mentionFinder) personAfterCountry(s *sentence, pos, end int) int {
	toks := s.Tokens
	if pos+2 != end || strings.Contains(toks[pos].Text, ".") {
		return pos
	}
	if e, ok := f.lx.actors[toks[pos].Text]; !ok || e.Type != graph.Country {
		return pos
	}
	w := toks[pos+1]
	if f.lx.isActorWord(w.Text) || f.lx.titles[w.Lower] || f.lx.orgHeads[w.Lower] || f.lx.common[w.Lower] ||
		f.lower[w.Lower] || isAcronym(w.Text) || w.Tag != "NNP" {
		return pos
	}
	if !f.personContext(s, pos, end) {
		return pos
	}
	return end
}

// titleInside returns the first position after pos within (pos, end) where
// a title starts and a name follows it, or pos.
func (f *mentionFinder) titleInside(toks []token, pos, end int) int {
	for k := pos + 1; k < end; k++ {
		if joiners[toks[k-1].Lower] {
			continue // "University of St Andrews": the title is inside the name
		}
		if e := f.lx.titleSpan(toks, k, end); e > k && e < end {
			return k
		}
	}
	return pos
}

// lexiconAt matches the longest lexicon phrase starting at pos within [pos, end).
func (f *mentionFinder) lexiconAt(s *sentence, pos, end int) (int, mention, bool) {
	toks := s.Tokens
	max := min(end, pos+f.lx.maxPhrase)
	for k := max; k > pos; k-- {
		phrase := joinTokens(toks[pos:k])
		if e, ok := f.lx.actors[phrase]; ok {
			return k, f.lexMention(s, pos, k, e), true
		}
		if e, ok := f.lx.demonyms[phrase]; ok {
			m := f.lexMention(s, pos, k, e)
			m.Kind = byDemonym
			if f.teams[e.Name] {
				// "the French defence" where France is a team of the article.
				m.Type, m.Kind, m.Name, m.Canonical, m.Team = graph.Organization, byName, e.Name, "", true
			}
			return k, m, true
		}
	}
	return pos, mention{}, false
}

// placeAt matches the longest non-actor place or capital at pos.
func (f *mentionFinder) placeAt(toks []token, pos, end int) int {
	max := min(end, pos+f.lx.maxPhrase)
	for k := max; k > pos; k-- {
		phrase := joinTokens(toks[pos:k])
		if _, ok := f.lx.nonactors[phrase]; ok {
			return k
		}
		if _, ok := f.lx.capitals[phrase]; ok {
			return k
		}
	}
	return pos
}

func (f *mentionFinder) lexMention(s *sentence, i, j int, e *entry) mention {
	return mention{Sent: s.Index, Start: i, End: j, Name: joinTokens(s.Tokens[i:j]), Type: e.Type,
		Kind: byLexicon, Canonical: e.Name, Entity: -1}
}

// bareInstitutions are the institutions a report names by one capitalised
// word when it means its own country's: "a vote in Parliament", "the
// Cabinet met". They are organizations even when no full name is given.
var bareInstitutions = map[string]bool{"Parliament": true, "Cabinet": true}

// nameMention types a name the lexicons do not know.
func (f *mentionFinder) nameMention(s *sentence, i, j int, titles []string) mention {
	toks := s.Tokens
	// A title after the name belongs to the titles: "Glasgow Kelvin MP".
	seat := false
	for j-i >= 2 && postnominals[strings.TrimSuffix(toks[j-1].Lower, ".")] {
		titles = append(titles, toks[j-1].Lower)
		j--
		seat = true
	}
	if seat && f.theBefore(toks, i) && (!f.lx.given[toks[i].Lower] || f.placeAt(toks, i-1, i) == i) {
		// "the Glasgow Kelvin MP", "the Sedgefield MP": the name is the seat
		// (a given name too when a place comes before it).
		return mention{Sent: s.Index, Start: i, End: j, Name: joinTokens(toks[i:j]), Type: graph.Person, Kind: byName, Entity: -1, Weak: true}
	}
	// A word before a given name and a surname is a description, not part
	// of the name: "Matchwinner Roy Keane", "Backbencher Stephen Pound".
	if j-i >= 3 && !f.lx.given[toks[i].Lower] && f.lx.given[toks[i+1].Lower] && (isAgentNoun(toks[i].Lower) || f.lx.personNouns[toks[i].Lower]) {
		i++ // "Star Christina Applegate"
	} else if j-i >= 2 && !f.lx.given[toks[i].Lower] && f.lx.personNouns[toks[i].Lower] {
		i++ // "Goalscorer Toure"
	}
	m := mention{Sent: s.Index, Start: i, End: j, Name: joinTokens(toks[i:j]), Type: graph.Person, Kind: byName, Entity: -1}
	for _, t := range f.titlesBefore(toks, i) {
		if !slices.Contains(titles, t) {
			titles = append(titles, t)
		}
	}
	if !slices.ContainsFunc(titles, func(t string) bool { return !titleModifiers[t] }) {
		titles = nil // "former Soviet Republics": a modifier alone is no role
	}
	m.Titles = titles
	if j-i == 1 && i > 1 && toks[i-1].Lower == "justice" && judgeStyles[strings.TrimSuffix(toks[i-2].Lower, ".")] {
		m.Styled = joinTokens(toks[i-2 : j]) // "Lord Justice Rix", "Mr Justice Forbes": a judge, named so
	} else if j-i == 1 && i > 0 && styles[strings.ToLower(toks[i-1].Text)] {
		m.Styled = joinTokens(toks[i-1 : j]) // "Lord Falconer", "Prince Charles"
		if j+1 < len(toks) && toks[j].Lower == "of" && f.isCapToken(toks[j+1]) && (j+2 == len(toks) || !f.isCapToken(toks[j+2])) {
			m.Styled = joinTokens(toks[i-1 : j+2]) // "Lord Irvine of Lairg"
		}
	}
	switch {
	case j-i == 1 && isAcronym(toks[i].Text):
		if i >= 2 && toks[i-1].Text == "(" && toks[i-2].Text == toks[i-2].Lower && hasLetter(toks[i-2].Text) {
			if f.terms == nil {
				f.terms = map[string]bool{}
			}
			f.terms[toks[i].Text] = true // "digital video recorders (DVR)": a term's letters
		}
		if j+1 < len(toks) && toks[j].Text == "(" && toks[j+1].Text == toks[j+1].Lower && hasLetter(toks[j+1].Text) {
			if f.terms == nil {
				f.terms = map[string]bool{}
			}
			f.terms[toks[i].Text] = true // "VJ (video jockey)"
		}
		if f.lx.acronyms[toks[i].Lower] || f.terms[toks[i].Text] {
			m.Weak = true
		}
		m.Type = graph.Organization
		// What only an organization does: "statistics body INSEE", "an
		// analyst at CCF", "INSEE said" (a term does not speak).
		m.OrgCue = i > 0 && f.lx.orgNouns[toks[i-1].Lower] || f.orgContext(s, i, j) || j < len(toks) && f.lx.speech[toks[j].Lower]
	case j-i == 1 && bareInstitutions[toks[i].Text]:
		m.Type = graph.Organization // "MPs in Parliament": the country's own, named so
	case j-i == 1 && f.lx.orgHeads[toks[i].Lower]:
		m.Type, m.Weak = graph.Organization, true // "the Bank", "the Council": named in full elsewhere
	case j-i == 1 && f.lx.common[toks[i].Lower]:
		m.Weak = true // "Dr No"
	case f.orgName(toks[i:j]):
		m.Type = graph.Organization
	case i > 0 && f.lx.orgNouns[toks[i-1].Lower] && !f.lx.titles[toks[i-1].Lower] && (toks[i-1].Text == toks[i-1].Lower || i == 1):
		// "UK bank Barclays", "gas giant Gazprom", "video recorder company
		// TiVo" (the words before the noun qualify it, whatever they are).
		m.Type, m.Titles = graph.Organization, nil
	case j-i >= 2 && i > 1 && toks[i-1].Lower == "of" && f.lx.ofRoles[toks[i-2].Lower] && len(m.Titles) == 0 && !f.lx.given[toks[i].Lower]:
		m.Type = graph.Organization // "owner of Liffe", "chairman of Save Our Community"
	case len(m.Titles) == 0 && f.orgContext(s, i, j):
		m.Type = graph.Organization // "shares in Varig", "Sina, the internet portal", "Wasps coach"
	case len(m.Titles) > 0:
	case j-i == 1:
		m.Weak = true // a lone capitalised word: kept if it names someone named in full
	case !f.lx.given[toks[i].Lower] && !hasInitial(toks[i:j]) && !hyphenatedName(s, i, j) && !f.personContext(s, i, j):
		m.Weak = true // "Tower Hamlets", "Terrorism Bill": no sign of a person
	}
	if s.Headline && len(m.Titles) == 0 {
		m.Weak = true
	}
	if m.Type == graph.Person && j-i >= 2 && f.lx.titles[toks[j-1].Lower] && (f.lx.isActorWord(toks[i].Text) || isAcronym(toks[i].Text)) {
		m.Weak = true // a title, not a name: "European Commissioner", "VFI Chief Executive"
	}
	if m.Type == graph.Person {
		m.Work, m.Band = f.workCue(toks, i, j)
		// A capitalised word that qualifies a title is no person:
		// "Former Olympic champion Michael Johnson".
		if j-i == 1 && j+1 < len(toks) && toks[j].Text == toks[j].Lower && (f.lx.titles[toks[j].Lower] || toks[j].Tag == "NN") && f.isCap(s, j+1) {
			m.Weak, m.Titles = true, nil
		}
		// A one-word name after a title that the article also writes in
		// lower case is a word, not a name: "General Election".
		if j-i == 1 && (f.lower[toks[i].Lower] || f.lx.thingHeads[toks[i].Lower]) && !f.lx.given[toks[i].Lower] && !afterHonorificAt(toks, i) {
			m.Weak = true // "General Election"
		}
	}
	return m
}

// theBefore reports "the" right before the run of capitalised words that
// holds position i: "the Glasgow Kelvin MP".
func (f *mentionFinder) theBefore(toks []token, i int) bool {
	k := i - 1
	for k >= 0 && f.isCapToken(toks[k]) && toks[k].Lower != "the" {
		k--
	}
	return k >= 0 && toks[k].Lower == "the"
}

// titleModifiers are the words of titles.txt that qualify a role and are
// none by themselves: "former", "acting".
var titleModifiers = map[string]bool{"former": true, "acting": true, "interim": true, "assistant": true, "senior": true,
	"junior": true, "outgoing": true, "incoming": true}

// agentSuffixes end nouns that describe a person: "matchwinner",
// "backbencher", "welshman", "guardsman", "olympian", "families".
var agentSuffixes = []string{"er", "man", "men", "ist", "ian", "or", "ant", "ent", "ies", "ee"}

// isAgentNoun reports a word built like a noun that describes a person.
func isAgentNoun(w string) bool {
	if len(w) < 5 || !hasLetter(w) || strings.ContainsAny(w, "-.'") {
		return false
	}
	for _, suf := range agentSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// afterHonorificAt reports an honorific right before position i: "Mr Bishop".
func afterHonorificAt(toks []token, i int) bool {
	return i > 0 && honorifics[strings.TrimSuffix(toks[i-1].Lower, ".")]
}

// workCue reports whether the name [i, j) is written as a work (a film,
// book, song, show) or as a band, from the nouns around it: "the film Vera
// Drake", "the Harry Potter books", "starred in Vera Drake", "Vera Drake
// director Mike Leigh", "the band Franz Ferdinand", or a name alone in quotes.
func (f *mentionFinder) workCue(toks []token, i, j int) (work, band bool) {
	noun := func(k int) (string, bool) {
		if k < 0 || k >= len(toks) || !strings.HasPrefix(toks[k].Tag, "NN") || toks[k].Text != toks[k].Lower {
			return "", false
		}
		return toks[k].Lower, true
	}
	before := i - 1
	if before > 0 && honorifics[strings.TrimSuffix(toks[before].Lower, ".")] {
		before-- // "the hit track Lady Marmalade": the style is part of the title
	}
	for _, k := range []int{before, j} {
		if w, ok := noun(k); ok {
			if k == j && f.lx.workNouns[w] && k+1 < len(toks) && f.isCapToken(toks[k+1]) {
				continue // "Nicolas Cage movie National Treasure": the work follows
			}
			if f.lx.bandNouns[w] {
				if k < i && (bandMembers[w] || groupsOfPeople[w] && f.lx.given[toks[i].Lower]) {
					continue // "drummer Dave Grohl", "Leicester duo Ollie Smith": people
				}
				return false, true
			}
			if f.lx.workNouns[w] {
				return true, false
			}
		}
	}
	if i > 0 && toks[i-1].Tag == "JJ" && toks[i-1].Text == toks[i-1].Lower && f.lx.workNouns[toks[i-1].Text] {
		return true, false // "the musical Sweet Charity", tagged as an adjective
	}
	if j+1 < len(toks) && workMakers[toks[j].Lower] && f.isCapToken(toks[j+1]) {
		return true, false // "Harry Potter author JK Rowling"
	}
	if i >= 2 && toks[i-1].Lower == "in" && starVerbs[toks[i-2].Lower] {
		return true, false
	}
	if i >= 2 && (toks[i-1].Lower == "of" || toks[i-1].Lower == "to") && ofWorks[toks[i-2].Lower] && (j == len(toks) || !f.lx.workNouns[toks[j].Lower]) {
		return true, false // "an episode of CSI", "the premiere of Kinsey", "the sequel to Shrek" (not "the sequel to Ben Stiller comedy X")
	}
	if i > 0 && j < len(toks) && toks[i-1].Text == `"` && toks[j].Text == `"` && (i < 2 || !f.lx.titles[toks[i-2].Lower]) {
		return true, false // "Sweet Charity", "Tambourine Man"
	}
	return f.inWorkList(toks, i) || f.beforeWorkNoun(toks, j), false
}

// beforeWorkNoun reports a list of names from j on that ends in a plural
// work noun: in "Honda's Asimo and Sony's Qrio robots" both are robots.
func (f *mentionFinder) beforeWorkNoun(toks []token, j int) bool {
	if j >= len(toks) || toks[j].Lower != "and" && toks[j].Text != "," {
		return false
	}
	for k := j + 1; k < len(toks) && k <= j+8; k++ {
		t := toks[k]
		switch {
		case t.Lower == "and" || t.Text == "," || t.Text == "'s" || f.isCapToken(t):
			continue
		case t.Text == t.Lower && strings.HasSuffix(t.Lower, "s") && f.lx.workNouns[t.Lower] && f.isCapToken(toks[k-1]):
			return true
		}
		return false
	}
	return false
}

// plainOrgRun reports a run of capitalised words [i, j) that may be one
// organization's name: no title, honorific or given name in it, which
// would make a person of its end ("Unison general secretary Dave Prentis").
func (f *mentionFinder) plainOrgRun(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		t := toks[k]
		if t.Text == "'s" {
			continue // "Prince's Trust"
		}
		if t.Text == t.Lower || f.lx.given[t.Lower] || f.lx.titles[strings.TrimSuffix(t.Lower, ".")] {
			return false
		}
	}
	return true
}

// inOrgList reports a name in a list that organizations introduce:
// "companies such as Opel", "newspapers including El Watan", "other
// retailers - including HMV, Monsoon, Jessops and Tesco". The list runs
// back from i over names, commas and "and" to "such as" or "including"
// right after the noun, or after a dash or comma that follows it.
func (f *mentionFinder) inOrgList(toks []token, i int) bool {
	noun := func(k int) bool {
		if k >= 0 && (toks[k].Text == "-" || toks[k].Text == "—" || toks[k].Text == ",") {
			k--
		}
		return k >= 0 && (toks[k].Text == toks[k].Lower || k == 0) && f.lx.orgNouns[toks[k].Lower]
	}
	for k := i - 1; k >= 1 && k >= i-30; k-- {
		t := toks[k]
		switch {
		case t.Lower == "as" && k >= 2 && toks[k-1].Lower == "such":
			return noun(k - 2)
		case t.Lower == "including":
			return noun(k - 1)
		case t.Text == "," || t.Lower == "and" || f.isCapToken(t) || t.Text == "&" || t.Lower == "the" || t.Lower == "of" || t.Text == "'s":
			continue
		case k < i-1 && t.Text == t.Lower && strings.HasSuffix(t.Lower, "s") && f.lx.orgNouns[t.Lower] && f.isCapToken(toks[k+1]):
			return true // "casino operators London Clubs, Rank Group and Stanley Leisure"
		}
		return false
	}
	return false
}

// inWorkList reports a name in a list that works introduce: "films such as
// My Beautiful Laundrette, Billy Elliot and About A Boy", "hits including
// Crazy". The list runs back from i over names, commas, "and" and quote
// marks to "such as", "including" or "like" after a work noun.
func (f *mentionFinder) inWorkList(toks []token, i int) bool {
	for k := i - 1; k >= 1 && k >= i-30; k-- {
		t := toks[k]
		switch {
		case t.Lower == "as" && k >= 2 && toks[k-1].Lower == "such":
			return f.lx.workNouns[toks[k-2].Lower]
		case t.Lower == "including" || t.Lower == "like":
			return f.lx.workNouns[toks[k-1].Lower]
		case t.Text == "," || t.Lower == "and" || t.Text == `"` || t.Text == ":" || f.isCapToken(t) || t.Tag == "DT" || t.Tag == "IN" && t.Lower == "of":
			continue
		}
		return false
	}
	return false
}

// bandMembers name a band when they follow it ("Iron Maiden frontman") and
// a person when they come before one ("drummer Dave Grohl").
var bandMembers = map[string]bool{"bassist": true, "drummer": true, "frontman": true, "guitarist": true}

// groupsOfPeople before a given name are people, not a band: "duo Ollie Smith
// and Andy Goode".
var groupsOfPeople = map[string]bool{"duo": true, "trio": true, "quartet": true}

// workMakers are the people of a work named right after it: "Vera Drake
// director Mike Leigh".
var workMakers = map[string]bool{"star": true, "director": true, "author": true, "creator": true, "actress": true, "writer": true, "producer": true}

// ofWorks put a work after "of" or "to": "an episode of CSI", "a new
// production of Oliver!", "the sequel to Bridget Jones".
var ofWorks = map[string]bool{"episode": true, "episodes": true, "sequel": true, "remake": true, "adaptation": true,
	"premiere": true, "screening": true, "staging": true, "revival": true, "production": true, "soundtrack": true}

// starVerbs put a work after "in": "starred in Vera Drake".
var starVerbs = map[string]bool{"starred": true, "stars": true, "star": true, "starring": true, "appeared": true, "appears": true, "role": true}

// isCapToken reports a capitalised word.
func (f *mentionFinder) isCapToken(t token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r) && hasLetter(t.Text)
}

// possessiveOrgEnd returns the end of an organization's name that begins
// with a possessive at i, or -1: a royal's ("Queen's Lancashire Regiment")
// or a founder's, one word the lexicons do not know ("Barnard's Retail
// Consulting Group", "Guy's Hospital Medical School"), before a name of its
// own that ends in an organization's head.
func (f *mentionFinder) possessiveOrgEnd(s *sentence, i int) int {
	toks := s.Tokens
	if i < 0 || i+2 >= len(toks) || toks[i+1].Text != "'s" || !f.isCap(s, i+2) {
		return -1
	}
	if !royalOwners[toks[i].Text] && (f.knownWord(toks[i].Text) || f.lx.titles[toks[i].Lower] || bareInstitutions[toks[i].Text] || i > 0 && f.isCapToken(toks[i-1])) {
		return -1 // "Labour's National Executive Committee", "London's South Bank Centre", "Kurt Barnard's firm"
	}
	k := f.capEnd(s, i+2)
	if _, known := f.lx.actors[joinTokens(toks[i+2:k])]; known {
		return -1 // "Murdoch's News Corporation"
	}
	if !f.lx.orgHeads[toks[k-1].Lower] || f.lx.titles[toks[k-1].Lower] {
		return -1
	}
	return k
}

// lexiconSpans reports a lexicon name that covers all of [i, j).
func (f *mentionFinder) lexiconSpans(s *sentence, i, j int) bool {
	k, _, _ := f.lexiconAt(s, i, j)
	return k == j
}

// capEnd returns the end of the run of capitalised words that starts at i.
func (f *mentionFinder) capEnd(s *sentence, i int) int {
	for i < len(s.Tokens) && f.isCap(s, i) {
		i++
	}
	return i
}

// spellsOut reports an acronym of the initials of name: "London Stock
// Exchange" and "LSE" (full stops in the acronym ignored).
func spellsOut(name, acronym string) bool {
	return initials(name) == strings.ReplaceAll(acronym, ".", "")
}

// knownWord reports a word the lexicons know as an actor or a place.
func (f *mentionFinder) knownWord(w string) bool {
	_, actor := f.lx.actors[w]
	_, place := f.lx.nonactors[w]
	_, capital := f.lx.capitals[w]
	return actor || place || capital
}

// royalOwners name the royal in an organization's name: "Queen's
// Lancashire Regiment", "King's Own Scottish Borderers", "Prince's Trust".
var royalOwners = map[string]bool{"Queen": true, "King": true, "Prince": true, "Princess": true}

// judgeStyles come before "Justice" in the style of a judge: "Lord Justice
// Rix", "Mrs Justice Hallett".
var judgeStyles = map[string]bool{"lord": true, "lady": true, "mr": true, "mrs": true, "ms": true}

// honorifics come right before a name.
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true, "dame": true, "lord": true, "lady": true, "baroness": true, "prof": true}

// styles are the titles of peers and royals that, before one name, are the
// name a person goes by: "Lord Falconer", "Baroness Scotland", "Prince Charles".
var styles = map[string]bool{"lord": true, "lady": true, "baroness": true, "baron": true, "viscount": true, "earl": true,
	"countess": true, "duke": true, "duchess": true, "marquess": true, "prince": true, "princess": true, "king": true, "queen": true}

// postnominals are titles written after a name.
var postnominals = map[string]bool{"mp": true, "mep": true, "msp": true, "am": true, "qc": true, "kc": true, "mla": true, "td": true, "jr": true, "sr": true}

// orgName reports a name built like an organization's: "Reliance Industries",
// "Group Menatep", "Muslim Association of Britain".
func (f *mentionFinder) orgName(ts []token) bool {
	n := len(ts)
	if f.lx.orgHeads[ts[n-1].Lower] || n >= 2 && f.lx.orgHeads[ts[0].Lower] && !f.lx.given[ts[0].Lower] {
		return true
	}
	for k := 1; k+1 < n; k++ {
		if ofJoiners[ts[k].Lower] && f.lx.orgHeads[ts[k-1].Lower] || ts[k].Text == "&" {
			return true // "Muslim Association of Britain", "Young & Rubicam"
		}
	}
	return false
}

// orgContext reports signs that an unfamiliar name [i, j) is an
// organization's: an aside that calls it a firm ("Sina, the country's
// biggest internet portal firm"), a place of work ("an analyst at Calyon"),
// what only companies have ("shares in Varig", "Omnicom's profits"), or a
// role in it right after it ("Wasps coach Warren Gatland").
func (f *mentionFinder) orgContext(s *sentence, i, j int) bool {
	toks := s.Tokens
	lowerAt := func(k int) string {
		if k < 0 || k >= len(toks) || toks[k].Text != toks[k].Lower {
			return ""
		}
		return toks[k].Lower
	}
	if i > 0 && f.isCapToken(toks[i-1]) {
		return false // the end of a longer name: "Save Our Community"
	}
	if j+1 < len(toks) && (toks[j].Text == "," || toks[j].Text == "-" || toks[j].Text == "—") {
		w := lowerAt(j + 1)
		if w == "the" || w == "a" || w == "an" || j+2 < len(toks) && toks[j+2].Text == "'s" {
			for k := j + 2; k < len(toks) && k < j+8; k++ {
				t := toks[k]
				if t.Text == "," || t.Text == "." || strings.HasPrefix(t.Tag, "VB") || f.lx.titles[t.Lower] || f.lx.personNouns[t.Lower] {
					break
				}
				// The noun must end its phrase: "the Labour party leader" is a person.
				if w := lowerAt(k); f.lx.orgNouns[w] && (k+1 == len(toks) || phraseEnds(toks[k+1])) {
					return true // "Adam Opel - the German arm of ...", "Sina, the internet portal"
				}
			}
		}
	}
	if f.lx.given[toks[i].Lower] {
		return false // what follows is weaker than a given name
	}
	if i >= 2 && toks[i-1].Text == "," && lowerAt(i-2) != "" && f.lx.orgNouns[lowerAt(i-2)] && (j == len(toks) || phraseEnds(toks[j])) {
		return true // "run by a separate company, Eurostar."
	}
	if f.inOrgList(toks, i) {
		return true // "companies such as Opel", "retailers - including HMV, Monsoon and Jessops"
	}
	if prev := lowerAt(i - 1); prev == "at" && i >= 2 && (f.lx.titles[toks[i-2].Lower] || f.lx.personNouns[toks[i-2].Lower]) {
		return true // "economist at ING Barings"
	} else if (prev == "in" || prev == "of") && i >= 2 && holdingNouns[toks[i-2].Lower] {
		return true // "shares in Sina", "a takeover of Interbrew"
	}
	if next := lowerAt(j); companyNouns[next] {
		return true // "Jupiter shares"
	}
	if j+1 < len(toks) && toks[j].Text == "'s" && companyNouns[lowerAt(j+1)] {
		return true // "Omnicom's profits"
	}
	if k := j; k+1 < len(toks) && f.lx.speech[lowerAt(k)] {
		if w := lowerAt(k + 1); w == "it" || w == "its" {
			return true // "Turkcell said it would appeal": a person says "he" or "she"
		}
	}
	if j-i == 1 && f.lower[toks[i].Lower] {
		return false // "Health spokesman", "Rock star": a word, not a name
	}
	if j-i == 1 && j+1 < len(toks) && memberRoles[lowerAt(j)] {
		k := j + 1
		for k < len(toks) && k <= j+2 && lowerAt(k) != "" && f.lx.titles[lowerAt(k)] {
			k++ // "chief economist", "chief executive officer"
		}
		if k < len(toks) && f.isCapToken(toks[k]) {
			return true // "Wasps coach Warren Gatland", "Investec chief economist Philip Shaw"
		}
	}
	if j-i == 1 && j+2 < len(toks) && toks[j].Text == "'s" && f.lx.given[toks[j+1].Lower] && f.isCapToken(toks[j+2]) {
		return true // "Gloucester's Andy Hazell"
	}
	return false
}

// phraseEnds reports a token that can follow the head noun of an aside:
// "Sina, the internet portal, said", "Opel - the German arm of GM".
func phraseEnds(t token) bool {
	switch t.Lower {
	case ",", ".", "-", "—", ")", ";", "of", "that", "which", "in", "based", "with", "behind", "owned", "and":
		return true
	}
	return strings.HasPrefix(t.Tag, "VB")
}

// holdingNouns take an organization after "in" or "of": "shares in Sina".
var holdingNouns = map[string]bool{"shares": true, "stake": true, "stakes": true, "shareholding": true, "takeover": true,
	"shareholders": true, "subsidiary": true, "acquisition": true}

// companyNouns follow a company's name, after it or its 's: "Omnicom's
// profits", "Jupiter shares".
var companyNouns = map[string]bool{"profits": true, "profit": true, "shares": true, "shareholders": true, "revenues": true,
	"turnover": true, "subsidiary": true, "headquarters": true, "stores": true, "share price": true, "pre-tax": true}

// memberRoles are the roles that, right after a one-word name, make it the
// organization the person belongs to: "Wasps coach", "Investec chief".
var memberRoles = map[string]bool{"coach": true, "manager": true, "chairman": true, "chairwoman": true, "boss": true,
	"spokesman": true, "spokeswoman": true, "chief": true, "director": true, "economist": true, "analyst": true,
	"striker": true, "midfielder": true, "defender": true, "goalkeeper": true, "winger": true, "captain": true,
	"skipper": true, "owner": true, "founder": true, "executive": true}

// hasInitial reports a middle initial: "George W Bush", "John F. Kennedy".
func hasInitial(ts []token) bool {
	for _, t := range ts[1 : len(ts)-1] {
		w := strings.TrimSuffix(t.Text, ".")
		if utf8.RuneCountInString(w) == 1 && isCapital(w) {
			return true
		}
	}
	return false
}

// personContext reports signs that an unfamiliar name [i, j) is a person's:
// an aside after it that gives a role ("X, the head of ...") or a speech
// verb next to it. (prose's entity model was tried here: it calls too many
// places people, "Bethnal Green" among them.)
func (f *mentionFinder) personContext(s *sentence, i, j int) bool {
	toks := s.Tokens
	if j+2 < len(toks) && toks[j].Text == "," && (toks[j+1].Lower == "the" || toks[j+1].Lower == "a" || toks[j+1].Lower == "an") {
		for k := j + 2; k < len(toks) && k < j+6; k++ {
			if f.lx.titles[toks[k].Lower] || f.lx.personNouns[toks[k].Text] || strings.HasSuffix(toks[k].Lower, "-year-old") {
				return true // "X, the former champion", "X, a 24-year-old"
			}
		}
	}
	if j < len(toks) && f.lx.speech[toks[j].Lower] || i > 0 && f.lx.speech[toks[i-1].Lower] {
		return true
	}
	if i >= 2 && toks[i-1].Text == "," && f.lx.titles[toks[i-2].Lower] {
		return true // "their father, Dhiru Bhai Ambani"
	}
	if i > 0 && (toks[i-1].Text == toks[i-1].Lower || i == 1) && f.lx.personNouns[toks[i-1].Lower] {
		return true // "sprinter Dwain Chambers", "world champion Benita Johnson"
	}
	if _, ok := f.lx.demonyms[joinTokens(toks[max(0, i-1):i])]; ok && j-i >= 2 && i > 0 && f.personShaped(toks[i:j]) {
		return true // "Iraqi Salam Pax"
	}
	if j+2 < len(toks) && toks[j].Text == "," {
		switch next := toks[j+1]; {
		case next.Lower == "who":
			return true // "Gebre Gebremariam, who ..."
		case next.Text == next.Lower && f.lx.titles[next.Lower] && (toks[j+2].Lower == "of" || toks[j+2].Lower == "at" || toks[j+2].Lower == "for"):
			return true // "Shami Chakrabarti, director of Liberty"
		case next.Tag == "CD" && len(next.Text) <= 2 && toks[j+2].Text == ",":
			return true // "Gebre Gebremariam, 24, ..."
		}
	}
	if j+2 < len(toks) && (toks[j].Lower == "is" || toks[j].Lower == "was") {
		// "Owain Bennallack is the editor of Develop", "Clark Boyd is
		// technology correspondent for The World".
		k := j + 1
		if toks[k].Lower == "the" || toks[k].Lower == "a" || toks[k].Lower == "an" {
			k++
		}
		for end := min(len(toks), k+3); k < end && toks[k].Text == toks[k].Lower; k++ {
			if f.lx.titles[toks[k].Lower] && k+1 < len(toks) && (toks[k+1].Lower == "of" || toks[k+1].Lower == "at" || toks[k+1].Lower == "for") {
				return true
			}
		}
	}
	if j+2 < len(toks) && toks[j].Text == "(" && toks[j+2].Text == ")" {
		if e, ok := f.lx.actors[toks[j+1].Text]; ok && e.Type == graph.Country {
			return true // a table of players: "Dominik Hrbaty (Slovakia)"
		}
	}
	return false
}

// titlesBefore collects the lower-case title words right before a name:
// "special envoy" in "Trump's special envoy Steve Witkoff".
func (f *mentionFinder) titlesBefore(toks []token, i int) []string {
	for k := max(0, i-4); k < i-1; k++ {
		if phrase := joinLower(toks[k:i]); f.lx.titles[phrase] {
			return []string{phrase} // "special envoy", "chief executive"
		}
	}
	var out []string
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		t := toks[k]
		if f.lx.titles[t.Lower] {
			out = append(out, t.Lower)
			continue
		}
		if t.Tag == "JJ" || t.Tag == "NN" || t.Lower == "-" {
			continue // "foreign policy aide", "economic envoy"
		}
		break
	}
	return out
}

// titleSpan returns the end of the longest title phrase at pos within
// [pos, end), or pos when there is none.
func (lx *lexicon) titleSpan(toks []token, pos, end int) int {
	max := min(end, pos+4)
	for k := max; k > pos; k-- {
		phrase := strings.TrimSuffix(joinLower(toks[pos:k]), ".")
		if lx.titles[phrase] || lx.titles[joinLower(toks[pos:k])] {
			return k
		}
		// A plural title before names: "Presidents George W Bush and ...".
		if one, ok := strings.CutSuffix(phrase, "s"); ok && len(one) > 3 && toks[k-1].Tag == "NNS" && lx.titles[one] {
			return k
		}
	}
	return pos
}

// markContext sets the flags that say how a mention sits in its sentence.
func (f *mentionFinder) markContext(s *sentence, ms []mention) {
	toks := s.Tokens
	for i := range ms {
		m := &ms[i]
		if m.Kind == byPronoun {
			m.Possessive = m.Start < len(toks) && toks[m.Start].Lower == "his" ||
				toks[m.Start].Lower == "her" && m.End < len(toks) && isNounish(toks[m.End])
			continue
		}
		if m.End < len(toks) {
			next := toks[m.End]
			switch {
			case next.Text == "'s" || next.Text == "'" || next.Text == "’s" || next.Tag == "POS":
				m.Possessive = true
			case m.Kind == byDemonym:
				m.Modifier = true
			case isNounish(next) || f.lx.titles[next.Lower]:
				m.Modifier = true
				// "a senior Tory MP", "Labour backbenchers": the body
				// qualifies a person, who does not speak for it as its
				// spokesman does.
				m.OfPerson = m.Type != graph.Person && !spokesNouns[next.Lower] &&
					(f.lx.titles[next.Lower] || f.lx.personNouns[next.Lower])
			case next.Text == "(" && m.End+2 < len(toks) && toks[m.End+2].Text == ")":
			}
		} else if m.Kind == byDemonym {
			m.Modifier = true
		}
		if m.Start > 0 {
			at := m.Start - 1
			if toks[at].Lower == "the" && at > 0 {
				at--
			}
			if placePrepositions[toks[at].Lower] && (m.Type == graph.Country || m.Type == graph.Organization && !m.Possessive) && !f.lx.aimedPreposition(toks, at) {
				m.Location = true
			}
		}
	}
}

// aimedPreposition reports a place preposition at i that names whom
// criticism is aimed at or comes from, not a place: "hit out at the EU",
// "took a swipe at Labour", "tore into the BBC", "came under fire from
// the Tories", "criticism from Washington".
func (lx *lexicon) aimedPreposition(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	before := toks[i-1].Lower
	switch toks[i].Lower {
	case "at":
		if aimWords[before] || lx.attackNouns[before] {
			return true
		}
		return (before == "out" || before == "back") && i > 1 && (hitVerbs[toks[i-2].Lower] || lashVerbs[toks[i-2].Lower])
	case "into":
		return intoVerbs[before]
	case "from":
		return before == "fire" || lx.attackNouns[before] || lx.criticismNouns[before]
	}
	return false
}

// aimWords before "at" aim criticism: "took aim at", "a dig at", "poked fun at".
var aimWords = map[string]bool{"aim": true, "fun": true, "finger": true, "potshot": true, "potshots": true, "dig": true, "digs": true}

// isNounish reports a lower-case noun or adjective that a name can qualify.
func isNounish(t token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsLower(r) {
		return false
	}
	return strings.HasPrefix(t.Tag, "NN") || t.Tag == "JJ" || t.Tag == "VBG"
}

func joinTokens(ts []token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 && !attaches(t.Text) {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

func joinLower(ts []token) string { return strings.ToLower(joinTokens(ts)) }

// attaches reports tokens written without a space before them.
func attaches(s string) bool {
	return s == "'s" || s == "’s" || s == "." || s == "," || s == ")" || s == "-" || s == "'"
}
