package identity

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// person is an actor of one article: "Name" or "Name|role,role".
func person(spec string) graph.Entity {
	name, roles, _ := strings.Cut(spec, "|")
	e := graph.Entity{ID: graph.EntityID(graph.Person, name), Type: graph.Person, Name: name, Aliases: []string{}}
	if roles != "" {
		e.Roles = strings.Split(roles, ",")
	}
	return e
}

// articles builds one graph per article from its persons; article i is
// in folder folders[i] when given.
func articles(folders []string, specs ...[]string) []*graph.Graph {
	var out []*graph.Graph
	for i, ps := range specs {
		folder := "news"
		if i < len(folders) {
			folder = folders[i]
		}
		art := graph.Article{ID: fmt.Sprintf("article:%d", i), Source: folder + fmt.Sprintf("/a%d.txt", i)}
		g := &graph.Graph{Articles: []graph.Article{art}}
		for _, p := range ps {
			e := person(p)
			g.Entities = append(g.Entities, e)
			g.Mentions = append(g.Mentions, graph.Mention{Article: art.ID, Entity: e.ID})
		}
		if len(g.Entities) >= 2 {
			g.Relations = append(g.Relations, graph.Relation{Type: graph.MetWith, Source: g.Entities[0].ID, Target: g.Entities[1].ID,
				Evidence: []graph.Evidence{{Article: art.ID, Sentence: "met"}}})
		}
		out = append(out, g)
	}
	return out
}

// names lists the person names of g, sorted.
func names(g *graph.Graph) []string {
	var out []string
	for _, e := range g.Entities {
		out = append(out, e.Name)
	}
	slices.Sort(out)
	return out
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name    string
		folders []string
		arts    [][]string
		rules   string
		want    []string // actor names after resolution
		merges  int      // entries in the merge log
	}{
		{name: "surname joins the only full name",
			arts: [][]string{{"Vladimir Putin|president", "Steve Witkoff"}, {"Putin", "Steve Witkoff"}},
			want: []string{"Steve Witkoff", "Vladimir Putin"}, merges: 1},
		{name: "longer form wins",
			arts: [][]string{{"George W Bush|president"}, {"George Bush"}, {"Bush|president"}},
			want: []string{"George W Bush"}, merges: 2},
		{name: "short first name",
			arts: [][]string{{"Vincent Cable|mp"}, {"Vince Cable"}, {"Cable"}},
			want: []string{"Vincent Cable"}, merges: 2},
		{name: "a surname of two full names stays apart",
			arts: [][]string{{"Ian Blair"}, {"Tony Blair"}, {"Blair"}},
			want: []string{"Blair", "Ian Blair", "Tony Blair"}},
		{name: "a word that is also a first name stays apart",
			arts: [][]string{{"Ray Charles|singer"}, {"Charles Kennedy|leader"}, {"Charles|prince"}},
			want: []string{"Charles", "Charles Kennedy", "Ray Charles"}},
		{name: "roles of different walks of life keep a surname apart",
			arts: [][]string{{"Des Browne|minister"}, {"Browne|chief executive,lord"}},
			want: []string{"Browne", "Des Browne"}},
		{name: "genders keep a surname apart",
			arts: [][]string{{"Cherie Blair|mrs"}, {"Blair|mr"}},
			want: []string{"Blair", "Cherie Blair"}},
		{name: "same name, conflicting roles: two actors",
			folders: []string{"politics", "sport", "politics"},
			arts:    [][]string{{"Gareth Thomas|minister"}, {"Gareth Thomas|captain"}, {"Gareth Thomas"}},
			want:    []string{"Gareth Thomas", "Gareth Thomas"}, merges: 1},
		{name: "same name, compatible roles: one actor",
			arts: [][]string{{"Jack Straw|foreign secretary"}, {"Jack Straw|foreign minister"}},
			want: []string{"Jack Straw"}},
		{name: "alias rule",
			arts:  [][]string{{"Tony Blair"}, {"Blair"}, {"Ian Blair"}},
			rules: "alias\tperson:Blair\tperson:Tony Blair\n",
			want:  []string{"Ian Blair", "Tony Blair"}, merges: 1},
		{name: "apart rule",
			arts:  [][]string{{"Vladimir Putin"}, {"Putin"}},
			rules: "# Putin the film\napart | person:Putin | person:Vladimir Putin\n",
			want:  []string{"Putin", "Vladimir Putin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rules *Rules
			if tt.rules != "" {
				var err error
				if rules, err = ParseRules(strings.NewReader(tt.rules)); err != nil {
					t.Fatal(err)
				}
			}
			res := Resolve(articles(tt.folders, tt.arts...), Known{}, rules)
			if got := names(res.Graph); !slices.Equal(got, tt.want) {
				t.Errorf("actors %q, want %q", got, tt.want)
			}
			if len(res.Merges) != tt.merges {
				t.Errorf("%d merges, want %d: %+v", len(res.Merges), tt.merges, res.Merges)
			}
			for _, m := range res.Merges {
				if m.Reason == "" {
					t.Errorf("merge without a reason: %+v", m)
				}
			}
			// Every relation and mention points at an actor of the graph.
			ids := map[string]bool{}
			for _, e := range res.Graph.Entities {
				ids[e.ID] = true
			}
			for _, r := range res.Graph.Relations {
				if !ids[r.Source] || !ids[r.Target] {
					t.Errorf("relation %s to a missing actor", r.Key())
				}
			}
			for _, m := range res.Graph.Mentions {
				if !ids[m.Entity] {
					t.Errorf("mention of missing actor %s", m.Entity)
				}
			}
			// Resolving the result again changes nothing.
			again := Resolve([]*graph.Graph{res.Graph}, Known{}, rules)
			if got := names(again.Graph); !slices.Equal(got, tt.want) || len(again.Merges) != 0 {
				t.Errorf("second Resolve: actors %q, %d merges", got, len(again.Merges))
			}
		})
	}
}

// TestResolveKnown: a partial name joins an actor that only the store holds,
// which keeps its id and name.
func TestResolveKnown(t *testing.T) {
	known := Known{Actors: []graph.Entity{person("Vladimir Putin|president")}, Articles: map[string]int{"person:vladimir putin": 3}}
	res := Resolve(articles(nil, []string{"Putin", "Steve Witkoff"}), known, nil)
	if got := names(res.Graph); !slices.Equal(got, []string{"Steve Witkoff", "Vladimir Putin"}) {
		t.Fatalf("actors %q", got)
	}
	e := res.Graph.Entity("person:vladimir putin")
	if e == nil || !slices.Contains(e.Aliases, "Putin") {
		t.Errorf("Vladimir Putin = %+v, want the alias Putin", e)
	}
	if len(res.Graph.Relations) != 1 || res.Graph.Relations[0].Key() != "MET_WITH|person:steve witkoff|person:vladimir putin" {
		t.Errorf("relations %+v", res.Graph.Relations)
	}
}

// TestResolveKnownContext: a partial name joins a stored actor only when
// the stored articles give them something in common (a folder, a walk of
// life, another actor), as it would among articles extracted together; a
// store that gives no context joins as before.
func TestResolveKnownContext(t *testing.T) {
	stored := articles([]string{"sport", "sport"}, []string{"Ben Thatcher|defender", "Alan Coach"}, []string{"Ben Thatcher", "Alan Coach"})
	tests := []struct {
		name    string
		folder  string
		article []string
		context bool
		want    []string
	}{
		{"another folder, nothing in common", "politics", []string{"Thatcher", "Jane Voter"}, true, []string{"Jane Voter", "Thatcher"}},
		{"same folder", "sport", []string{"Thatcher", "Jane Voter"}, true, []string{"Ben Thatcher", "Jane Voter"}},
		{"another actor in common", "politics", []string{"Thatcher", "Jane Voter"}, true, []string{"Ben Thatcher", "Jane Voter", "Rovers"}},
		{"a walk of life in common", "politics", []string{"Thatcher|midfielder", "Jane Voter"}, true, []string{"Ben Thatcher", "Jane Voter"}},
		{"no context stored", "politics", []string{"Thatcher", "Jane Voter"}, false, []string{"Ben Thatcher", "Jane Voter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var known Known
			for _, g := range stored {
				known.Add(g)
			}
			if !tt.context {
				known.Sources, known.Mentions = nil, nil
			}
			batch := articles([]string{tt.folder}, tt.article)
			batch[0].Articles[0].ID = "article:new"
			for i := range batch[0].Mentions {
				batch[0].Mentions[i].Article = "article:new"
			}
			if tt.name == "another actor in common" { // a club both name
				club := graph.Entity{ID: "organization:rovers", Type: graph.Organization, Name: "Rovers"}
				batch[0].Entities = append(batch[0].Entities, club)
				batch[0].Mentions = append(batch[0].Mentions, graph.Mention{Article: "article:new", Entity: club.ID})
				known.Mentions = append(known.Mentions, graph.Mention{Article: "article:0", Entity: club.ID})
			}
			res := Resolve(batch, known, nil)
			if got := names(res.Graph); !slices.Equal(got, tt.want) {
				t.Errorf("actors %q, want %q (merges %+v)", got, tt.want, res.Merges)
			}
		})
	}
}

// TestResolveKnownSplit: a full name the store holds is split across loads
// as it is among articles extracted together: new articles join the stored
// person they have something in common with, or one split off it before,
// or become a person of their own.
func TestResolveKnownSplit(t *testing.T) {
	var known Known
	for _, g := range articles([]string{"sport", "sport", "politics"},
		[]string{"Gareth Thomas|captain"}, []string{"Gareth Thomas|captain"}, []string{"Gareth Thomas|minister"}) {
		known.Add(g)
	}
	first := Resolve(articles([]string{"sport", "sport", "politics"},
		[]string{"Gareth Thomas|captain"}, []string{"Gareth Thomas|captain"}, []string{"Gareth Thomas|minister"}), Known{}, nil)
	known = Known{}
	known.Add(first.Graph)
	tests := []struct {
		name, folder, person, want string
	}{
		{"the stored captain", "sport", "Gareth Thomas|captain", "person:gareth thomas"},
		{"the minister split off before", "politics", "Gareth Thomas|minister", "person:gareth thomas#minister"},
		{"a role that conflicts with both", "arts", "Gareth Thomas|actor", "person:gareth thomas#actor"},
		{"nothing in common with either", "business", "Gareth Thomas", "person:gareth thomas#other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			batch := articles([]string{tt.folder}, []string{tt.person})
			batch[0].Articles[0].ID = "article:new"
			batch[0].Mentions[0].Article = "article:new"
			res := Resolve(batch, known, nil)
			if len(res.Graph.Entities) != 1 || res.Graph.Entities[0].ID != tt.want {
				t.Errorf("actors %+v, want %s (merges %+v)", res.Graph.Entities, tt.want, res.Merges)
			}
		})
	}
}

// TestResolveAsStored: an article loaded again keeps the actor the store
// gave its name, though what the store knows now would decide otherwise (a
// second full name that shares the surname came later).
func TestResolveAsStored(t *testing.T) {
	arts := articles([]string{"politics", "politics"}, []string{"Kim Quinn", "Quinn"}, []string{"Ann Quinn|mrs"})
	var known Known
	stored := *arts[0]
	stored.Entities = []graph.Entity{person("Kim Quinn")}
	stored.Entities[0].Aliases = []string{"Quinn"}
	stored.Mentions = []graph.Mention{{Article: "article:0", Entity: "person:kim quinn"}}
	known.Add(&stored)
	ann := *arts[1]
	ann.Entities = []graph.Entity{person("Ann Quinn|mrs")}
	ann.Entities[0].Aliases = []string{"Quinn"}
	known.Add(&ann)
	res := Resolve(arts[:1], known, nil)
	if got := names(res.Graph); !slices.Equal(got, []string{"Kim Quinn"}) {
		t.Errorf("actors %q, want Kim Quinn alone (merges %+v)", got, res.Merges)
	}
	// An article the store does not hold decides afresh.
	fresh := articles([]string{"politics"}, []string{"Quinn"})
	fresh[0].Articles[0].ID, fresh[0].Mentions[0].Article = "article:new", "article:new"
	if got := names(Resolve(fresh, known, nil).Graph); !slices.Equal(got, []string{"Quinn"}) {
		t.Errorf("new article: actors %q, want Quinn apart (two full names share it)", got)
	}
}

// TestResolveDominant: a surname of several full names joins the one the
// articles mention three times as often as all the others.
func TestResolveDominant(t *testing.T) {
	var arts [][]string
	for range 12 {
		arts = append(arts, []string{"Tony Blair|prime minister"})
	}
	arts = append(arts, []string{"Ian Blair|commissioner"}, []string{"Blair|mr"})
	res := Resolve(articles(nil, arts...), Known{}, nil)
	if got := names(res.Graph); !slices.Equal(got, []string{"Ian Blair", "Tony Blair"}) {
		t.Errorf("actors %q", got)
	}
}

func TestParseRules(t *testing.T) {
	tests := []struct {
		in, err string
	}{
		{in: "alias\tperson:Putin\tperson:Vladimir Putin\n"},
		{in: "apart | organization:Apple | organization:Apple Corps\n"},
		{in: "merge\tperson:A\tperson:B\n", err: `line 1: unknown verb "merge"`},
		{in: "alias\tperson:A\n", err: "line 1: want VERB, ACTOR and ACTOR"},
		{in: "# c\nalias\tplanet:Mars\tperson:B\n", err: `line 2: actor "planet:Mars": type "planet"`},
		{in: "alias\tPutin\tperson:B\n", err: `actor "Putin": want TYPE:NAME`},
	}
	for _, tt := range tests {
		_, err := ParseRules(strings.NewReader(tt.in))
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%q: %v", tt.in, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.err)
		}
	}
}
