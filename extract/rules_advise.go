package extract

// ADVISES rules: advisers, aides, envoys and their principals.

import (
	"github.com/actorgraph/actorgraph/graph"
)

// adviserTitle: "Putin's aide Yury Ushakov", "his envoy Kirill Dmitriev",
// "Kremlin adviser Yury Ushakov", "... aide Ushakov and envoy Dmitriev".
func adviserTitle(c *clauseView) []edge {
	var out []edge
	lastPrincipal := -1
	for k := range c.ms {
		m := &c.ms[k]
		if m.Kind != byName && m.Kind != byLexicon || m.Type == graph.Country {
			continue
		}
		if m.Type == graph.Organization && !c.orgAdviserBefore(m) {
			continue // a firm advises only as "adviser": "Vivendi adviser Deutsche Bank"
		}
		// Walk back over the title words before the name, or before the
		// comma of an apposition that names the post: "Lind's special
		// envoy for Ukraine, Karl Osterberg".
		i := m.Start - 1
		role := false
		if r := c.roleBeforeComma(m); r >= 0 {
			i, role = r-1, true
		}
		for limit := i - 5; i >= 0 && i >= limit; i-- {
			t := c.tok(i)
			if c.roleWord(i) {
				role = true
				continue
			}
			if pm := c.mentionAt(i); pm != nil {
				j := pm.Start - 1
				if j > 0 && c.tok(j).Tag == "DT" {
					j--
				}
				if j >= 1 && postPrepositions[c.tok(j).Lower] && c.roleWord(j-1) {
					i = j // "special envoy for Ukraine Karl Osterberg": over the post
					continue
				}
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
				if pm := c.mentionAt(i); pm != nil && pm.End == i+1 && pm.Type != graph.Country && !pm.Location && !c.bareAcronym(pm) {
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

// orgAdviserWords may stand before an organization that advises.
var orgAdviserWords = map[string]bool{"adviser": true, "advisor": true, "advisers": true, "advisors": true}

// orgAdviserBefore reports "adviser" right before the organization m.
func (c *clauseView) orgAdviserBefore(m *mention) bool {
	return m.Start > 0 && orgAdviserWords[c.tok(m.Start-1).Lower]
}

// bareAcronym reports an acronym the lexicon does not know, which before a
// role more often names a field than an employer: "PR strategist".
func (c *clauseView) bareAcronym(m *mention) bool {
	return m.Kind == byName && isAcronym(m.Name)
}

// postPrepositions name the post of an envoy: "envoy for Ukraine", "ambassador to the WTO".
var postPrepositions = map[string]bool{"for": true, "to": true, "on": true}

// roleWord reports an adviser's role word at i: "aide", "envoy", or a
// title trigger with the post it is sent to ("ambassador to the WTO").
func (c *clauseView) roleWord(i int) bool {
	tr, ok := c.lx.triggers[c.tok(i).Lower]
	if !ok || tr.Rel != graph.Advises {
		return false
	}
	return tr.Kind == "role" || tr.Kind == "title" && i+1 < c.n() && c.tok(i+1).Lower == "to"
}

// roleBeforeComma returns the position of the role word of an apposition
// that ends right before the name m ("Lind's envoy for Ukraine, X," or
// "EU ambassador to the WTO, X,"), or -1. Between the role and the comma
// stand only "for", "to" or "on" and the post: articles, names, adjectives.
func (c *clauseView) roleBeforeComma(m *mention) int {
	comma := m.Start - 1
	if comma < 2 || c.tok(comma).Text != "," || m.End >= c.n() || c.tok(m.End).Text != "," && c.tok(m.End).Text != "." {
		return -1
	}
	prep := false
	for i := comma - 1; i >= 0 && i >= comma-6; i-- {
		t := c.tok(i)
		switch {
		case c.roleWord(i):
			if !prep && i != comma-1 {
				return -1
			}
			return i
		case t.Lower == "for" || t.Lower == "to" || t.Lower == "on":
			prep = true
		case c.mentionAt(i) != nil, t.Tag == "DT", t.Tag == "JJ", t.Tag == "NNP", t.Tag == "NN" && prep:
		default:
			return -1
		}
	}
	return -1
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
			if to := c.toAfterRole(i); to > 0 && !ownerOnlyRoles[t.Lower] {
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
			if principal != nil && (principal.Possessive || principal.Modifier) {
				// "adviser to IMF's managing director, Rodrigo Rato": the person.
				for j := principal.End; j < c.n() && j <= principal.End+6; j++ {
					if pm := c.mentionAt(j); pm != nil {
						if pm.Type == graph.Person {
							principal = pm
						}
						break
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

// appointVerbs make the subject what follows them: "was appointed envoy".
var appointVerbs = map[string]bool{"appointed": true, "named": true, "became": true, "becomes": true, "remains": true, "remained": true}

// adviserAs: "Campbell is acting as an adviser for Labour", "he served as
// special envoy to the president": the clause's subject advises.
func adviserAs(c *clauseView) []edge {
	var out []edge
	for _, p := range c.triggersAt(graph.Advises, "role") {
		k := c.overRoleWords(p - 1)
		var principal *mention
		switch {
		case k > 0 && c.tok(k).Tag == "POS" && c.mentionAt(k-1) != nil:
			// "X served as Y's adviser": the possessor is served.
			principal = c.mentionAt(k - 1)
			k = principal.Start - 1
		case k > 0 && possessivePronouns[c.tok(k).Lower] && c.mentionAt(k) != nil:
			// "Y appointed X as his chief adviser": whom "his" stands for.
			principal = c.mentionAt(k)
			k--
		case k > 0 && c.modifierPrincipal(k) != nil:
			// "X is seen as a key Blair lieutenant", "X is a Kremlin adviser".
			principal = c.modifierPrincipal(k)
			k = c.overRoleWords(principal.Start - 1)
		case p+2 < c.n() && (c.tok(p+1).Lower == "to" || c.tok(p+1).Lower == "for") && c.mentionAt(p+1) == nil && !ownerOnlyRoles[c.tok(p).Lower]:
			j := p + 2
			for j < c.n() && (c.tok(j).Lower == "the" || c.lx.titles[c.tok(j).Lower]) {
				j++ // "envoy to President Lena Haugen"
			}
			if principal = c.mentionAt(j); principal != nil && principal.Start != j {
				principal = nil
			}
		}
		if principal == nil || principal.Type == graph.Country {
			continue
		}
		// Only "X is/was/acts/serves as (a) ... adviser", "X was appointed
		// (a) ... envoy": the subject is the adviser.
		if k < 0 || c.tok(k).Lower != "as" && !beForms[c.tok(k).Lower] && !appointVerbs[c.tok(k).Lower] {
			continue
		}
		advisers := c.subjects(k, hosts)
		if m := c.mentionAt(k - 1); m != nil && m.Type == graph.Person && !m.Possessive {
			advisers = []int{m.Entity} // "his brother Ed is a special adviser to ..."
		}
		for _, s := range advisers {
			if c.actorType(s) == graph.Person && s != principal.Entity {
				out = append(out, edge{Rel: graph.Advises, Source: s, Target: principal.Entity, Sent: c.sent.Index, Rule: "adviser-as"})
			}
		}
	}
	return out
}

// ownerOnlyRoles serve only the owner named before them ("a Blair
// lieutenant", "his top lieutenant"); "lieutenant to the captain" is a rank
// or a team's deputy.
var ownerOnlyRoles = map[string]bool{"lieutenant": true, "lieutenants": true}

// overRoleWords walks back from i over the words that qualify a role
// ("a senior", "the closest", "chief") and returns the position before them.
func (c *clauseView) overRoleWords(i int) int {
	for i >= 0 {
		t := c.tok(i)
		if t.Tag != "JJ" && t.Tag != "JJS" && t.Tag != "NN" && t.Tag != "DT" && !c.lx.titles[t.Lower] || c.mentionAt(i) != nil {
			break
		}
		i--
	}
	return i
}

// modifierPrincipal returns the person named right before the role at k+1,
// as a modifier of it: "a key Blair aide", "a Bush adviser". An
// organization there is as often the employer ("a Goldman Sachs adviser",
// "the sole Connacht representative") as the one served.
func (c *clauseView) modifierPrincipal(k int) *mention {
	m := c.mentionAt(k)
	if m == nil || m.End != k+1 || m.Type != graph.Person || m.Possessive || m.Kind == byPronoun || k+1 >= c.n() || c.tok(k+1).Lower == "representative" {
		return nil
	}
	if m.Start == 0 || c.tok(m.Start-1).Tag != "DT" && c.tok(m.Start-1).Tag != "JJ" {
		return nil // "a ... Kremlin adviser": not a name that opens the clause
	}
	return m
}

// adviserVerb: "X advises Y", "X is returning to advise Y": a person who
// advises an actor serves it. Advice given once is no service: "X advised
// Y to resign", "advised Y that", "advised against".
func adviserVerb(c *clauseView) []edge {
	var out []edge
	for _, p := range c.triggersAt(graph.Advises, "verb") {
		if !c.verbAt(p) || c.passive(p) || c.negated(p) || c.wished(p) || p+1 >= c.n() {
			continue
		}
		j := p + 1
		if k := c.lx.titleSpan(c.sent.Tokens, j, c.n()); k > j {
			j = k // "advises Attorney-General George Brandis"
		}
		obj := c.mentionAt(j)
		if obj == nil || obj.Type == graph.Country || obj.Possessive || obj.Kind == byPronoun {
			continue
		}
		if obj.End < c.n() {
			switch c.tok(obj.End).Lower {
			case "to", "that", "against", "not":
				continue
			}
		}
		for _, s := range c.subjects(p, participants) {
			if c.actorType(s) == graph.Person && s != obj.Entity {
				out = append(out, edge{Rel: graph.Advises, Source: s, Target: obj.Entity, Sent: c.sent.Index, Rule: "adviser-verb"})
			}
		}
	}
	return out
}
