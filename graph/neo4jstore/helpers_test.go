package neo4jstore_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"sync"
	"testing"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/internal/neo4jtest"
)

// useGold makes the query tests load the gold graph instead of what the
// extractor finds, to tell a query bug from an extraction miss.
var useGold = flag.Bool("gold", false, "load the mission article's gold graph instead of extracting it")

const (
	missionFile   = "moscow-times-2025-12-02-witkoff-kushner-putin.txt"
	missionSource = "testdata/" + missionFile
)

var missionPath = filepath.Join("..", "..", "testdata", missionFile)

var mission struct {
	once sync.Once
	g    *graph.Graph
	err  error
}

// missionGraph returns the mission article as the extractor reads it (the
// gold graph with -gold). The caller must not modify it.
func missionGraph(t testing.TB) *graph.Graph {
	t.Helper()
	if *useGold {
		return goldGraph(t)
	}
	mission.once.Do(func() {
		text, err := os.ReadFile(missionPath)
		if err != nil {
			mission.err = err
			return
		}
		x, err := extract.New()
		if err != nil {
			mission.err = err
			return
		}
		mission.g, mission.err = x.Extract(missionSource, text)
	})
	if mission.err != nil {
		t.Fatalf("extract %s: %v (run with -gold to test the queries on the gold graph)", missionFile, mission.err)
	}
	return mission.g
}

// goldGraph builds a graph from the mission article's gold file: every
// entity and relation in it, required or optional, each mentioned by the
// article.
func goldGraph(t testing.TB) *graph.Graph {
	t.Helper()
	text, err := os.ReadFile(missionPath)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "gold", "moscow-times-2025-12-02.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Entities []struct {
			Type    graph.EntityType `json:"type"`
			Name    string           `json:"name"`
			Aliases []string         `json:"aliases"`
		} `json:"entities"`
		Relations []struct {
			Type     graph.RelationType `json:"type"`
			Source   string             `json:"source"`
			Target   string             `json:"target"`
			Evidence string             `json:"evidence"`
		} `json:"relations"`
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatalf("gold: %v", err)
	}
	article := graph.Article{
		ID:        graph.ArticleID(text),
		Source:    missionSource,
		Title:     "Witkoff and Kushner Meet With Putin to Discuss Trump's Ukraine Peace Plan",
		Published: "2025-12-02",
	}
	g := &graph.Graph{Articles: []graph.Article{article}}
	ids := map[string]string{}
	for _, e := range gold.Entities {
		id := graph.EntityID(e.Type, e.Name)
		ids[e.Name] = id
		g.Entities = append(g.Entities, graph.Entity{ID: id, Type: e.Type, Name: e.Name, Aliases: e.Aliases})
		g.Mentions = append(g.Mentions, graph.Mention{Article: article.ID, Entity: id})
	}
	for _, r := range gold.Relations {
		rel := graph.Relation{Type: r.Type, Source: ids[r.Source], Target: ids[r.Target]}
		if r.Evidence != "" {
			rel.Evidence = []graph.Evidence{{Article: article.ID, Sentence: r.Evidence, Rule: "gold"}}
		}
		g.Relations = append(g.Relations, rel)
	}
	return g
}

// load gives the test a clean database holding g.
func load(t testing.TB, g *graph.Graph) (*neo4jstore.Store, neo4jstore.Config) {
	t.Helper()
	store := neo4jtest.Open(t)
	if _, err := store.Write(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	return store, neo4jtest.Config(t)
}

// writeAgainChangesNothing writes g a second time and checks that the store
// reports nothing created or updated and that no count changed.
func writeAgainChangesNothing(t *testing.T, store *neo4jstore.Store, cfg neo4jstore.Config, g *graph.Graph) {
	t.Helper()
	before := stats(t, cfg)
	sum, err := store.Write(context.Background(), g)
	if err != nil {
		t.Fatal(err)
	}
	if sum != (neo4jstore.Summary{}) {
		t.Errorf("second Write = %+v, want nothing created or updated", sum)
	}
	if after := stats(t, cfg); !reflect.DeepEqual(before, after) {
		t.Errorf("second Write changed the database:\nbefore %v\nafter  %v", before, after)
	}
}

// stats counts everything a repeated load must leave alone.
func stats(t testing.TB, cfg neo4jstore.Config) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, q := range []string{
		`MATCH (n) UNWIND labels(n) AS label RETURN 'nodes:' + label AS key, count(*) AS n`,
		`MATCH ()-[r]->() RETURN 'rels:' + type(r) AS key, count(*) AS n`,
		`MATCH ()-[r]->() WHERE r.sentences IS NOT NULL
		 RETURN 'evidence:' + type(r) AS key, sum(size(r.sentences)) + sum(size(r.articles)) + sum(size(r.rules)) AS n`,
		`MATCH ()-[r]->() WHERE r.count IS NOT NULL RETURN 'count:' + type(r) AS key, sum(r.count) AS n`,
		`MATCH (a:Actor) RETURN 'aliases' AS key, sum(size(a.aliases)) AS n`,
		`MATCH (a:Actor) RETURN 'names' AS key, sum(size(a.names)) AS n`,
		`MATCH (a:Actor) RETURN 'roles' AS key, sum(size(a.roles)) AS n`,
	} {
		for _, row := range neo4jtest.Exec(t, cfg, q, nil) {
			out[row["key"].(string)] = row["n"].(int64)
		}
	}
	return out
}

// column returns the values of one column of a result.
func column(t testing.TB, r *neo4jstore.Result, name string) []any {
	t.Helper()
	for i, c := range r.Columns {
		if c == name {
			out := make([]any, len(r.Rows))
			for j, row := range r.Rows {
				out[j] = row[i]
			}
			return out
		}
	}
	t.Fatalf("no column %q in %v", name, r.Columns)
	return nil
}

// strs returns the distinct strings of one column, sorted.
func strs(t testing.TB, r *neo4jstore.Result, name string) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	for _, v := range column(t, r, name) {
		if s, ok := v.(string); ok && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// contains reports whether every one of want is in have.
func containsAll(have []string, want ...string) bool {
	set := map[string]bool{}
	for _, h := range have {
		set[h] = true
	}
	for _, w := range want {
		if !set[w] {
			return false
		}
	}
	return true
}
