package extract

import (
	"slices"

	"github.com/actorgraph/actorgraph/graph"
)

// edge is one relationship a rule found in one sentence, between resolved
// actors (resolver indexes).
type edge struct {
	Rel            graph.RelationType
	Source, Target int
	Sent           int
	Rule           string
}

// rule finds relationships in one sentence.
type rule struct {
	Name  string
	Apply func(c *clauseView) []edge
}

// rules are the relation rules, each named so that every edge can say which
// rule found it. The order does not matter: edges are merged by type and ends.
var rules = []rule{
	{"met-verb", metVerb},
	{"talks-with", talksWith},
	{"talks-between", talksBetween},
	{"adviser-title", adviserTitle},
	{"adviser-to", adviserTo},
	{"adviser-as", adviserAs},
	{"criticized-verb", criticizedVerb},
	{"criticized-gerund", criticizedGerund},
	{"criticism-noun", criticismNoun},
	{"critical-remark", criticalRemark},
	{"quoted-critic", quotedCritic},
}

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
}

func (c *clauseView) tok(i int) token { return c.sent.Tokens[i] }

func (c *clauseView) n() int { return len(c.sent.Tokens) }

// mentionAt returns the mention covering token i, or nil.
func (c *clauseView) mentionAt(i int) *mention {
	for k := range c.ms {
		if c.ms[k].Start <= i && i < c.ms[k].End {
			return &c.ms[k]
		}
	}
	return nil
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
	if isVerb(c.tok(p)) || c.sent.Headline {
		return true
	}
	if p == 0 || p+1 >= c.n() || c.mentionAt(p-1) == nil {
		return false
	}
	next := c.tok(p + 1)
	return c.mentionAt(p+1) != nil || next.Tag == "DT" || next.Tag == "PRP" || next.Tag == "PRP$" || c.lx.titles[next.Lower]
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
func (c *clauseView) subjects(p int, demonyms bool) []int {
	start := c.clauseStart(p)
	// "a delegation led by X": X is the subject.
	for i := start; i+1 < p; i++ {
		if c.tok(i).Lower == "led" && c.tok(i+1).Lower == "by" {
			if m := c.mentionAt(i + 2); m != nil {
				return []int{m.Entity}
			}
		}
	}
	// An actor right after another finite verb is that verb's object
	// ("councillors who back Mr Flight met ..."); after a speech verb it is
	// the subject ("Blair said Bush met Putin"), unless the verb is joined
	// to the speech verb by "and" ("Blair said ... and attacked ...").
	end := p
	objectOf := map[int]bool{} // positions right after a verb: its object
	for i := start; i < p; i++ {
		t := c.tok(i)
		if !isFinite(t) || c.aside[i] || c.mentionAt(i) != nil || t.Tag == "MD" || beForms[t.Lower] || isAux(t) {
			continue
		}
		if !speechVerbs[t.Lower] {
			objectOf[i+1], objectOf[i+2] = true, true
			continue
		}
		if !c.coordinated(p) {
			if cands := c.subjectCands(i+1, p, demonyms); len(cands) > 0 {
				return pickHeads(cands)
			}
		}
		end = i
		break
	}
	var cands []*mention
	for _, m := range c.subjectCands(start, end, demonyms) {
		if !objectOf[m.Start] {
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

// subjectCands returns the actors in [start, end) that can be a subject of
// the verb at end or after it: no possessors, places, asides or names on the
// other side of a quotation mark.
func (c *clauseView) subjectCands(start, end int, demonyms bool) []*mention {
	var cands []*mention
	for k := range c.ms {
		m := &c.ms[k]
		if m.Start < start || m.End > end || end >= c.n() || c.aside[m.Start] != c.aside[end] || m.Possessive || m.Location {
			continue
		}
		if c.tok(m.Start).Quoted != c.tok(end).Quoted || m.Kind == byDemonym && !demonyms {
			continue
		}
		cands = append(cands, m)
	}
	return cands
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
func (c *clauseView) objects(p int, possessive, demonyms bool) []int {
	var cands []*mention
	inAside := p < c.n() && c.aside[p]
	between := p > 0 && c.tok(p-1).Lower == "between" // "talks between A and B are ..."
	for i := p; i < c.n(); i++ {
		t := c.tok(i)
		if inAside && !c.aside[i] {
			break // the aside the phrase started in has ended
		}
		if m := c.mentionAt(i); m != nil {
			if m.End < c.n() && isFinite(c.tok(m.End)) && m.Start > p && !between {
				break // "... and party leader Michael Howard is due": a new clause
			}
			event := m.Type == graph.Country && m.Modifier && m.Start > 0 && c.tok(m.Start-1).Tag == "DT" // "the Iraq war"
			if m.Start == i && !m.Location && !event && (!m.Possessive || possessive) && (m.Kind != byDemonym || demonyms) && c.aside[i] == inAside {
				cands = append(cands, m)
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

// metVerb: "X met (with) Y", "X hosted Y", "X and Y meet".
func metVerb(c *clauseView) []edge {
	var out []edge
	for _, p := range c.triggersAt(graph.MetWith, "verb") {
		if !c.verbAt(p) || c.passive(p) || c.negated(p) {
			continue
		}
		subj := c.subjects(p, false)
		q := p + 1
		if q < c.n() && c.tok(q).Lower == "with" {
			q++
		}
		obj := c.objects(q, false, false)
		if len(obj) == 0 && len(subj) > 1 && c.coordinatedBefore(p) {
			out = append(out, allPairs(graph.MetWith, "met-verb", c.sent.Index, subj)...) // "X and Y met"
			continue
		}
		out = append(out, pairs(graph.MetWith, "met-verb", c.sent.Index, subj, obj)...)
	}
	return out
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

func allPairs(rel graph.RelationType, rule string, sent int, xs []int) []edge {
	var out []edge
	for i := range xs {
		for j := i + 1; j < len(xs); j++ {
			out = append(out, edge{Rel: rel, Source: xs[i], Target: xs[j], Sent: sent, Rule: rule})
		}
	}
	return out
}

// joinVerbs link a subject to the talks it takes part in: "held talks with",
// "arrived in Moscow for talks with", "in talks with".
var joinVerbs = map[string]bool{
	"held": true, "hold": true, "holds": true, "holding": true, "began": true, "begin": true,
	"begins": true, "opened": true, "open": true, "opens": true, "started": true, "start": true,
	"starts": true, "resumed": true, "resume": true, "entered": true, "enter": true, "arrived": true,
	"arrive": true, "flew": true, "travelled": true, "traveled": true, "went": true, "came": true,
	"had": true, "have": true, "has": true, "joined": true, "continued": true, "concluded": true,
	"attended": true, "sat": true, "in": true, "for": true, "into": true, "conducted": true,
	"opening": true, "launched": true, "agreed": true,
}

// talksWith: "X held talks with Y", "X arrived for talks with Y".
func talksWith(c *clauseView) []edge {
	var out []edge
	for _, p := range c.triggersAt(graph.MetWith, "noun") {
		if p+1 >= c.n() || c.tok(p+1).Lower != "with" || c.aside[p] {
			continue
		}
		obj := c.objects(p+2, false, false)
		if len(obj) == 0 {
			continue
		}
		var subj []int
		if p > 0 && c.tok(p-1).Tag == "POS" {
			if m := c.mentionAt(p - 2); m != nil {
				subj = []int{m.Entity} // "Putin's talks with ..."
			}
		} else if c.joined(p) {
			subj = c.subjects(p, false)
		}
		out = append(out, pairs(graph.MetWith, "talks-with", c.sent.Index, subj, obj)...)
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
	link := false
	for i := lastActor; i < p; i++ {
		t := c.tok(i)
		if c.aside[i] || c.mentionAt(i) != nil {
			continue
		}
		switch {
		case joinVerbs[t.Lower]:
			link = true
		case i == lastActor && (t.Tag == "NNS" || t.Tag == "NN"): // "Deutsche Boerse bosses"
		case i == p-1 && t.Tag == "NN": // "merger talks", "peace talks"
		case t.Tag == "RB", t.Tag == "MD", t.Tag == "TO", t.Tag == "DT", t.Tag == "JJ", t.Tag == "CD",
			t.Text == `"`, t.Text == ",", t.Lower == "and", t.Lower == "be", t.Lower == "been",
			t.Lower == "is", t.Lower == "are", t.Lower == "was", t.Lower == "were", t.Lower == "will",
			t.Lower == "to", t.Lower == "due", t.Lower == "set", t.Lower == "expected",
			t.Lower == "said", t.Lower == "says", t.Lower == "it", t.Lower == "they", t.Lower == "still", t.Lower == "now":
		case isPlace(c, i):
		default:
			return false
		}
	}
	return link
}

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
		out = append(out, allPairs(graph.MetWith, "talks-between", c.sent.Index, c.objects(p+2, false, false))...)
	}
	return out
}

// adviserTitle: "Putin's aide Yury Ushakov", "his envoy Kirill Dmitriev",
// "Kremlin adviser Yury Ushakov", "... aide Ushakov and envoy Dmitriev".
func adviserTitle(c *clauseView) []edge {
	var out []edge
	lastPrincipal := -1
	for k := range c.ms {
		m := &c.ms[k]
		if m.Type != graph.Person || m.Kind != byName && m.Kind != byLexicon {
			continue
		}
		// Walk back over the title words before the name.
		i := m.Start - 1
		role := false
		for ; i >= 0 && i >= m.Start-6; i-- {
			t := c.tok(i)
			if tr, ok := c.lx.triggers[t.Lower]; ok && tr.Rel == graph.Advises && tr.Kind == "role" {
				role = true
				continue
			}
			if c.lx.titles[t.Lower] || t.Tag == "JJ" || t.Tag == "NN" || t.Tag == "NNP" && c.mentionAt(i) == nil || t.Text == "-" {
				continue
			}
			break
		}
		if !role {
			for _, t := range m.Titles {
				if tr, ok := c.lx.triggers[lastWord(t)]; ok && tr.Rel == graph.Advises && tr.Kind == "role" {
					role = true
				}
			}
		}
		if !role {
			continue
		}
		principal := -1
		if i >= 0 {
			t := c.tok(i)
			switch {
			case t.Tag == "POS" && i > 0:
				if pm := c.mentionAt(i - 1); pm != nil {
					principal = pm.Entity
				}
			case t.Lower == "his" || t.Lower == "her" || t.Lower == "their":
				if pm := c.mentionAt(i); pm != nil {
					principal = pm.Entity
				}
			case t.Lower == "and" || t.Text == ",":
				principal = lastPrincipal
			default:
				if pm := c.mentionAt(i); pm != nil && pm.End == i+1 && pm.Type != graph.Country && !pm.Location {
					principal = pm.Entity // "Kremlin adviser", "Trump special envoy"
				}
			}
		}
		if principal >= 0 && principal != m.Entity {
			out = append(out, edge{Rel: graph.Advises, Source: m.Entity, Target: principal, Sent: c.sent.Index, Rule: "adviser-title"})
			lastPrincipal = principal
		}
	}
	return out
}

func lastWord(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			return s[i+1:]
		}
	}
	return s
}

// adviserTo: "Y, an adviser to X", "Y, X's chief adviser".
func adviserTo(c *clauseView) []edge {
	var out []edge
	for k := range c.ms {
		m := &c.ms[k]
		if m.Type != graph.Person || m.End+2 >= c.n() || c.tok(m.End).Text != "," && c.tok(m.End).Text != "-" && c.tok(m.End).Text != "—" {
			continue
		}
		for i := m.End + 1; i < c.n() && i <= m.End+7; i++ {
			t := c.tok(i)
			tr, ok := c.lx.triggers[t.Lower]
			if !ok || tr.Rel != graph.Advises || tr.Kind != "role" {
				if t.Text == "," || t.Text == "-" || t.Text == "—" || isVerb(t) {
					break
				}
				continue
			}
			var principal *mention
			if i+1 < c.n() && c.mentionAt(i+1) != nil {
				break // a list of names, not an aside: "X, Y's envoy Z"
			}
			if to := c.toAfterRole(i); to > 0 {
				j := to + 1
				for j < c.n() && (c.tok(j).Lower == "the" || c.lx.titles[c.tok(j).Lower]) {
					j++ // "to President Bush"
				}
				principal = c.mentionAt(j)
			} else {
				for j := m.End + 1; j < i; j++ {
					if pm := c.mentionAt(j); pm != nil && pm.Possessive {
						principal = pm
					}
				}
			}
			if principal != nil && principal.Entity != m.Entity && principal.Type != graph.Country {
				out = append(out, edge{Rel: graph.Advises, Source: m.Entity, Target: principal.Entity, Sent: c.sent.Index, Rule: "adviser-to"})
			}
			break
		}
	}
	return out
}

// toAfterRole finds the "to" or "for" that names whom the role at i serves,
// perhaps after a short phrase: "an adviser on climate change to President
// Bush". It returns its position, or 0.
func (c *clauseView) toAfterRole(i int) int {
	for j := i + 1; j < c.n() && j <= i+5; j++ {
		t := c.tok(j)
		if t.Lower == "to" || t.Lower == "for" && j == i+1 {
			return j
		}
		if t.Text == "," || isVerb(t) || c.mentionAt(j) != nil {
			return 0
		}
	}
	return 0
}

// adviserAs: "Campbell is acting as an adviser for Labour", "he served as
// special envoy to the president": the clause's subject advises.
func adviserAs(c *clauseView) []edge {
	var out []edge
	for _, p := range c.triggersAt(graph.Advises, "role") {
		if p+2 >= c.n() || c.tok(p+1).Lower != "to" && c.tok(p+1).Lower != "for" || c.mentionAt(p+1) != nil {
			continue
		}
		j := p + 2
		for j < c.n() && (c.tok(j).Lower == "the" || c.lx.titles[c.tok(j).Lower]) {
			j++ // "envoy to President Lena Haugen"
		}
		principal := c.mentionAt(j)
		if principal == nil || principal.Type == graph.Country || principal.Start != j {
			continue
		}
		// Only "X is/was/acts/serves as (a) ... adviser": the subject is the adviser.
		k := p - 1
		for k >= 0 && (c.tok(k).Tag == "JJ" || c.tok(k).Tag == "NN" || c.tok(k).Tag == "DT" || c.lx.titles[c.tok(k).Lower]) {
			k--
		}
		if k < 0 || c.tok(k).Lower != "as" && !beForms[c.tok(k).Lower] {
			continue
		}
		for _, s := range c.subjects(k, false) {
			if c.actorType(s) == graph.Person && s != principal.Entity {
				out = append(out, edge{Rel: graph.Advises, Source: s, Target: principal.Entity, Sent: c.sent.Index, Rule: "adviser-as"})
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

// phrasalCritic verbs criticise with "out at": "hit out at", "lashed out at".
var phrasalCritic = map[string]bool{"hit": true, "hits": true, "hitting": true, "lashed": true, "lashes": true, "lashing": true}

var beForms = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "being": true, "be": true, "am": true, "'s": false}

// criticizedVerb: "X criticised Y", "X accused Y of ...", "Y was attacked by X".
func criticizedVerb(c *clauseView) []edge {
	var out []edge
	// "X hit out at Y", "X lashed out at Y", "X rounded on Y".
	for p := 1; p+1 < c.n(); p++ {
		v := c.tok(p - 1).Lower
		if c.tok(p).Lower == "out" && c.tok(p+1).Lower == "at" && phrasalCritic[v] ||
			c.tok(p).Lower == "on" && (v == "rounded" || v == "rounds" || v == "turned") && p+1 < c.n() && c.mentionAt(p+1) != nil {
			at := p + 1
			if c.tok(p).Lower == "on" {
				at = p
			}
			out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, c.subjects(p-1, true), c.objects(at+1, true, true))...)
		}
	}
	for _, p := range c.triggersAt(graph.Criticized, "verb") {
		t := c.tok(p)
		if !c.verbAt(p) || c.negated(p) {
			continue
		}
		if c.passive(p) {
			var agents []int
			for i := p + 1; i+1 < c.n(); i++ {
				if c.tok(i).Lower == "by" {
					agents = c.objects(i+1, false, true)
					break
				}
				if clauseBreaks[c.tok(i).Lower] || c.tok(i).Text == "." {
					break
				}
			}
			out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, agents, c.subjects(p, true))...)
			continue
		}
		if t.Tag == "VBN" && !c.sent.Headline && !c.afterAux(p) {
			continue // "the plan criticised by ..." handled as passive; bare participle otherwise
		}
		out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, c.subjects(p, true), c.objects(p+1, true, true))...)
	}
	return out
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

func isAux(t token) bool {
	switch t.Lower {
	case "has", "have", "had", "having":
		return true
	}
	return false
}

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
		agents := c.subjects(p, true)
		if p > 0 && (c.tok(p-1).Tag == "NN" || c.tok(p-1).Tag == "NNS") {
			agents = nil
			for i := p - 1; i >= 0 && i >= p-4; i-- {
				if m := c.mentionAt(i); m != nil && m.Type != graph.Country {
					agents = []int{m.Entity}
					break
				}
			}
		}
		out = append(out, pairs(graph.Criticized, "criticized-gerund", c.sent.Index, agents, c.objects(p+1, true, true))...)
	}
	return out
}

// attackNouns name an act of criticism aimed at someone.
var attackNouns = map[string]bool{
	"attack": true, "attacks": true, "criticism": true, "criticisms": true, "broadside": true,
	"tirade": true, "swipe": true, "condemnation": true, "onslaught": true, "assault": true,
}

// criticismNoun: "X's attack on Y", "X opened with an attack on Y's record",
// "criticism of Y by X".
func criticismNoun(c *clauseView) []edge {
	var out []edge
	for p := 0; p+2 < c.n(); p++ {
		t := c.tok(p)
		prep := c.tok(p + 1).Lower
		if !attackNouns[t.Lower] || prep != "on" && prep != "of" && prep != "against" && prep != "at" || c.aside[p] {
			continue
		}
		targets := c.objects(p+2, true, false)
		if len(targets) == 0 {
			continue
		}
		var critics []int
		if p > 1 && c.tok(p-1).Tag == "POS" {
			if m := c.mentionAt(p - 2); m != nil {
				critics = []int{m.Entity} // "Blair's attack on ..."
			}
		} else if p > 0 && (c.tok(p-1).Lower == "an" || c.tok(p-1).Lower == "a" || c.tok(p-1).Tag == "JJ") {
			critics = c.subjects(p, true) // "X launched a fierce attack on Y"
		}
		for i := p + 2; i+1 < c.n() && len(critics) == 0; i++ {
			if c.tok(i).Lower == "by" || c.tok(i).Lower == "from" {
				critics = c.objects(i+1, false, true) // "criticism of Y by X"
			}
			if clauseBreaks[c.tok(i).Lower] || c.tok(i).Text == "," {
				break
			}
		}
		out = append(out, pairs(graph.Criticized, "criticism-noun", c.sent.Index, critics, targets)...)
	}
	return out
}

// speechVerbs report what someone said.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "wrote": true, "writes": true,
	"added": true, "adds": true, "claimed": true, "claims": true, "argued": true, "argues": true,
	"insisted": true, "insists": true, "warned": true, "warns": true, "alleged": true, "alleges": true,
	"complained": true, "complains": true, "charged": true, "stated": true, "declared": true,
	"acknowledged": true, "admitted": true, "conceded": true, "stressed": true, "noted": true,
	"explained": true, "suggested": true, "announced": true, "replied": true, "responded": true,
	"urged": true, "believes": true, "maintained": true, "countered": true, "retorted": true,
	"insist": true, "argue": true, "warn": true, "claim": true,
	"accused": false,
}

// speaker finds who a sentence quotes or reports: the actor next to a speech
// verb ("Rubio told reporters", "said Mr Smith", "the Tories have claimed").
// It returns the speaker and the speech verb's position, or -1, -1.
func (c *clauseView) speaker() (int, int) {
	for p := 0; p < c.n(); p++ {
		t := c.tok(p)
		if !speechVerbs[t.Lower] || t.Quoted {
			continue
		}
		if !c.mainSpeechVerb(p) {
			continue
		}
		// Before the verb, skipping auxiliaries, adverbs and brackets.
		for i := p - 1; i >= 0 && i >= p-8; i-- {
			u := c.tok(i)
			if m := c.mentionAt(i); m != nil && !m.Location && m.Type != graph.Country {
				if m.Possessive {
					break
				}
				return m.Entity, p
			}
			if u.Tag == "RB" || isAux(u) || u.Lower == "also" || c.aside[i] || u.Text == ")" || u.Text == "(" || u.Tag == "MD" {
				continue
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
				for k := m.End; (m.Modifier || m.Possessive) && k < c.n() && k <= m.End+5; k++ {
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
		out = append(out, c.remarkTargets(clause, i, spk, at)...)
		clause = i + 1
	}
	return out
}

// remarkBreaks start a subordinate clause whose actors a remark's critical
// word does not reach: "... was false as the documents were created by X".
var remarkBreaks = map[string]bool{"as": true, "since": true, "who": true, "where": true}

// remarkTargets returns the edges from speaker spk to what the clause
// [from, to) criticises: for each critical word, the nearest actor before it
// (with any joined to it by "and"), or else the nearest after it.
func (c *clauseView) remarkTargets(from, to, spk, at int) []edge {
	var cands []*mention
	for k := range c.ms {
		m := &c.ms[k]
		if m.Start < from || m.End > to || m.Entity == spk || c.qualifies(m, spk) || c.listener(m, at) || c.ownParty(spk, m.Entity) ||
			at >= 0 && m.Start > at-3 && m.Start < at || // "..., Peter Mandelson has said"
			m.Type == graph.Country || m.Location || m.Kind == byDemonym || c.victim(m) || c.qualifiesPerson(m) {
			continue
		}
		cands = append(cands, m)
	}
	var out []edge
	add := func(m *mention) {
		out = append(out, edge{Rel: graph.Criticized, Source: spk, Target: m.Entity, Sent: c.sent.Index, Rule: "critical-remark"})
	}
	for n := from; n < to; n++ {
		if !c.lx.negative[c.tok(n).Lower] || c.negated(n) {
			continue // "I don't blame him"
		}
		if c.selfCritical(n, spk) {
			continue // "X said he lied to the board"
		}
		before := -1
		for k, m := range cands {
			if m.End <= n && n-m.Start <= 30 {
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
		for _, m := range cands {
			if m.Start > n && m.Start-n <= 15 {
				add(m)
				break
			}
		}
	}
	return out
}

// ownParty reports whether org is the organization person's title tied them
// to: a Tory's remark about "a Tory government" is not criticism of it.
func (c *clauseView) ownParty(person, org int) bool {
	p, ok := c.party[person]
	return ok && p == org
}

// selfCritical reports whether the actor named last before the critical
// word at n is the speaker: the remark is about the speaker's own doing.
func (c *clauseView) selfCritical(n, spk int) bool {
	for i := n - 1; i >= 0; i-- {
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
			return o.Type == graph.Person
		}
	}
	return false
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
		if o.Entity == p && o.Start > m.Start && o.Start-m.End <= 5 {
			return true
		}
	}
	return false
}

// criticismNouns report that someone was criticised.
var criticismNouns = map[string]bool{
	"criticism": true, "criticisms": true, "condemnation": true, "backlash": true, "outcry": true,
	"criticized": true, "criticised": true, "rebuke": true, "censure": true,
}

// criticizedTargets returns the actors a sentence reports as criticised
// without naming the critic: "coaching by Witkoff drew criticism".
func criticizedTargets(c *clauseView) map[int]bool {
	out := map[int]bool{}
	for p, t := range c.sent.Tokens {
		if !criticismNouns[t.Lower] {
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
