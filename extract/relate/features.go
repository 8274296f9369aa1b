package relate

// What the model knows of a candidate: a set of feature strings, each
// "kind=value".

import (
	"slices"
	"strconv"
	"strings"

	"github.com/kljensen/snowball/english"
)

// The word classes the features give special weight to; the lexicons of
// package extract put them on tokens.
const (
	ClassNegation = "neg"   // not, never, denied
	ClassModal    = "modal" // will, would, could, plans, hopes
)

// Vetoes are features that keep the model from taking a relationship the
// sentence says did not happen: the rules are left to judge those.
const (
	VetoNegated   = "veto=negated"   // "did not meet", "never criticised"
	VetoPlanned   = "veto=planned"   // "will meet", "hopes to meet"
	VetoCancelled = "veto=cancelled" // "cancelled talks with"
	VetoSport     = "veto=sport"     // "will meet Federer in the final", "met Giggs' cross"
	VetoAcquaint  = "veto=acquaint"  // "they met as students", "first met in 1994"
)

// ClassSport marks words of matches and results: a meeting in a sentence
// that holds one is a fixture, not a meeting of actors.
const ClassSport = "sport"

// features describes the pair of mentions l (first) and r.
func features(s *Sentence, l, r Mention) []string {
	f := featureSet{}
	toks := s.Tokens
	tl, tr := typeCode(l), typeCode(r)
	pair := tl + tr
	f.add("bias")
	f.add("ty=" + pair)
	f.add("kind=" + l.Kind + "-" + r.Kind)
	if s.Headline {
		f.add("headline")
	}
	for _, side := range []struct {
		name string
		m    Mention
	}{{"A", l}, {"B", r}} {
		m := side.m
		if m.Possessive {
			f.add("poss=" + side.name)
		}
		if m.Modifier {
			f.add("modifier=" + side.name)
		}
		if m.Location {
			f.add("location=" + side.name)
		}
		for _, t := range m.Titles {
			words := strings.Fields(t)
			f.add("title" + side.name + "=" + stem(words[len(words)-1]))
		}
		if m.Start >= 0 && m.Start < len(toks) {
			if toks[m.Start].Quoted {
				f.add("quoted=" + side.name)
			}
			if toks[m.Start].Aside {
				f.add("aside=" + side.name)
			}
		}
	}

	// The words between the two mentions.
	from, to := max(l.End, 0), max(r.Start, 0)
	if to < from { // nested or overlapping mentions
		to = from
	}
	between := toks[from:to]
	f.add("len=" + bucket(len(between)))
	if len(between) <= 5 {
		var seq []string
		for i := from; i < to; i++ {
			seq = append(seq, wordOrActor(s, i))
		}
		f.add("seq=" + strings.Join(seq, "_"))
	}
	others := 0
	for _, m := range s.Mentions {
		if m.Start >= to {
			break
		}
		if m.Start >= from && m.Actor >= 0 && m.Actor != l.Actor && m.Actor != r.Actor {
			others++
		}
	}
	f.add("others=" + bucket(others))
	for i, t := range between {
		if i < 8 || len(between)-i <= 8 {
			f.add("bw=" + stem(t.Lower))
		}
		switch {
		case t.Text == `"`:
			f.add("between=quote")
		case t.Text == ",":
			f.add("between=comma")
		case t.Text == ";" || t.Text == ":":
			f.add("between=" + t.Text)
		}
		for _, c := range t.Classes {
			f.add("bc=" + c)
			f.add("bc=" + pair + ":" + c)
			switch c {
			case ClassNegation:
				f.add(VetoNegated)
			case "cancel":
				f.add(VetoCancelled)
			}
		}
	}
	if len(between) > 0 {
		f.add("after1=" + between[0].Tag)
		f.add("before1=" + between[len(between)-1].Tag)
	}

	// The words around them.
	for k := 1; k <= 2; k++ {
		if i := l.Start - k; i >= 0 {
			f.add("l" + strconv.Itoa(k) + "=" + stem(toks[i].Lower))
		}
		if i := r.End - 1 + k; r.End >= 0 && i < len(toks) {
			f.add("r" + strconv.Itoa(k) + "=" + stem(toks[i].Lower))
		}
	}
	// Word classes anywhere in the sentence, by where they stand.
	for i, t := range toks {
		if len(t.Classes) == 0 {
			continue
		}
		where := "between"
		switch {
		case i < l.Start || l.Start < 0 && i < r.Start:
			where = "before"
		case i >= r.End:
			where = "after"
		}
		near := i >= l.Start-4 && i < r.End+4
		for _, c := range t.Classes {
			f.add("c@" + where + "=" + c)
			if near && (c == ClassNegation || c == ClassModal) {
				f.add("near=" + c + ":" + stem(t.Lower))
			}
		}
	}

	// Reported speech, and what the speaker says about the other actor.
	if s.Speaker == l.Actor || s.Speaker == r.Actor {
		other, side := r, "B"
		if s.Speaker == r.Actor {
			other, side = l, "A"
		}
		neg, near, crit := 0, false, false
		for i, t := range toks {
			if i == s.SpeakerAt {
				continue
			}
			for _, c := range t.Classes {
				switch c {
				case "negative", "critical-word", "crit":
					neg++
					near = near || other.Start >= 0 && i >= other.Start-6 && i < other.End+6
					crit = crit || c == "crit"
				}
			}
		}
		f.add("said" + side + ":neg=" + bucket(min(neg, 4)))
		if near {
			f.add("said" + side + ":neg-near")
		}
		if crit {
			f.add("said" + side + ":crit")
		}
		if other.Start >= 0 && toks[other.Start].Quoted {
			f.add("said" + side + ":in-quote")
		}
		f.add("said" + side + ":ty=" + pair)
	}
	switch s.Speaker {
	case -1:
	case l.Actor:
		f.add("speaker=A")
		if s.SpeakerAt < 0 {
			f.add("speaker=carried")
		}
	case r.Actor:
		f.add("speaker=B")
	default:
		f.add("speaker=other")
	}

	// The frames that join the two.
	for _, fr := range s.Frames {
		dir := ""
		switch {
		case slices.Contains(fr.Subjects, l.Actor) && slices.Contains(fr.Objects, r.Actor):
			dir = ">"
		case slices.Contains(fr.Subjects, r.Actor) && slices.Contains(fr.Objects, l.Actor):
			dir = "<"
		case slices.Contains(fr.Objects, l.Actor) && slices.Contains(fr.Objects, r.Actor):
			dir = "=obj"
		case slices.Contains(fr.Subjects, l.Actor) && slices.Contains(fr.Subjects, r.Actor):
			dir = "=subj"
		default:
			continue
		}
		if fr.Negated {
			f.add(VetoNegated)
		}
		if fr.Class == "meet" || fr.Class == "visit" {
			if fr.Modal {
				f.add(VetoPlanned)
			}
			if hasClass(toks, ClassSport) {
				f.add(VetoSport)
			}
			if fr.At+1 < len(toks) && toks[fr.At+1].Lower == "as" || fr.At > 0 && toks[fr.At-1].Lower == "first" {
				f.add(VetoAcquaint)
			}
		}
		f.add("frame=" + fr.Class + dir)
		f.add("frameword=" + stem(fr.Word) + dir)
		f.add("frame=" + fr.Class + dir + ":" + pair)
		for _, mod := range []struct {
			on   bool
			name string
		}{{fr.Negated, "neg"}, {fr.Modal, "modal"}, {fr.Passive, "passive"}, {fr.Between, "between"}} {
			if mod.on {
				f.add("frame=" + fr.Class + dir + ":" + mod.name)
			}
		}
	}

	// What the rules found.
	for _, h := range s.Hits {
		dir := ""
		switch {
		case h.Source == l.Actor && h.Target == r.Actor:
			dir = ">"
		case h.Source == r.Actor && h.Target == l.Actor:
			dir = "<"
		default:
			continue
		}
		f.add("rule=" + h.Rule + dir)
		f.add("ruletype=" + string(h.Type) + dir)
	}
	return f.list()
}

// typeCode is a one-letter code of a mention's actor type.
func typeCode(m Mention) string {
	if m.Type == "" {
		return "?"
	}
	return string(m.Type[0])
}

// wordOrActor returns the stem of token i, or the type of the actor it names.
func wordOrActor(s *Sentence, i int) string {
	for _, m := range s.Mentions {
		if m.Actor >= 0 && i >= m.Start && i < m.End {
			return "<" + typeCode(m) + ">"
		}
	}
	return stem(s.Tokens[i].Lower)
}

// bucket groups counts: 0, 1, 2, 3, 4-5, 6-8, 9-12, 13-20, more.
func bucket(n int) string {
	switch {
	case n <= 3:
		return strconv.Itoa(n)
	case n <= 5:
		return "4-5"
	case n <= 8:
		return "6-8"
	case n <= 12:
		return "9-12"
	case n <= 20:
		return "13-20"
	}
	return "21+"
}

// stem returns the Porter2 stem of a lower-case word; punctuation and
// numbers stand for themselves.
func stem(w string) string {
	if len(w) < 3 {
		return w
	}
	return english.Stem(w, false)
}

// featureSet collects distinct features in the order first added.
type featureSet struct {
	seen map[string]bool
	out  []string
}

func (f *featureSet) add(s string) {
	if f.seen == nil {
		f.seen = map[string]bool{}
	}
	if !f.seen[s] {
		f.seen[s] = true
		f.out = append(f.out, s)
	}
}

func (f *featureSet) list() []string { return slices.Clip(f.out) }

// hasClass reports whether a token of the sentence has word class c.
func hasClass(toks []Token, c string) bool {
	return slices.ContainsFunc(toks, func(t Token) bool { return slices.Contains(t.Classes, c) })
}
