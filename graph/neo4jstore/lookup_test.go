package neo4jstore_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/queries"
)

// strayGraph is the gold graph with a stray one-word "Putin" actor, as
// "President Putin said..." leaves when resolution misses, next to the
// Vladimir Putin who has "Putin" as an alias; and a Cyrillic look-alike of
// Rustem Umerov's name as an alias of nobody.
func strayGraph(t *testing.T) *graph.Graph {
	g := goldGraph(t)
	g.Entities = append(g.Entities, graph.Entity{ID: graph.EntityID(graph.Person, "Putin"), Type: graph.Person, Name: "Putin", Aliases: []string{}})
	return g
}

// TestLookupAmbiguous checks that a stray exact-name node does not win over
// the actor with that alias: the CLI gets an error listing both, and the
// saved query, as Browser runs it with the raw name, gives no rows rather
// than a pick; find-actor lists both.
func TestLookupAmbiguous(t *testing.T) {
	store, cfg := load(t, strayGraph(t))
	ctx := context.Background()
	whoMet, _ := queries.Lookup("who-met")
	_, err := store.Run(ctx, whoMet, map[string]any{"name": "putin"})
	if !errors.Is(err, neo4jstore.ErrAmbiguousActor) {
		t.Fatalf("who-met putin: error %v, want ErrAmbiguousActor", err)
	}
	for _, want := range []string{`"putin" matches 2 actors`, "Putin (Person, id person:putin)", "Vladimir Putin (Person, id person:vladimir putin)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	// The full name and the id still name one actor each.
	for _, name := range []string{"Vladimir Putin", "person:vladimir putin", "person:putin"} {
		if _, err := store.Run(ctx, whoMet, map[string]any{"name": name}); err != nil {
			t.Errorf("who-met %q: %v", name, err)
		}
	}
	// Browser runs the file's Cypher with the raw name.
	if rows := browser(t, cfg, whoMet.Cypher, map[string]any{"name": "Putin"}); len(rows) != 0 {
		t.Errorf("who-met in Browser with an ambiguous name gave %d rows, want none", len(rows))
	}
	if rows := browser(t, cfg, whoMet.Cypher, map[string]any{"name": "Vladimir Putin"}); len(rows) == 0 {
		t.Errorf("who-met in Browser with a full name gave no rows")
	}
	find, _ := queries.Lookup("find-actor")
	rows := browser(t, cfg, find.Cypher, map[string]any{"name": "Putin"})
	var names []string
	for _, r := range rows {
		names = append(names, r["actor"].(string))
	}
	if strings.Join(names, ",") != "Putin,Vladimir Putin" {
		t.Errorf("find-actor Putin = %v, want Putin, Vladimir Putin", names)
	}
}

// TestLookupFolds checks that the CLI and Browser find an actor however its
// name is typed: case, spaces, accents and Latin look-alikes in the CLI;
// case and spaces in Browser, by the same Cypher.
func TestLookupFolds(t *testing.T) {
	store, cfg := load(t, goldGraph(t))
	ctx := context.Background()
	for _, name := range []string{"Rustem Umerov", "RUSTEM UMEROV", "  rustem umerov ", "Rust\u0435m Um\u0435rov" /* Cyrillic е */, "Rústem Umerov", "rustem"} {
		got, err := store.ResolveActor(ctx, name)
		if err != nil || len(got) != 1 || got[0].Name != "Rustem Umerov" {
			t.Errorf("ResolveActor(%q) = %+v, %v, want Rustem Umerov", name, got, err)
		}
	}
	find, _ := queries.Lookup("find-actor")
	for _, name := range []string{"Rustem Umerov", "RUSTEM UMEROV", "  rustem umerov ", "rustem", "person:rustem umerov"} {
		rows := browser(t, cfg, find.Cypher, map[string]any{"name": name})
		if len(rows) != 1 || rows[0]["actor"] != "Rustem Umerov" {
			t.Errorf("find-actor %q in Browser = %v, want Rustem Umerov", name, rows)
		}
	}
	// Lucene's special characters are only characters.
	for _, name := range []string{`"`, `\`, `Umerov" OR "Putin`, `*`, `umer*`, `(`, `a:b`} {
		if _, err := store.ResolveActor(ctx, name); err != nil {
			t.Errorf("ResolveActor(%q): %v", name, err)
		}
		browser(t, cfg, find.Cypher, map[string]any{"name": name})
	}
}

// TestLookupUsesIndexes profiles every query with an actor parameter, with
// a raw name as Browser sends it and with an id as the CLI does, and the
// CLI's own look-up: no plan may scan all actors.
func TestLookupUsesIndexes(t *testing.T) {
	_, cfg := load(t, strayGraph(t))
	type run struct {
		name, cypher string
		params       map[string]any
	}
	runs := []run{{"look-up", queries.CandidatesCypher(), map[string]any{"name": "Putin"}}}
	for _, q := range queries.All() {
		raw, ids := map[string]any{}, map[string]any{}
		actor := false
		for _, p := range q.Params {
			raw[p.Name], ids[p.Name] = p.Example, p.Example
			if p.Integer() {
				raw[p.Name], ids[p.Name] = int64(10), int64(10)
			}
			if p.Actor {
				actor = true
				ids[p.Name] = graph.EntityID(graph.Person, p.Example)
			}
		}
		if actor {
			runs = append(runs, run{q.Name + " (name)", q.Cypher, raw}, run{q.Name + " (id)", q.Cypher, ids})
		}
	}
	// The check can fail: the look-up the saved queries had before scans.
	old := profile(t, cfg, "MATCH (a:Actor) WHERE a.id = $name OR toLower(trim($name)) IN a.names RETURN a", map[string]any{"name": "Putin"})
	if !strings.Contains(strings.Join(old, " "), "NodeByLabelScan") {
		t.Errorf("the old look-up's plan %v shows no label scan: the check below cannot fail", old)
	}
	for _, r := range runs {
		ops := profile(t, cfg, r.cypher, r.params)
		for _, op := range ops {
			if strings.Contains(op, "NodeByLabelScan") || strings.Contains(op, "AllNodesScan") {
				t.Errorf("%s: the plan scans (%s): %v", r.name, op, ops)
				break
			}
		}
		if !strings.Contains(strings.Join(ops, " "), "ProcedureCall") && !strings.Contains(strings.Join(ops, " "), "NodeIndexSeek") {
			t.Errorf("%s: no index in the plan: %v", r.name, ops)
		}
	}
}

// browser runs cypher as Neo4j Browser would, with params, and returns the
// rows.
func browser(t *testing.T, cfg neo4jstore.Config, cypher string, params map[string]any) []map[string]any {
	t.Helper()
	res := execute(t, cfg, cypher, params)
	rows := make([]map[string]any, len(res.Records))
	for i, rec := range res.Records {
		rows[i] = rec.AsMap()
	}
	return rows
}

// profile runs PROFILE cypher and returns the operators of its plan.
func profile(t *testing.T, cfg neo4jstore.Config, cypher string, params map[string]any) []string {
	t.Helper()
	res := execute(t, cfg, "PROFILE "+cypher, params)
	var ops []string
	var walk func(p neo4j.ProfiledPlan)
	walk = func(p neo4j.ProfiledPlan) {
		ops = append(ops, p.Operator())
		for _, c := range p.Children() {
			walk(c)
		}
	}
	if res.Summary.Profile() == nil {
		t.Fatalf("no profile for %s", cypher)
	}
	walk(res.Summary.Profile())
	return ops
}

func execute(t *testing.T, cfg neo4jstore.Config, cypher string, params map[string]any) *neo4j.EagerResult {
	t.Helper()
	ctx := context.Background()
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(cfg.Database), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		t.Fatalf("%s: %v", strings.SplitN(cypher, "\n", 2)[0], err)
	}
	return res
}
