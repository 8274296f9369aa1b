package neo4jstore_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"reflect"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/internal/neo4jtest"
)

func TestOpenUnavailable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	const password = "s3cret-pw-in-config"
	uri := "bolt://" + addr
	_, err = neo4jstore.Open(context.Background(), neo4jstore.Config{URI: uri, Username: "neo4j", Password: password})
	if !errors.Is(err, neo4jstore.ErrUnavailable) {
		t.Fatalf("Open(%s) error = %v, want ErrUnavailable", uri, err)
	}
	msg := err.Error()
	for _, want := range []string{uri, "make neo4j-up", "scripts/neo4j-local start"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not say %q", msg, want)
		}
	}
	if strings.Contains(msg, "\n") || strings.Contains(msg, password) {
		t.Errorf("error %q: want one line without the password", msg)
	}
}

func TestOpenWrongPassword(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Lock(t, cfg)
	cfg.Password = "wrong-" + cfg.Password + "-pw"
	_, err := neo4jstore.Open(context.Background(), cfg)
	if !errors.Is(err, neo4jstore.ErrAuth) {
		t.Fatalf("Open with a wrong password: error = %v, want ErrAuth", err)
	}
	if errors.Is(err, neo4jstore.ErrUnavailable) {
		t.Errorf("error %q also wraps ErrUnavailable", err)
	}
	if strings.Contains(err.Error(), cfg.Password) {
		t.Errorf("error %q holds the password", err)
	}
}

func TestOpenUnknownDatabase(t *testing.T) {
	cfg := neo4jtest.Config(t)
	cfg.Database = "nosuchdatabase"
	_, err := neo4jstore.Open(context.Background(), cfg)
	if err == nil || !strings.Contains(err.Error(), `database "nosuchdatabase"`) {
		t.Fatalf("Open with an unknown database: error = %v", err)
	}
}

func TestInvalidGraphRejected(t *testing.T) {
	article := graph.Article{ID: "article:1", Source: "a.txt"}
	putin := graph.Entity{ID: "person:vladimir putin", Type: graph.Person, Name: "Vladimir Putin"}
	tests := []struct {
		name string
		g    *graph.Graph
		want string
	}{
		{name: "nil", g: nil, want: "nil graph"},
		{name: "entity type", want: `type "Person) DETACH DELETE (x"`, g: &graph.Graph{
			Entities: []graph.Entity{{ID: "x", Type: "Person) DETACH DELETE (x", Name: "X"}},
		}},
		{name: "relation type", want: `type "KNOWS"`, g: &graph.Graph{
			Entities:  []graph.Entity{putin},
			Relations: []graph.Relation{{Type: "KNOWS", Source: putin.ID, Target: putin.ID}},
		}},
		{name: "missing endpoint", want: `no entity "person:nobody"`, g: &graph.Graph{
			Entities:  []graph.Entity{putin},
			Relations: []graph.Relation{{Type: graph.MetWith, Source: putin.ID, Target: "person:nobody"}},
		}},
		{name: "evidence article", want: `no article "article:2"`, g: &graph.Graph{
			Articles: []graph.Article{article},
			Entities: []graph.Entity{putin, {ID: "person:b", Type: graph.Person, Name: "B"}},
			Relations: []graph.Relation{{Type: graph.MetWith, Source: putin.ID, Target: "person:b",
				Evidence: []graph.Evidence{{Article: "article:2", Sentence: "They met."}}}},
		}},
		{name: "mention", want: `no entity "person:nobody"`, g: &graph.Graph{
			Articles: []graph.Article{article},
			Mentions: []graph.Mention{{Article: article.ID, Entity: "person:nobody"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := neo4jstore.WriteScript(&buf, tt.g)
			if !errors.Is(err, neo4jstore.ErrInvalidGraph) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("WriteScript error = %v, want ErrInvalidGraph saying %s", err, tt.want)
			}
			if buf.Len() > 0 {
				t.Errorf("WriteScript wrote %d bytes for an invalid graph", buf.Len())
			}
		})
	}

	store := neo4jtest.Open(t)
	cfg := neo4jtest.Config(t)
	for _, tt := range tests {
		_, err := store.Write(context.Background(), tt.g)
		if !errors.Is(err, neo4jstore.ErrInvalidGraph) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Write error = %v, want ErrInvalidGraph saying %s", tt.name, err, tt.want)
		}
	}
	if n := neo4jtest.Exec(t, cfg, "MATCH (n) RETURN count(n) AS n", nil)[0]["n"]; n != int64(0) {
		t.Errorf("invalid graphs left %v nodes", n)
	}
}

// TestWriteGold stores the gold graph, whose names are known exactly, and
// stores it again.
func TestWriteGold(t *testing.T) {
	g := goldGraph(t)
	store := neo4jtest.Open(t)
	cfg := neo4jtest.Config(t)
	ctx := context.Background()

	sum, err := store.Write(ctx, g)
	if err != nil {
		t.Fatal(err)
	}
	rels := map[string]bool{}
	for _, r := range g.Relations {
		rels[r.Key()] = true
	}
	evidence := 0
	for _, r := range g.Relations {
		evidence += len(r.Evidence)
	}
	want := neo4jstore.Summary{ArticlesCreated: 1, ActorsCreated: len(g.Entities), RelationshipsCreated: len(rels), EvidenceAdded: evidence}
	if sum != want {
		t.Errorf("first Write = %+v, want %+v", sum, want)
	}

	// Nodes and relationships by name.
	got := neo4jtest.Exec(t, cfg, `MATCH (a:Actor) RETURN [l IN labels(a) WHERE l <> 'Actor'][0] + ':' + a.name AS n ORDER BY n`, nil)
	if len(got) != len(g.Entities) {
		t.Errorf("%d actors, want %d", len(got), len(g.Entities))
	}
	for _, e := range g.Entities {
		rows := neo4jtest.Exec(t, cfg, `MATCH (a:Actor {id: $id}) RETURN labels(a) AS labels, a.name AS name, a.aliases AS aliases`, map[string]any{"id": e.ID})
		if len(rows) != 1 {
			t.Errorf("%s: %d nodes", e.ID, len(rows))
			continue
		}
		labels := fmt.Sprint(rows[0]["labels"])
		if !strings.Contains(labels, string(e.Type)) || rows[0]["name"] != e.Name {
			t.Errorf("%s: labels %s, name %v", e.ID, labels, rows[0]["name"])
		}
	}
	for _, c := range []struct {
		cypher string
		want   int64
	}{
		{`MATCH (:Person {name: 'Steve Witkoff'})-[r:MET_WITH]-(:Person {name: 'Vladimir Putin'}) RETURN count(r) AS n`, 1},
		{`MATCH (:Person {name: 'Yury Ushakov'})-[r:ADVISES]->(:Person {name: 'Vladimir Putin'}) RETURN count(r) AS n`, 1},
		{`MATCH (:Person {name: 'Don Bacon'})-[r:CRITICIZED]->(:Person {name: 'Steve Witkoff'}) RETURN r.count AS n`, 1},
		{`MATCH (:Article)-[m:MENTIONS]->(:Actor) RETURN count(m) AS n`, int64(len(g.Entities))},
		{`MATCH (a:Person {name: 'Yury Ushakov'}) RETURN size(a.aliases) AS n`, 2},
		{`MATCH (a:Actor) WHERE 'yuri ushakov' IN a.names RETURN count(a) AS n`, 1},
		{`MATCH (a:Actor) WHERE 'u s' IN a.names AND 'u.s.' IN a.names RETURN count(a) AS n`, 1},
	} {
		if n := neo4jtest.Exec(t, cfg, c.cypher, nil)[0]["n"]; n != c.want {
			t.Errorf("%s = %v, want %d", c.cypher, n, c.want)
		}
	}
	countByType := neo4jtest.Exec(t, cfg, `MATCH ()-[r:MET_WITH|ADVISES|CRITICIZED]->() RETURN count(r) AS n`, nil)[0]["n"]
	if countByType != int64(len(rels)) {
		t.Errorf("%v relationships, want %d", countByType, len(rels))
	}

	writeAgainChangesNothing(t, store, cfg, g)
}

// TestWriteMission loads the mission article as the extractor reads it, twice.
func TestWriteMission(t *testing.T) {
	g := missionGraph(t)
	store, cfg := load(t, g)

	actors := neo4jtest.Exec(t, cfg, `MATCH (a:Actor) RETURN count(a) AS n`, nil)[0]["n"]
	if actors != int64(len(g.Entities)) {
		t.Errorf("%v actors, want %d", actors, len(g.Entities))
	}
	for _, name := range []string{"Steve Witkoff", "Jared Kushner", "Vladimir Putin", "Yury Ushakov", "Kirill Dmitriev", "Don Bacon", "Donald Trump"} {
		if n := neo4jtest.Exec(t, cfg, `MATCH (a:Person {name: $name}) RETURN count(a) AS n`, map[string]any{"name": name})[0]["n"]; n != int64(1) {
			t.Errorf("%d :Person nodes named %s, want 1", n, name)
		}
	}
	for _, rel := range []struct{ from, typ, to string }{
		{"Steve Witkoff", "MET_WITH", "Vladimir Putin"},
		{"Jared Kushner", "MET_WITH", "Vladimir Putin"},
		{"Yury Ushakov", "ADVISES", "Vladimir Putin"},
		{"Kirill Dmitriev", "ADVISES", "Vladimir Putin"},
		{"Steve Witkoff", "ADVISES", "Donald Trump"},
		{"Don Bacon", "CRITICIZED", "Steve Witkoff"},
	} {
		cypher := `MATCH (a:Actor {name: $from})-[r]->(b:Actor {name: $to}) WHERE type(r) = $type RETURN count(r) AS n, sum(r.count) AS evidence`
		if rel.typ == "MET_WITH" {
			cypher = strings.Replace(cypher, "]->(b", "]-(b", 1)
		}
		row := neo4jtest.Exec(t, cfg, cypher, map[string]any{"from": rel.from, "type": rel.typ, "to": rel.to})[0]
		if row["n"] != int64(1) || row["evidence"].(int64) < 1 {
			t.Errorf("%s %s %s: %v relationships with %v evidence, want 1 with some", rel.from, rel.typ, rel.to, row["n"], row["evidence"])
		}
	}

	writeAgainChangesNothing(t, store, cfg, g)
}

// TestWriteMerges checks what a second, different graph adds to the first.
func TestWriteMerges(t *testing.T) {
	a1 := graph.Article{ID: "article:1", Source: "one.txt", Title: "One"}
	a2 := graph.Article{ID: "article:2", Source: "two.txt"}
	putin := graph.Entity{ID: "person:vladimir putin", Type: graph.Person, Name: "Vladimir Putin", Aliases: []string{"Putin"}}
	witkoff := graph.Entity{ID: "person:steve witkoff", Type: graph.Person, Name: "Steve Witkoff", Roles: []string{"special envoy"}}
	first := &graph.Graph{
		Articles: []graph.Article{a1},
		Entities: []graph.Entity{putin, witkoff},
		Relations: []graph.Relation{{Type: graph.MetWith, Source: witkoff.ID, Target: putin.ID,
			Evidence: []graph.Evidence{{Article: a1.ID, Sentence: "Witkoff met Putin.", Rule: "met"}}}},
	}
	putin2 := putin
	putin2.Aliases = []string{"President Putin", "Putin"}
	witkoff2 := witkoff
	witkoff2.Name = "Steve WITKOFF" // same id: the stored name stays, this one becomes an alias
	second := &graph.Graph{
		Articles: []graph.Article{a2},
		Entities: []graph.Entity{putin2, witkoff2},
		// The other direction of the same meeting, one sentence old and one new.
		Relations: []graph.Relation{{Type: graph.MetWith, Source: putin.ID, Target: witkoff.ID,
			Evidence: []graph.Evidence{
				{Article: a1.ID, Sentence: "Witkoff met Putin.", Rule: "other-rule"},
				{Article: a2.ID, Sentence: "Putin met Witkoff again.", Rule: "met"},
			}}},
	}
	store := neo4jtest.Open(t)
	cfg := neo4jtest.Config(t)
	ctx := context.Background()
	if _, err := store.Write(ctx, first); err != nil {
		t.Fatal(err)
	}
	// The second graph names article 1 in evidence, so it must hold it too.
	second.Articles = append(second.Articles, a1)
	sum, err := store.Write(ctx, second)
	if err != nil {
		t.Fatal(err)
	}
	want := neo4jstore.Summary{ArticlesCreated: 1, ActorsUpdated: 2, RelationshipsUpdated: 1, EvidenceAdded: 1}
	if sum != want {
		t.Errorf("second Write = %+v, want %+v", sum, want)
	}
	row := neo4jtest.Exec(t, cfg, `MATCH (a:Person {id: 'person:vladimir putin'})-[r:MET_WITH]-(b:Person {id: 'person:steve witkoff'})
		RETURN count(r) AS rels, r.count AS count, r.articles AS articles, r.sentences AS sentences, r.rules AS rules,
		       a.aliases AS putin, b.aliases AS witkoff, b.name AS name, b.roles AS roles,
		       startNode(r).id AS from`, nil)[0]
	wantRow := map[string]any{
		"rels": int64(1), "count": int64(2),
		"articles":  []any{"article:1", "article:2"},
		"sentences": []any{"Witkoff met Putin.", "Putin met Witkoff again."},
		"rules":     []any{"met", "met"},
		"putin":     []any{"Putin", "President Putin"},
		"witkoff":   []any{"Steve WITKOFF"},
		"name":      "Steve Witkoff",
		"roles":     []any{"special envoy"},
		"from":      "person:steve witkoff", // the smaller id
	}
	if !reflect.DeepEqual(row, wantRow) {
		t.Errorf("after two writes:\n got %v\nwant %v", row, wantRow)
	}
	mentions := neo4jtest.Exec(t, cfg, `MATCH (art:Article)-[:MENTIONS]->(a:Actor) RETURN art.id + ' ' + a.id AS m ORDER BY m`, nil)
	if len(mentions) != 4 {
		t.Errorf("mentions = %v, want both actors in both articles", mentions)
	}
}

// TestWriteScript loads the script as cypher-shell would and compares the
// database with what Write stores.
func TestWriteScript(t *testing.T) {
	g := goldGraph(t)
	g.Entities[0].Aliases = append(g.Entities[0].Aliases, `Back\slash 'quoted' "double"`+"\nnew line")
	var script bytes.Buffer
	if err := neo4jstore.WriteScript(&script, g); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(script.String(), "\n") {
		if strings.HasPrefix(line, "UNWIND") && strings.Contains(line, "Witkoff") {
			t.Fatalf("data outside the :param lines: %s", line)
		}
	}

	store := neo4jtest.Open(t)
	cfg := neo4jtest.Config(t)
	runScript(t, cfg, script.String())
	viaScript := dump(t, cfg)

	neo4jtest.Reset(t, cfg)
	if _, err := store.Write(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	viaWrite := dump(t, cfg)
	if !reflect.DeepEqual(viaScript, viaWrite) {
		t.Errorf("script and Write differ:\nscript %v\nwrite  %v", viaScript, viaWrite)
	}

	// Loading the script again changes nothing.
	runScript(t, cfg, script.String())
	if again := dump(t, cfg); !reflect.DeepEqual(again, viaWrite) {
		t.Errorf("script after Write changed the database")
	}
}

// runScript runs a WriteScript script the way cypher-shell does: a :param
// line evaluates its value with RETURN and keeps it; other lines gather into
// statements ended by a semicolon.
func runScript(t *testing.T, cfg neo4jstore.Config, script string) {
	t.Helper()
	params := map[string]any{}
	var stmt strings.Builder
	sc := bufio.NewScanner(strings.NewReader(script))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		line := sc.Text()
		if stmt.Len() == 0 && strings.HasPrefix(line, ":param ") {
			name, value, ok := strings.Cut(strings.TrimPrefix(line, ":param "), " => ")
			if !ok {
				t.Fatalf("bad :param line %.80s", line)
			}
			params[name] = neo4jtest.Exec(t, cfg, "RETURN "+value+" AS v", nil)[0]["v"]
			continue
		}
		stmt.WriteString(line + "\n")
		if strings.HasSuffix(strings.TrimSpace(line), ";") {
			neo4jtest.Exec(t, cfg, strings.TrimSuffix(strings.TrimSpace(stmt.String()), ";"), params)
			stmt.Reset()
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(stmt.String()) != "" {
		t.Fatalf("script ends inside a statement: %.200s", stmt.String())
	}
}

// dump returns every node and relationship with its properties, in order.
func dump(t *testing.T, cfg neo4jstore.Config) []map[string]any {
	t.Helper()
	nodes := neo4jtest.Exec(t, cfg, `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id`, nil)
	rels := neo4jtest.Exec(t, cfg, `MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to`, nil)
	return append(nodes, rels...)
}
