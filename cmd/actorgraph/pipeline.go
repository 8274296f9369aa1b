package main

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
)

// defaultBatchSize is how many articles go into one batch when --batch-size
// does not say: big enough that a write costs little per article, small
// enough that a batch takes a second or two on two cores.
const defaultBatchSize = 1000

// batch is the outcome of one batch of articles, as stream hands it on.
type batch struct {
	// Seq numbers the batches from 1.
	Seq int
	// Graph is the merged graph of the good articles of the batch; it holds
	// nothing of a bad one.
	Graph *graph.Graph
	// Graphs are the graphs of the good articles, one each, in input order.
	Graphs []*graph.Graph
	// Articles counts the good articles in Graph.
	Articles int
	// Bad are the inputs of the batch that could not be used.
	Bad InputErrors
	// Done counts the inputs handled so far, this batch's included.
	Done int
}

// streamOptions say how stream cuts and extracts.
type streamOptions struct {
	BatchSize int // articles per batch; defaultBatchSize when 0 or less
	Workers   int // extraction goroutines; one per CPU when 0 or less
	// OnArticle, when set, is called once per input handled, from any
	// goroutine.
	OnArticle func()
}

// stream reads the articles of src in batches of opts.BatchSize, extracts
// each batch on opts.Workers goroutines, merges it and calls each with it,
// one batch after the other. Reading and extracting the next batch overlaps
// with each working on the previous one, so at most three batches are held
// at a time, whatever the size of the corpus.
//
// An input that cannot be read or holds no text is left out of its batch's
// graph and listed in its Bad; every other extraction error stops the
// stream. stream returns ctx.Err() as soon as ctx is done, without waiting
// for an article being extracted: that work is abandoned, and each is not
// called again.
func stream(ctx context.Context, src ArticleSource, x Extractor, opts streamOptions, each func(*batch) error) error {
	size := opts.BatchSize
	if size <= 0 {
		size = defaultBatchSize
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	batches := make(chan *batch, 1)
	produced := make(chan error, 1)
	go func() {
		defer close(batches)
		produced <- produce(ctx, src, x, size, workers, opts.OnArticle, batches)
	}()
	for b := range batches {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := each(b); err != nil {
			cancel()
			return err
		}
	}
	if err := <-produced; err != nil {
		return err
	}
	return ctx.Err()
}

// produce reads, extracts and merges the batches of src and sends them on
// out, until src is done, an error, or ctx is done.
func produce(ctx context.Context, src ArticleSource, x Extractor, size, workers int, onArticle func(), out chan<- *batch) error {
	next, stop := iter.Pull2(src.Articles(ctx))
	defer stop()
	done := 0
	for seq := 1; ; seq++ {
		inputs := make([]Input, 0, size)
		var bad InputErrors
		for len(inputs)+len(bad) < size {
			in, err, ok := next()
			if !ok {
				break
			}
			if err != nil {
				bad = append(bad, asInputError(in.Name, err))
				if onArticle != nil {
					onArticle()
				}
				continue
			}
			inputs = append(inputs, in)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if len(inputs) == 0 && len(bad) == 0 {
			return nil
		}
		b, err := extractBatch(ctx, x, inputs, workers, onArticle)
		if err != nil {
			return err
		}
		b.Seq = seq
		b.Bad = append(bad, b.Bad...)
		done += len(inputs) + len(bad)
		b.Done = done
		select {
		case out <- b:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// extractBatch extracts inputs on up to workers goroutines and merges the
// graphs of the good ones, in the order of inputs. Each article's graph is
// checked on its own before it joins the batch, so a bad article never
// spoils the write of the others.
func extractBatch(ctx context.Context, x Extractor, inputs []Input, workers int, onArticle func()) (*batch, error) {
	results, err := extractInputs(ctx, x, inputs, workers, onArticle)
	if err != nil {
		return nil, err
	}
	b := &batch{Graph: &graph.Graph{}}
	graphs := make([]*graph.Graph, 0, len(inputs))
	for i, r := range results {
		in := inputs[i]
		switch {
		case errors.Is(r.Err, extract.ErrEmpty), errors.Is(r.Err, extract.ErrBinary):
			b.Bad = append(b.Bad, &InputError{Path: in.Name, Err: r.Err})
			continue
		case r.Err != nil:
			return nil, fmt.Errorf("extract %s: %w", in.Name, r.Err)
		}
		fillArticle(r.Graph, in)
		if err := neo4jstore.Check(r.Graph); err != nil {
			return nil, fmt.Errorf("extract %s: %w", in.Name, err)
		}
		graphs = append(graphs, r.Graph)
	}
	b.Graph.Merge(graphs...)
	b.Graphs = graphs
	b.Articles = len(graphs)
	return b, nil
}

// storeGraph merges the graphs of a batch for writing. Unlike Graph, it
// keeps every spelling of an actor: graph.Merge keeps the first article's
// name of an id and drops the others' unless they are aliases too, while the
// store adds a name that differs from the stored one as an alias. Folding
// each name into the aliases first makes what is stored the same however the
// articles fall into batches and shards.
func (b *batch) storeGraph() *graph.Graph {
	merged := &graph.Graph{}
	merged.Merge(b.spelledGraphs()...)
	return merged
}

// spelledGraphs returns the graphs of the batch with each actor's name
// folded into its aliases (see storeGraph).
func (b *batch) spelledGraphs() []*graph.Graph {
	gs := make([]*graph.Graph, len(b.Graphs))
	for i, g := range b.Graphs {
		c := *g
		c.Entities = make([]graph.Entity, len(g.Entities))
		for j, e := range g.Entities {
			e.Aliases = append(append([]string(nil), e.Aliases...), e.Name)
			c.Entities[j] = e
		}
		gs[i] = &c
	}
	return gs
}

// fillArticle gives the articles of g the title and date the source knew
// when extraction found none.
func fillArticle(g *graph.Graph, in Input) {
	for i := range g.Articles {
		a := &g.Articles[i]
		if a.Title == "" {
			a.Title = in.Title
		}
		if a.Published == "" {
			a.Published = in.Published
		}
		a.URL, a.Site, a.Props = in.URL, in.Site, in.Props
	}
}

// extracted is the outcome of extracting one article.
type extracted struct {
	Graph *graph.Graph
	Err   error
}

// extractInputs extracts inputs on up to workers goroutines (at least one)
// and returns the results in their order. When ctx is done it returns
// ctx.Err() at once; the articles being extracted then are abandoned. The
// extractor must be safe for concurrent use, as extract.Extractor is.
func extractInputs(ctx context.Context, x Extractor, inputs []Input, workers int, onArticle func()) ([]extracted, error) {
	out := make([]extracted, len(inputs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(workers, len(inputs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if ctx.Err() != nil {
					continue
				}
				g, err := x.Extract(inputs[i].Name, inputs[i].Text)
				out[i] = extracted{g, err}
				if onArticle != nil {
					onArticle()
				}
			}
		}()
	}
	all := make(chan struct{})
	go func() {
		defer close(next)
		for i := range inputs {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(all) }()
	select {
	case <-all:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// extractAll extracts the texts of files on up to workers goroutines and
// returns the results in the order of files.
func extractAll(x Extractor, files []string, texts [][]byte, workers int) []extracted {
	inputs := make([]Input, len(files))
	for i := range files {
		inputs[i] = Input{Name: files[i], Text: texts[i]}
	}
	out, _ := extractInputs(context.Background(), x, inputs, workers, nil)
	return out
}

// extractFiles reads and extracts every file within the default limits and
// merges the graphs, for the commands that need one graph of a few articles
// (eval, sample). The problems of all files come back together, and no
// graph with them: nothing is used unless everything is good.
func extractFiles(f *Factory, files []string) (*graph.Graph, error) {
	src, _, err := newFileSource(files, DefaultReadLimits, 0, 0, nil)
	if err != nil {
		return nil, err
	}
	x, err := f.Extractor()
	if err != nil {
		return nil, fmt.Errorf("load the extractor: %w", err)
	}
	var graphs []*graph.Graph
	var bad InputErrors
	err = stream(context.Background(), src, x, streamOptions{}, func(b *batch) error {
		bad = append(bad, b.Bad...)
		graphs = append(graphs, b.Graphs...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	return resolveIdentities(f, graphs) // actors that are one across the articles
}
