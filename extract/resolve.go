package extract

import (
	"slices"
	"sort"
	"strings"

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
	Strong  bool   // at least one mention that is not weak
}

// resolver merges an article's mentions into actors.
type resolver struct {
	lx     *lexicon
	actors []*actor
	byKey  map[string]int

	acronymCount map[string]int // times each unknown acronym is used
	tokens       [][]token      // each sentence's tokens, for speakerOf
}

// newResolver returns a resolver for the mentions of the given sentences.
func newResolver(lx *lexicon, sents []sentence) *resolver {
	r := &resolver{lx: lx, byKey: map[string]int{}, tokens: make([][]token, len(sents))}
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
	r.byKey[key] = len(r.actors) - 1
	return len(r.actors) - 1
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
					r.actors[m.Entity].Aliases[m.Name] = true
				}
			case m.Kind == byName && m.Type == graph.Organization && !isAcronym(m.Name) && !m.Weak:
				m.Entity = r.add(m.Type, m.Name)
				if m.Alias != "" {
					r.actors[m.Entity].Aliases[m.Alias] = true
				}
			case m.Kind == byName && m.Type == graph.Person && m.End-m.Start >= 2:
				m.Entity = r.fullName(m.Name)
			}
			if m.Entity >= 0 && !m.Weak {
				r.actors[m.Entity].Strong = true
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
			if m.Entity >= 0 && !m.Weak {
				r.actors[m.Entity].Strong = true
			}
		}
	}
	// Titles and countries of persons.
	for si := range sents {
		ms := sents[si]
		for mi := range ms {
			m := &ms[mi]
			if m.Entity < 0 || m.Type != graph.Person {
				continue
			}
			a := r.actors[m.Entity]
			for _, t := range m.Titles {
				a.Titles[t] = true
				a.Female = a.Female || femaleHonorifics[strings.TrimSuffix(t, ".")]
				a.Male = a.Male || maleHonorifics[strings.TrimSuffix(t, ".")]
			}
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

// fullName returns the person for a name of two or more words, merging it
// with a known person whose name it extends or shortens ("George Bush",
// "George W Bush").
func (r *resolver) fullName(name string) int {
	words := strings.Fields(name)
	for i, a := range r.actors {
		if a.Type != graph.Person {
			continue
		}
		aw := strings.Fields(a.Name)
		if len(aw) < 2 {
			continue
		}
		if tail := strings.ToLower(name); strings.HasSuffix(strings.ToLower(a.Name), " "+tail) {
			a.Aliases[name] = true // "Van Nistelrooy" for "Ruud van Nistelrooy"
			return i
		}
		if aw[len(aw)-1] != words[len(words)-1] || aw[0] != words[0] {
			continue
		}
		if len(words) > len(aw) {
			a.Aliases[a.Name] = true
			delete(r.byKey, graph.EntityID(graph.Person, a.Name))
			a.Name = name
			r.byKey[graph.EntityID(graph.Person, name)] = i
		} else if name != a.Name {
			a.Aliases[name] = true
		}
		return i
	}
	return r.add(graph.Person, name)
}

// shortName resolves a one-word name to the person it shortens: by surname,
// then by first name; among several, honorifics and recency decide. A name
// with a title that matches nobody becomes a person of its own; a weak one
// with nothing to match is dropped (-1).
func (r *resolver) shortName(m *mention, si int) int {
	var cands []int
	for _, pass := range []func([]string) string{last, first} {
		for i, a := range r.actors {
			if a.Type != graph.Person {
				continue
			}
			aw := strings.Fields(a.Name)
			if len(aw) >= 2 && pass(aw) == m.Name {
				cands = append(cands, i)
			}
		}
		if len(cands) > 0 {
			break
		}
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
	}
	if len(cands) > 0 {
		a := r.actors[cands[0]]
		a.Aliases[m.Name] = true
		return cands[0]
	}
	for i, a := range r.actors { // an organization or country named by one word
		if a.Name == m.Name || a.Aliases[m.Name] {
			return i
		}
	}
	for i, a := range r.actors { // "Mitsubishi" for "Mitsubishi Motors", "the Bank" for "Bank of England"
		if a.Type == graph.Organization && (strings.HasPrefix(a.Name, m.Name+" ") ||
			m.Type == graph.Organization && slices.Contains(strings.Fields(a.Name), m.Name)) {
			a.Aliases[m.Name] = true
			return i
		}
	}
	if m.Weak {
		return -1
	}
	return r.add(m.Type, m.Name)
}

func last(ws []string) string  { return ws[len(ws)-1] }
func first(ws []string) string { return ws[0] }

// acronym resolves an acronym to the organization it was given for, or whose
// initials it spells; otherwise it names an organization of its own.
func (r *resolver) acronym(m *mention) int {
	letters := strings.ReplaceAll(m.Name, ".", "")
	for i, a := range r.actors {
		if a.Type == graph.Country {
			continue
		}
		if a.Aliases[m.Name] || initials(a.Name) == letters {
			a.Aliases[m.Name] = true
			return i
		}
	}
	// An unexplained acronym used once is more often a term ("QMV") than an
	// organization, unless it qualifies a title or owns something.
	if m.Weak || r.acronymCount[m.Name] < 2 && !m.Modifier && !m.Possessive {
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
	var recent [][]int                     // persons of each sentence with one, the topic first
	for si := range sents {
		ms := sents[si]
		for mi := range ms {
			m := &ms[mi]
			switch m.Kind {
			case byPronoun:
				if m.Entity = r.reportedSelf(si, ms, mi); m.Entity < 0 {
					m.Entity = r.pronoun(ms, mi, recent)
				}
			case byRole:
				m.Entity = r.role(m, lastSeen)
			}
		}
		var persons []int
		if spk := r.speakerOf(sents, si); spk >= 0 {
			persons = append(persons, spk) // "..., Charles Kennedy has said. But he ..."
		}
		for _, m := range ms {
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
		}
	}
	return -1
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

// pronoun picks the person a pronoun refers to: a person earlier in the same
// sentence (the first, or a possessor) unless the pronoun is an object, else
// the person the previous sentences were about. recent holds the persons of
// the sentences read so far, each sentence's topic first.
func (r *resolver) pronoun(ms []mention, mi int, recent [][]int) int {
	p := ms[mi]
	object := p.Name == "him" || strings.EqualFold(p.Name, "her") && !p.Possessive
	var firstPerson, possessor = -1, -1
	for _, m := range ms[:mi] {
		if m.Entity < 0 || m.Type != graph.Person || m.Kind == byPronoun {
			continue
		}
		if firstPerson < 0 {
			firstPerson = m.Entity
		}
		if m.Possessive && possessor < 0 {
			possessor = m.Entity
		}
	}
	female := strings.EqualFold(p.Name, "she") || strings.EqualFold(p.Name, "her")
	fits := func(i int) bool {
		if i < 0 {
			return false
		}
		a := r.actors[i]
		return female && !a.Male || !female && !a.Female
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
	return best
}

// headTitles are the titles that "the leader" may stand for.
var headTitles = []string{"president", "prime minister", "premier", "chancellor", "king", "queen", "leader", "emir", "sultan"}

func titleFits(have map[string]bool, want string) bool {
	if have[want] {
		return true
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
