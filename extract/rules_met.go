package extract

// MET_WITH rules: meetings, talks and visits.

import (
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// metVerb: "X met (with) Y", "X hosted Y", "X and Y meet".
func metVerb(c *clauseView) []edge {
	var out []edge
	for _, p := range c.triggersAt(graph.MetWith, "verb") {
		if !c.verbAt(p) || c.negated(p) || c.wished(p) {
			continue
		}
		if c.passive(p) {
			// "X was met by Y at the airport", "X was visited by Y".
			if p+2 < c.n() && c.tok(p+1).Lower == "by" && c.tok(p).Lower != "meet" && c.tok(p).Lower != "meets" {
				out = append(out, pairs(graph.MetWith, "met-verb", c.sent.Index, c.objects(p+2, participants), c.subjects(p, hosts))...)
			}
			continue
		}
		if c.visitVerb(p) && !c.personSubject(p) {
			continue // "Chelsea visit Arsenal": a fixture, not a visit
		}
		subj := c.subjects(p, hosts)
		if len(subj) == 0 {
			subj = c.groupBefore(p) // "US officials met X"
		}
		q := p + 1
		if q < c.n() && c.tok(q).Lower == "with" {
			q++
		} else if w := c.withAfterAdjuncts(q); w > 0 {
			q = w + 1 // "met on Monday in Oslo with Y"
		}
		obj := c.objects(q, participants)
		if len(obj) == 0 {
			obj = c.groupAt(q) // "met EU officials"
		}
		if len(obj) == 0 && len(subj) > 1 && c.coordinatedBefore(p) {
			out = append(out, allPairs(graph.MetWith, "met-verb", c.sent.Index, subj)...) // "X and Y met"
			continue
		}
		out = append(out, pairs(graph.MetWith, "met-verb", c.sent.Index, subj, obj)...)
	}
	return out
}

// withoutFixtures drops the meetings of two teams by the verb: "England
// are still to meet Italy", "Exeter City will travel to meet Manchester
// United" are matches, and matches are never meetings. Talks between two
// clubs ("Chelsea held talks with Arsenal") stay.
func (c *clauseView) withoutFixtures(es []edge) []edge {
	out := es[:0]
	for _, e := range es {
		if e.Rel == graph.MetWith && e.Rule == "met-verb" && c.isTeam(e.Source) && c.isTeam(e.Target) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// isTeam reports whether the sentence names actor e as a team: a place
// named as a team in a report of sport (teams.go), a club the lexicon
// knows, or a name that ends in a club's head ("Exeter City" in a report
// of sport, "Leeds United").
func (c *clauseView) isTeam(e int) bool {
	for _, m := range c.ms {
		if m.Entity != e {
			continue
		}
		if m.Team {
			return true
		}
		if le, ok := c.lx.actors[m.Canonical]; ok && le.Kind == "sport" {
			return true
		}
		if ws := strings.Fields(m.Name); m.Type == graph.Organization && len(ws) >= 2 && clubHeads[ws[len(ws)-1]] {
			return true
		}
	}
	return false
}

// clubHeads end the names of sports clubs.
var clubHeads = map[string]bool{"FC": true, "United": true, "City": true, "Rovers": true, "Athletic": true, "Albion": true,
	"Wanderers": true, "Hotspur": true, "Rangers": true, "County": true, "Town": true, "AFC": true}

// groupNouns are the people who act for the actor that qualifies them:
// "EU officials", "US negotiators".
var groupNouns = map[string]bool{"officials": true, "ministers": true, "diplomats": true, "negotiators": true,
	"representatives": true, "executives": true, "bosses": true, "delegation": true, "delegates": true, "envoys": true}

// groupAt returns the actor whose people are named at q: "(the) EU
// officials" gives the EU.
func (c *clauseView) groupAt(q int) []int {
	for q < c.n() && (c.tok(q).Tag == "DT" || c.tok(q).Tag == "JJ" || c.tok(q).Tag == "CD") && c.mentionAt(q) == nil {
		q++
	}
	if m := c.mentionAt(q); m != nil && m.Start == q && m.Modifier && m.Kind != byDemonym && m.Type != graph.Person &&
		m.End < c.n() && groupNouns[c.tok(m.End).Lower] {
		return []int{m.Entity}
	}
	return nil
}

// groupBefore returns the actor whose people are the subject right before
// the verb at p: "US officials met ...", "EU negotiators have met ...".
func (c *clauseView) groupBefore(p int) []int {
	i := p - 1
	for i >= 0 && (isAux(c.tok(i)) || c.tok(i).Tag == "RB" || c.tok(i).Tag == "MD") {
		i--
	}
	if i < 1 || !groupNouns[c.tok(i).Lower] {
		return nil
	}
	if m := c.mentionAt(i - 1); m != nil && m.End == i {
		if g := c.groupAt(m.Start); len(g) > 0 && (m.Start == 0 || c.mentionAt(m.Start-1) == nil) {
			return g
		}
	}
	return nil
}

// visitorVerbs are the met verbs of a visit, whose visitor must be a person.
var visitorVerbs = map[string]bool{"visit": true, "visits": true, "visited": true, "visiting": true}

func (c *clauseView) visitVerb(p int) bool { return visitorVerbs[c.tok(p).Lower] }

// personSubject reports whether the subject of the verb at p is a person.
func (c *clauseView) personSubject(p int) bool {
	subj := c.subjects(p, participants)
	return len(subj) > 0 && c.actorType(subj[0]) == graph.Person
}

// adjunctWords may stand between a meeting verb and its "with": "met on
// Monday in Oslo with", "met last week at the ministry with".
var adjunctWords = map[string]bool{
	"on": true, "in": true, "at": true, "last": true, "this": true,
	"week": true, "month": true, "year": true, "yesterday": true, "today": true,
	"earlier": true, "later": true, "privately": true, "briefly": true, "again": true,
	"the": true, "a": true, ",": true,
}

// withAfterAdjuncts returns the position of the "with" that follows a few
// words of time and place after a meeting verb (starting at q), or 0. The
// words in between name no actor.
func (c *clauseView) withAfterAdjuncts(q int) int {
	for i := q; i < c.n() && i <= q+6; i++ {
		t := c.tok(i)
		if t.Lower == "with" {
			if i == q {
				return 0
			}
			return i
		}
		if c.mentionAt(i) != nil && !c.mentionAt(i).Location {
			return 0
		}
		if !adjunctWords[t.Lower] && t.Tag != "NNP" && t.Tag != "CD" && t.Tag != "NN" {
			return 0
		}
	}
	return 0
}

// handshakeVerbs shake hands: "X shook hands with Y" is a meeting.
var handshakeVerbs = map[string]bool{"shook": true, "shake": true, "shakes": true, "shaking": true}

// sitVerbs sit down with someone: "X sat down with Y".
var sitVerbs = map[string]bool{"sat": true, "sit": true, "sits": true, "sitting": true}

// metPhrase: "X shook hands with Y", "X was pictured shaking hands with Y",
// "X and Y shook hands", "X sat down with Y".
func metPhrase(c *clauseView) []edge {
	var out []edge
	for p := 0; p+1 < c.n(); p++ {
		w := c.tok(p).Lower
		second := c.tok(p + 1).Lower
		if !(handshakeVerbs[w] && second == "hands" || sitVerbs[w] && second == "down") || c.negated(p) || c.planned(p) {
			continue
		}
		subj := c.subjects(p, hosts)
		if p+2 < c.n() && c.tok(p+2).Lower == "with" {
			out = append(out, pairs(graph.MetWith, "met-phrase", c.sent.Index, subj, c.objects(p+3, participants))...)
		} else if handshakeVerbs[w] && len(subj) > 1 && c.coordinatedBefore(p) {
			out = append(out, allPairs(graph.MetWith, "met-phrase", c.sent.Index, subj)...) // "X and Y shook hands"
		}
	}
	return out
}

// attendVerbs take part in a meeting.
var attendVerbs = map[string]bool{"attend": true, "attends": true, "attended": true, "attending": true}

// attendanceNouns are the nouns of a gathering that people attend.
var attendanceNouns = map[string]bool{"meeting": true, "meetings": true, "talks": true, "summit": true, "dinner": true, "session": true, "negotiations": true}

// attendedBy: "the meeting was attended by X and Y", and the attendees of
// "X met Y, with Z also in attendance".
func attendedBy(c *clauseView) []edge {
	var out []edge
	for p := 2; p+2 < c.n(); p++ {
		t := c.tok(p)
		switch {
		case t.Lower == "attended" && c.tok(p+1).Lower == "by" && beForms[c.tok(p-1).Lower]:
			// "The talks were attended by X, Y and Z".
			if !attendanceNouns[c.tok(p-2).Lower] || c.negated(p-1) {
				continue
			}
			out = append(out, allPairs(graph.MetWith, "met-attended", c.sent.Index, c.objects(p+2, participants))...)
		case attendVerbs[t.Lower] && isVerb(t) && !c.negated(p) && !c.planned(p):
			// "X is attending the G7 summit": X meets the body whose meeting it is.
			j := p + 1
			if c.tok(j).Tag == "DT" {
				j++
			}
			host := c.mentionAt(j)
			if host == nil || host.Type == graph.Person || !host.Modifier || host.End >= c.n() || !gatheringNouns[c.tok(host.End).Lower] {
				continue
			}
			out = append(out, pairs(graph.MetWith, "met-attended", c.sent.Index, c.subjects(p, hosts), []int{host.Entity})...)
		case t.Lower == "with" && c.inAttendance(p):
			// "X met Y, with Z also in attendance": Z met both.
			var met []int
			for _, e := range append(metVerb(c), talksWith(c)...) {
				met = appendNew(appendNew(met, e.Source), e.Target)
			}
			if len(met) == 0 && c.gatheringBefore(p) {
				met = c.subjects(p, hosts) // "X hosted a dinner, with Y also in attendance"
			}
			if len(met) == 0 {
				continue
			}
			att := c.objects(p+1, participants)
			if len(att) == 0 {
				continue
			}
			for _, a := range att {
				met = appendNew(met, a)
			}
			out = append(out, allPairs(graph.MetWith, "met-attended", c.sent.Index, met)...)
		}
	}
	return out
}

// gatheringBefore reports a meeting noun in the clause before p.
func (c *clauseView) gatheringBefore(p int) bool {
	for i := c.clauseStart(p); i < p; i++ {
		if attendanceNouns[c.tok(i).Lower] {
			return true
		}
	}
	return false
}

// inAttendance reports "with ... (also) in attendance" opening at the "with" at p.
func (c *clauseView) inAttendance(p int) bool {
	for i := p + 1; i+1 < c.n() && i <= p+12; i++ {
		if c.tok(i).Lower == "in" && c.tok(i+1).Lower == "attendance" {
			return true
		}
		if c.tok(i).Text == "." || c.tok(i).Text == ";" || isVerb(c.tok(i)) {
			return false
		}
	}
	return false
}

// planned reports a meeting not yet held: "will discuss", "is to attend",
// "hopes to discuss" (as the relation model's frames read a plan).
func (c *clauseView) planned(p int) bool {
	for i := p - 1; i >= 0 && i >= p-3; i-- {
		if c.tok(i).Tag == "MD" || c.tok(i).Lower == "to" && i > 0 && futureTo(c.tok(i-1).Lower, c.lx.classes) {
			return true
		}
	}
	return c.wished(p)
}

// wished reports a meeting only hoped for: "hoping to meet", "wants to meet".
func (c *clauseView) wished(p int) bool {
	if p < 2 || c.tok(p-1).Lower != "to" {
		return false
	}
	switch c.tok(p - 2).Lower {
	case "hope", "hopes", "hoped", "hoping", "want", "wants", "wanted", "like", "love", "wish", "wishes", "dreams", "dream",
		"happy", "willing", "ready", "prepared", "glad", "delighted", "keen", "eager", "offered", "offers":
		return true // "would be happy to meet", "offered to meet"
	}
	return false
}

// coordinatedBefore reports "X and Y met": the verb right after a list of
// names joined by "and" or commas.
func (c *clauseView) coordinatedBefore(p int) bool {
	names, i := 0, p-1
	for ; i >= 0; i-- {
		t := c.tok(i)
		if m := c.mentionAt(i); m != nil {
			names++
			i = m.Start
			continue
		}
		if t.Lower == "and" || t.Text == "," || t.Tag == "RB" || t.Tag == "MD" || isAux(t) || t.Lower == "to" || t.Lower == "will" {
			continue
		}
		break
	}
	return names >= 2
}

// subjectAfterComma returns the actor that opens the main clause after an
// opening phrase that ends at the first comma after p: the subject of "After
// talks with X, Y said".
func (c *clauseView) subjectAfterComma(p int) []int {
	for i := p; i+1 < c.n(); i++ {
		if c.tok(i).Text != "," {
			continue
		}
		j := i + 1
		for j < c.n() && (c.lx.titles[strings.TrimSuffix(c.tok(j).Lower, ".")] || c.tok(j).Tag == "DT") {
			j++ // "Mr", "the"
		}
		if m := c.mentionAt(j); m != nil && m.Type != graph.Country && !m.Possessive && !m.Modifier &&
			m.End < c.n() && isVerb(c.tok(m.End)) {
			return []int{m.Entity}
		}
		return nil
	}
	return nil
}

// afterPhrase returns the position of the "after" or "following" that
// puts the meeting noun at p in the past ("after a meeting with", "following
// his talks with", "after meeting"), with only articles, adjectives and
// possessive pronouns between; or -1.
func (c *clauseView) afterPhrase(p int) int {
	i := p - 1
	for i >= 0 && (c.tok(i).Tag == "DT" || c.tok(i).Tag == "JJ" || c.tok(i).Tag == "PRP$") {
		i--
	}
	if i >= 0 && (c.tok(i).Lower == "after" || c.tok(i).Lower == "following") {
		return i
	}
	return -1
}

// afterSubject returns who held the meeting of an "after" phrase at p: the
// subject after the comma when the phrase opens the sentence ("After talks
// with X, Y said"), else the speaker of the sentence ("said Y, after a
// meeting with X"), else the subject of the clause before it ("Y left after
// talks with X"). from is where the phrase's object begins.
func (c *clauseView) afterSubject(p, from int) []int {
	if p == 0 || isOpener(c.tok(p-1).Text) {
		return c.subjectAfterComma(from)
	}
	if spk, at := c.speaker(); spk >= 0 && at < p {
		return []int{spk}
	}
	return c.subjects(p, hosts)
}

// openingPrepositions open a phrase that sets the scene of the clause after
// it: "During talks with X, Y said", "At a meeting with X on Monday, Y ...".
var openingPrepositions = map[string]bool{"in": true, "during": true, "at": true}

// interviewNouns are the meeting nouns of an interview.
var interviewNouns = map[string]bool{"interview": true, "interviews": true}

// openingPhrase reports the meeting noun at p in an opening phrase at the
// start of the sentence: "In an interview with", "During his talks with".
// Only articles and adjectives stand between the preposition and the noun.
func (c *clauseView) openingPhrase(p int) bool {
	i := p - 1
	for i >= 0 && (c.tok(i).Tag == "DT" || c.tok(i).Tag == "JJ" || c.tok(i).Tag == "PRP$") {
		i--
	}
	return i == 0 && openingPrepositions[c.tok(0).Lower]
}

// possessivePronouns stand for the actor whose talks they are.
var possessivePronouns = map[string]bool{"his": true, "her": true, "their": true, "its": true}

// talksWith: "X held talks with Y", "X arrived for talks with Y", "her
// meeting with Y".
func talksWith(c *clauseView) []edge {
	var out []edge
	for _, p := range append(c.triggersAt(graph.MetWith, "noun"), c.visitNouns()...) {
		if p+1 >= c.n() || c.aside[p] && c.beforeAside(p) == nil {
			continue // an aside, unless "X, a banker who has held talks with Y,"
		}
		visit := visitorVerbs[c.tok(p).Lower]
		after := c.afterPhrase(p)
		if after >= 0 && after == p-1 && c.tok(p).Lower == "meeting" && !c.planned(after) {
			// "said X after meeting Y": the gerund of the verb.
			if m := c.mentionAt(p + 1); m != nil && m.Start == p+1 {
				out = append(out, pairs(graph.MetWith, "talks-with", c.sent.Index, c.afterSubject(after, p+1), c.objects(p+1, participants))...)
			}
			continue
		}
		with := p + 1 // "talks with", or "talks in Moscow on Monday with"
		if w := c.withAfterAdjuncts(p + 1); w > 0 && !visit {
			with = w
		}
		if !visit && c.tok(with).Lower != "with" && c.tok(p+1).Lower != "between" && c.tok(p+1).Lower != "of" {
			// "X and Y held talks", "X and Y are in talks about a merger".
			if subj := c.subjects(p, hosts); len(subj) > 1 && c.joined(p) && c.coordinatedSubjects(p) {
				out = append(out, allPairs(graph.MetWith, "talks-with", c.sent.Index, subj)...)
			}
			// "X arrives in Indonesia for a summit meeting": the host country.
			if v, host := c.arrivedFor(p); host != nil {
				if subj := c.subjects(v, hosts); len(subj) > 0 && c.actorType(subj[0]) == graph.Person {
					out = append(out, pairs(graph.MetWith, "talks-with", c.sent.Index, subj, []int{host.Entity})...)
				}
			}
			continue
		}
		if c.tok(p+1).Lower == "of" && gatheringNouns[c.tok(p).Lower] {
			// "X told a meeting of the Y", "X spoke at a meeting of the Y":
			// X met the body that met. An annual or general meeting is a
			// conference of many, where one speaker meets nobody in particular.
			if p > 0 && (c.tok(p-1).Lower == "annual" || c.tok(p-1).Lower == "general") {
				continue
			}
			if obj := c.objects(p+2, participants); len(obj) > 0 && (c.joined(p) || c.atGathering(p)) {
				out = append(out, pairs(graph.MetWith, "talks-with", c.sent.Index, c.subjects(p, hosts), obj)...)
			}
			continue
		}
		if c.tok(with).Lower != "with" && !visit {
			continue
		}
		obj := c.objects(with+1, participants)
		if len(obj) == 0 && !visit {
			obj = c.groupAt(with + 1) // "talks with EU officials"
		}
		if visit {
			obj = c.visited(p + 2)
		}
		if len(obj) == 0 {
			continue
		}
		var subj []int
		switch {
		case p > 0 && c.tok(p-1).Tag == "POS":
			subj = c.possessorBefore(p) // "Putin's talks with ..."
		case p > 0 && possessivePronouns[c.tok(p-1).Lower] && c.mentionAt(p-1) != nil:
			subj = []int{c.mentionAt(p - 1).Entity} // "her meeting with ...", resolved
		case p > 1 && c.tok(p-1).Tag == "NN" && possessivePronouns[c.tok(p-2).Lower] && c.mentionAt(p-2) != nil:
			subj = []int{c.mentionAt(p - 2).Entity} // "his peace talks with ..."
		case c.joined(p), visit && c.onVisit(p):
			subj = c.subjects(p, hosts)
		case after >= 0 && !c.planned(after):
			// "After talks with Mr Blair, Mr Abbas said ...", "said X, after a
			// meeting with Y", "X spoke to reporters after his talks with Y".
			subj = c.afterSubject(after, with+1)
		case !visit && !interviewNouns[c.tok(p).Lower] && c.openingPhrase(p):
			// "During talks with X, Y said ...". Not "In an interview with
			// the BBC, Y said": an outlet's interview is reporting.
			subj = c.subjectAfterComma(with + 1)
		}
		if visit && (len(subj) == 0 || c.actorType(subj[0]) != graph.Person) {
			continue // "Chelsea's visit to Arsenal": a fixture
		}
		out = append(out, pairs(graph.MetWith, "talks-with", c.sent.Index, subj, obj)...)
	}
	return out
}

// visited returns the host named at q after "visit to": a person, an
// organization or a country, though "to" makes a country a place.
func (c *clauseView) visited(q int) []int {
	if q < c.n() && c.tok(q).Tag == "DT" {
		q++
	}
	if m := c.mentionAt(q); m != nil && m.Start == q && !m.Possessive && !(m.Modifier && m.Type != graph.Country) {
		return []int{m.Entity}
	}
	return nil
}

// onVisit reports "is on a two-day visit" before the visit noun at p.
func (c *clauseView) onVisit(p int) bool {
	for i := p - 1; i >= 0 && i >= p-5; i-- {
		switch t := c.tok(i); {
		case t.Lower == "on":
			return i > 0 && beForms[c.tok(i-1).Lower]
		case t.Tag == "DT", t.Tag == "JJ", t.Tag == "NN", t.Tag == "CD", t.Text == "-":
		default:
			return false
		}
	}
	return false
}

// arrivalVerbs bring a visitor to a country.
var arrivalVerbs = map[string]bool{"arrive": true, "arrives": true, "arrived": true, "arriving": true, "flew": true, "flies": true,
	"travelled": true, "traveled": true, "travels": true, "went": true, "came": true}

// arrivedFor reads "arrived in Indonesia for (a special summit) meeting"
// before the meeting noun at p: it returns the arrival verb and the country
// the visitor came to, or nil.
func (c *clauseView) arrivedFor(p int) (int, *mention) {
	i := p - 1
	for i >= 0 && (c.tok(i).Tag == "DT" || c.tok(i).Tag == "JJ" || c.tok(i).Tag == "NN") {
		i--
	}
	if i < 3 || c.tok(i).Lower != "for" {
		return 0, nil
	}
	host := c.mentionAt(i - 1)
	if host == nil || host.Type != graph.Country || host.End != i || host.Start < 2 {
		return 0, nil
	}
	if prep := c.tok(host.Start - 1).Lower; prep != "in" && prep != "to" {
		return 0, nil
	}
	v := host.Start - 2
	if !arrivalVerbs[c.tok(v).Lower] || c.negated(v) || c.planned(v) {
		return 0, nil
	}
	return v, host
}

// visitNouns returns the positions of "visit to": "his visit to Norway".
func (c *clauseView) visitNouns() []int {
	var out []int
	for p := 0; p+1 < c.n(); p++ {
		if t := c.tok(p); (t.Lower == "visit" || t.Lower == "visits") && (t.Tag == "NN" || t.Tag == "NNS") && c.tok(p+1).Lower == "to" {
			out = append(out, p)
		}
	}
	return out
}

// coordinatedSubjects reports names joined by "and" right before the words
// that lead to the talks noun at p: "X and Y held talks", "X and Y are in
// talks". Separate talks are no meeting of the two.
func (c *clauseView) coordinatedSubjects(p int) bool {
	i := p - 1
	for ; i >= 0 && c.mentionAt(i) == nil; i-- {
		t := c.tok(i)
		if t.Lower == "separate" || t.Lower == "respective" {
			return false
		}
		if !(t.Tag == "NN" || t.Tag == "JJ" || t.Tag == "DT" || t.Tag == "RB" || t.Tag == "MD" || t.Tag == "CD" ||
			c.lx.joinVerbs[t.Lower] || beForms[t.Lower] || isAux(t)) {
			return false
		}
	}
	return i >= 0 && c.coordinatedBefore(i+1)
}

// gatheringNouns are the meeting nouns whose "of" names the body that met:
// "a meeting of the Parliamentary Labour Party".
var gatheringNouns = map[string]bool{"meeting": true, "meetings": true, "summit": true}

// atGathering reports "at" or "during" before the meeting noun at p, with
// only its determiners, dates and adjectives between: "at Monday's meeting".
func (c *clauseView) atGathering(p int) bool {
	for i := p - 1; i >= 0 && i >= p-4; i-- {
		t := c.tok(i)
		switch {
		case t.Lower == "at" || t.Lower == "during":
			return true
		case t.Tag == "DT", t.Tag == "JJ", t.Tag == "CD", t.Tag == "POS", t.Tag == "NNP" && c.mentionAt(i) == nil:
		default:
			return false
		}
	}
	return false
}

// discussVerbs report talks when the other side follows "with": "X
// discussed the crisis with Y".
var discussVerbs = map[string]bool{"discussed": true, "discuss": true, "discusses": true, "discussing": true}

// discussedWith: "X discussed the budget with Y", "X has discussed these
// claims with Y".
func discussedWith(c *clauseView) []edge {
	var out []edge
	for p := 0; p+2 < c.n(); p++ {
		if !discussVerbs[c.tok(p).Lower] || !isVerb(c.tok(p)) || c.passive(p) || c.negated(p) || c.planned(p) {
			continue
		}
		w := 0
		for i := p + 1; i < c.n() && i <= p+7; i++ {
			t := c.tok(i)
			if t.Lower == "with" {
				w = i
				break
			}
			if c.mentionAt(i) != nil || isVerb(t) || t.Text == "," || t.Text == "." || t.Tag == "IN" && t.Lower != "of" {
				break
			}
		}
		if w == 0 || w == p+1 {
			continue
		}
		out = append(out, pairs(graph.MetWith, "met-discussed", c.sent.Index, c.subjects(p, hosts), c.objects(w+1, participants))...)
	}
	return out
}

// joined reports whether the words between the clause's subject and the
// talks noun at p tie the subject to the talks.
func (c *clauseView) joined(p int) bool {
	start := c.clauseStart(p)
	lastActor := -1
	for k := range c.ms {
		m := c.ms[k]
		if m.Start >= start && m.End <= p && !m.Location && !m.Possessive && !c.aside[m.Start] {
			lastActor = m.End
		}
	}
	if lastActor < 0 {
		return false
	}
	// "X, a banker who has held talks": "who" stands for the name before
	// the apposition; the words after it tie it to the talks.
	// No verb stands before the pronoun: "Y criticised the banker who held
	// talks with Z" does not tie Y to the talks.
	for i := lastActor; i < p; i++ {
		if t := c.tok(i); isVerb(t) {
			break
		} else if t.Tag == "WP" && t.Lower == "who" && i > 0 && (c.tok(i-1).Tag == "NN" || c.tok(i-1).Text == ",") {
			lastActor = i + 1
			break
		}
	}
	link := false
	for i := lastActor; i < p; i++ {
		t := c.tok(i)
		if c.aside[i] != c.aside[p] || c.mentionAt(i) != nil {
			continue
		}
		switch {
		case c.lx.joinVerbs[t.Lower]:
			link = true
		case i == lastActor && (t.Tag == "NNS" || t.Tag == "NN"): // "Deutsche Boerse bosses"
		case i == p-1 && t.Tag == "NN": // "merger talks", "peace talks"
		case t.Tag == "RB", t.Tag == "MD", t.Tag == "TO", t.Tag == "DT", t.Tag == "JJ", t.Tag == "CD",
			t.Text == `"`, t.Text == ",", t.Lower == "and", t.Lower == "be", t.Lower == "been",
			t.Lower == "is", t.Lower == "are", t.Lower == "was", t.Lower == "were", t.Lower == "will",
			t.Lower == "to", t.Lower == "due", t.Lower == "set", t.Lower == "expected",
			t.Lower == "said", t.Lower == "says", reportedWords[t.Lower], t.Lower == "it", t.Lower == "they", t.Lower == "still", t.Lower == "now":
		case isPlace(c, i):
		default:
			return false
		}
	}
	return link
}

// reportedWords report talks at second hand: "X is reported to have held
// talks with Y", "is understood to be in talks with".
var reportedWords = map[string]bool{"reported": true, "reportedly": true, "understood": true, "believed": true, "thought": true, "known": true, "rumoured": true, "rumored": true}

// isPlace reports a capitalised word that names no actor (a city, say).
func isPlace(c *clauseView, i int) bool {
	t := c.tok(i)
	return t.Tag == "NNP" && c.mentionAt(i) == nil
}

// talksBetween: "talks between X, Y and Z".
func talksBetween(c *clauseView) []edge {
	var out []edge
	for _, p := range c.triggersAt(graph.MetWith, "noun") {
		if p+1 >= c.n() || c.tok(p+1).Lower != "between" {
			continue
		}
		out = append(out, allPairs(graph.MetWith, "talks-between", c.sent.Index, c.objects(p+2, participants))...)
	}
	return out
}
