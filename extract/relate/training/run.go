package training

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/extract/evaluate"
	"github.com/actorgraph/actorgraph/extract/relate"
	"github.com/actorgraph/actorgraph/graph"
)

// LabelAll labels every article, on one worker per CPU; the result keeps
// the order of arts.
func LabelAll(x *extract.Extractor, arts []Article) ([]*Labeled, error) {
	out := make([]*Labeled, len(arts))
	errs := make([]error, len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = Label(x, arts[i])
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Examples returns the training examples of labelled articles, in order.
func Examples(ls []*Labeled) []relate.Example {
	var out []relate.Example
	for i, l := range ls {
		for _, e := range l.Examples {
			e.Group = i
			out = append(out, e)
		}
	}
	return out
}

// Predict returns the graph of a labelled article with the relationships
// that m gives its candidates at confidence t, as extraction would.
func Predict(m *relate.Model, l *Labeled, t float64) *graph.Graph {
	g := *l.Graph
	g.Relations = nil
	byKey := map[string]int{}
	for _, c := range l.Candidates {
		for _, d := range m.Decide(relate.Candidate{Features: c.Features, Rules: c.Rules}, t) {
			rel, back := d.Label.Relation()
			r := graph.Relation{Type: rel, Source: c.A, Target: c.B}
			if back {
				r.Source, r.Target = c.B, c.A
			}
			ev := graph.Evidence{Sentence: c.Sentence, Rule: d.Rule, Score: d.Score}
			if i, ok := byKey[r.Key()]; ok {
				g.Relations[i].Evidence = append(g.Relations[i].Evidence, ev)
				continue
			}
			byKey[r.Key()] = len(g.Relations)
			r.Evidence = []graph.Evidence{ev}
			g.Relations = append(g.Relations, r)
		}
	}
	return &g
}

// Evaluate scores m at confidence t on labelled articles, micro-averaged.
func Evaluate(m *relate.Model, ls []*Labeled, t float64) evaluate.Report {
	reps := make([]evaluate.Report, len(ls))
	for i, l := range ls {
		reps[i] = evaluate.Score(l.Article.Gold, Predict(m, l, t))
	}
	return evaluate.Micro(reps...)
}

// Options set a training run.
type Options struct {
	Train, Dev   []Article
	Learn        relate.TrainOptions
	MinPrecision float64 // the threshold ties (see f1Tie) the best F1 of those at this precision, else the most precise
	// Folds is how many parts train is cut into to score each part with a
	// model learnt from the others, for the threshold (0: 5; 1: dev only).
	Folds         int
	Log           io.Writer
	Extractor     *extract.Extractor
	thresholdGrid []float64
}

// Result is a trained model with what was measured on the way.
type Result struct {
	Model                *relate.Model
	Examples             int
	Positives            [5]int
	Reachable, Required  int // train relations some candidate could give
	DevReport            evaluate.Report
	TrainReport          evaluate.Report
	DevCurve             []Point
	DevLabeled, TrainSet []*Labeled
}

// f1Tie is how close to the best F1 a threshold's F1 must be to tie with it.
const f1Tie = 0.005

// Point is the dev score at one threshold.
type Point struct {
	Threshold             float64
	Precision, Recall, F1 float64
}

// Run trains a model on opts.Train and chooses its threshold on opts.Dev.
func Run(opts Options) (*Result, error) {
	x := opts.Extractor
	if x == nil {
		var err error
		if x, err = extract.New(); err != nil {
			return nil, err
		}
	}
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format+"\n", args...)
		}
	}
	train, err := LabelAll(x, opts.Train)
	if err != nil {
		return nil, err
	}
	dev, err := LabelAll(x, opts.Dev)
	if err != nil {
		return nil, err
	}
	res := &Result{DevLabeled: dev, TrainSet: train}
	exs := Examples(train)
	res.Examples = len(exs)
	for _, e := range exs {
		for l, y := range e.Labels {
			if y == 1 {
				res.Positives[l]++
			}
		}
	}
	for _, l := range train {
		res.Reachable += l.Reachable
		res.Required += l.Required
	}
	logf("train: %d articles, %d candidates, positives %v; %d of %d required relations have a candidate", len(train), len(exs), res.Positives, res.Reachable, res.Required)
	m := relate.Train(exs, opts.Learn)
	// The model is used as read back from its file: rounded weights.
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return nil, err
	}
	if m, err = relate.ReadModel(&buf); err != nil {
		return nil, err
	}
	grid := opts.thresholdGrid
	if grid == nil {
		for t := 0.05; t < 0.96; t += 0.05 {
			grid = append(grid, float64(int(t*100+0.5))/100)
		}
	}
	// The threshold is read off the dev articles, scored by the model, and
	// the train articles, each scored by a model that did not learn from it
	// (k-fold): dev alone holds too few relationships the rules miss to
	// tell one threshold from the next.
	folds := opts.Folds
	if folds == 0 {
		folds = 5
	}
	reps := make([][]evaluate.Report, len(grid))
	for i, t := range grid {
		for _, l := range dev {
			reps[i] = append(reps[i], evaluate.Score(l.Article.Gold, Predict(m, l, t)))
		}
	}
	if folds > 1 {
		for f := 0; f < folds; f++ {
			var rest, held []*Labeled
			for i, l := range train {
				if i%folds == f {
					held = append(held, l)
				} else {
					rest = append(rest, l)
				}
			}
			mf := relate.Train(Examples(rest), opts.Learn)
			for i, t := range grid {
				for _, l := range held {
					reps[i] = append(reps[i], evaluate.Score(l.Article.Gold, Predict(mf, l, t)))
				}
			}
		}
	}
	best := -1
	for i, t := range grid {
		r := evaluate.Micro(reps[i]...).Relations
		res.DevCurve = append(res.DevCurve, Point{t, r.Precision, r.Recall, r.F1})
	}
	top := -1.0 // the best F1 of the precise enough thresholds
	for _, p := range res.DevCurve {
		if p.Precision >= opts.MinPrecision && p.F1 > top {
			top = p.F1
		}
	}
	for i, p := range res.DevCurve {
		// Ties go to the higher threshold: as good on dev, and surer
		// elsewhere. An F1 within f1Tie of the best is a tie: the pooled
		// curve is flat, and a step of 0.005 is one relationship or two.
		if p.Precision >= opts.MinPrecision && p.F1 >= top-f1Tie {
			best = i
		}
	}
	if best < 0 { // no threshold is precise enough: the most precise one
		best = 0
		for i, p := range res.DevCurve {
			if p.Precision >= res.DevCurve[best].Precision {
				best = i
			}
		}
	}
	m.Threshold = res.DevCurve[best].Threshold
	for _, p := range res.DevCurve {
		logf("threshold %.2f (dev and %d-fold train): P=%.3f R=%.3f F1=%.3f", p.Threshold, folds, p.Precision, p.Recall, p.F1)
	}
	logf("threshold %.2f", m.Threshold)
	res.Model = m
	res.DevReport = Evaluate(m, dev, m.Threshold)
	res.TrainReport = Evaluate(m, train, m.Threshold)
	return res, nil
}
