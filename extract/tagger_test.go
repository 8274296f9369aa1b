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
