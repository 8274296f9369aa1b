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
	return append(out, lx.cues[w]...)
}

// decide scores every candidate of every sentence and returns the
// relationships whose confidence reaches the threshold, with their evidence.
func (x *Extractor) decide(views []relate.Sentence) []edge {
	var out []edge
	for i := range views {
		for _, c := range relate.Candidates(&views[i]) {
			p := x.model.Score(c.Features)
			for _, l := range relate.Labels {
				if p[l] < x.minConfidence {
					continue
				}
				rel, back := l.Relation()
				src, dst := c.A, c.B
				if back {
					src, dst = dst, src
				}
				e := edge{Rel: rel, Source: src, Target: dst, Sent: c.Sent, Rule: "model", Score: p[l]}
				for _, f := range x.model.Explain(c.Features, l, 3) {
					e.Features = append(e.Features, f.Feature)
				}
				if r := ruleOf(views[i].Hits, rel, src, dst); r != "" {
					e.Rule = r
				}
				out = append(out, e)
			}
		}
	}
	return out
}

// ruleOf returns the name of a rule that found the relationship, or "".
func ruleOf(hits []relate.Hit, rel graph.RelationType, src, dst int) string {
	for _, h := range hits {
		if h.Type == rel && (h.Source == src && h.Target == dst || rel.Symmetric() && h.Source == dst && h.Target == src) {
			return h.Rule
		}
	}
	return ""
}
