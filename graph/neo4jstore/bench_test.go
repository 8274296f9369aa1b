package neo4jstore_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/internal/neo4jtest"
)

// BenchmarkWrite writes the graph of 100 BBC articles into an empty
// database with Write (every row of a statement in one UNWIND, all in one
// transaction) and with a writer that sends each row in a transaction of its
// own, in one run, and reports rows per second for each. Run it with
// -benchtime 1x or 2x: one naive write takes seconds.
func BenchmarkWrite(b *testing.B) {
	g := bbcGraph(b, 100)
	rows, err := neo4jstore.Rows(g)
	if err != nil {
		b.Fatal(err)
	}
	store := neo4jtest.Open(b)
	cfg := neo4jtest.Config(b)
	ctx := context.Background()
	// Neo4j plans each statement once; both writers send the same ones.
	if _, err := store.Write(ctx, g); err != nil {
		b.Fatal(err)
	}
	for _, w := range []struct {
		name  string
		write func() error
	}{
		{"batched", func() error { _, err := store.Write(ctx, g); return err }},
		{"row-per-transaction", func() error { _, err := store.WriteEachRow(ctx, g); return err }},
	} {
		b.Run(w.name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				neo4jtest.Reset(b, cfg)
				b.StartTimer()
				if err := w.write(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(rows), "rows/op")
		})
	}
}

// bbcGraph extracts the first n BBC test articles and merges their graphs.
func bbcGraph(b *testing.B, n int) *graph.Graph {
	b.Helper()
	files, err := filepath.Glob("../../testdata/bbc/*.txt")
	if err != nil || len(files) < n {
		b.Fatalf("BBC articles: %d, %v", len(files), err)
	}
	x, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	g := &graph.Graph{}
	for _, f := range files[:n] {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		one, err := x.Extract(f, text)
		if err != nil {
			b.Fatal(err)
		}
		g.Merge(one)
	}
	return g
}
