package extract

// CRITICIZED rules: criticism verbs and nouns.

import (
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// criticPhrases are phrasal verbs of criticism: the words after the verb,
// then the verb's forms. The subject criticises the object that follows the
// words; with reversed set, the object of the words criticises the subject
// ("Y came under fire from X").
var criticPhrases = []struct {
	words    []string
	verbs    map[string]bool
	reversed bool
	named    bool // the object must be named right after the words
}{
	{words: []string{"out", "at"}, verbs: hitVerbs},
	{words: []string{"out", "at"}, verbs: lashVerbs},
	{words: []string{"back", "at"}, verbs: hitVerbs},
	{words: []string{"on"}, verbs: map[string]bool{"rounded": true, "rounds": true, "turned": true, "turns": true}, named: true},
	{words: []string{"cold", "water", "on"}, verbs: map[string]bool{"poured": true, "pours": true, "pouring": true, "pour": true, "threw": true, "throws": true}},
	{words: []string{"scorn", "on"}, verbs: map[string]bool{"poured": true, "pours": true, "pouring": true, "heaped": true, "heaps": true}},
	{words: []string{"doubt", "on"}, verbs: map[string]bool{"cast": true, "casts": true, "casting": true, "threw": true, "throws": true}},
	{words: []string{"into"}, verbs: intoVerbs, named: true},
	{words: []string{"under", "fire", "from"}, verbs: map[string]bool{"came": true, "comes": true, "coming": true, "come": true}, reversed: true},
	{words: []string{"under", "attack", "from"}, verbs: map[string]bool{"came": true, "comes": true, "coming": true, "come": true}, reversed: true},
	{words: []string{"aim", "at"}, verbs: map[string]bool{"took": true, "takes": true, "taking": true, "take": true}},
}

var hitVerbs = map[string]bool{"hit": true, "hits": true, "hitting": true}

var lashVerbs = map[string]bool{"lashed": true, "lashes": true, "lashing": true, "lash": true}

// intoVerbs, before "into" and a name, attack in words: "tore into Y".
var intoVerbs = map[string]bool{"laid": true, "lays": true, "laying": true, "tore": true, "tears": true, "ripped": true, "rips": true}

// criticizedVerb: "X criticised Y", "X accused Y of ...", "Y was attacked by X".
func criticizedVerb(c *clauseView) []edge {
	var out []edge
	// "X hit out at Y", "X poured cold water on Y's plans", "X rounded on Y".
	for p := 0; p+1 < c.n(); p++ {
		for _, ph := range criticPhrases {
			if !ph.verbs[c.tok(p).Lower] || !c.wordsAt(p+1, ph.words) || c.negated(p) || p > 0 && c.tok(p-1).Lower == "to" || !ph.reversed && c.unnamedSubject(p) {
				continue
			}
			at := p + 1 + len(ph.words)
			if ph.named && c.mentionAt(at) == nil {
				continue
			}
			if ph.reversed {
				out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, c.objects(at, critics), c.subjects(p, targets))...)
			} else {
				out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, c.criticsOf(p), c.aimedAt(at))...)
			}
		}
	}
	for _, p := range c.triggersAt(graph.Criticized, "verb") {
		t := c.tok(p)
		if !c.verbAt(p) || c.negated(p) || p > 0 && c.tok(p-1).Lower == "to" {
			continue // not done: "is expected to attack", "called on X to denounce"
		}
		if c.passive(p) {
			var agents []int
			for i := p + 1; i+1 < c.n(); i++ {
				if c.tok(i).Lower == "by" {
					agents = c.objects(i+1, critics)
					break
				}
				if clauseBreaks[c.tok(i).Lower] || c.tok(i).Text == "." || isVerb(c.tok(i)) && !c.tok(i).Quoted {
					break // "criticised for being thrown into defensive mode by X": X threw
				}
			}
			out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, agents, c.subjects(p, targets))...)
			continue
		}
		if p > 0 && (c.tok(p-1).Tag == "NN" || c.tok(p-1).Tag == "NNS") && !c.sent.Headline {
			// "X announced plans, in a move branded "a retreat" by Y": Y
			// criticised X, the one whose move it is.
			if by := c.agentBy(p); by >= 0 {
				out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, c.objects(by+1, critics), c.subjects(p, targets))...)
				continue
			}
		}
		if t.Tag == "VBN" && !c.sent.Headline && !c.afterAux(p) {
			continue // "the plan criticised by ..." handled as passive; bare participle otherwise
		}
		if c.unnamedSubject(p) {
			continue // "why ministers attacked Y", "how can we accuse Y"
		}
		if who := c.relativeSubject(p); who != nil {
			// "some supporters, who criticised Y": the supporters did.
			out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, who, c.aimedAt(p+1))...)
			continue
		}
		out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, c.criticsOf(p), c.aimedAt(p+1))...)
	}
	// "X described Y's plans as "a shambles"", "X dubbed Y "incompetent"".
	for p := 0; p+1 < c.n(); p++ {
		if !labelVerbs[c.tok(p).Lower] || !c.verbAt(p) || c.passive(p) || c.negated(p) || c.tok(p).Quoted || c.unnamedSubject(p) || !c.quotedCritical(p+1) {
			continue
		}
		out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, c.criticsOf(p), c.aimedAt(p+1))...)
	}
	// "X rejected Y's claims", "X dismissed the Y complaint".
	for p := 0; p+1 < c.n(); p++ {
		if !rebuffVerbs[c.tok(p).Lower] || !c.verbAt(p) || c.passive(p) || c.negated(p) || c.tok(p).Quoted || c.unnamedSubject(p) {
			continue
		}
		if owner := c.claimOwner(p+1, claimNouns); owner >= 0 {
			out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, c.criticsOf(p), []int{owner})...)
		}
	}
	// "X urged Y to stop squabbling", "X called on Y to apologise".
	for p := 0; p+3 < c.n(); p++ {
		w := c.tok(p).Lower
		at := p + 1
		if (w == "called" || w == "calls" || w == "calling") && c.tok(p+1).Lower == "on" {
			at = p + 2
		} else if !urgeVerbs[w] {
			continue
		}
		if !c.verbAt(p) && w != "called" && w != "calls" || c.passive(p) || c.negated(p) || c.tok(p).Quoted || c.unnamedSubject(p) {
			continue
		}
		aimed := c.objects(at, targets)
		to := -1
		for i := at; i < c.n() && i <= at+8; i++ {
			if c.tok(i).Lower == "to" {
				to = i
				break
			}
		}
		if len(aimed) == 0 || to < 0 || to+1 >= c.n() || !c.demand(to+1) {
			continue
		}
		out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, c.criticsOf(p), aimed)...)
	}
	// "X questioned Y's integrity".
	for p := 0; p+1 < c.n(); p++ {
		if !doubtVerbs[c.tok(p).Lower] || !c.verbAt(p) || c.passive(p) || c.negated(p) || c.tok(p).Quoted || c.unnamedSubject(p) {
			continue
		}
		if owner := c.claimOwner(p+1, virtueNouns); owner >= 0 {
			out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, c.criticsOf(p), []int{owner})...)
		} else if i := c.virtueOf(p + 1); i >= 0 {
			out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, c.criticsOf(p), c.objects(i, targets))...) // "questions trust of Y"
		}
	}
	return out
}

// urgeVerbs ask someone to do something; asking them to stop or to
// apologise finds fault with what they do.
var urgeVerbs = map[string]bool{"urged": true, "urges": true, "urging": true, "told": true, "tells": true, "challenged": true}

// demandVerbs, after "urged Y to", say Y is in the wrong.
var demandVerbs = map[string]bool{
	"stop": true, "end": true, "halt": true, "drop": true, "abandon": true, "scrap": true, "withdraw": true,
	"apologise": true, "apologize": true, "resign": true, "quit": true, "reverse": true, "rethink": true,
	"sack": true, "retract": true,
}

// demand reports a demand verb at i: "stop", "step down", "back down",
// "come clean".
func (c *clauseView) demand(i int) bool {
	w := c.tok(i).Lower
	if demandVerbs[w] {
		return true
	}
	if i+1 >= c.n() {
		return false
	}
	next := c.tok(i + 1).Lower
	return (w == "step" || w == "back") && next == "down" || w == "come" && next == "clean"
}

// doubtVerbs put a quality of their object in doubt: "questioned Y's
// judgement".
var doubtVerbs = map[string]bool{"questioned": true, "questions": true, "questioning": true, "doubted": true, "doubts": true}

// virtueNouns are qualities whose doubt is criticism.
var virtueNouns = map[string]bool{
	"integrity": true, "credibility": true, "judgement": true, "judgment": true, "competence": true, "motives": true,
	"honesty": true, "commitment": true, "professionalism": true, "record": true, "handling": true, "leadership": true,
	"sincerity": true, "claims": true, "ability": true, "independence": true, "fitness": true, "trustworthiness": true,
	"trust": true, "honour": true, "motive": true,
}

// virtueOf returns, for a phrase "(the) N of Y" at p with N a virtue noun,
// the position of Y, or -1.
func (c *clauseView) virtueOf(p int) int {
	if p < c.n() && (c.tok(p).Tag == "DT" || c.tok(p).Tag == "JJ") {
		p++
	}
	if p+2 < c.n() && virtueNouns[c.tok(p).Lower] && c.tok(p+1).Lower == "of" && c.mentionAt(p+2) != nil {
		return p + 2
	}
	return -1
}

// labelVerbs give their object a name; with a critical word in quotes the
// name is criticism.
var labelVerbs = map[string]bool{
	"described": true, "describes": true, "labelled": true, "labeled": true, "labels": true, "dubbed": true,
	"dubs": true, "called": true, "calls": true, "termed": true,
}

// rebuffVerbs turn down what someone said: "rejected Mr Howard's comment".
var rebuffVerbs = map[string]bool{
	"rejected": true, "rejects": true, "dismissed": true, "dismisses": true, "rebuffed": true, "rebuffs": true,
	"rebutted": true, "rebuts": true, "ridiculed": true, "scorned": true,
}

// claimNouns are things said that can be turned down.
var claimNouns = map[string]bool{
	"claim": true, "claims": true, "comment": true, "comments": true, "criticism": true, "criticisms": true,
	"accusation": true, "accusations": true, "allegation": true, "allegations": true, "complaint": true,
	"complaints": true, "remarks": true, "charge": true, "charges": true, "attack": true, "attacks": true,
}

// quotedCritical reports a critical word inside quotation marks in the
// clause from p on, within a few words: `as "a shambles"`.
func (c *clauseView) quotedCritical(p int) bool {
	for i := p; i < c.n() && i <= p+14; i++ {
		t := c.tok(i)
		if !t.Quoted && (clauseBreaks[t.Lower] || t.Text == "." || t.Text == ";") {
			return false
		}
		if t.Quoted && c.critical(i) {
			return true
		}
	}
	return false
}

// claimOwner returns whose thing of nouns the phrase at p names ("Mr
// Howard's comment", "the US complaint"), or -1.
func (c *clauseView) claimOwner(p int, nouns map[string]bool) int {
	for i := p; i < c.n() && i <= p+3; i++ {
		m := c.mentionAt(i)
		if m == nil {
			if t := c.tok(i); t.Tag != "DT" && t.Tag != "JJ" && !c.lx.titles[t.Lower] {
				return -1
			}
			continue
		}
		if !m.Possessive && !m.Modifier || m.Location || m.Kind == byDemonym {
			return -1
		}
		for j := m.End; j < c.n() && j <= m.End+3; j++ {
			if nouns[c.tok(j).Lower] {
				return m.Entity
			}
			if t := c.tok(j); t.Tag != "POS" && t.Tag != "JJ" && t.Text != "'" {
				return -1
			}
		}
		return -1
	}
	return -1
}

// aimedAt returns the targets of the object phrase at p: its actors, or
// else the owner of what it names through "of" ("the trade policies of the
// G7 nations", "the handling of the crisis by X" is no owner).
func (c *clauseView) aimedAt(p int) []int {
	if out := c.objects(p, targets); len(out) > 0 {
		return c.beforeWith(p, c.withoutQualifiers(p, out))
	}
	for i := p; i < c.n() && i <= p+5; i++ {
		t := c.tok(i)
		switch {
		case t.Lower == "of" && i > p && (c.tok(i-1).Tag == "NN" || c.tok(i-1).Tag == "NNS") && !c.lx.titles[c.tok(i-1).Lower] && !memberNouns[c.tok(i-1).Lower]:
			m := c.mentionAt(i + 1)
			if m == nil && i+2 < c.n() && c.tok(i+1).Tag == "DT" {
				m = c.mentionAt(i + 2)
			}
			if m == nil || m.Possessive {
				return nil // the owner follows at once: "of X", "of the X", not "of X's system"
			}
			return c.objects(i+1, targets)
		case t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "NN" || t.Tag == "NNS" || t.Tag == "PRP$" || t.Text == `"`:
		default:
			return nil
		}
	}
	return nil
}

// beforeWith keeps the targets named before any "with" in the phrase at
// p: "a complaint against Brussels with the WTO" is not aimed at the WTO.
func (c *clauseView) beforeWith(p int, ents []int) []int {
	with := -1
	for i := p; i < c.n() && i <= p+12; i++ {
		if c.tok(i).Lower == "with" && c.mentionAt(i) == nil {
			with = i
			break
		}
	}
	if with < 0 {
		return ents
	}
	var out []int
	for _, e := range ents {
		for i := p; i < with; i++ {
			if m := c.mentionAt(i); m != nil && m.Entity == e {
				out = appendNew(out, e)
				break
			}
		}
	}
	return out
}

// withoutQualifiers drops from the targets of the phrase at p the actors
// that only qualify the people aimed at: "Britain's top sprinters", "an
// Evening Standard journalist" are not Britain or the paper.
func (c *clauseView) withoutQualifiers(p int, ents []int) []int {
	drop := map[int]bool{}
	for i := p; i < c.n() && i <= p+8; i++ {
		m := c.mentionAt(i)
		if m == nil || m.Start != i {
			continue
		}
		j := m.End
		if m.Possessive && j < c.n() && c.tok(j).Tag == "POS" {
			j++
		}
		for j < c.n() && c.tok(j).Tag == "JJ" {
			j++
		}
		if !m.Possessive && !m.Modifier || j >= c.n() || c.mentionAt(j) != nil {
			continue
		}
		w := c.tok(j)
		people := memberNouns[w.Lower] || c.lx.relationNouns[w.Lower] || w.Tag == "NNS" && (strings.HasSuffix(w.Lower, "ers") || strings.HasSuffix(w.Lower, "ists"))
		single := w.Tag == "NN" && (c.lx.titles[w.Lower] || c.lx.relationNouns[w.Lower])
		if m.Possessive && m.Type == graph.Country && people || m.Modifier && single {
			drop[m.Entity] = true
		}
	}
	if len(drop) == 0 {
		return ents
	}
	var out []int
	for _, e := range ents {
		if !drop[e] {
			out = append(out, e)
		}
	}
	return out
}

// memberNouns name people of a body, not what it does: "the supporters of
// X" are not X.
var memberNouns = map[string]bool{
	"members": true, "member": true, "supporters": true, "fans": true, "friends": true, "critics": true, "some": true,
	"many": true, "most": true, "rest": true, "staff": true, "workers": true, "employees": true, "opponents": true, "rivals": true,
	"victims": true, "families": true, "relatives": true, "customers": true, "shareholders": true, "owners": true, "founders": true,
}

// criticsOf returns the subject of the verb at p: the actors named right
// before it (with any joined by "and"), else the clause's subjects. In
// "saying he admired Mr Blair's leadership, he criticised Y" only the
// second "he" criticised.
func (c *clauseView) criticsOf(p int) []int {
	i := p - 1
	for i >= 0 && (c.tok(i).Tag == "RB" || c.tok(i).Tag == "MD" || isAux(c.tok(i))) {
		i--
	}
	m := c.mentionAt(i)
	if m != nil && c.ofNoun(m) {
		return nil // "the owner of the firm Halvor has sued": the owner, unnamed
	}
	if m == nil || m.Possessive || m.Location || c.aside[i] || c.tok(i).Quoted || !critics.allows(m) {
		return c.subjects(p, critics)
	}
	out := []int{m.Entity}
	k := -1
	for j := range c.ms {
		if &c.ms[j] == m {
			k = j
		}
	}
	for ; k > 0; k-- {
		prev, cur := &c.ms[k-1], &c.ms[k]
		if prev.Possessive || prev.Location || !c.joinedByAnd(prev.End, cur.Start) || cur.Start-prev.End > 3 || c.aside[prev.Start] {
			break
		}
		out = appendNew(out, prev.Entity)
	}
	return out
}

// unnamedSubject reports a subject right before the verb at p that names
// no actor: a common noun ("ministers attacked"), a pronoun no actor stands
// for ("we accuse"), after any adverbs, modals and auxiliaries.
func (c *clauseView) unnamedSubject(p int) bool {
	i := p - 1
	for i >= 0 && (c.tok(i).Tag == "RB" || c.tok(i).Tag == "MD" || isAux(c.tok(i))) {
		i--
	}
	if i < 0 || c.mentionAt(i) != nil || c.aside[i] {
		return false
	}
	switch t := c.tok(i); {
	case t.Tag == "PRP":
		return true
	case t.Tag == "NNS" || t.Tag == "NN":
		// "Labour MPs attacked": the party qualifies the critics.
		return i == 0 || c.mentionAt(i-1) == nil && !c.lx.titles[c.tok(i-1).Lower]
	}
	return false
}

// relativeSubject returns, for a verb right after "who" or "which", the
// actor the relative pronoun stands for: the name right before it, or none
// (an empty non-nil list) when a common noun stands there. It returns nil
// when the verb follows no relative pronoun.
func (c *clauseView) relativeSubject(p int) []int {
	i := p - 1
	for i >= 0 && (c.tok(i).Tag == "RB" || isAux(c.tok(i))) {
		i--
	}
	if i < 1 || c.tok(i).Lower != "who" && c.tok(i).Lower != "which" {
		return nil
	}
	j := i - 1
	if c.tok(j).Text == "," && j > 0 {
		j--
	}
	if m := c.mentionAt(j); m != nil && !m.Possessive && !m.Modifier {
		return []int{m.Entity}
	}
	return []int{}
}

// agentBy returns the position of the "by" that names the agent of the
// participle at p, within its clause and a few words, or -1.
func (c *clauseView) agentBy(p int) int {
	for i := p + 1; i < c.n() && i <= p+10; i++ {
		t := c.tok(i)
		if t.Lower == "by" && !t.Quoted {
			return i
		}
		if clauseBreaks[t.Lower] || t.Text == "," && !t.Quoted || t.Text == "." || isVerb(t) && !t.Quoted {
			return -1
		}
	}
	return -1
}

// wordsAt reports whether the words from p on are ws.
func (c *clauseView) wordsAt(p int, ws []string) bool {
	if p+len(ws) > c.n() {
		return false
	}
	for i, w := range ws {
		if c.tok(p+i).Lower != w {
			return false
		}
	}
	return true
}

// withoutPrepObjects drops from ents the actors named before p only as the
// object of a preposition: in "X wrote to Y, accusing ..." X accuses.
func (c *clauseView) withoutPrepObjects(p int, ents []int) []int {
	var out []int
	for _, e := range ents {
		keep := false
		for k := range c.ms {
			m := &c.ms[k]
			if m.Entity != e || m.Start >= p {
				continue
			}
			i := m.Start - 1
			for i >= 0 && (c.tok(i).Tag == "DT" || c.lx.titles[c.tok(i).Lower] || c.tok(i).Tag == "NNP" && c.mentionAt(i) == nil) {
				i--
			}
			if i < 0 || c.tok(i).Tag != "IN" && c.tok(i).Tag != "TO" {
				keep = true
			}
		}
		if keep {
			out = append(out, e)
		}
	}
	return out
}

// statementNouns are what a speaker makes: "X opened with a speech
// criticising Y" is X criticising Y.
var statementNouns = map[string]bool{
	"speech": true, "statement": true, "letter": true, "article": true, "column": true, "interview": true,
	"remarks": true, "comments": true, "address": true, "broadcast": true, "message": true, "post": true,
	"report": true, "lawsuit": true, "suit": true, "complaint": true, "petition": true,
}

// criticizedGerund: "X has been accused of criticising Y": the clause's
// subject criticised Y.
//
// After a noun the gerund's agent is that noun phrase's actor instead:
// "Labour poster plans attacking Mr Howard".
func criticizedGerund(c *clauseView) []edge {
	var out []edge
	for _, p := range c.triggersAt(graph.Criticized, "gerund") {
		if c.negated(p) {
			continue // "denied criticising"
		}
		if p+1 < c.n() && (c.tok(p+1).Tag == "NN" || c.tok(p+1).Tag == "NNS") && c.mentionAt(p+1) == nil && !c.lx.titles[c.tok(p+1).Lower] {
			continue // an adjective: "attacking talent", "attacking midfielder"
		}
		agents := c.subjects(p, critics)
		if kept := c.withoutPrepObjects(p, agents); len(kept) > 0 || len(agents) == 0 {
			agents = kept
		} else {
			// "X wrote to Y on Tuesday accusing him of ...": the clause's
			// first actor that is no preposition's object.
			var free []*mention
			for _, m := range c.subjectCands(c.clauseStart(p), p, critics) {
				if len(c.withoutPrepObjects(p, []int{m.Entity})) > 0 {
					free = append(free, m)
				}
			}
			agents = pickHeads(free)
		}
		if p > 0 && (c.tok(p-1).Tag == "NN" || c.tok(p-1).Tag == "NNS") && !statementNouns[c.tok(p-1).Lower] {
			agents = nil
			for i := p - 1; i >= 0 && i >= p-4; i-- {
				if m := c.mentionAt(i); m != nil && m.Type != graph.Country {
					agents = []int{m.Entity}
					break
				}
			}
		}
		out = append(out, pairs(graph.Criticized, "criticized-gerund", c.sent.Index, agents, c.aimedAt(p+1))...)
	}
	return out
}

// criticismNoun: "X's attack on Y", "X opened with an attack on Y's record",
// "criticism of Y by X".
func criticismNoun(c *clauseView) []edge {
	var out []edge
	for p := 0; p+2 < c.n(); p++ {
		t := c.tok(p)
		prep := c.tok(p + 1).Lower
		at := p + 1 // the preposition that gives the target
		if k := c.placeThenAgainst(p + 1); k > 0 && c.lx.legalNouns[t.Lower] {
			prep, at = "against", k // "filed charges in a Boston court against Y"
		}
		legal := c.lx.legalNouns[t.Lower] && prep == "against" && c.legalStep(p)
		if !legal && (!c.lx.attackNouns[t.Lower] || prep != "on" && prep != "of" && prep != "against" && prep != "at") || c.aside[p] {
			continue
		}
		if legal && (c.negated(p) || c.modalBefore(p)) {
			continue // "they will take action against Y" has not happened
		}
		aimed := c.aimedAt(at + 1)
		if len(aimed) == 0 {
			continue
		}
		var who []int
		switch {
		case p > 1 && c.tok(p-1).Tag == "POS":
			who = c.possessorBefore(p) // "Blair's attack on ..."
		case p > 0 && (c.tok(p-1).Lower == "an" || c.tok(p-1).Lower == "a" || c.tok(p-1).Tag == "JJ" || isVerb(c.tok(p-1))):
			who = c.subjects(p, critics) // "X launched a fierce attack on Y", "X takes swipe at Y"
		}
		for i := p + 2; i+1 < c.n() && len(who) == 0; i++ {
			if c.tok(i).Lower == "by" || c.tok(i).Lower == "from" {
				who = c.objects(i+1, critics) // "criticism of Y by X"
			}
			if clauseBreaks[c.tok(i).Lower] || c.tok(i).Text == "," {
				break
			}
		}
		if len(who) == 0 && legal {
			if o := c.pronounOwner(p); o != nil {
				who = o // "the government's witness in its case against Y"
			} else {
				who = c.subjects(p, critics) // "X has filed complaints against Y"
			}
		}
		out = append(out, pairs(graph.Criticized, "criticism-noun", c.sent.Index, who, aimed)...)
	}
	return out
}

// placeThenAgainst returns the position of an "against" after a short
// phrase of place or forum that starts at i ("in a Boston federal court
// against", "with the High Court against"), or -1.
func (c *clauseView) placeThenAgainst(i int) int {
	if i >= c.n() {
		return -1
	}
	switch c.tok(i).Lower {
	case "in", "at", "with", "before":
	default:
		return -1
	}
	for k := i + 1; k < c.n() && k <= i+6; k++ {
		t := c.tok(k)
		if t.Lower == "against" {
			return k
		}
		if t.Text == "," || clauseBreaks[t.Lower] || isVerb(t) || c.mentionAt(k) != nil && c.actorType(c.mentionAt(k).Entity) != graph.Organization {
			return -1
		}
	}
	return -1
}

// modalBefore reports a modal verb, "whether" or a plan shortly before p:
// "they will take action against Y", "it intends to take action against Y"
// have not happened.
func (c *clauseView) modalBefore(p int) bool {
	for i := p - 1; i >= 0 && i >= p-4; i-- {
		if t := c.tok(i); t.Tag == "MD" || t.Lower == "whether" || t.Lower == "if" || planWords[t.Lower] {
			return true
		}
	}
	return false
}

// planWords put a step in the future: "intends to take action against Y".
var planWords = map[string]bool{
	"threatened": true, "threatens": true, "threatening": true, "intends": true, "intend": true, "intended": true,
	"plans": true, "planned": true, "planning": true, "wants": true, "want": true, "hopes": true, "considering": true,
	"consider": true, "considers": true, "considered": true, "mulled": true, "mulling": true, "weighing": true,
	"expected": true, "likely": true,
}

// pronounOwner returns, for a noun after a possessive pronoun ("its case"),
// the actor the pronoun stands for, or an empty non-nil list when it stands
// for none.
func (c *clauseView) pronounOwner(p int) []int {
	for i := p - 1; i >= 0 && i >= p-3; i-- {
		if c.tok(i).Tag == "PRP$" {
			if m := c.mentionAt(i); m != nil {
				return []int{m.Entity}
			}
			return []int{}
		}
		if c.tok(i).Tag != "JJ" && c.tok(i).Tag != "NN" {
			break
		}
	}
	return nil
}

// legalWords make "action" or "case" a legal step: "legal action against",
// "brought a case against".
var legalWords = map[string]bool{
	"legal": true, "court": true, "libel": true, "civil": true, "class": true, "antitrust": true,
	"filed": true, "files": true, "filing": true, "brought": true, "brings": true, "bringing": true,
	"launched": true, "launches": true, "took": true, "take": true, "takes": true, "taking": true,
	"lodged": true, "lodges": true, "began": true, "begun": true, "started": true, "its": true, "their": true,
}

// legalStep reports whether the legal noun at p is a step taken against
// someone: a lawsuit or complaint always, "action" and "case" after a
// word that makes them legal ("military action against" is none).
func (c *clauseView) legalStep(p int) bool {
	switch c.tok(p).Lower {
	case "action", "case", "claim", "claims", "charges":
		for i := p - 1; i >= 0 && i >= p-3; i-- {
			if legalWords[c.tok(i).Lower] {
				return true
			}
		}
		return false
	}
	return true
}
