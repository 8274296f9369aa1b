package relate

import (
	"math"
	"math/rand/v2"
	"sort"
)

// Example is a candidate with what the annotations say of it: for each
// label 1 (holds), 0 (does not) or Unknown (left out of training: an
// optional relationship, or one the annotation does not tie to a sentence).
type Example struct {
	Features []string
	Labels   [numLabels]int8
}

// Unknown marks a label an example does not train.
const Unknown int8 = -1

// TrainOptions set the learning.
type TrainOptions struct {
	Epochs   int     // passes over the examples
	Rate     float64 // AdaGrad's learning rate
	L2       float64 // weight decay on every update
	MinCount int     // features seen in fewer examples are dropped
	Seed     uint64  // order of the examples in each pass
}

// DefaultTrainOptions are the options the shipped model is trained with.
var DefaultTrainOptions = TrainOptions{Epochs: 30, Rate: 0.2, L2: 1e-4, MinCount: 2, Seed: 1}

// Train learns one logistic regression per label with AdaGrad. It is
// deterministic: the same examples and options give the same model.
func Train(examples []Example, opt TrainOptions) *Model {
	counts := map[string]int{}
	for _, e := range examples {
		for _, f := range e.Features {
			counts[f]++
		}
	}
	var feats []string
	for f, n := range counts {
		if n >= opt.MinCount || f == "bias" {
			feats = append(feats, f)
		}
	}
	sort.Strings(feats)
	m := &Model{index: make(map[string]int32, len(feats)), weights: make([][numLabels]float32, len(feats)), Threshold: 0.5}
	for i, f := range feats {
		m.index[f] = int32(i)
	}
	rows := make([][]int32, len(examples))
	for i, e := range examples {
		for _, f := range e.Features {
			if r, ok := m.index[f]; ok {
				rows[i] = append(rows[i], r)
			}
		}
	}
	w := make([][numLabels]float64, len(feats))
	g2 := make([][numLabels]float64, len(feats))
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			e := &examples[i]
			for l := 0; l < int(numLabels); l++ {
				y := e.Labels[l]
				if y == Unknown {
					continue
				}
				z := 0.0
				for _, r := range rows[i] {
					z += w[r][l]
				}
				g := sigmoid(z) - float64(y)
				for _, r := range rows[i] {
					grad := g + opt.L2*w[r][l]
					g2[r][l] += grad * grad
					w[r][l] -= opt.Rate * grad / (math.Sqrt(g2[r][l]) + 1e-8)
				}
			}
		}
	}
	for i := range w {
		for l := range w[i] {
			m.weights[i][l] = float32(w[i][l])
		}
	}
	m.prune(1e-3)
	return m
}

// prune drops the features whose every weight is smaller than eps.
func (m *Model) prune(eps float32) {
	keep := map[string]int32{}
	var weights [][numLabels]float32
	names := make([]string, 0, len(m.index))
	for f := range m.index {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		w := m.weights[m.index[f]]
		big := false
		for _, x := range w {
			big = big || x > eps || x < -eps
		}
		if big || f == "bias" {
			keep[f] = int32(len(weights))
			weights = append(weights, w)
		}
	}
	m.index, m.weights = keep, weights
}
