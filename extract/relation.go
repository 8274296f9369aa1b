package extract

// The hand-over to the relation model (package relate): what it sees of a
// sentence, and the relationships it takes.

import (
	"strings"

	"github.com/actorgraph/actorgraph/extract/relate"
	"github.com/actorgraph/actorgraph/graph"
)

var kindNames = map[mentionKind]string{byName: "name", byLexicon: "lexicon", byDemonym: "demonym", byRole: "role", byPronoun: "pronoun"}

// view builds what the model sees of the sentence of c: tokens with their
// word classes, the resolved mentions, the speaker and the rules' finds.
func (x *Extractor) view(c *clauseView, spk, at int, found []edge, types []graph.EntityType) relate.Sentence {
	s := c.sent
	v := relate.Sentence{Index: s.Index, Headline: s.Headline, Speaker: spk, SpeakerAt: at}
	v.Tokens = make([]relate.Token, len(s.Tokens))
	for i, t := range s.Tokens {
		v.Tokens[i] = relate.Token{Text: t.Text, Lower: t.Lower, Tag: t.Tag, Quoted: t.Quoted, Aside: c.aside[i], Classes: x.lx.classes(t.Lower)}
	}
	named := false
	for _, m := range c.ms {
		v.Mentions = append(v.Mentions, relate.Mention{
			Start: m.Start, End: m.End, Actor: m.Entity, Type: m.Type, Kind: kindNames[m.Kind],
			Titles: m.Titles, Possessive: m.Possessive, Modifier: m.Modifier, Location: m.Location,
		})
		named = named || m.Entity == spk
	}
	if spk >= 0 && !named {
		speaker := relate.Mention{Start: -1, End: -1, Actor: spk, Type: types[spk], Kind: "speaker"}
		v.Mentions = append([]relate.Mention{speaker}, v.Mentions...)
	}
	v.Frames = c.frames(x.lx.classes)
	for _, e := range found {
		v.Hits = append(v.Hits, relate.Hit{Rule: e.Rule, Type: e.Rel, Source: e.Source, Target: e.Target})
	}
	return v
}

// classes returns the word classes of a lower-case word, for the model.
func (lx *lexicon) classes(w string) []string {
	var out []string
	if t, ok := lx.triggers[w]; ok {
		out = append(out, "trigger-"+strings.ToLower(string(t.Rel))+"-"+t.Kind)
	}
	for _, set := range []struct {
		name string
		in   map[string]bool
	}{
		{"speech", lx.speech}, {"critical-word", lx.negative}, {"criticism-noun", lx.criticismNouns},
		{"attack-noun", lx.attackNouns}, {"join-verb", lx.joinVerbs}, {"title", lx.titles}, {"leader", lx.leaders},
	} {
		if set.in[w] {
			out = append(out, set.name)
		}
	}
	switch v := lx.valence[w]; {
	case v <= -2:
		out = append(out, "negative", "very-negative")
	case v <= -1:
		out = append(out, "negative")
	case v >= 1:
		out = append(out, "positive")
	}
	return append(out, lx.cues[w]...)
}

// decide takes, of every candidate of every sentence, the relationships the
// rules found or the model is confident of, with their evidence.
func (x *Extractor) decide(views []relate.Sentence, rules []edge) []edge {
	var out []edge
	type pair struct{ sent, a, b int }
	judged := map[pair]bool{}
	for i := range views {
		for _, c := range relate.Candidates(&views[i]) {
			judged[pair{c.Sent, min(c.A, c.B), max(c.A, c.B)}] = true
			for _, d := range x.model.Decide(c, x.minConfidence) {
				rel, back := d.Label.Relation()
				src, dst := c.A, c.B
				if back {
					src, dst = dst, src
				}
				e := edge{Rel: rel, Source: src, Target: dst, Sent: c.Sent, Rule: d.Rule, Score: d.Score}
				for _, f := range x.model.Explain(c.Features, d.Label, 3) {
					e.Features = append(e.Features, f.Feature)
				}
				out = append(out, e)
			}
		}
	}
	// A rule that looks past its sentence ("quoted-critic": the critic is
	// named in an earlier one) finds a pair that is no candidate there; the
	// model has not judged it, and it is taken as the rule found it.
	for _, e := range rules {
		if !judged[pair{e.Sent, min(e.Source, e.Target), max(e.Source, e.Target)}] {
			out = append(out, e)
		}
	}
	return out
}

// context returns the actors of the previous sentence that the sentence v
// does not name: what a speaker may be talking about ("He added: 'It is a
// disgrace.'").
func context(prev, v *relate.Sentence) []relate.Mention {
	named := map[int]bool{}
	for _, m := range v.Mentions {
		named[m.Actor] = true
	}
	var out []relate.Mention
	for _, m := range prev.Mentions {
		if m.Start >= 0 && !named[m.Actor] && !m.Location {
			named[m.Actor] = true
			out = append(out, relate.Mention{Start: -2, End: -2, Actor: m.Actor, Type: m.Type, Kind: "context"})
		}
	}
	return out
}
