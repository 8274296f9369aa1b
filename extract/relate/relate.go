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
	"slices"

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

// Frame is a word that can carry a relationship, with the actors the
// clause makes its subjects and objects ("X criticised Y": X, Y; "Y was
// criticised by X": X, Y too).
type Frame struct {
	Class    string // the cue class: meet, visit, crit, advise, praise, phone, negative
	Word     string // lower case
	At       int    // token position
	Subjects []int
	Objects  []int
	Negated  bool // "did not meet"
	Modal    bool // "will meet", "to meet"
	Passive  bool
	Between  bool // "talks between X and Y"
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
	// Context are the actors the previous sentence of the paragraph named
	// and this one does not, when this one has a speaker: what the speaker
	// may be talking about. Their mentions are of kind "context" at -2, -2.
	Context []Mention
	Frames  []Frame
}

// Candidate is a pair of actors named in one sentence: A is the one named
// first. The speaker of a quotation carried over from an earlier sentence is
// named "before" the sentence.
type Candidate struct {
	Sent     int
	A, B     int
	Features []string
	// Rules names, for each label, a rule that found it, or "".
	Rules [NumLabels]string
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
	NumLabels // the number of labels
)

// Labels lists every label in a fixed order.
var Labels = []Label{MetWith, AdvisesAB, AdvisesBA, CriticizedAB, CriticizedBA}

var labelNames = [NumLabels]string{"MET_WITH", "ADVISES>", "ADVISES<", "CRITICIZED>", "CRITICIZED<"}

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
			out = append(out, s.candidate(l, r))
		}
	}
	// The speaker and what the previous sentence named.
	for _, m := range s.Mentions {
		if m.Actor != s.Speaker || s.Speaker < 0 {
			continue
		}
		for _, c := range s.Context {
			out = append(out, s.candidate(m, c))
		}
		break
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

// candidate builds the candidate of mentions l (first) and r.
func (s *Sentence) candidate(l, r Mention) Candidate {
	c := Candidate{Sent: s.Index, A: l.Actor, B: r.Actor, Features: features(s, l, r)}
	for _, h := range s.Hits { // the first rule to find a label names it
		joins := h.Source == l.Actor && h.Target == r.Actor || h.Source == r.Actor && h.Target == l.Actor
		if lb := LabelOf(h.Type, h.Source, l.Actor); joins && c.Rules[lb] == "" {
			c.Rules[lb] = h.Rule
		}
	}
	return c
}

// Decision is a label the stage gives a candidate.
type Decision struct {
	Label Label
	Score float64 // the model's confidence
	Rule  string  // the rule that found it, or "model"
}

// Decide returns the labels of a candidate: those a hand-written rule found
// (the rules are the precise path), and those the model gives at least the
// confidence min when the sentence holds a cue of their kind (see
// Supported). Vetoes hold against both: nothing comes of a denied or
// cancelled relationship, and no MET_WITH of a planned meeting, of a
// fixture or of how two people first met.
func (m *Model) Decide(c Candidate, min float64) []Decision {
	p := m.Score(c.Features)
	has := func(f string) bool { return slices.Contains(c.Features, f) }
	denied := has(VetoNegated) || has(VetoCancelled)
	notMet := has(VetoPlanned) || has(VetoSport) || has(VetoAcquaint)
	var out []Decision
	for _, l := range Labels {
		if denied || l == MetWith && notMet {
			continue
		}
		switch {
		case c.Rules[l] != "":
			out = append(out, Decision{l, p[l], c.Rules[l]})
		case c.Rules[l] == "" && p[l] >= min && Supported(c.Features, l):
			out = append(out, Decision{l, p[l], "model"})
		}
	}
	return out
}

// cues lists, for each label, the features that say the sentence ties the
// pair with a word of the label's kind: a frame whose cue word has one
// actor as subject and the other as object (or both as its subjects or
// objects, for meetings), or, for criticism, a critical or negative word
// the speaker says near the other actor.
var cues = [NumLabels][]string{
	MetWith: {"frame=meet>", "frame=meet<", "frame=meet=subj", "frame=meet=obj",
		"frame=visit>", "frame=visit<", "frame=visit=subj", "frame=visit=obj"},
	AdvisesAB:    {"frame=advise>", "frame=advise=subj", "frame=advise=obj"},
	AdvisesBA:    {"frame=advise<", "frame=advise=subj", "frame=advise=obj"},
	CriticizedAB: {"frame=crit>", "saidB:crit"},
	CriticizedBA: {"frame=crit<", "saidA:crit"},
}

// Supported reports whether a candidate's features hold a cue of label l
// (see cues). The model may weigh any feature, but it never makes a
// relationship out of the mere company of two names: a sentence that
// holds no word of meeting, advice or criticism between them gives none.
func Supported(features []string, l Label) bool {
	for _, f := range features {
		if slices.Contains(cues[l], f) {
			return true
		}
	}
	return false
}
