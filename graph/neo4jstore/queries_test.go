package neo4jstore_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/internal/neo4jtest"
	"github.com/actorgraph/actorgraph/queries"
)

// runQuery looks a saved query up, binds values and runs it.
func runQuery(t *testing.T, store *neo4jstore.Store, name string, values map[string]string) *neo4jstore.Result {
	t.Helper()
	q, err := queries.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	params, err := q.Bind(values)
	if err != nil {
		t.Fatal(err)
	}
	r, err := store.Run(context.Background(), q, params)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestSavedQueriesExplain(t *testing.T) {
	store := neo4jtest.Open(t)
	if err := queries.Check(); err != nil {
		t.Fatal(err)
	}
	for _, q := range queries.All() {
		t.Run(q.Name, func(t *testing.T) {
			if err := store.Explain(context.Background(), q.Cypher); err != nil {
				t.Error(err)
			}
		})
	}
	if err := store.Explain(context.Background(), "MATCH (n RETURN n"); err == nil {
		t.Error("Explain accepted a syntax error")
	}
}

func TestInstallQueries(t *testing.T) {
	store := neo4jtest.Open(t)
	cfg := neo4jtest.Config(t)
	ctx := context.Background()
	all := queries.All()
	for range 2 {
		n, err := store.InstallQueries(ctx, all)
		if err != nil {
			t.Fatal(err)
		}
		if n != len(all) {
			t.Errorf("InstallQueries = %d, want %d", n, len(all))
		}
	}
	rows := neo4jtest.Exec(t, cfg, `MATCH (q:SavedQuery) RETURN q.name AS name, q.description AS description, q.cypher AS cypher, q.parameters AS parameters ORDER BY name`, nil)
	if len(rows) != len(all) {
		t.Fatalf("%d :SavedQuery nodes, want %d", len(rows), len(all))
	}
	for i, q := range all {
		if rows[i]["name"] != q.Name || rows[i]["description"] != q.Description || rows[i]["cypher"] != q.Cypher {
			t.Errorf("stored %v, want %s", rows[i]["name"], q.Name)
		}
	}
	whoMet := neo4jtest.Exec(t, cfg, `MATCH (q:SavedQuery {name: 'who-met'}) RETURN q.parameters AS p`, nil)[0]["p"]
	if !reflect.DeepEqual(whoMet, []any{"name (e.g. Putin)"}) {
		t.Errorf("who-met parameters = %v", whoMet)
	}
}

func TestRunResolvesActorNames(t *testing.T) {
	g := goldGraph(t)
	g.Entities = append(g.Entities, graph.Entity{ID: "organization:bacon ltd", Type: graph.Organization, Name: "Bacon Ltd", Aliases: []string{"Bacon"}})
	store, _ := load(t, g)
	ctx := context.Background()
	whoMet, _ := queries.Lookup("who-met")

	// Names as people type them find the same actor.
	var first *neo4jstore.Result
	for _, name := range []string{"putin", "Putin", "Vladimir Putin", "VLADIMIR PUTIN", " vladimir  putin ", "Putin's", "person:vladimir putin"} {
		r, err := store.Run(ctx, whoMet, map[string]any{"name": name})
		if err != nil {
			t.Errorf("who-met %q: %v", name, err)
			continue
		}
		if first == nil {
			first = r
		} else if !reflect.DeepEqual(r, first) {
			t.Errorf("who-met %q differs from who-met putin", name)
		}
	}
	if first == nil || len(first.Rows) == 0 {
		t.Fatal("who-met putin: no rows")
	}

	for _, tt := range []struct {
		name string
		is   error
		msg  string
	}{
		{"Bacon", neo4jstore.ErrAmbiguousActor, `"Bacon" matches 2 actors: Bacon Ltd (Organization, id organization:bacon ltd), Don Bacon (Person, id person:don bacon); give a full name or an id`},
		{"Nobody Known", neo4jstore.ErrNoActor, `no actor named "Nobody Known"`},
		{"Witkof", neo4jstore.ErrNoActor, `no actor named "Witkof"; did you mean Steve Witkoff`},
	} {
		_, err := store.Run(ctx, whoMet, map[string]any{"name": tt.name})
		if !errors.Is(err, tt.is) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("who-met %q: error = %v, want %v saying %s", tt.name, err, tt.is, tt.msg)
		}
	}
	// Words of a name find the actor when no name or alias is them.
	for name, want := range map[string]string{
		"rustem":          "Rustem Umerov",
		"Defense Council": "National Security and Defense Council",
		"ltd":             "Bacon Ltd",
	} {
		got, err := store.ResolveActor(ctx, name)
		if err != nil || len(got) != 1 || got[0].Name != want {
			t.Errorf("ResolveActor(%q) = %+v, %v, want %s", name, got, err, want)
		}
	}
	// A full name that is also no one else's alias is one actor.
	got, err := store.ResolveActor(ctx, "bacon ltd")
	if err != nil || len(got) != 1 || got[0].Name != "Bacon Ltd" || got[0].Type != graph.Organization {
		t.Errorf("ResolveActor(bacon ltd) = %+v, %v", got, err)
	}
}

// TestQueriesOnGold runs every saved query with its example values on the
// gold graph: each must answer something. The gold graph has no dates, so
// the optional date filters are left out, and meetings-in, which needs
// places, is run on the extracted article by TestQueriesWithExamples.
func TestQueriesOnGold(t *testing.T) {
	store, _ := load(t, goldGraph(t))
	for _, q := range queries.All() {
		if q.Name == "meetings-in" {
			continue
		}
		t.Run(q.Name, func(t *testing.T) {
			values := map[string]string{}
			for _, p := range q.Params {
				if !p.Optional {
					values[p.Name] = p.Example
				}
			}
			r := runQuery(t, store, q.Name, values)
			if len(r.Rows) == 0 {
				t.Errorf("%s %v: no rows", q.Name, values)
			}
			for _, row := range r.Rows {
				for i, v := range row {
					if s, ok := v.(string); ok && strings.HasPrefix(s, "person:") && r.Columns[i] != "id" {
						t.Errorf("%s: column %s shows an id %q, not a name", q.Name, r.Columns[i], s)
					}
				}
			}
		})
	}
}

// The tests below load the mission article through the extractor and check
// each saved query's answers against what the article says (see the gold
// graph). With -gold they load the gold graph instead.

func loadMission(t *testing.T) *neo4jstore.Store {
	t.Helper()
	store, _ := load(t, missionGraph(t))
	return store
}

func TestQueryWhoMetWhom(t *testing.T) {
	r := runQuery(t, loadMission(t), "who-met-whom", nil)
	// Each of these meetings has a sentence from the article.
	pairs := map[string]bool{}
	actors, others, dates, places := column(t, r, "actor"), column(t, r, "met_with"), column(t, r, "date"), column(t, r, "place")
	evidences, articles := column(t, r, "evidence"), column(t, r, "article")
	where := map[string]bool{}
	for i := range r.Rows {
		evidence, _ := evidences[i].(string)
		article, _ := articles[i].(string)
		if evidence != "" && article != "" {
			pairs[fmt.Sprint(actors[i], " + ", others[i])] = true
		}
		where[fmt.Sprint(actors[i], " + ", others[i], ": ", dates[i], " ", places[i])] = true
	}
	for _, want := range []string{"Steve Witkoff + Vladimir Putin", "Jared Kushner + Vladimir Putin", "Marco Rubio + Rustem Umerov"} {
		if !pairs[want] {
			t.Errorf("who-met-whom lacks %s with evidence and article; has %v", want, pairs)
		}
	}
	// When and where: the talks in the Kremlin on the day of the article,
	// the weekend's talks in Florida.
	for _, want := range []string{"Steve Witkoff + Vladimir Putin: 2025-12-02 Kremlin, Moscow, Russia", "Marco Rubio + Rustem Umerov: 2025-11-29 Florida, United States"} {
		if !where[want] {
			t.Errorf("who-met-whom lacks the row %q; has %v", want, where)
		}
	}
}

func TestQueryWhoMet(t *testing.T) {
	store := loadMission(t)
	r := runQuery(t, store, "who-met", map[string]string{"name": "putin"})
	if met := strs(t, r, "met"); !containsAll(met, "Steve Witkoff", "Jared Kushner") {
		t.Errorf("who-met putin = %v, want Steve Witkoff and Jared Kushner", met)
	}
	if actors := strs(t, r, "actor"); !reflect.DeepEqual(actors, []string{"Vladimir Putin"}) {
		t.Errorf("who-met putin: actor column %v", actors)
	}
	met, evidences, dates, places := column(t, r, "met"), column(t, r, "evidence"), column(t, r, "dates"), column(t, r, "places")
	for i := range r.Rows {
		if met[i] != "Steve Witkoff" && met[i] != "Jared Kushner" {
			continue
		}
		if evidence, _ := evidences[i].([]any); len(evidence) == 0 {
			t.Errorf("who-met putin: meeting with %v without evidence", met[i])
		}
		if got := fmt.Sprint(dates[i], " ", places[i]); got != "[2025-12-02] [Kremlin, Moscow, Russia Moscow, Russia]" {
			t.Errorf("who-met putin: meeting with %v: when and where %s, want [2025-12-02] [Kremlin, Moscow, Russia Moscow, Russia]", met[i], got)
		}
	}
	for _, name := range []string{"Putin", "Vladimir Putin"} {
		if again := runQuery(t, store, "who-met", map[string]string{"name": name}); !reflect.DeepEqual(again, r) {
			t.Errorf("who-met %q differs from who-met putin", name)
		}
	}
}

func TestQueryAdvisersOf(t *testing.T) {
	r := runQuery(t, loadMission(t), "advisers-of", map[string]string{"name": "Putin"})
	if got := strs(t, r, "adviser"); !containsAll(got, "Yury Ushakov", "Kirill Dmitriev") {
		t.Errorf("advisers-of Putin = %v, want Yury Ushakov and Kirill Dmitriev", got)
	}
}

func TestQueryAdvisedBy(t *testing.T) {
	r := runQuery(t, loadMission(t), "advised-by", map[string]string{"name": "Witkoff"})
	if got := strs(t, r, "advises"); !containsAll(got, "Donald Trump") {
		t.Errorf("advised-by Witkoff = %v, want Donald Trump", got)
	}
}

func TestQueryCriticsOf(t *testing.T) {
	r := runQuery(t, loadMission(t), "critics-of", map[string]string{"name": "Witkoff"})
	if got := strs(t, r, "critic"); !containsAll(got, "Don Bacon") {
		t.Errorf("critics-of Witkoff = %v, want Don Bacon", got)
	}
}

func TestQueryCriticizedBy(t *testing.T) {
	r := runQuery(t, loadMission(t), "criticized-by", map[string]string{"name": "Don Bacon"})
	if got := strs(t, r, "criticized"); !containsAll(got, "Steve Witkoff") {
		t.Errorf("criticized-by Don Bacon = %v, want Steve Witkoff", got)
	}
}

func TestQueryActorProfile(t *testing.T) {
	r := runQuery(t, loadMission(t), "actor-profile", map[string]string{"name": "witkoff"})
	var got []string
	for _, row := range r.Rows {
		got = append(got, fmt.Sprint(row[1], " ", row[2]))
	}
	if !containsAll(got, "met with Vladimir Putin", "met with Rustem Umerov", "advises Donald Trump", "was criticized by Don Bacon") {
		t.Errorf("actor-profile witkoff = %v", got)
	}
}

func TestQueryConnection(t *testing.T) {
	r := runQuery(t, loadMission(t), "connection", map[string]string{"from": "Don Bacon", "to": "Vladimir Putin"})
	if len(r.Rows) == 0 {
		t.Fatal("connection Don Bacon -> Vladimir Putin: no path")
	}
	paths := column(t, r, "path")
	hops := column(t, r, "hops")
	for i, p := range paths {
		s, _ := p.(string)
		if !strings.HasPrefix(s, "Don Bacon ") || !strings.HasSuffix(s, " Vladimir Putin") {
			t.Errorf("path %q does not run from Don Bacon to Vladimir Putin", s)
		}
		if h, _ := hops[i].(int64); h < 1 || h > 2 {
			t.Errorf("path %q has %d hops, want Bacon -> Witkoff -> Putin, 2", s, h)
		}
	}
	if !slices.Contains(paths, any("Don Bacon -[CRITICIZED]-> Steve Witkoff -[MET_WITH]- Vladimir Putin")) {
		t.Errorf("connection paths = %v, want Bacon criticized Witkoff, who met Putin", paths)
	}
}

func TestQueryCommonContacts(t *testing.T) {
	r := runQuery(t, loadMission(t), "common-contacts", map[string]string{"a": "Witkoff", "b": "Kushner"})
	if got := strs(t, r, "contact"); !containsAll(got, "Vladimir Putin", "Rustem Umerov") {
		t.Errorf("common-contacts Witkoff Kushner = %v, want Vladimir Putin and Rustem Umerov", got)
	}
}

func TestQueryMostConnected(t *testing.T) {
	r := runQuery(t, loadMission(t), "most-connected", map[string]string{"limit": "3"})
	if len(r.Rows) != 3 {
		t.Fatalf("most-connected 3: %d rows", len(r.Rows))
	}
	got := strs(t, r, "actor")
	if !containsAll(got, "Steve Witkoff") || !(containsAll(got, "Vladimir Putin") || containsAll(got, "Jared Kushner")) {
		t.Errorf("most-connected 3 = %v, want Steve Witkoff and Vladimir Putin or Jared Kushner", got)
	}
	counts := column(t, r, "relationships")
	for i := 1; i < len(counts); i++ {
		if counts[i].(int64) > counts[i-1].(int64) {
			t.Errorf("most-connected not in descending order: %v", counts)
		}
	}
}

func TestQueryInnerCircle(t *testing.T) {
	r := runQuery(t, loadMission(t), "inner-circle", map[string]string{"name": "Witkoff"})
	var got []string
	for _, row := range r.Rows {
		got = append(got, fmt.Sprint(row[1], ": ", row[2]))
	}
	if !containsAll(got, "Vladimir Putin: Yury Ushakov", "Vladimir Putin: Kirill Dmitriev") {
		t.Errorf("inner-circle Witkoff = %v, want Putin's advisers Yury Ushakov and Kirill Dmitriev", got)
	}
}

func TestQueryMeetingsByArticle(t *testing.T) {
	store := loadMission(t)
	r := runQuery(t, store, "meetings-by-article", map[string]string{"article": "moscow-times"})
	pairs := map[string]bool{}
	for _, row := range r.Rows {
		pairs[fmt.Sprint(row[1], " + ", row[2])] = true
	}
	if !pairs["Steve Witkoff + Vladimir Putin"] || !pairs["Jared Kushner + Vladimir Putin"] {
		t.Errorf("meetings-by-article moscow-times = %v", pairs)
	}
	id := missionGraph(t).Articles[0].ID
	if byID := runQuery(t, store, "meetings-by-article", map[string]string{"article": id}); !reflect.DeepEqual(byID, r) {
		t.Errorf("meetings-by-article %s differs from moscow-times", id)
	}
	if none := runQuery(t, store, "meetings-by-article", map[string]string{"article": "no-such-article"}); len(none.Rows) != 0 {
		t.Errorf("meetings-by-article no-such-article = %v", none.Rows)
	}
}
