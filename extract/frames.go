package extract

// Frames: for every word that can carry a relationship (a meeting, visit,
// criticism, advice or praise word of the cue lexicon, a negative verb), who
// is its subject and who its object, as the clause view reads them. The
// relation model weighs them; unlike the rules they take any cue word.

import (
	"github.com/actorgraph/actorgraph/extract/relate"
)

// frameClasses are the cue classes that open a frame.
var frameClasses = map[string]bool{"meet": true, "visit": true, "crit": true, "advise": true, "praise": true, "phone": true, "negative": true, "critical-word": true}

// frameObjectWords may stand between a frame word and its object: "met
// with", "hit out at", "an attack on".
var frameObjectWords = map[string]bool{
	"with": true, "at": true, "on": true, "of": true, "against": true, "to": true, "for": true,
	"out": true, "between": true, "upon": true, "over": true, "about": true, "by": true,
}

// loose picks let every actor of a phrase through but places.
var (
	looseSubjects = pick{modifiers: true}
	looseObjects  = pick{possessors: true, modifiers: true}
)

// frames returns the frames of the sentence of c.
func (c *clauseView) frames(classes func(string) []string) []relate.Frame {
	var out []relate.Frame
	for p := 0; p < c.n(); p++ {
		t := c.tok(p)
		class := ""
		for _, k := range classes(t.Lower) {
			if frameClasses[k] {
				class = k
				break
			}
		}
		if class == "" || (class == "negative" || class == "critical-word") && !isVerb(t) {
			continue
		}
		if class == "advise" && isVerb(t) && c.recommends(p) {
			continue // "advised him to resign": a recommendation, not an adviser's work
		}
		f := relate.Frame{Class: class, Word: t.Lower, At: p, Negated: c.negated(p), Passive: isVerb(t) && c.passive(p)}
		for i := p - 1; i >= 0 && i >= p-3; i-- {
			if c.tok(i).Tag == "MD" || c.tok(i).Lower == "to" && i > 0 && futureTo(c.tok(i-1).Lower, classes) {
				f.Modal = true
			}
		}
		q := p + 1
		for q < c.n() && q <= p+2 && frameObjectWords[c.tok(q).Lower] {
			if c.tok(q).Lower == "between" {
				f.Between = true
			}
			q++
		}
		switch {
		case f.Passive:
			f.Objects = c.subjects(p, looseSubjects)
			for i := p + 1; i+1 < c.n(); i++ {
				if c.tok(i).Lower == "by" {
					f.Subjects = c.objects(i+1, looseSubjects)
					break
				}
				if clauseBreaks[c.tok(i).Lower] || c.tok(i).Text == "." {
					break
				}
			}
		case isVerb(t):
			f.Subjects = c.subjects(p, looseSubjects)
			f.Objects = c.objects(q, looseObjects)
		default: // a noun: "X's attack on Y", "X held talks with Y"
			f.Subjects = c.possessorBefore(p)
			if len(f.Subjects) == 0 {
				f.Subjects = c.subjects(p, looseSubjects)
			}
			if q > p+1 {
				f.Objects = c.objects(q, looseObjects)
			}
		}
		if len(f.Subjects)+len(f.Objects) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// recommends reports whether the verb at p is followed, within its clause,
// by "to" and a verb: "X advised Y to resign" tells Y what to do.
func (c *clauseView) recommends(p int) bool {
	for i := p + 1; i+1 < c.n() && i <= p+8; i++ {
		t := c.tok(i)
		if clauseBreaks[t.Lower] || t.Text == "." || t.Text == ";" {
			return false
		}
		if t.Lower == "to" && c.tok(i+1).Tag == "VB" {
			return true
		}
	}
	return false
}

// futureWords before "to" make what follows a plan: "is to meet", "set to
// meet", "agreed to meet". Words of the lexicons' plan and modal classes do
// too ("hopes to", "expected to").
var futureWords = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "am": true,
	"set": true, "going": true, "agreed": true, "agree": true, "agrees": true, "try": true, "tries": true,
	"tried": true, "trying": true, "attempt": true, "seeks": true, "sought": true, "asked": true, "like": true,
	"love": true, "keen": true, "eager": true, "able": true, "unable": true, "refused": true, "failed": true,
	"happy": true, "willing": true, "ready": true, "prepared": true, "glad": true, "delighted": true, "offered": true}

// futureTo reports whether the word before an infinitive's "to" makes it a
// plan rather than a purpose: "flew to Florida to meet" is a meeting that
// happened; "plans to meet" is not yet one.
func futureTo(before string, classes func(string) []string) bool {
	if futureWords[before] {
		return true
	}
	for _, k := range classes(before) {
		if k == "plan" || k == "modal" || k == "cancel" {
			return true
		}
	}
	return false
}
