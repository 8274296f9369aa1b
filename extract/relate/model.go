package relate

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Model is a set of weights: one logistic regression per label over the
// features of a candidate. The zero value scores every candidate 0.5.
type Model struct {
	index   map[string]int32 // feature -> row of weights
	weights [][numLabels]float32
	// Threshold is the confidence at or above which a candidate is taken,
	// chosen on the dev split when the model was trained.
	Threshold float64
}

// Score returns, for each label, the probability that the candidate holds it.
func (m *Model) Score(features []string) [numLabels]float64 {
	var z [numLabels]float64
	for _, f := range features {
		row, ok := m.index[f]
		if !ok {
			continue
		}
		w := &m.weights[row]
		for l := range z {
			z[l] += float64(w[l])
		}
	}
	var p [numLabels]float64
	for l := range z {
		p[l] = sigmoid(z[l])
	}
	return p
}

// Contribution is the weight one feature gives a label.
type Contribution struct {
	Feature string
	Weight  float64
}

// Explain returns the k features that raise the label's score most, the
// strongest first (ties by name).
func (m *Model) Explain(features []string, l Label, k int) []Contribution {
	var out []Contribution
	for _, f := range features {
		if row, ok := m.index[f]; ok && f != "bias" {
			if w := float64(m.weights[row][l]); w > 0 {
				out = append(out, Contribution{f, w})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].Feature < out[j].Feature
	})
	if len(out) > k {
		out = out[:k]
	}
	return out
}

// Size returns the number of features the model has weights for.
func (m *Model) Size() int { return len(m.weights) }

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

const modelHeader = "actorgraph relation model v1"

// Write stores the model in its file format: gzip-compressed lines of a
// feature and its weights, sorted by feature, so that the same model always
// gives the same bytes.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, modelHeader)
	names := make([]string, 0, len(labelNames))
	names = append(names, labelNames[:]...)
	fmt.Fprintf(bw, "labels\t%s\n", strings.Join(names, "\t"))
	fmt.Fprintf(bw, "threshold\t%s\n", strconv.FormatFloat(m.Threshold, 'f', 4, 64))
	feats := make([]string, 0, len(m.index))
	for f := range m.index {
		feats = append(feats, f)
	}
	sort.Strings(feats)
	for _, f := range feats {
		w := m.weights[m.index[f]]
		bw.WriteString(f)
		for _, x := range w {
			bw.WriteByte('\t')
			bw.WriteString(strconv.FormatFloat(float64(x), 'g', 5, 32))
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadModel reads a model written by Write.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	m := &Model{index: map[string]int32{}}
	line := 0
	for sc.Scan() {
		line++
		cols := strings.Split(sc.Text(), "\t")
		switch {
		case line == 1:
			if cols[0] != modelHeader {
				return nil, errors.New("read model: not a relation model")
			}
			continue
		case cols[0] == "labels" && line == 2:
			if strings.Join(cols[1:], " ") != strings.Join(labelNames[:], " ") {
				return nil, fmt.Errorf("read model: labels %v, want %v", cols[1:], labelNames)
			}
			continue
		case cols[0] == "threshold" && line == 3 && len(cols) == 2:
			if m.Threshold, err = strconv.ParseFloat(cols[1], 64); err != nil {
				return nil, fmt.Errorf("read model: line %d: %w", line, err)
			}
			continue
		}
		if len(cols) != 1+int(numLabels) {
			return nil, fmt.Errorf("read model: line %d: %d columns", line, len(cols))
		}
		var w [numLabels]float32
		for l := range w {
			x, err := strconv.ParseFloat(cols[1+l], 32)
			if err != nil {
				return nil, fmt.Errorf("read model: line %d: %w", line, err)
			}
			w[l] = float32(x)
		}
		m.index[cols[0]] = int32(len(m.weights))
		m.weights = append(m.weights, w)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if line < 3 {
		return nil, errors.New("read model: truncated")
	}
	return m, nil
}

//go:embed model.gz
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model that ships with actorgraph, trained on the
// annotated articles of testdata/gold (see train.go); it is read once.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = ReadModel(bytes.NewReader(embedded))
	})
	return defaultModel, defaultErr
}
