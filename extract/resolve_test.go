package extract

import (
	"slices"
	"strings"
	"testing"
)

// resolvedAs reads text as analyze does up to resolution and returns the
// actor that the last mention written name resolves to: its name, "" when
// it is unresolved, or "(no mention)".
func resolvedAs(t *testing.T, text, name string) string {
	t.Helper()
	actors := resolvedAll(t, text, name)
	if actors == nil {
		return "(no mention)"
	}
	return actors[len(actors)-1]
}

// resolvedAll returns, for every mention written name in the order they
// come, the actor it resolves to ("" when unresolved); nil when there is
// no such mention.
func resolvedAll(t *testing.T, text, name string) []string {
	t.Helper()
	x := extractor(t)
	sents, err := x.segment(clean(text))
	if err != nil {
		t.Fatal(err)
	}
	ms, res := x.resolve(sents)
	var out []string
	for si := range ms {
		for _, m := range ms[si] {
			if m.Name != name {
				continue
			}
			actor := ""
			if m.Entity >= 0 {
				actor = res.actors[m.Entity].Name
			}
			out = append(out, actor)
		}
	}
	return out
}

func TestResolveReferences(t *testing.T) {
	tests := []struct {
		text, mention, want string
	}{
		// An organization noun stands for the only organization of its kind
		// named before it in the sentence or in the nearest sentence before.
		{"Halvor Industries Corp cut 500 jobs. Prosecutor Anna Berg sued the company on Monday.", "the company", "Halvor Industries Corp"},
		{"Halvor Industries Corp cut 500 jobs. The firm's shares fell.", "The firm", "Halvor Industries Corp"},
		{"Halvor Industries Corp said the firm would appeal.", "the firm", "Halvor Industries Corp"},
		{"The Labour Party launched its manifesto. Anna Berg said the party had lost its way.", "the party", "Labour Party"},
		// Two of the kind in the nearest sentence: left alone.
		{"Halvor Industries Corp agreed to buy Vestby Mining Corp. The firm said the deal was fair.", "The firm", "(no mention)"},
		// A noun of another kind is not that organization: a party is no firm.
		{"The Labour Party launched its manifesto. The firm said the plan was fair.", "The firm", "(no mention)"},
		// A compound noun is not a reference.
		{"The Labour Party met in Leeds. The party conference opened.", "The party", "(no mention)"},
		// Too far back: three sentences.
		{"Halvor Industries Corp cut jobs. Prices rose. Wages fell. Anna Berg sued the company.", "the company", "(no mention)"},
		// "X said it": the organization that speaks.
		{"Halvor Industries Corp said it had held talks with Vestby Mining Corp.", "it", "Halvor Industries Corp"},
		{"Halvor Industries Corp said that it would appeal.", "it", "Halvor Industries Corp"},
		{"Anna Berg said it was a disgrace.", "it", "(no mention)"},
		{"Halvor Industries Corp said its talks with Vestby Mining Corp had stalled.", "its", "Halvor Industries Corp"},
		// Among people of one surname, "Mr" is not the knight, "Ms" the woman.
		{"Sir Karl Osterberg spoke first. Then Tomas Osterberg replied. Mr Osterberg said no.", "Osterberg", "Tomas Osterberg"},
		{"Tomas Lind spoke first. Then Ms Anna Lind replied. Ms Lind said no.", "Lind", "Anna Lind"},
		{"Tomas Lind spoke first. Then Ms Anna Lind replied. Mr Lind said no.", "Lind", "Tomas Lind"},
		// "the minister" is the minister named last, never a shadow one.
		{"Finance Minister Anna Berg set the budget. Karl Osterberg said the minister had erred.", "the minister", "Anna Berg"},
		{"Shadow minister Anna Berg spoke. Karl Osterberg said the minister had erred.", "the minister", ""},
		// The speaker of "..., her lawyer, X, said." is who "he" is next.
		{"Tomas Lind spoke first. The case was brought late, her lawyer, Karl Osterberg, said. The firms were negligent, he said.", "he", "Karl Osterberg"},
		// After "he" and "his" were resolved to a person, "she" is not that person.
		{"Tomas Lind said he would appeal. She said the ruling was fair.", "She", ""},
		// An object pronoun in a clause within the person's is that person;
		// in the person's own clause it is someone else.
		{"Karl Osterberg spoke. Tomas Lind denied claims that the agency was blaming him.", "him", "Tomas Lind"},
		{"Karl Osterberg spoke. Tomas Lind blamed him.", "him", "Karl Osterberg"},
		{"Karl Osterberg spoke. Tomas Lind wrote to Anna Berg accusing him of lying.", "him", ""},
		// After a speaker the article does not name, "she" is that speaker.
		{"Anna Berg attacked the plan. But a ministry spokeswoman insisted it was fair. \"It is a good plan,\" she said.", "she", ""},
		{"Ms Anna Berg attacked the plan. Mr Tomas Lind insisted it was fair. \"It is a bad plan,\" she said.", "she", "Anna Berg"},
		// A pronoun in an opening phrase points ahead to the subject.
		{"Tomas Lind won on Monday. Before her meeting with Marta Kovac, Anna Berg said she was ready.", "her", "Anna Berg"},
		{"Tomas Lind won on Monday. Before her meeting with Marta Kovac, the coach said she was ready.", "her", ""},
		// A pronoun after a role that names nobody of the article stays
		// unresolved rather than taking the last person named.
		{"Finance Minister Tomas Lind spoke on Monday. The Tories attacked the prime minister and his chancellor.", "his", ""},
		// An office no titled person holds may be the topic's, named
		// untitled at the top of the report; never a titled one's.
		{"Tomas Lind has dismissed the reports. \"We do no deals,\" the prime minister said.", "the prime minister", "Tomas Lind"},
		{"Finance Minister Tomas Lind has dismissed the reports. \"We do no deals,\" the prime minister said.", "the prime minister", ""},
		{"Tomas Lind has dismissed the reports. \"We do no deals,\" the foreign minister said.", "the foreign minister", ""},
		{"Tomas Lind has dismissed the reports. \"We do no deals,\" the chancellor said.", "the chancellor", ""},
		{"Tomas Lind has dismissed the reports. \"We do no deals,\" the Russian president said.", "the Russian president", ""},
		{"Tomas Lind spoke on Monday. The Tories attacked his chancellor.", "his", "Tomas Lind"},
	}
	for _, tt := range tests {
		if got := resolvedAs(t, tt.text, tt.mention); got != tt.want {
			t.Errorf("%q: %q resolves to %q, want %q", tt.text, tt.mention, got, tt.want)
		}
	}
}

// TestPairReferences: "the two men", "the pair" stand for the two persons
// named just before (one mention each), and give no mention when the
// sentences before name another number of them.
func TestPairReferences(t *testing.T) {
	tests := []struct {
		text, mention, want string
	}{
		{"Tomas Lind and Anna Berg held talks. Oduya Kamaru urged the two men to stop squabbling.", "the two men", "Anna Berg + Tomas Lind"},
		{"Tomas Lind met Anna Berg, and the pair agreed a deal.", "the pair", "Anna Berg + Tomas Lind"},
		{"Tomas Lind spoke. Anna Berg agreed. Both leaders left.", "Both leaders", "Anna Berg + Tomas Lind"},
		{"Tomas Lind, Anna Berg and Oduya Kamaru spoke. The pair left.", "The pair", "(no mention)"},
		{"Tomas Lind met Anna Berg. The pair of shoes was sold.", "The pair", "(no mention)"},
		{"Tomas Lind spoke on Monday. The two men left.", "The two men", "(no mention)"},
	}
	for _, tt := range tests {
		got := "(no mention)"
		if names := resolvedAll(t, tt.text, tt.mention); names != nil {
			slices.Sort(names)
			got = strings.Join(names, " + ")
		}
		if got != tt.want {
			t.Errorf("%q: %q is %q, want %q", tt.text, tt.mention, got, tt.want)
		}
	}
}
