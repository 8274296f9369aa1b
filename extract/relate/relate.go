// Package relate is the last stage of extraction: it decides which pairs of
// actors named in a sentence are in a relationship (MET_WITH, ADVISES,
// CRITICIZED), with a linear model learned from annotated articles.
//
// The earlier stages (package extract) hand it sentences with their tagged
// tokens, the resolved actor mentions and what the hand-written rules found.
// Every pair of actors in a sentence is a candidate; features.go describes a
// candidate as a set of strings (words between and around the pair, word
// classes, the mentions' types and roles, reported speech, negation and
// modality, the rules that fired); model.go scores it, one logistic
// regression per label; train.go learns the weights from labelled candidates.
package relate

import (
	"github.com/actorgraph/actorgraph/graph"
)

// Token is one word or punctuation mark of a sentence.
type Token struct {
	Text    string
	Lower   string
	Tag     string   // part-of-speech tag (Penn Treebank)
	Quoted  bool     // inside quotation marks
	Aside   bool     // inside brackets or a comma-bounded aside
	Classes []string // word classes from the lexicons: "meet-verb", "speech", ...
}

// Mention is one place where a sentence names an actor.
type Mention struct {
	Start, End int // tokens of the name, titles excluded
	Actor      int // index of the resolved actor in the article
	Type       graph.EntityType
	Kind       string   // name, lexicon, demonym, role, pronoun
	Titles     []string // lower-case titles before the name: "special envoy"
	Possessive bool     // followed by 's
	Modifier   bool     // qualifies a noun: "U.S. officials"
	Location   bool     // the object of a place preposition: "in France"
}

// Hit is a relationship a hand-written rule found in the sentence.
type Hit struct {
	Rule           string
	Type           graph.RelationType
	Source, Target int // actors
}

// Sentence is what the stage sees of one sentence.
type Sentence struct {
	Index    int
	Headline bool
	Tokens   []Token
	Mentions []Mention
	// Speaker is the actor the sentence quotes or reports ("X said"), or -1;
	// SpeakerAt is the position of the speech verb, or -1 when the speaker is
	// carried over from an earlier sentence of the same quotation. A speaker
	// the sentence does not name has a mention of kind "speaker" at -1, -1.
	Speaker   int
	SpeakerAt int
	Hits      []Hit
}

// Candidate is a pair of actors named in one sentence: A is the one named
// first. The speaker of a quotation carried over from an earlier sentence is
// named "before" the sentence.
type Candidate struct {
	Sent     int
	A, B     int
	Features []string
}

// Label is one decision the model makes about a candidate.
type Label int

// The labels. AB means from A (named first) to B.
const (
	MetWith Label = iota
	AdvisesAB
	AdvisesBA
	CriticizedAB
	CriticizedBA
	numLabels
)

// Labels lists every label in a fixed order.
var Labels = []Label{MetWith, AdvisesAB, AdvisesBA, CriticizedAB, CriticizedBA}

var labelNames = [numLabels]string{"MET_WITH", "ADVISES>", "ADVISES<", "CRITICIZED>", "CRITICIZED<"}

func (l Label) String() string { return labelNames[l] }

// Relation returns the relationship type of the label and whether it runs
// from B to A.
func (l Label) Relation() (graph.RelationType, bool) {
	switch l {
	case AdvisesAB:
		return graph.Advises, false
	case AdvisesBA:
		return graph.Advises, true
	case CriticizedAB:
		return graph.Criticized, false
	case CriticizedBA:
		return graph.Criticized, true
	}
	return graph.MetWith, false
}

// LabelOf returns the label of a relationship of type t from source to
// target, for a candidate whose first actor is a.
func LabelOf(t graph.RelationType, source, a int) Label {
	forward := source == a
	switch {
	case t == graph.Advises && forward:
		return AdvisesAB
	case t == graph.Advises:
		return AdvisesBA
	case t == graph.Criticized && forward:
		return CriticizedAB
	case t == graph.Criticized:
		return CriticizedBA
	}
	return MetWith
}

// Candidates returns every pair of distinct actors the sentence names, each
// once, with its features. A pronoun or a role counts as a name of the actor
// it was resolved to; the speaker of the sentence pairs with every actor
// named in it. A and B are the two actors in the order of their closest two mentions.
func Candidates(s *Sentence) []Candidate {
	ms := mentionsOf(s)
	var out []Candidate
	seen := map[[2]int]bool{}
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			a, b := ms[i].Actor, ms[j].Actor
			key := [2]int{min(a, b), max(a, b)}
			if a == b || seen[key] {
				continue
			}
			seen[key] = true
			l, r := closest(ms, a, b)
			out = append(out, Candidate{Sent: s.Index, A: l.Actor, B: r.Actor, Features: features(s, l, r)})
		}
	}
	return out
}

// mentionsOf returns the sentence's resolved mentions, in order.
func mentionsOf(s *Sentence) []Mention {
	var ms []Mention
	for _, m := range s.Mentions {
		if m.Actor >= 0 {
			ms = append(ms, m)
		}
	}
	return ms
}

// closest returns the mentions of actors a and b that are nearest each
// other, in sentence order.
func closest(ms []Mention, a, b int) (Mention, Mention) {
	best, bl, br := -1, Mention{}, Mention{}
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			x, y := ms[i], ms[j]
			if !(x.Actor == a && y.Actor == b || x.Actor == b && y.Actor == a) {
				continue
			}
			if gap := y.Start - x.End; best < 0 || gap < best {
				best, bl, br = max(gap, 0), x, y
			}
		}
	}
	return bl, br
}
