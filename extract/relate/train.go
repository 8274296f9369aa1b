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
	Labels   [NumLabels]int8
	Group    int // the article it comes from: features are counted by article
}

// Unknown marks a label an example does not train.
const Unknown int8 = -1

// TrainOptions set the learning.
type TrainOptions struct {
	Epochs   int     // passes over the examples
	Rate     float64 // AdaGrad's learning rate
	L2       float64 // weight decay on every update
	MinCount int     // features seen in fewer articles (groups) are dropped
	Seed     uint64  // order of the examples in each pass
	// PosWeight weighs the (rare) examples where a label holds against the
	// many where it does not.
	PosWeight float64
}

// DefaultTrainOptions are the options the shipped model is trained with.
var DefaultTrainOptions = TrainOptions{Epochs: 20, Rate: 0.1, L2: 1e-2, MinCount: 4, Seed: 1, PosWeight: 3}

// Train learns one logistic regression per label with AdaGrad. It is
// deterministic: the same examples and options give the same model.
func Train(examples []Example, opt TrainOptions) *Model {
	counts := map[string]int{}
	last := map[string]int{}
	for _, e := range examples {
		for _, f := range e.Features {
			if g, ok := last[f]; !ok || g != e.Group {
				counts[f]++
				last[f] = e.Group
			}
		}
	}
	var feats []string
	for f, n := range counts {
		if n >= opt.MinCount || f == "bias" {
			feats = append(feats, f)
		}
	}
	sort.Strings(feats)
	m := &Model{index: make(map[string]int32, len(feats)), weights: make([][NumLabels]float32, len(feats)), Threshold: 0.5}
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
	w := make([][NumLabels]float64, len(feats))
	g2 := make([][NumLabels]float64, len(feats))
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			e := &examples[i]
			for l := 0; l < int(NumLabels); l++ {
				y := e.Labels[l]
				if y == Unknown {
					continue
				}
				z := 0.0
				for _, r := range rows[i] {
					z += w[r][l]
				}
				g := sigmoid(z) - float64(y)
				if y == 1 && opt.PosWeight > 0 {
					g *= opt.PosWeight
				}
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
	var weights [][NumLabels]float32
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
