package extract

// CRITICIZED rules: criticism verbs and nouns.

import (
	"github.com/actorgraph/actorgraph/graph"
)

// phrasalCritic verbs criticise with "out at": "hit out at", "lashed out at".
var phrasalCritic = map[string]bool{"hit": true, "hits": true, "hitting": true, "lashed": true, "lashes": true, "lashing": true}

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
			out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, c.subjects(p-1, critics), c.objects(at+1, targets))...)
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
				if clauseBreaks[c.tok(i).Lower] || c.tok(i).Text == "." {
					break
				}
			}
			out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, agents, c.subjects(p, targets))...)
			continue
		}
		if t.Tag == "VBN" && !c.sent.Headline && !c.afterAux(p) {
			continue // "the plan criticised by ..." handled as passive; bare participle otherwise
		}
		out = append(out, pairs(graph.Criticized, "criticized-verb", c.sent.Index, c.subjects(p, critics), c.objects(p+1, targets))...)
	}
	return out
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
		agents := c.subjects(p, critics)
		if p > 0 && (c.tok(p-1).Tag == "NN" || c.tok(p-1).Tag == "NNS") {
			agents = nil
			for i := p - 1; i >= 0 && i >= p-4; i-- {
				if m := c.mentionAt(i); m != nil && m.Type != graph.Country {
					agents = []int{m.Entity}
					break
				}
			}
		}
		out = append(out, pairs(graph.Criticized, "criticized-gerund", c.sent.Index, agents, c.objects(p+1, targets))...)
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
		if !c.lx.attackNouns[t.Lower] || prep != "on" && prep != "of" && prep != "against" && prep != "at" || c.aside[p] {
			continue
		}
		aimed := c.objects(p+2, targets)
		if len(aimed) == 0 {
			continue
		}
		var who []int
		switch {
		case p > 1 && c.tok(p-1).Tag == "POS":
			who = c.possessorBefore(p) // "Blair's attack on ..."
		case p > 0 && (c.tok(p-1).Lower == "an" || c.tok(p-1).Lower == "a" || c.tok(p-1).Tag == "JJ"):
			who = c.subjects(p, critics) // "X launched a fierce attack on Y"
		}
		for i := p + 2; i+1 < c.n() && len(who) == 0; i++ {
			if c.tok(i).Lower == "by" || c.tok(i).Lower == "from" {
				who = c.objects(i+1, critics) // "criticism of Y by X"
			}
			if clauseBreaks[c.tok(i).Lower] || c.tok(i).Text == "," {
				break
			}
		}
		out = append(out, pairs(graph.Criticized, "criticism-noun", c.sent.Index, who, aimed)...)
	}
	return out
}
