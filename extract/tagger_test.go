package extract

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestTaggersAgree checks that extracting the test articles with postag's
// tagger gives the graphs that prose's own tagger gives.
func TestTaggersAgree(t *testing.T) {
	withProse := withTagger(t, proseTagger(t))
	x := extractor(t)
	for _, path := range articles(t) {
		text := readFile(t, path)
		want := extractJSON(t, withProse, path, text)
		if got := extractJSON(t, x, path, text); !bytes.Equal(got, want) {
			t.Errorf("%s: the graph with postag differs from the graph with prose", path)
		}
		if again := extractJSON(t, x, path, text); !bytes.Equal(again, want) {
			t.Errorf("%s: a second extraction differs from the first", path)
		}
	}
}

func extractJSON(t *testing.T, x *Extractor, path string, text []byte) []byte {
	t.Helper()
	g, err := x.Extract(path, text)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRetagPluralNouns: a plural noun the tagger reads as a verb after a
// name that qualifies it is a noun again; a verb stays a verb.
func TestRetagPluralNouns(t *testing.T) {
	x := extractor(t)
	tests := []struct {
		text, word, want string
	}{
		{"Tomas Lind called the Tory plans \"dangerous\".", "plans", "NNS"},
		{"Tomas Lind criticised \"extravagant\" Tory promises on policing.", "promises", "NNS"},
		{"Anna Berg said the Halvor Group plans to sell.", "plans", "VBZ"},
		{"The BBC plans to cut jobs.", "plans", "VBZ"},
	}
	for _, tt := range tests {
		sents, err := x.segment(clean("Title\n\n" + tt.text))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, s := range sents {
			for _, tok := range s.Tokens {
				if tok.Text == tt.word {
					got = tok.Tag
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q: %s is %s, want %s", tt.text, tt.word, got, tt.want)
		}
	}
}
