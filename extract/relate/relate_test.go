package relate

import (
	"bytes"
	"compress/gzip"
	"slices"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// sentence builds a Sentence from words; a word "[P:n]" or "[O:n]" is a
// one-token mention of actor n, a Person or an Organization.
func sentence(text string) *Sentence {
	s := &Sentence{Speaker: -1, SpeakerAt: -1}
	for i, w := range strings.Fields(text) {
		if len(w) > 4 && w[0] == '[' {
			typ := map[byte]graph.EntityType{'P': graph.Person, 'O': graph.Organization, 'C': graph.Country}[w[1]]
			actor := int(w[3] - '0')
			s.Mentions = append(s.Mentions, Mention{Start: i, End: i + 1, Actor: actor, Type: typ, Kind: "name"})
			w = "Name"
		}
		s.Tokens = append(s.Tokens, Token{Text: w, Lower: strings.ToLower(w), Tag: "NN"})
	}
	return s
}

func TestCandidates(t *testing.T) {
	tests := []struct {
		name string
		text string
		want [][2]int // A, B of each candidate
	}{
		{"two actors", "[P:0] met [P:1] .", [][2]int{{0, 1}}},
		{"three actors, every pair once", "[P:0] met [P:1] and [O:2] .", [][2]int{{0, 1}, {0, 2}, {1, 2}}},
		{"an actor named twice pairs once, by its nearest mention", "[P:1] said [P:0] had met [P:1] .", [][2]int{{1, 0}}},
		{"one actor: no pair", "[P:0] spoke .", nil},
		{"no actor", "It rained .", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][2]int
			for _, c := range Candidates(sentence(tt.text)) {
				got = append(got, [2]int{c.A, c.B})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCandidatesSpeaker(t *testing.T) {
	s := sentence(`" It was a disgrace by [O:1] . "`)
	s.Speaker = 0
	s.Mentions = append([]Mention{{Start: -1, End: -1, Actor: 0, Type: graph.Person, Kind: "speaker"}}, s.Mentions...)
	cs := Candidates(s)
	if len(cs) != 1 || cs[0].A != 0 || cs[0].B != 1 {
		t.Fatalf("candidates %+v, want the speaker and actor 1", cs)
	}
	for _, want := range []string{"speaker=A", "speaker=carried", "kind=speaker-name"} {
		if !slices.Contains(cs[0].Features, want) {
			t.Errorf("features %v lack %q", cs[0].Features, want)
		}
	}
}

func TestFeatures(t *testing.T) {
	s := sentence("[P:0] criticised [O:1] yesterday .")
	s.Tokens[1].Classes = []string{"crit"}
	s.Hits = []Hit{{Rule: "criticized-verb", Type: graph.Criticized, Source: 0, Target: 1}}
	f := Candidates(s)[0].Features
	for _, want := range []string{"bias", "ty=PO", "seq=criticis", "bw=criticis", "bc=crit", "bc=PO:crit", "c@between=crit", "r1=yesterday", "rule=criticized-verb>", "ruletype=CRITICIZED>", "len=1"} {
		if !slices.Contains(f, want) {
			t.Errorf("features %v lack %q", f, want)
		}
	}
	if again := Candidates(s)[0].Features; !slices.Equal(f, again) {
		t.Errorf("features differ between two runs:\n%v\n%v", f, again)
	}
}

func TestLabels(t *testing.T) {
	tests := []struct {
		typ       graph.RelationType
		source, a int
		want      Label
		back      bool
	}{
		{graph.MetWith, 0, 0, MetWith, false},
		{graph.MetWith, 1, 0, MetWith, false},
		{graph.Advises, 0, 0, AdvisesAB, false},
		{graph.Advises, 1, 0, AdvisesBA, true},
		{graph.Criticized, 0, 0, CriticizedAB, false},
		{graph.Criticized, 1, 0, CriticizedBA, true},
	}
	for _, tt := range tests {
		l := LabelOf(tt.typ, tt.source, tt.a)
		if l != tt.want {
			t.Errorf("LabelOf(%s, %d, %d) = %v, want %v", tt.typ, tt.source, tt.a, l, tt.want)
		}
		if rel, back := l.Relation(); rel != tt.typ || back != tt.back {
			t.Errorf("%v.Relation() = %s, %v; want %s, %v", l, rel, back, tt.typ, tt.back)
		}
	}
}

// examples are a toy problem: "met" between two actors is a meeting,
// "criticised" a criticism of the second by the first.
func examples() []Example {
	var out []Example
	for i := 0; i < 40; i++ {
		met := Example{Features: []string{"bias", "bw=met"}, Group: i}
		met.Labels[MetWith] = 1
		crit := Example{Features: []string{"bias", "bw=critic"}, Group: i}
		crit.Labels[CriticizedAB] = 1
		none := Example{Features: []string{"bias", "bw=and"}, Group: i}
		out = append(out, met, crit, none)
	}
	return out
}

func TestTrainLearns(t *testing.T) {
	m := Train(examples(), DefaultTrainOptions)
	p := m.Score([]string{"bias", "bw=met"})
	if p[MetWith] < 0.9 || p[CriticizedAB] > 0.1 {
		t.Errorf("met: scores %v", p)
	}
	p = m.Score([]string{"bias", "bw=critic"})
	if p[CriticizedAB] < 0.9 || p[MetWith] > 0.1 || p[CriticizedBA] > 0.1 {
		t.Errorf("criticised: scores %v", p)
	}
	p = m.Score([]string{"bias", "bw=and"})
	for _, l := range Labels {
		if p[l] > 0.1 {
			t.Errorf("and: %v scores %.2f", l, p[l])
		}
	}
	why := m.Explain([]string{"bias", "bw=met", "bw=unknown"}, MetWith, 3)
	if len(why) != 1 || why[0].Feature != "bw=met" {
		t.Errorf("Explain = %v, want bw=met alone", why)
	}
}

func TestTrainDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := Train(examples(), DefaultTrainOptions).Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := Train(examples(), DefaultTrainOptions).Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings on the same examples wrote different models")
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := Train(examples(), DefaultTrainOptions)
	m.Threshold = 0.35
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.Threshold != 0.35 || got.Size() != m.Size() {
		t.Errorf("read back threshold %.2f, %d features; want 0.35, %d", got.Threshold, got.Size(), m.Size())
	}
	f := []string{"bias", "bw=met"}
	if a, b := m.Score(f)[MetWith], got.Score(f)[MetWith]; a-b > 1e-3 || b-a > 1e-3 {
		t.Errorf("score %.4f before writing, %.4f after", a, b)
	}
}

func TestReadModelErrors(t *testing.T) {
	for name, data := range map[string][]byte{
		"not gzip":  []byte("hello"),
		"empty":     gzipped(""),
		"no header": gzipped("labels\tMET_WITH\n"),
		"bad row":   gzipped(modelHeader + "\nlabels\tMET_WITH\tADVISES>\tADVISES<\tCRITICIZED>\tCRITICIZED<\nthreshold\t0.5\nbias\t1\t2\n"),
	} {
		if _, err := ReadModel(bytes.NewReader(data)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestDefaultModel(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m.Threshold <= 0 || m.Threshold >= 1 {
		t.Errorf("threshold %.2f", m.Threshold)
	}
}

func gzipped(s string) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(s))
	zw.Close()
	return buf.Bytes()
}

func TestDecide(t *testing.T) {
	m := Train(examples(), DefaultTrainOptions)
	var rules [NumLabels]string
	rules[MetWith] = "met-verb"
	tests := []struct {
		name     string
		features []string
		rules    [NumLabels]string
		want     []Label
	}{
		{"model with a cue", []string{"bias", "bw=met", "frame=meet>"}, [NumLabels]string{}, []Label{MetWith}},
		{"model without a cue", []string{"bias", "bw=met"}, [NumLabels]string{}, nil},
		{"rule, low score", []string{"bias", "bw=and"}, rules, []Label{MetWith}},
		{"rule, planned", []string{"bias", "bw=met", "frame=meet>", VetoPlanned}, rules, nil},
		{"rule, fixture", []string{"bias", "bw=met", "frame=meet>", VetoSport}, rules, nil},
		{"model, denied", []string{"bias", "bw=critic", "frame=crit>", VetoNegated}, [NumLabels]string{}, nil},
		{"model, criticism", []string{"bias", "bw=critic", "frame=crit>"}, [NumLabels]string{}, []Label{CriticizedAB}},
		{"model, criticism the wrong way", []string{"bias", "bw=critic", "frame=crit<"}, [NumLabels]string{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Label
			for _, d := range m.Decide(Candidate{Features: tt.features, Rules: tt.rules}, 0.5) {
				got = append(got, d.Label)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Decide = %v, want %v", got, tt.want)
			}
		})
	}
}
