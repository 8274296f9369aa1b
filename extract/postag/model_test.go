package postag

import (
	"bytes"
	"encoding/gob"
	"errors"
	"flag"
	"os"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

var update = flag.Bool("update", false, "rewrite model.bin and the golden files from prose")

// proseWeights is prose's tagger model as prose holds it.
type proseWeights struct {
	weights map[string]map[string]float64
	dict    map[string]string
	classes []string
}

// loadProseWeights decodes prose's embedded tagger model, as prose's
// newPerceptronTagger does.
func loadProseWeights() (*proseWeights, error) {
	var w proseWeights
	for _, a := range []struct {
		name string
		into any
	}{{"classes.gob", &w.classes}, {"tags.gob", &w.dict}, {"weights.gob", &w.weights}} {
		b, err := prose.Asset("model/AveragedPerceptron/" + a.name)
		if err != nil {
			return nil, err
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.into); err != nil {
			return nil, err
		}
	}
	return &w, nil
}

var proseWeightsOnce = sync.OnceValues(loadProseWeights)

func proseModel(t testing.TB) *proseWeights {
	t.Helper()
	w, err := proseWeightsOnce()
	if err != nil {
		t.Fatalf("load prose's model: %v", err)
	}
	return w
}

// TestModelFile checks that the embedded model.bin is prose's model; with
// -update it writes it.
func TestModelFile(t *testing.T) {
	w := proseModel(t)
	m, err := buildModel(w.weights, w.dict, w.classes)
	if err != nil {
		t.Fatal(err)
	}
	b := m.encode()
	if *update {
		if err := os.WriteFile("model.bin", b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(b, modelFile) {
		t.Fatalf("model.bin (%d bytes) is not prose's model (%d bytes); run go test ./extract/postag -run TestModelFile -update", len(modelFile), len(b))
	}
}

// TestModelHoldsProse checks every weight, dictionary word and class of
// prose's model against the decoded dense model.
func TestModelHoldsProse(t *testing.T) {
	w := proseModel(t)
	m, err := decodeModel(modelFile)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range w.classes {
		if m.tags[i] != c {
			t.Fatalf("tag %d is %q, prose's class %q", i, m.tags[i], c)
		}
	}
	for word, tag := range w.dict {
		id := lookup(m, word)
		if id < 0 || m.lexTag[id] < 0 || m.tags[m.lexTag[id]] != tag {
			t.Errorf("dictionary word %q: want %s", word, tag)
		}
	}
	n := 0
	for key, ws := range w.weights {
		r := rowOf(t, m, key)
		got := map[string]float64{}
		for k := m.rowStart[r]; k < m.rowStart[r+1]; k++ {
			got[m.tags[m.weightLabel[k]]] = m.weightValue[k]
		}
		if len(got) != len(ws) {
			t.Errorf("feature %q: %d weights, prose has %d", key, len(got), len(ws))
		}
		for l, v := range ws {
			if got[l] != v {
				t.Errorf("feature %q label %s: weight %v, prose has %v", key, l, got[l], v)
			}
		}
		n += len(ws)
	}
	t.Logf("%d features, %d weights, %d labels, %d dictionary words, %d interned strings",
		len(w.weights), n, m.numLabels, len(w.dict), len(m.strStart)-1)
}

// rowOf finds the row of one of prose's feature names through the tables
// tagging uses.
func rowOf(t *testing.T, m *model, key string) int32 {
	f, err := parseFeature(key)
	if err != nil {
		t.Fatal(err)
	}
	var r int32 = noRow
	switch f.kind {
	case "":
		r = m.stringRow(lookup(m, f.str), f.strFeat)
	case featBias:
		r = m.bias
	case featPrevTag:
		r = m.prevTag[m.tagID(f.tag)]
	case featPrev2Tag:
		r = m.prev2Tag[m.tagID(f.tag)]
	case featTagPair:
		r = m.tagPair[int(m.tagID(f.tag))*len(m.tags)+int(m.tagID(f.tag2))]
	case featPrevTagWord:
		r = m.prevTagWordRowOf(m.tagID(f.tag), lookup(m, f.str))
	}
	if r == noRow {
		t.Fatalf("feature %q has no row", key)
	}
	return r
}

func TestDecodeModelErrors(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
		want error
	}{
		{"empty", nil, errModelFormat},
		{"other file", []byte("PK\x03\x04"), errModelFormat},
		{"magic only", []byte(modelMagic), errModelCorrupt},
		{"truncated", modelFile[:len(modelFile)/2], errModelCorrupt},
		{"one byte short", modelFile[:len(modelFile)-1], errModelCorrupt},
		{"trailing byte", append(bytes.Clone(modelFile), 0), errModelCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := decodeModel(tt.b); !errors.Is(err, tt.want) {
				t.Errorf("decodeModel: %v, want %v", err, tt.want)
			}
		})
	}
}

func TestParseFeature(t *testing.T) {
	tests := []struct {
		key  string
		want feature
		err  bool
	}{
		{"bias", feature{kind: featBias, strFeat: -1}, false},
		{"i word the", feature{strFeat: featWord, str: "the"}, false},
		{"i-1 word !HYPHEN", feature{strFeat: featPrevWord, str: "!HYPHEN"}, false},
		{"i suffix  ", feature{strFeat: featSuffix, str: " "}, false},
		{"i-1 tag NNP", feature{kind: featPrevTag, strFeat: -1, tag: "NNP"}, false},
		{"i-1 tag+i word NNP said", feature{kind: featPrevTagWord, strFeat: -1, tag: "NNP", str: "said"}, false},
		{"i-1 tag+i word NNP 3 1/2", feature{kind: featPrevTagWord, strFeat: -1, tag: "NNP", str: "3 1/2"}, false},
		{"i tag+i-2 tag DT -START-", feature{kind: featTagPair, strFeat: -1, tag: "DT", tag2: "-START-"}, false},
		{"i tag+i-2 tag DT", feature{}, true},
		{"i-2 tag A B", feature{}, true},
		{"i+3 word x", feature{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			got, err := parseFeature(tt.key)
			if (err != nil) != tt.err || got != tt.want {
				t.Errorf("parseFeature(%q) = %+v, %v; want %+v, error %v", tt.key, got, err, tt.want, tt.err)
			}
		})
	}
}

// TestPatterns checks the copies of commonregex's patterns.
func TestPatterns(t *testing.T) {
	if linkExpr != commonregex.LinkPattern {
		t.Errorf("linkExpr is not commonregex.LinkPattern")
	}
	if emailExpr != commonregex.EmailPattern {
		t.Errorf("emailExpr is not commonregex.EmailPattern")
	}
}
