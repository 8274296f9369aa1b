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
		if !c.verbAt(p) || c.passive(p) || c.negated(p) || c.wished(p) {
			continue
		}
		subj := c.subjects(p, hosts)
		q := p + 1
		if q < c.n() && c.tok(q).Lower == "with" {
			q++
		}
		obj := c.objects(q, participants)
		if len(obj) == 0 && len(subj) > 1 && c.coordinatedBefore(p) {
			out = append(out, allPairs(graph.MetWith, "met-verb", c.sent.Index, subj)...) // "X and Y met"
			continue
		}
		out = append(out, pairs(graph.MetWith, "met-verb", c.sent.Index, subj, obj)...)
	}
	return out
}

// wished reports a meeting only hoped for: "hoping to meet", "wants to meet".
func (c *clauseView) wished(p int) bool {
	if p < 2 || c.tok(p-1).Lower != "to" {
		return false
	}
	switch c.tok(p - 2).Lower {
	case "hope", "hopes", "hoped", "hoping", "want", "wants", "wanted", "like", "love", "wish", "wishes", "dreams", "dream":
		return true
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

// possessivePronouns stand for the actor whose talks they are.
var possessivePronouns = map[string]bool{"his": true, "her": true, "their": true, "its": true}

// talksWith: "X held talks with Y", "X arrived for talks with Y", "her
// meeting with Y".
func talksWith(c *clauseView) []edge {
	var out []edge
	for _, p := range c.triggersAt(graph.MetWith, "noun") {
		if p+1 >= c.n() || c.tok(p+1).Lower != "with" || c.aside[p] {
			continue
		}
		obj := c.objects(p+2, participants)
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
		case c.joined(p):
			subj = c.subjects(p, hosts)
		case p > 0 && (c.tok(p-1).Lower == "following" || c.tok(p-1).Lower == "after"):
			subj = c.subjectAfterComma(p + 2) // "After talks with Mr Blair, Mr Abbas said ..."
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
		case c.lx.joinVerbs[t.Lower]:
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
		out = append(out, allPairs(graph.MetWith, "talks-between", c.sent.Index, c.objects(p+2, participants))...)
	}
	return out
}
