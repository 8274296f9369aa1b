package neo4jstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/internal/neo4jtest"
)

// TestConcurrentWritesLoseNothing writes many graphs at once, as shards of
// one corpus do, each adding an alias to the same two stored actors and a
// sentence to the same stored relationship. Every alias and sentence must be
// there afterwards, and the actors and the relationship only once.
func TestConcurrentWritesLoseNothing(t *testing.T) {
	store := neo4jtest.Open(t)
	cfg := neo4jtest.Config(t)
	ctx := context.Background()
	a := graph.Entity{ID: graph.EntityID(graph.Person, "Steve Witkoff"), Type: graph.Person, Name: "Steve Witkoff"}
	b := graph.Entity{ID: graph.EntityID(graph.Person, "Vladimir Putin"), Type: graph.Person, Name: "Vladimir Putin"}
	article := func(i int) *graph.Graph {
		art := graph.Article{ID: fmt.Sprintf("article:%04d", i), Source: fmt.Sprintf("%d.txt", i)}
		ea, eb := a, b
		ea.Aliases = []string{fmt.Sprintf("Witkoff %d", i)}
		eb.Aliases = []string{fmt.Sprintf("Putin %d", i)}
		return &graph.Graph{
			Articles: []graph.Article{art},
			Entities: []graph.Entity{ea, eb},
			Relations: []graph.Relation{{Type: graph.MetWith, Source: a.ID, Target: b.ID,
				Evidence: []graph.Evidence{{Article: art.ID, Sentence: fmt.Sprintf("They met, report %d.", i)}}}},
		}
	}
	if _, err := store.Write(ctx, article(0)); err != nil {
		t.Fatal(err)
	}
	const writers, rounds = 8, 5
	var wg sync.WaitGroup
	errs := make(chan error, writers*rounds)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				if _, err := store.Write(ctx, article(1+w*rounds+r)); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	const want = 1 + writers*rounds
	rows := neo4jtest.Exec(t, cfg, `MATCH (p:Person) RETURN p.id AS id, size(p.aliases) AS aliases ORDER BY id`, nil)
	if len(rows) != 2 {
		t.Fatalf("%d people, want 2", len(rows))
	}
	for _, r := range rows {
		if r["aliases"] != int64(want) {
			t.Errorf("%v has %v aliases, want %d", r["id"], r["aliases"], want)
		}
	}
	rels := neo4jtest.Exec(t, cfg, `MATCH ()-[r:MET_WITH]->() RETURN r.count AS count, size(r.sentences) AS sentences, size(r.articles) AS articles`, nil)
	if len(rels) != 1 || rels[0]["count"] != int64(want) || rels[0]["sentences"] != int64(want) || rels[0]["articles"] != int64(want) {
		t.Errorf("MET_WITH: %v, want one with %d sentences", rels, want)
	}
	if n := neo4jtest.Exec(t, cfg, `MATCH ()-[r:MENTIONS]->() RETURN count(r) AS n`, nil)[0]["n"]; n != int64(2*want) {
		t.Errorf("%v MENTIONS, want %d", n, 2*want)
	}
	if n := neo4jtest.Exec(t, cfg, `MATCH (n) WHERE n._lock IS NOT NULL RETURN count(n) AS n`, nil)[0]["n"]; n != int64(0) {
		t.Errorf("%v nodes keep a _lock", n)
	}
}
