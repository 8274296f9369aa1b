package extract

// Reported speech: who says something, and when what they say is criticism.

import (
	"github.com/actorgraph/actorgraph/graph"
)

// speaker finds who a sentence quotes or reports: the actor next to a speech
// verb ("Rubio told reporters", "said Mr Smith", "the Tories have claimed").
// It returns the speaker and the speech verb's position, or -1, -1.
func (c *clauseView) speaker() (int, int) {
	for p := 0; p < c.n(); p++ {
		t := c.tok(p)
		if !c.lx.speech[t.Lower] || t.Quoted {
			continue
		}
		if !c.mainSpeechVerb(p) {
			continue
		}
		// Before the verb, skipping auxiliaries, adverbs and brackets.
		for i := p - 1; i >= 0 && i >= p-8; i-- {
			u := c.tok(i)
			if m := c.mentionAt(i); m != nil && !m.Location && m.Type != graph.Country {
				if m.Possessive || c.namedAsQualifier(m) {
					break
				}
				return m.Entity, p
			}
			if u.Tag == "RB" || isAux(u) || u.Lower == "also" || u.Lower == "both" || u.Lower == "all" || c.aside[i] || u.Text == ")" || u.Text == "(" || u.Tag == "MD" {
				continue
			}
			// "..., by Mr Mandelson, who said the Tories were ...".
			if (u.Lower == "who" || u.Lower == "which") && i > 1 && c.tok(i-1).Text == "," {
				if m := c.mentionAt(i - 2); m != nil && !m.Possessive && !m.Location && m.Type != graph.Country {
					return m.Entity, p
				}
			}
			// "a Conservative spokeswoman said": the party speaks.
			if spokesNouns[u.Lower] && i > 0 {
				j := i - 1
				if c.tok(j).Tag == "POS" {
					j--
				}
				if m := c.mentionAt(j); m != nil && m.Type == graph.Organization && !m.Location {
					return m.Entity, p
				}
			}
			break
		}
		// After it, in an inversion: "..., said Larry Bevington".
		if p+1 < c.n() && p > 0 && (c.tok(p-1).Text == "," || c.tok(p-1).Text == `"`) {
			j := p + 1
			for j < c.n() && (c.lx.titles[c.tok(j).Lower] || c.tok(j).Tag == "DT" || c.tok(j).Tag == "JJ") {
				j++
			}
			if m := c.mentionAt(j); m != nil && !m.Location && m.Type != graph.Country {
				// "said ADB chief economist Ifzal Ali": the person speaks.
				// "said Tory shadow secretary Jo Bloggs" too, where the tagger
				// took "shadow" for a verb and the party for the speaker.
				for k := m.End; (m.Modifier || m.Possessive || m.Type == graph.Organization) && k < c.n() && k <= m.End+5; k++ {
					if t := c.tok(k); t.Tag == "," || t.Tag == "." || t.Tag == "IN" || t.Tag == "CC" {
						break
					}
					if pm := c.mentionAt(k); pm != nil {
						if pm.Type == graph.Person {
							return pm.Entity, p
						}
						break
					}
				}
				return m.Entity, p
			}
		}
	}
	return -1, -1
}

// namedAsQualifier reports a pronoun whose actor the sentence named before
// it only as a qualifier: in "The Peter Hain attack, he says, is ..." the
// "he" who speaks is someone else.
func (c *clauseView) namedAsQualifier(m *mention) bool {
	if m.Kind != byPronoun {
		return false
	}
	for _, o := range c.ms {
		if o.Entity == m.Entity && o.Start < m.Start && o.Kind != byPronoun && (o.Modifier || o.End < c.n() && c.tok(o.End).Text == `"` && !o.Possessive) {
			return true
		}
	}
	return false
}

// spokesNouns speak for the body named before them: "a Labour spokesman
// said", "the company's statement said".
var spokesNouns = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "spokesmen": true, "spokeswomen": true,
	"statement": true, "spokespeople": true,
}

// mainSpeechVerb reports whether the speech verb at p attributes the
// sentence: it follows a closing quote ("'...,' he said"), or no actor
// outside quotes comes before its subject ("Dr Fox told reporters: ...").
// A speech verb deep in a clause ("claims he had once told Mr Blair") does
// not name the sentence's speaker.
func (c *clauseView) mainSpeechVerb(p int) bool {
	for i := p - 1; i >= 0 && i >= p-10; i-- {
		t := c.tok(i)
		if t.Text == `"` && i > 0 && c.tok(i-1).Quoted {
			return true
		}
		if c.mentionAt(i) == nil && t.Text != "," && t.Tag != "RB" && !isAux(t) && t.Tag != "MD" && !c.aside[i] && !c.lx.titles[t.Lower] && t.Tag != "DT" && t.Tag != "POS" {
			break
		}
	}
	end := true // "..., Peter Mandelson has said.", "..., say the Tories."
	for i := p + 1; i < c.n(); i++ {
		t := c.tok(i)
		if m := c.mentionAt(i); m != nil {
			if p == 0 || c.tok(p-1).Text != "," && !c.tok(p-1).Quoted || m.End < c.n()-1 {
				end = false
			}
			i = m.End - 1
			continue
		}
		if t.Tag != "." && t.Tag != "RB" && t.Tag != "NN" && t.Tag != "NNP" && t.Tag != "DT" && !c.lx.titles[t.Lower] {
			end = false
		}
	}
	if end {
		return true
	}
	actors := 0
	for _, m := range c.ms {
		if m.Start < p && !c.tok(m.Start).Quoted && !c.aside[m.Start] && !m.Location {
			actors++
		}
	}
	// The subject itself, with any qualifier ("Eli Lilly's officer X").
	return actors <= 2
}

// criticalRemark: a named speaker says something critical of a named actor:
// "'This is a scurrilous attempt by the Tories ...,' he said".
func criticalRemark(c *clauseView) []edge {
	spk, at := c.speaker()
	if spk < 0 {
		spk = c.carriedSpeaker
	}
	if spk < 0 {
		return nil
	}
	// The remark is split into clauses; in each clause that holds a critical
	// word, the first actor named (with any joined to it by "and") is the one
	// the remark is about.
	var out []edge
	clause := 0
	for i := 0; i <= c.n(); i++ {
		if i < c.n() && !clauseBreaks[c.tok(i).Lower] && !remarkBreaks[c.tok(i).Lower] && !(c.tok(i).Lower == "that" && i > 0 && c.tok(i-1).Lower == "and") {
			continue
		}
		for _, e := range c.remarkTargets(clause, i, spk, at) {
			out = append(out, e)
			for _, co := range c.coSpeakers(spk, at) {
				if co != e.Target {
					e.Source = co
					out = append(out, e)
				}
			}
		}
		clause = i + 1
	}
	return append(out, c.demandedOf(spk, at)...)
}

// demandedOf returns the edges from speaker spk to whoever the speaker says
// should stop, apologise or resign: "X said Y should apologise".
func (c *clauseView) demandedOf(spk, at int) []edge {
	var out []edge
	for i := 1; i+1 < c.n(); i++ {
		w := c.tok(i).Lower
		if w != "should" && w != "must" || i == at {
			continue
		}
		j := i + 1
		for j < c.n() && c.tok(j).Tag == "RB" {
			j++
		}
		if j >= c.n() || !c.demand(j) || c.negated(j) {
			continue
		}
		m := c.mentionAt(i - 1)
		if m == nil || m.Entity == spk || m.Possessive || m.Location || m.Type == graph.Country || c.ownParty(spk, m.Entity) {
			continue
		}
		out = append(out, edge{Rel: graph.Criticized, Source: spk, Target: m.Entity, Sent: c.sent.Index, Rule: "critical-remark"})
	}
	return out
}

// hasWord reports whether the word w is among the tokens [from, to).
func (c *clauseView) hasWord(from, to int, w string) bool {
	for i := from; i < to; i++ {
		if c.tok(i).Lower == w {
			return true
		}
	}
	return false
}

// coSpeakers returns the actors joined by "and" to the speaker named right
// before the speech verb at `at`: "The Tories and the Lib Dems said ...".
func (c *clauseView) coSpeakers(spk, at int) []int {
	if at < 0 {
		return nil
	}
	k := -1
	for j := range c.ms {
		if m := &c.ms[j]; m.Entity == spk && m.End <= at && at-m.End <= 3 {
			k = j
		}
	}
	var out []int
	for ; k > 0; k-- {
		prev, cur := &c.ms[k-1], &c.ms[k]
		if prev.Possessive || prev.Location || prev.Modifier || prev.Type == graph.Country || c.tok(prev.Start).Quoted || !c.joinedByAnd(prev.End, cur.Start) || cur.Start-prev.End > 3 {
			break
		}
		if len(out) == 0 && !c.hasWord(prev.End, cur.Start, "and") {
			break // "... Alastair Campbell, Peter Mandelson has said"
		}
		out = append(out, prev.Entity)
	}
	return out
}

// traitWords are critical words that name a failing of whoever qualifies
// them: "Lib Dem hypocrisy" is the Lib Dems', where "the Enron scandal" is
// an event.
var traitWords = map[string]bool{
	"hypocrisy": true, "arrogance": true, "incompetence": true, "complacency": true, "deceit": true,
	"dishonesty": true, "ineptitude": true, "negligence": true, "mismanagement": true, "petulance": true,
	"opportunism": true, "cynicism": true,
}

// remarkBreaks start a subordinate clause whose actors a remark's critical
// word does not reach: "... was false as the documents were created by X".
var remarkBreaks = map[string]bool{"as": true, "since": true, "who": true, "where": true}

// remarkTargets returns the edges from speaker spk to what the clause
// [from, to) criticises: for each critical word, the nearest actor before it
// (with any joined to it by "and"), or else the nearest after it.
func (c *clauseView) remarkTargets(from, to, spk, at int) []edge {
	// The bodies that qualify the speaker ("Liberal Democrat spokeswoman
	// X") are the speaker's side wherever the sentence names them.
	own := map[int]bool{}
	for k := range c.ms {
		if m := &c.ms[k]; m.Kind != byPronoun && c.qualifies(m, spk) && !c.commaBetween(m.End, spk) {
			own[m.Entity] = true
		}
		// "Patricia Sanders, spokeswoman for the committee, said": the
		// voice of a side, not what its remark is about.
		if m := &c.ms[k]; m.Type == graph.Person && m.End+1 < c.n() && c.tok(m.End).Text == "," && spokesNouns[c.tok(m.End+1).Lower] {
			own[m.Entity] = true
		}
	}
	var cands []*mention
	for k := range c.ms {
		m := &c.ms[k]
		if m.Start < from || m.End > to || m.Entity == spk || own[m.Entity] || c.listener(m, at) || c.ownParty(spk, m.Entity) ||
			c.gerundObject(m) ||
			at >= 0 && m.Start > at-3 && m.Start < at || // "..., Peter Mandelson has said"
			m.Type == graph.Country || m.Location || m.Kind == byDemonym || c.victim(m) || c.qualifiesPerson(m) || c.qualifiesRole(m) {
			continue
		}
		cands = append(cands, m)
	}
	var out []edge
	add := func(m *mention) {
		out = append(out, edge{Rel: graph.Criticized, Source: spk, Target: m.Entity, Sent: c.sent.Index, Rule: "critical-remark"})
	}
	for n := from; n < to; n++ {
		if !c.critical(n) || c.negated(n) {
			continue // "I don't blame him"
		}
		if c.nestedSpeaker(n, spk, at) {
			continue // "X said Y had complained of a mess": Y's remark, not X's
		}
		if c.selfCritical(n, spk, at) {
			continue // "X said he lied to the board"
		}
		// A critical word that qualifies a noun ("irresponsible drinks
		// promotions", "a smear campaign") is about that thing: its owner
		// stands right before it, or comes after it through "of" or "by".
		near := c.attributive(n)
		before := -1
		for k, m := range cands {
			if near && m.End < n-3 {
				continue
			}
			if c.pronounSubject(n) {
				break // "they were wrong": about whoever "they" are
			}
			if at >= 0 && at < n && m.Start < at {
				continue // "For the Lib Dems, X said ... failed": the speaker's side
			}
			if m.End <= n && n-m.Start <= 30 && !(m.Modifier && m.End == n && !traitWords[c.tok(n).Lower]) { // "the Enron scandal" names an event
				before = k
			}
		}
		if before >= 0 {
			add(cands[before])
			for k := before; k > 0 && c.joinedByAnd(cands[k-1].End, cands[k].Start); k-- {
				add(cands[k-1])
			}
			continue
		}
		// After the critical word only as its agent or owner: "a scurrilous
		// attempt by the Tories", "the failure of Labour".
		for _, m := range cands {
			if m.Start > n && m.Start-n <= 20 && c.agentAfter(n, m.Start, at) {
				add(m)
				break
			}
		}
	}
	return out
}

// critical reports whether the word at n makes a remark critical: a word of
// the negative lexicon, or "broke"/"broken" with a promise, rule or the like
// after it ("has broken its promise", not "has broken his leg").
func (c *clauseView) critical(n int) bool {
	w := c.tok(n).Lower
	if (w == "lies" || w == "lie") && (isVerb(c.tok(n)) || n+1 < c.n() && c.tok(n+1).Tag == "IN" && c.tok(n+1).Lower != "of" && c.tok(n+1).Lower != "about") {
		return false // "the best prospect lies in ..."
	}
	if w == "desperate" && n+1 < c.n() && (c.tok(n+1).Lower == "need" || c.tok(n+1).Lower == "for" || c.tok(n+1).Lower == "to") {
		return false // "in desperate need of cash"
	}
	if c.lx.negative[w] {
		return !c.remedied(n)
	}
	for _, ph := range criticalPhrases {
		if ph[0] == w && c.wordsAt(n, ph) {
			return true
		}
	}
	if w != "broke" && w != "broken" && w != "breaking" && w != "breaks" {
		return false
	}
	for i := n + 1; i < c.n() && i <= n+4; i++ {
		if c.lx.broken[c.tok(i).Lower] {
			return true
		}
	}
	return false
}

// criticalPhrases make a remark critical as a whole, negation included:
// "their sums do not add up", "cannot be trusted".
var criticalPhrases = [][]string{
	{"not", "add", "up"}, {"n't", "add", "up"}, {"out", "of", "touch"}, {"cannot", "be", "trusted"},
	{"not", "be", "trusted"}, {"lack", "of", "trust"}, {"lost", "the", "trust"}, {"no", "credibility"},
	{"run", "out", "of", "ideas"}, {"run", "out", "of", "steam"}, {"run", "out", "of", "solutions"},
	{"political", "points"}, {"point", "scoring"}, {"not", "fit", "for", "purpose"}, {"wasted", "opportunity"},
	{"missed", "opportunity"}, {"smoke", "and", "mirrors"}, {"let", "down"},
}

// remedyVerbs act against what their object names: "to end the scandal",
// "would avoid the old parties' lies" promise a cure, not criticism.
var remedyVerbs = map[string]bool{
	"end": true, "ending": true, "ends": true, "tackle": true, "tackling": true, "tackles": true,
	"fight": true, "fighting": true, "stop": true, "stopping": true, "address": true, "solve": true,
	"fix": true, "prevent": true, "preventing": true, "avoid": true, "avoiding": true, "combat": true,
	"eliminate": true, "reduce": true, "reducing": true, "cut": true, "root": true, "expose": true, "exposing": true,
}

// remedied reports a critical word that is the object of a remedy verb,
// through determiners, adjectives, nouns and names.
func (c *clauseView) remedied(n int) bool {
	for i := n - 1; i >= 0 && i >= n-6; i-- {
		t := c.tok(i)
		if remedyVerbs[t.Lower] {
			return true
		}
		if t.Tag != "DT" && t.Tag != "JJ" && t.Tag != "NN" && t.Tag != "NNS" && t.Tag != "NNP" && t.Tag != "POS" && t.Text != "'" && t.Text != `"` && c.mentionAt(i) == nil {
			return false
		}
	}
	return false
}

// attributive reports a critical word used before the noun it qualifies.
func (c *clauseView) attributive(n int) bool {
	t := c.tok(n)
	if t.Tag != "JJ" && t.Tag != "NN" {
		return false
	}
	i := n + 1
	for i < c.n() && (c.tok(i).Text == `"` || c.tok(i).Text == "'") {
		i++
	}
	if i >= c.n() || c.mentionAt(i) != nil {
		return false
	}
	next := c.tok(i)
	return (next.Tag == "NN" || next.Tag == "NNS") && !c.lx.negative[next.Lower]
}

// agentAfter reports whether the words from a critical word at n to an actor
// at m lead to the actor as agent or owner, through "by", "of" or "from",
// with no verb but the speech verb at `at` on the way ("'... reckless,' said
// Anna Berg of the plan by Tomas Lind").
func (c *clauseView) agentAfter(n, m, at int) bool {
	via := false
	for i := n + 1; i < m; i++ {
		switch t := c.tok(i); {
		case via && (t.Text == "," || t.Tag == "CC"):
			return false // "the failure of the first competition, X and Y have ..."
		case i == at:
		case (t.Lower == "by" || t.Lower == "from") && c.tok(i-1).Text == `"` && c.tok(i-2).Quoted:
			return false // `"a humiliating retreat" by the Tories`: they said it
		case t.Lower == "by" || t.Lower == "of" || t.Lower == "from":
			via = true
		case isVerb(t):
			return false
		}
	}
	return via
}

// gerundObject reports an actor that is the object of a gerund opening the
// clause: in "comparing X to Y is crass" the remark is about whoever
// compares, not X.
func (c *clauseView) gerundObject(m *mention) bool {
	i := m.Start - 1
	for i >= 0 && c.tok(i).Tag == "DT" {
		i--
	}
	if i < 0 || c.tok(i).Tag != "VBG" {
		return false
	}
	return i == 0 || c.tok(i-1).Text == `"` || c.tok(i-1).Text == "," || c.tok(i-1).Text == ":"
}

// pronounSubject reports a pronoun that names no actor ("they", "it", "we")
// as the subject right before the critical word at n ("they were wrong"):
// the remark is about whoever the pronoun means.
func (c *clauseView) pronounSubject(n int) bool {
	for i := n - 1; i >= 0 && i >= n-3; i-- {
		if c.mentionAt(i) != nil {
			return false
		}
		switch c.tok(i).Lower {
		case "they", "it", "we", "i", "you", "this", "these":
			return true
		}
	}
	return false
}

// ownParty reports whether org is the organization person's title tied them
// to: a Tory's remark about "a Tory government" is not criticism of it.
func (c *clauseView) ownParty(person, org int) bool {
	p, ok := c.party[person]
	return ok && p == org
}

// nestedSpeaker reports a second speaker between the speech verb at `at`
// and the critical word at n: an actor other than spk right before a speech
// verb ("Mr Howard said Mr Blunkett had complained ..."), so the critical
// word reports what that one said.
func (c *clauseView) nestedSpeaker(n, spk, at int) bool {
	if at < 0 || at > n {
		return false
	}
	for i := at + 1; i < n; i++ {
		t := c.tok(i)
		if !c.lx.speech[t.Lower] || t.Quoted || !isVerb(t) {
			continue
		}
		j := i - 1
		for j > at && (isAux(c.tok(j)) || c.tok(j).Tag == "RB" || c.tok(j).Tag == "MD") {
			j--
		}
		if m := c.mentionAt(j); m != nil && m.Entity != spk {
			return true
		}
	}
	return false
}

// selfCritical reports whether the actor named last before the critical
// word at n, after the speech verb at `at` when it comes first, is the
// speaker: the remark is about the speaker's own doing.
func (c *clauseView) selfCritical(n, spk, at int) bool {
	for i := n - 1; i >= 0 && (at < 0 || at > n || i > at); i-- {
		if m := c.mentionAt(i); m != nil {
			return m.Entity == spk
		}
	}
	return false
}

// qualifiesPerson reports an actor that only qualifies the person named
// right after it: "Ofsted boss Mr Bell".
func (c *clauseView) qualifiesPerson(m *mention) bool {
	if !m.Modifier && !m.Possessive {
		return false
	}
	for _, o := range c.ms {
		if o.Start >= m.End && o.Start-m.End <= 4 {
			return o.Type == graph.Person && !c.quoteBetween(m.End, o.Start)
		}
	}
	return false
}

// qualifiesRole reports a name that only qualifies a role or person noun
// after it: "his Arsenal counterpart" is a person, not Arsenal.
func (c *clauseView) qualifiesRole(m *mention) bool {
	if !m.Modifier && !m.Possessive || m.End >= c.n() {
		return false
	}
	i := m.End
	if m.Possessive && i < c.n() && c.tok(i).Tag == "POS" {
		i++ // "Jackson's associates"
	}
	for i < c.n() && c.tok(i).Tag == "JJ" {
		i++
	}
	if i >= c.n() {
		return false
	}
	w := c.tok(i).Lower
	return c.lx.titles[w] && m.Modifier || c.lx.relationNouns[w]
}

// listener reports the one a speech verb at `at` addresses: "told MPs",
// "told the Guardian".
func (c *clauseView) listener(m *mention, at int) bool {
	if at < 0 || c.tok(at).Lower != "told" && c.tok(at).Lower != "tells" {
		return false
	}
	return m.Start == at+1 || m.Start == at+2 && c.tok(at+1).Tag == "DT"
}

// joinedByAnd reports whether the words between two actors join them into one
// subject: "Mr Campbell's return and Labour poster plans".
func (c *clauseView) joinedByAnd(from, to int) bool {
	and := false
	for i := from; i < to; i++ {
		t := c.tok(i)
		switch {
		case t.Lower == "and" || t.Text == ",":
			and = true
		case isVerb(t) || t.Tag == "IN" || t.Tag == "MD":
			return false
		}
	}
	return and
}

// victim reports whether m is what a critical word right before it is aimed
// at ("from demonising media chief Alastair Campbell"): the speaker reports
// that criticism rather than making it.
func (c *clauseView) victim(m *mention) bool {
	for i := m.Start - 1; i >= 0 && i >= m.Start-6; i-- {
		t := c.tok(i)
		if tr, ok := c.lx.triggers[t.Lower]; ok && tr.Rel == graph.Criticized || c.lx.negative[t.Lower] {
			return true
		}
		switch {
		case t.Tag == "DT", t.Tag == "JJ", t.Tag == "NN", t.Tag == "NNP", t.Tag == "POS", t.Text == `"`, c.lx.titles[t.Lower]:
			continue
		}
		return false
	}
	return false
}

// qualifies reports whether m is part of how the sentence names person p:
// "Eli Lilly's chief medical officer Alan Breier" does not criticise Eli Lilly.
func (c *clauseView) qualifies(m *mention, p int) bool {
	if !m.Possessive && !m.Modifier {
		return false
	}
	for _, o := range c.ms {
		if o.Entity == p && o.Start > m.Start && o.Start-m.End <= 5 && !c.quoteBetween(m.End, o.Start) {
			return true
		}
	}
	return false
}

// commaBetween reports a comma between token from and the next mention of
// actor e: "in his Budget, Charles Kennedy said" does not qualify him.
func (c *clauseView) commaBetween(from, e int) bool {
	for i := from; i < c.n(); i++ {
		if m := c.mentionAt(i); m != nil && m.Entity == e {
			return false
		}
		if c.tok(i).Text == "," {
			return true
		}
	}
	return true
}

// quoteBetween reports a quotation mark in [from, to): what comes before it
// is said, not a name's qualifier.
func (c *clauseView) quoteBetween(from, to int) bool {
	for i := from; i < to; i++ {
		if c.tok(i).Text == `"` {
			return true
		}
	}
	return false
}

// criticizedTargets returns the actors a sentence reports as criticised
// without naming the critic: "coaching by Witkoff drew criticism".
func criticizedTargets(c *clauseView) map[int]bool {
	out := map[int]bool{}
	for p, t := range c.sent.Tokens {
		if !c.lx.criticismNouns[t.Lower] {
			continue
		}
		start := c.clauseStart(p)
		for k := range c.ms {
			m := &c.ms[k]
			if m.Start >= start && m.Start < p && !m.Location && m.Type != graph.Country && m.Kind != byDemonym {
				out[m.Entity] = true
			}
		}
	}
	return out
}

// quotedCritic: criticism reported as a quote that follows news of the
// criticism: "... drew criticism. 'It is clear that X favors ...,' Y wrote."
func quotedCritic(c *clauseView) []edge {
	if len(c.criticized) == 0 {
		return nil
	}
	spk, _ := c.speaker()
	if spk < 0 {
		return nil
	}
	var out []edge
	for k := range c.ms {
		m := &c.ms[k]
		if c.criticized[m.Entity] && m.Entity != spk && c.tok(m.Start).Quoted {
			out = append(out, edge{Rel: graph.Criticized, Source: spk, Target: m.Entity, Sent: c.sent.Index, Rule: "quoted-critic"})
		}
	}
	return out
}
