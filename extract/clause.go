package extract

// What the rules see of a sentence: its clauses, subjects and objects.

import (
	"slices"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// clauseView is what a rule sees of one sentence: its tokens, its resolved
// mentions, and what the article said just before.
type clauseView struct {
	lx    *lexicon
	sent  *sentence
	ms    []mention // resolved mentions (Entity >= 0), in order
	aside []bool    // tokens inside brackets or an appositive / relative clause
	types []graph.EntityType
	// speaker of the quotation that runs on from the previous sentence, or -1
	carriedSpeaker int
	// actors the previous sentence reported as criticized
	criticized map[int]bool
	// party of each person, where a title gave one ("Tory co-chairman X")
	party map[int]int

	at []int // index in ms of the mention covering each token, or -1; built on first use
}

func (c *clauseView) tok(i int) token { return c.sent.Tokens[i] }

func (c *clauseView) n() int { return len(c.sent.Tokens) }

// mentionAt returns the mention covering token i, or nil.
func (c *clauseView) mentionAt(i int) *mention {
	if c.at == nil {
		c.at = make([]int, c.n())
		for k := range c.at {
			c.at[k] = -1
		}
		for k := len(c.ms) - 1; k >= 0; k-- {
			for t := c.ms[k].Start; t < c.ms[k].End && t < len(c.at); t++ {
				c.at[t] = k
			}
		}
	}
	if i < 0 || i >= len(c.at) || c.at[i] < 0 {
		return nil
	}
	return &c.ms[c.at[i]]
}

// sameSpan returns m and the mentions of the same words after it: "the two
// men" is one mention for each of the two (see pairReferences).
func (c *clauseView) sameSpan(m *mention) []*mention {
	out := []*mention{m}
	for k := range c.ms {
		o := &c.ms[k]
		if o != m && o.Start == m.Start && o.End == m.End {
			out = append(out, o)
		}
	}
	return out
}

// isFinite reports a finite verb or modal: "is", "said", "will".
func isFinite(t token) bool {
	switch t.Tag {
	case "VBZ", "VBD", "VBP", "MD":
		return true
	}
	return false
}

func isVerb(t token) bool { return len(t.Tag) >= 2 && t.Tag[:2] == "VB" }

// verbAt reports whether the trigger at p is used as a verb: tagged as one,
// or, where the tagger slipped ("The Lib Dems accuse/IN Mr Blair"), standing
// between an actor and what looks like its object.
func (c *clauseView) verbAt(p int) bool {
	if isVerb(c.tok(p)) && !c.sent.Headline {
		return true
	}
	// In a headline every word is capitalised and tags are unreliable: judge
	// by the shape, an actor before and an object after.
	if p == 0 || p+1 >= c.n() || c.mentionAt(p-1) == nil {
		return false
	}
	next := c.tok(p + 1)
	return c.mentionAt(p+1) != nil || next.Tag == "DT" || next.Tag == "PRP" || next.Tag == "PRP$" || c.lx.titles[next.Lower] ||
		c.sent.Headline && (next.Lower == "with" || next.Lower == "of")
}

func isAux(t token) bool {
	switch t.Lower {
	case "has", "have", "had", "having":
		return true
	}
	return false
}

// afterAux reports "has attacked", "have repeatedly attacked".
func (c *clauseView) afterAux(p int) bool {
	for i := p - 1; i >= 0 && i >= p-3; i-- {
		if isAux(c.tok(i)) {
			return true
		}
		if c.tok(i).Tag != "RB" {
			return false
		}
	}
	return false
}

var beForms = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "being": true, "be": true, "am": true}

// negated reports "did not meet", "never met".
func (c *clauseView) negated(p int) bool {
	for i := p - 1; i >= 0 && i >= p-3; i-- {
		switch c.tok(i).Lower {
		case "not", "n't", "never", "no", "refused", "refuses", "refuse", "declined", "declines",
			"decline", "denied", "denies", "deny", "denying", "avoided", "avoids":
			return true
		}
	}
	return false
}

// passive reports "was criticised", "has been accused".
func (c *clauseView) passive(p int) bool {
	for i := p - 1; i >= 0 && i >= p-3; i-- {
		t := c.tok(i)
		if beForms[t.Lower] {
			return true
		}
		if t.Tag != "RB" {
			return false
		}
	}
	return false
}

// clauseBreaks end a clause.
var clauseBreaks = map[string]bool{
	";": true, "but": true, "while": true, "although": true, "whereas": true, "because": true,
	"though": true, "amid": true, "unless": true, "until": true,
}

// clauseStart finds where the clause holding token p begins.
func (c *clauseView) clauseStart(p int) int {
	for i := p - 1; i >= 0; i-- {
		t := c.tok(i)
		if c.aside[i] {
			continue
		}
		if clauseBreaks[t.Lower] || t.Text == ":" && !t.Quoted || t.Lower == "that" && t.Tag != "DT" {
			return i + 1 // "reports that Barclays had held talks"
		}
		if t.Text == `"` && c.tok(p).Quoted != t.Quoted && i < p-1 {
			return i + 1
		}
	}
	return 0
}

// subjects returns the actors of the clause before token p that can be its
// subject: no possessors, places, asides or quoted names; persons when there
// are any; demonyms only when allowed.
func (c *clauseView) subjects(p int, w pick) []int {
	start := c.clauseStart(p)
	// "a delegation led by X": X is the subject.
	for i := start; i+1 < p; i++ {
		if c.tok(i).Lower == "led" && c.tok(i+1).Lower == "by" {
			if m := c.mentionAt(i + 2); m != nil {
				return []int{m.Entity}
			}
		}
	}
	// "a delegation from the CBI met ...": the body it comes from, named
	// as such ("a delegation of Ukrainian negotiators" names no body).
	for i := start; i+2 < p; i++ {
		if c.tok(i).Lower == "delegation" && (c.tok(i+1).Lower == "from" || c.tok(i+1).Lower == "of") {
			j := i + 2
			if c.tok(j).Tag == "DT" {
				j++
			}
			if m := c.mentionAt(j); m != nil && m.Start == j && !m.Modifier && m.Kind != byDemonym {
				return []int{m.Entity}
			}
		}
	}
	// An actor right after another finite verb is that verb's object
	// ("councillors who back Mr Flight met ..."); after a speech verb it is
	// the subject ("Blair said Bush met Putin"), unless the verb is joined
	// to the speech verb by "and" ("Blair said ... and attacked ...").
	end := p
	var verbs []int            // finite verbs before p that are no speech verbs
	objectOf := map[int]bool{} // positions right after a verb: its object
	for i := start; i < p; i++ {
		t := c.tok(i)
		if !isFinite(t) || c.aside[i] || c.mentionAt(i) != nil || t.Tag == "MD" || beForms[t.Lower] || isAux(t) || c.nounBeforeName(i) {
			continue
		}
		if !c.lx.speech[t.Lower] {
			objectOf[i+1], objectOf[i+2] = true, true
			verbs = append(verbs, i)
			continue
		}
		if !c.coordinated(p) {
			if cands := c.subjectCands(i+1, p, w); len(cands) > 0 {
				return pickHeads(cands)
			}
		}
		end = i
		break
	}
	// "X criticised the banker who held talks with Y": the relative clause
	// is about the verb's object, which names no actor; X is not its subject.
	for _, v := range verbs {
		if c.relativeAfter(v, p) {
			return nil
		}
	}
	var cands []*mention
	for _, m := range c.subjectCands(start, end, w) {
		if !objectOf[m.Start] && !c.ofNoun(m) {
			cands = append(cands, m)
		}
	}
	if len(cands) == 0 && c.aside[p] {
		// "Stephen Schechter, a banker who has held talks with X": the
		// aside's subject is the name before it.
		if m := c.beforeAside(p); m != nil {
			return []int{m.Entity}
		}
	}
	return pickHeads(cands)
}

// ofNoun reports a mention that completes a noun with "of": in "the
// majority owner of oil firm Yukos has sued" the owner sues, not Yukos. The
// words between "of" and the mention may be its modifiers ("of embattled
// Russian oil firm Yukos").
func (c *clauseView) ofNoun(m *mention) bool {
	for i := m.Start - 1; i > 0 && i >= m.Start-5; i-- {
		t := c.tok(i)
		if t.Lower == "of" {
			head := c.tok(i - 1)
			return (head.Tag == "NN" || head.Tag == "NNS") && head.Text == head.Lower && c.mentionAt(i-1) == nil
		}
		if o := c.mentionAt(i); o != nil && o != m {
			continue // "of Russian oil firm Yukos"
		}
		switch t.Tag {
		case "DT", "JJ", "NN", "NNS", "CD", "VBN":
			continue
		}
		return false
	}
	return false
}

// relativeAfter reports a "who" or "which" between positions v and p, out
// of any aside, with no actor named between v and it.
func (c *clauseView) relativeAfter(v, p int) bool {
	for i := v + 1; i < p; i++ {
		if c.mentionAt(i) != nil {
			return false
		}
		if l := c.tok(i).Lower; (l == "who" || l == "which") && !c.aside[i] {
			return true
		}
	}
	return false
}

// nounBeforeName reports a person noun the tagger took for a verb right
// before a name it describes: "England defender/VBP Ashley Cole met ...".
func (c *clauseView) nounBeforeName(i int) bool {
	if !c.lx.personNouns[c.tok(i).Lower] || i+1 >= c.n() {
		return false
	}
	m := c.mentionAt(i + 1)
	return m != nil && m.Start == i+1 && m.Type == graph.Person
}

// subjectCands returns the actors in [start, end) that can be a subject of
// the verb at end or after it: no possessors, places, asides or names on the
// other side of a quotation mark.
func (c *clauseView) subjectCands(start, end int, w pick) []*mention {
	var cands []*mention
	for k := range c.ms {
		m := &c.ms[k]
		if m.Start < start || m.End > end || end >= c.n() || c.aside[m.Start] != c.aside[end] || m.Possessive || m.Location {
			continue
		}
		if c.tok(m.Start).Quoted != c.tok(end).Quoted || !w.allows(m) {
			continue
		}
		cands = append(cands, m)
	}
	return cands
}

// pick says which actors a subject or object phrase may give.
type pick struct {
	possessors       bool // "attacked Y's plans" gives Y
	demonyms         bool // "Russian forces" gives Russia
	modifiers        bool // "EU asylum moves" gives the EU
	countryModifiers bool // "US lawmakers", "British TV" give the country
	members          bool // "a Tory MP" gives the party
}

// The picks of the rules: a meeting's participants are named as such; a
// criticism's target may be named by its policy ("Tory plans"), its critic
// may not be a country that only qualifies the critics ("US lawmakers").
var (
	hosts        = pick{modifiers: true} // "Deutsche Boerse bosses held talks"
	participants = pick{}                // "to meet HDTV standards" is no meeting
	critics      = pick{modifiers: true}
	targets      = pick{possessors: true, modifiers: true}
)

// allows reports whether the pick lets m through. Possessors are judged by
// the phrase (a subject never has one).
func (w pick) allows(m *mention) bool {
	switch {
	case m.OfPerson && !w.members:
		return false // "a senior Tory MP has criticised": the MP, not the party
	case m.Kind == byDemonym:
		return w.demonyms
	case m.Modifier && m.Type == graph.Country:
		return w.countryModifiers
	case m.Modifier && m.Type != graph.Person:
		return w.modifiers
	}
	return true
}

// coordinated reports a verb joined to an earlier one by "and" or "but".
func (c *clauseView) coordinated(p int) bool {
	for i := p - 1; i >= 0 && i >= p-3; i-- {
		switch t := c.tok(i); {
		case t.Lower == "and" || t.Lower == "but":
			return true
		case t.Tag != "RB" && !isAux(t):
			return false
		}
	}
	return false
}

// beforeAside returns the actor named right before the aside holding p, when
// the aside is a relative clause or an apposition with one ("X, who ...",
// "X, a banker who ...").
func (c *clauseView) beforeAside(p int) *mention {
	i := p
	relative := false
	for i > 0 && c.aside[i-1] {
		i--
		if t := c.tok(i); t.Tag == "WP" || t.Tag == "WDT" {
			relative = true
		}
	}
	if !relative || i < 2 || c.tok(i-1).Text != "," {
		return nil
	}
	if m := c.mentionAt(i - 2); m != nil && m.Type == graph.Person {
		return m
	}
	return nil
}

// possessorBefore returns the actor that owns the noun at p, as in "Putin's
// talks" or "Blair's attack", or nil.
func (c *clauseView) possessorBefore(p int) []int {
	if p > 1 && c.tok(p-1).Tag == "POS" {
		if m := c.mentionAt(p - 2); m != nil {
			return []int{m.Entity}
		}
	}
	return nil
}

// pickHeads keeps persons when there are any, then actors that are not
// modifiers, then whatever there is.
func pickHeads(cands []*mention) []int {
	var persons, heads, all []int
	for _, m := range cands {
		all = appendNew(all, m.Entity)
		if m.Type == graph.Person {
			persons = appendNew(persons, m.Entity)
		}
		if !m.Modifier {
			heads = appendNew(heads, m.Entity)
		}
	}
	switch {
	case len(persons) > 0:
		return persons
	case len(heads) > 0:
		return withoutCountries(cands, heads)
	}
	return all
}

// withoutCountries drops countries from heads that also hold an
// organization: in "South Africa's biggest bank Absa" the bank acts.
func withoutCountries(cands []*mention, heads []int) []int {
	country := map[int]bool{}
	org := false
	for _, m := range cands {
		country[m.Entity] = m.Type == graph.Country
		org = org || m.Type == graph.Organization && slices.Contains(heads, m.Entity)
	}
	if !org {
		return heads
	}
	var out []int
	for _, h := range heads {
		if !country[h] {
			out = append(out, h)
		}
	}
	return out
}

func appendNew(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// objectWords may sit inside an object phrase between the actors it lists.
var objectWords = map[string]bool{
	",": true, "and": true, "or": true, "including": true, "as": true, "well": true,
	"both": true, "'s": true, "'": true, "(": true, ")": true, "-": true, "with": true,
}

// objects returns the actors of the phrase that starts at token p: a list of
// names with their titles and modifiers, up to the first preposition, verb or
// clause break. Possessors count when possessive is set ("attacked Y's plans").
func (c *clauseView) objects(p int, w pick) []int {
	var cands []*mention
	inAside := p < c.n() && c.aside[p]
	between := p > 0 && c.tok(p-1).Lower == "between" // "talks between A and B are ..."
	for i := p; i < c.n(); i++ {
		t := c.tok(i)
		if inAside && !c.aside[i] {
			break // the aside the phrase started in has ended
		}
		if m := c.mentionAt(i); m != nil {
			if m.End < c.n() && isFinite(c.tok(m.End)) && m.Start > p && !between && !c.nounAfterName(m) {
				break // "... and party leader Michael Howard is due": a new clause
			}
			event := m.Type == graph.Country && m.Modifier && m.Start > 0 && c.tok(m.Start-1).Tag == "DT" // "the Iraq war"
			ownerOfRole := m.Possessive && c.roleAfter(m)                                                 // "his chancellor", "Blair's chancellor"
			if m.Start == i && !m.Location && !event && !ownerOfRole && (!m.Possessive || w.possessors) && w.allows(m) && c.aside[i] == inAside {
				cands = append(cands, c.sameSpan(m)...)
			}
			continue
		}
		if c.aside[i] != inAside {
			continue
		}
		if k := c.lx.titleSpan(c.sent.Tokens, i, c.n()); k > i {
			i = k - 1 // "Secretary of State"
			continue
		}
		switch {
		case objectWords[t.Lower], t.Tag == "DT", t.Tag == "JJ", t.Tag == "JJS", t.Tag == "CD", t.Tag == "RB",
			t.Tag == "PRP$", t.Tag == "NN", t.Tag == "NNS", t.Tag == "NNP", t.Tag == "NNPS", t.Tag == "POS",
			c.lx.titles[t.Lower], t.Text == `"`:
			continue
		}
		break
	}
	return pickHeads(cands)
}

// roleAfter reports a title right after a possessor: "his chancellor",
// "Mr Blair's chancellor" name a person, not the possessor.
func (c *clauseView) roleAfter(m *mention) bool {
	i := m.End
	if i < c.n() && c.tok(i).Tag == "POS" {
		i++
	}
	return i < c.n() && c.lx.titles[c.tok(i).Lower]
}

// nounAfterName reports a plural noun the tagger took for a verb after a
// name that qualifies it: "the Tory plans as ...", "the Labour proposals,".
func (c *clauseView) nounAfterName(m *mention) bool {
	if m.Start == 0 || c.tok(m.Start-1).Tag != "DT" || m.End+1 >= c.n() {
		return false
	}
	v, next := c.tok(m.End), c.tok(m.End+1)
	if v.Tag != "VBZ" || !strings.HasSuffix(v.Lower, "s") || v.Lower == "is" || v.Lower == "has" || v.Lower == "was" || v.Lower == "says" {
		return false
	}
	return next.Tag == "IN" || next.Tag == "CC" || next.Tag == "." || next.Text == "," || next.Text == `"`
}

func pairs(rel graph.RelationType, rule string, sent int, from, to []int) []edge {
	var out []edge
	for _, s := range from {
		for _, t := range to {
			if s != t {
				out = append(out, edge{Rel: rel, Source: s, Target: t, Sent: sent, Rule: rule})
			}
		}
	}
	return out
}

func allPairs(rel graph.RelationType, rule string, sent int, xs []int) []edge {
	var out []edge
	for i := range xs {
		for j := i + 1; j < len(xs); j++ {
			out = append(out, edge{Rel: rel, Source: xs[i], Target: xs[j], Sent: sent, Rule: rule})
		}
	}
	return out
}

// triggersAt yields the positions of trigger words of one relation and kind.
func (c *clauseView) triggersAt(rel graph.RelationType, kinds ...string) []int {
	var out []int
	for i, t := range c.sent.Tokens {
		tr, ok := c.lx.triggers[t.Lower]
		if !ok || tr.Rel != rel {
			continue
		}
		for _, k := range kinds {
			if tr.Kind == k {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// actorType returns the type of a resolved actor.
func (c *clauseView) actorType(e int) graph.EntityType {
	for _, m := range c.ms {
		if m.Entity == e {
			return m.Type
		}
	}
	return ""
}
