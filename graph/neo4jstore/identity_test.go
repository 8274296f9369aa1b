package neo4jstore_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/internal/neo4jtest"
)

// splitGraph holds one person under two names, as two articles left it:
// "Putin" and "Vladimir Putin", each with relationships of every kind, one
// met by both (with different evidence) and one between the two.
func splitGraph() *graph.Graph {
	p := func(name string, aliases ...string) graph.Entity {
		return graph.Entity{ID: graph.EntityID(graph.Person, name), Type: graph.Person, Name: name, Aliases: aliases, Roles: []string{"president"}}
	}
	ev := func(art, s string) []graph.Evidence {
		return []graph.Evidence{{Article: art, Sentence: s, Rule: "test"}}
	}
	return &graph.Graph{
		Articles: []graph.Article{{ID: "article:a", Source: "a.txt"}, {ID: "article:b", Source: "b.txt"}},
		Entities: []graph.Entity{p("Putin"), p("Vladimir Putin", "V. Putin"), p("Steve Witkoff"), p("Jared Kushner"), p("Yuri Ushakov")},
		Relations: []graph.Relation{
			{Type: graph.MetWith, Source: "person:putin", Target: "person:steve witkoff", Evidence: ev("article:b", "Putin met Witkoff.")},
			{Type: graph.MetWith, Source: "person:steve witkoff", Target: "person:vladimir putin", Evidence: ev("article:a", "Vladimir Putin met Witkoff.")},
			{Type: graph.MetWith, Source: "person:putin", Target: "person:jared kushner", Evidence: ev("article:b", "Putin met Kushner.")},
			{Type: graph.Criticized, Source: "person:putin", Target: "person:jared kushner", Evidence: ev("article:b", "Putin criticised Kushner.")},
			{Type: graph.Advises, Source: "person:yuri ushakov", Target: "person:putin", Evidence: ev("article:b", "Ushakov, an aide to Putin.")},
			{Type: graph.MetWith, Source: "person:putin", Target: "person:vladimir putin", Evidence: ev("article:b", "Putin met Putin.")},
		},
		Mentions: []graph.Mention{{Article: "article:b", Entity: "person:putin"}, {Article: "article:a", Entity: "person:vladimir putin"}},
	}
}

func TestMergeActors(t *testing.T) {
	ctx := context.Background()
	store, cfg := load(t, splitGraph())

	sum, err := store.MergeActors(ctx, "person:putin", "person:vladimir putin", "analyst", "merge")
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Merged || sum.Relationships != 4 || sum.Mentions != 1 {
		t.Errorf("MergeActors = %+v, want merged, 4 relationships and 1 mention moved", sum)
	}
	if n := neo4jtest.Exec(t, cfg, `MATCH (a:Actor {id: 'person:putin'}) RETURN count(a) AS n`, nil)[0]["n"]; n != int64(0) {
		t.Errorf("person:putin still stored")
	}
	rows := neo4jtest.Exec(t, cfg, `MATCH (a:Actor {id: 'person:vladimir putin'}) RETURN a.aliases AS aliases, a.names AS names`, nil)
	aliases, _ := rows[0]["aliases"].([]any)
	names, _ := rows[0]["names"].([]any)
	if !slices.Contains(aliases, any("Putin")) || !slices.Contains(aliases, any("V. Putin")) || !slices.Contains(names, any("putin")) {
		t.Errorf("after the merge: aliases %v, names %v", aliases, names)
	}
	rels := neo4jtest.Exec(t, cfg, `MATCH (s:Actor)-[r]->(t:Actor) RETURN type(r) + ' ' + s.id + ' ' + t.id AS rel, r.count AS n, size(r.sentences) AS sents ORDER BY rel`, nil)
	got := map[string][2]int64{}
	for _, r := range rels {
		got[r["rel"].(string)] = [2]int64{r["n"].(int64), r["sents"].(int64)}
	}
	want := map[string][2]int64{
		"MET_WITH person:steve witkoff person:vladimir putin":   {2, 2}, // the evidence of both
		"MET_WITH person:jared kushner person:vladimir putin":   {1, 1}, // smaller id first, as Write stores it
		"CRITICIZED person:vladimir putin person:jared kushner": {1, 1},
		"ADVISES person:yuri ushakov person:vladimir putin":     {1, 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("relationships after the merge:\n got %v\nwant %v", got, want)
	}
	// Every evidence list moves in step with the sentences.
	for _, r := range neo4jtest.Exec(t, cfg, `MATCH ()-[r]->() WHERE r.sentences IS NOT NULL
RETURN type(r) AS rel, [l IN [r.articles, r.rules, r.dates, r.precisions, r.places, r.venues, r.countries] | size(l)] AS sizes, size(r.sentences) AS n`, nil) {
		for _, size := range r["sizes"].([]any) {
			if size != r["n"] {
				t.Errorf("%s: evidence lists of sizes %v for %v sentences", r["rel"], r["sizes"], r["n"])
				break
			}
		}
	}
	if n := neo4jtest.Exec(t, cfg, `MATCH (:Article {id: 'article:b'})-[:MENTIONS]->(a:Actor {id: 'person:vladimir putin'}) RETURN count(*) AS n`, nil)[0]["n"]; n != int64(1) {
		t.Errorf("article b mentions Vladimir Putin %v times, want 1", n)
	}

	// Again: nothing changes.
	before := stats(t, cfg)
	sum, err = store.MergeActors(ctx, "person:putin", "person:vladimir putin", "analyst", "merge")
	if err != nil || sum.Merged {
		t.Errorf("second MergeActors = %+v, %v; want nothing done", sum, err)
	}
	if after := stats(t, cfg); !reflect.DeepEqual(before, after) {
		t.Errorf("second merge changed the database:\nbefore %v\nafter  %v", before, after)
	}
	log, err := store.Merges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].From != "person:putin" || log[0].Into != "person:vladimir putin" || log[0].Reason != "analyst" || log[0].FromName != "Putin" {
		t.Errorf("merge log %+v", log)
	}

	// Bad ids.
	for _, ids := range [][2]string{{"person:nobody", "person:vladimir putin"}, {"person:steve witkoff", "person:nobody"}} {
		if _, err := store.MergeActors(ctx, ids[0], ids[1], "", "merge"); !errors.Is(err, neo4jstore.ErrNoActor) {
			t.Errorf("MergeActors(%q, %q) = %v, want ErrNoActor", ids[0], ids[1], err)
		}
	}
}

func TestActorsAndMergeLog(t *testing.T) {
	ctx := context.Background()
	store, _ := load(t, splitGraph())
	actors, articles, err := store.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Write has every article mention the actors of its relationships.
	if len(actors) != 5 || articles["person:putin"] != 1 || articles["person:vladimir putin"] != 2 {
		t.Errorf("Actors: %d actors, articles %v", len(actors), articles)
	}
	for _, a := range actors {
		if a.ID == "person:vladimir putin" && (a.Type != graph.Person || a.Name != "Vladimir Putin" || !slices.Contains(a.Aliases, "V. Putin")) {
			t.Errorf("stored Vladimir Putin read as %+v", a)
		}
	}
	recs := []neo4jstore.MergeRecord{{From: "person:putin", Into: "person:vladimir putin", Reason: "surname"}, {From: "person:x#captain", Into: "person:x", Reason: "roles", Apart: true}}
	for range 2 { // the second write adds nothing
		if err := store.WriteMerges(ctx, recs); err != nil {
			t.Fatal(err)
		}
	}
	log, err := store.Merges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || log[0].Reason != "surname" || !log[1].Apart {
		t.Errorf("merge log %+v", log)
	}
}
