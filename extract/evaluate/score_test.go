package evaluate

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

var update = flag.Bool("update", false, "rewrite testdata/*.pred.json and testdata/*.golden, running score.py ($SCORE_PY, default testdata/gold/score.py)")

// scorePy is the reference implementation the golden files come from.
func scorePy(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("SCORE_PY"); p != "" {
		return p
	}
	p, err := filepath.Abs("../../testdata/gold/score.py")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// goldFiles are the gold graphs of the repository: the mission article's and
// those in the folders under testdata/gold.
func goldFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/gold/*.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	dev, err := filepath.Glob("../../testdata/gold/*/*.gold.json") // dev/, extra/
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, dev...)
	if len(files) < 2 {
		t.Fatalf("found only %d gold files under ../../testdata/gold", len(files))
	}
	return files
}

// golden is what score.py says about one prediction: its --json output, the
// notes it prints without --json, and its summary line.
type golden struct {
	Scores struct {
		Entities        Scores                        `json:"entities"`
		Relations       Scores                        `json:"relations"`
		RelationsByType map[graph.RelationType]Scores `json:"relations_by_type"`
	} `json:"scores"`
	Notes   []string `json:"notes"`
	Summary string   `json:"summary"`
}

// variants turn a gold graph into predicted graphs to score.
var variants = []struct {
	name string
	pred func(*Gold) *graph.Graph
}{
	{"perfect", perfectPrediction},
	{"lossy", lossyPrediction},
	{"empty", func(*Gold) *graph.Graph { return &graph.Graph{} }},
}

// TestScoreMatchesScorePy checks Score against score.py's output, kept in
// golden files, for every gold file and every prediction variant.
func TestScoreMatchesScorePy(t *testing.T) {
	for _, goldPath := range goldFiles(t) {
		gold, err := LoadGold(goldPath)
		if err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(filepath.Base(goldPath), ".gold.json")
		for _, v := range variants {
			name := base + "." + v.name
			t.Run(name, func(t *testing.T) {
				predPath := filepath.Join("testdata", name+".pred.json")
				goldenPath := filepath.Join("testdata", name+".golden")
				if *update {
					writeJSON(t, predPath, v.pred(gold))
					writeGolden(t, goldenPath, goldPath, predPath)
				}
				var pred graph.Graph
				readJSON(t, predPath, &pred)
				var want golden
				readJSON(t, goldenPath, &want)

				got := Score(gold, &pred)
				checkScores(t, "entities", got.Entities, want.Scores.Entities, true)
				checkScores(t, "relations", got.Relations, want.Scores.Relations, true)
				for typ, w := range want.Scores.RelationsByType {
					checkScores(t, string(typ), got.RelationsByType[typ], w, false)
				}
				if len(want.Scores.RelationsByType) != len(graph.RelationTypes) {
					t.Errorf("golden has %d relation types, want %d", len(want.Scores.RelationsByType), len(graph.RelationTypes))
				}
				var notes []string
				for _, n := range got.Notes {
					notes = append(notes, n.String())
				}
				if g, w := strings.Join(notes, "\n"), strings.Join(want.Notes, "\n"); g != w {
					t.Errorf("notes:\n%s\nscore.py:\n%s", g, w)
				}
				if got.Summary() != want.Summary {
					t.Errorf("summary:\n%s\nscore.py:\n%s", got.Summary(), want.Summary)
				}
			})
		}
	}
}

func checkScores(t *testing.T, what string, got, want Scores, counts bool) {
	t.Helper()
	same := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	if !same(got.Precision, want.Precision) || !same(got.Recall, want.Recall) || !same(got.F1, want.F1) || got.Required != want.Required {
		t.Errorf("%s: P=%v R=%v F1=%v required=%d, score.py: P=%v R=%v F1=%v required=%d", what,
			got.Precision, got.Recall, got.F1, got.Required, want.Precision, want.Recall, want.F1, want.Required)
	}
	if counts && (got.Correct != want.Correct || got.FalsePositives != want.FalsePositives || got.RequiredFound != want.RequiredFound) {
		t.Errorf("%s: counts %+v, score.py %+v", what, got, want)
	}
}

// perfectPrediction predicts every gold entity and relation, optional ones too.
func perfectPrediction(g *Gold) *graph.Graph {
	var p graph.Graph
	for _, e := range g.Entities {
		p.Entities = append(p.Entities, graph.Entity{
			ID: graph.EntityID(e.Type, e.Name), Type: e.Type, Name: e.Name, Aliases: append([]string{}, e.Aliases...),
		})
	}
	for _, r := range g.Relations {
		p.Relations = append(p.Relations, graph.Relation{
			Type: r.Type, Source: idOf(g, r.Source), Target: idOf(g, r.Target),
			Evidence: []graph.Evidence{{Article: "article:gold", Sentence: strings.Join(r.Evidence.List, " ")}},
		})
	}
	return &p
}

// lossyPrediction drops, renames, retypes, duplicates and invents entities
// and relations, to exercise every rule of the scorer.
func lossyPrediction(g *Gold) *graph.Graph {
	var p graph.Graph
	for i, e := range g.Entities {
		if e.Required() && i%3 == 2 || !e.Required() && i%2 == 1 {
			continue // missed
		}
		pe := graph.Entity{ID: graph.EntityID(e.Type, e.Name), Type: e.Type, Name: e.Name, Aliases: e.Aliases}
		if i%4 == 1 && len(e.Aliases) > 0 {
			pe.Name, pe.Aliases = e.Aliases[len(e.Aliases)-1], nil // found under an alias only
		}
		if i%7 == 3 {
			pe.Type = otherType(e.Type) // wrong type; its relations still map
		}
		if i%5 == 4 {
			pe.Name = "The " + strings.ToUpper(pe.Name) + "'s" // normalised away
		}
		p.Entities = append(p.Entities, pe)
	}
	if len(p.Entities) > 0 {
		dup := p.Entities[0]
		dup.ID += "#dup"
		dup.Name = strings.ToLower(dup.Name)
		p.Entities = append(p.Entities, dup)
	}
	p.Entities = append(p.Entities,
		graph.Entity{ID: "country:atlantis", Type: graph.Country, Name: "Atlantis"},
		graph.Entity{ID: "organization:ministry", Type: graph.Organization, Name: "Ministry of Silly Walks", Aliases: []string{"MSW"}},
		graph.Entity{ID: "location:moscow", Type: "Location", Name: "Moscow"},
	)

	for j, r := range g.Relations {
		if j%2 == 1 {
			continue
		}
		s, d := idOf(g, r.Source), idOf(g, r.Target)
		if r.Type == graph.MetWith && j%4 == 0 {
			s, d = d, s
		}
		p.Relations = append(p.Relations, graph.Relation{Type: r.Type, Source: s, Target: d})
	}
	if len(g.Relations) > 0 {
		r := g.Relations[0]
		p.Relations = append(p.Relations, graph.Relation{Type: r.Type, Source: idOf(g, r.Source), Target: idOf(g, r.Target)}) // repeated
		p.Relations = append(p.Relations, graph.Relation{Type: graph.Advises, Source: idOf(g, r.Target), Target: idOf(g, r.Source)})
		p.Relations = append(p.Relations, graph.Relation{Type: graph.Criticized, Source: idOf(g, r.Source), Target: idOf(g, r.Source)})
		p.Relations = append(p.Relations, graph.Relation{Type: graph.MetWith, Source: idOf(g, r.Source), Target: "country:atlantis"})
		p.Relations = append(p.Relations, graph.Relation{Type: "LOCATED_IN", Source: idOf(g, r.Source), Target: "location:moscow"})
	}
	if len(p.Entities) > 4 {
		p.Relations = append(p.Relations, graph.Relation{Type: graph.MetWith, Source: p.Entities[len(p.Entities)-4].ID, Target: p.Entities[1].ID})
	}
	return &p
}

func otherType(t graph.EntityType) graph.EntityType {
	if t == graph.Person {
		return graph.Organization
	}
	return graph.Person
}

// idOf is the predicted id of the gold entity named name.
func idOf(g *Gold, name string) string {
	for _, e := range g.Entities {
		if normName(e.Name) == normName(name) {
			return graph.EntityID(e.Type, e.Name)
		}
	}
	return "unknown:" + name
}

func writeGolden(t *testing.T, goldenPath, goldPath, predPath string) {
	t.Helper()
	py := scorePy(t)
	run := func(args ...string) []byte {
		cmd := exec.Command("python3", append([]string{py, "--gold", goldPath, "--pred", predPath}, args...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("score.py %v: %v\n%s", args, err, stderr.String())
		}
		return out
	}
	var g struct {
		Scores  json.RawMessage `json:"scores"`
		Notes   []string        `json:"notes"`
		Summary string          `json:"summary"`
	}
	g.Scores = run("--json")
	g.Notes = []string{}
	lines := strings.Split(strings.TrimRight(string(run()), "\n"), "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "entity ") || strings.HasPrefix(l, "relation ") {
			g.Notes = append(g.Notes, l)
		}
	}
	g.Summary = lines[len(lines)-1]
	writeJSON(t, goldenPath, g)
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestScore covers the rules one at a time, and the per entity type scores
// score.py does not print.
func TestScore(t *testing.T) {
	gold := &Gold{
		Entities: []GoldEntity{
			{Type: graph.Person, Name: "Vladimir Putin", Aliases: []string{"Putin"}, Status: Required},
			{Type: graph.Person, Name: "Steve Witkoff", Aliases: []string{"Witkoff"}, Status: Required},
			{Type: graph.Country, Name: "United States", Aliases: []string{"U.S.", "US"}, Status: Required},
			{Type: graph.Organization, Name: "The Moscow Times", Status: Optional},
			{Type: graph.Person, Name: "Donald Trump", Aliases: []string{"Trump"}, Status: Required},
		},
		Relations: []GoldRelation{
			{Type: graph.MetWith, Source: "Steve Witkoff", Target: "Vladimir Putin", Status: Required},
			{Type: graph.Advises, Source: "Steve Witkoff", Target: "Donald Trump", Status: Required},
			{Type: graph.Criticized, Source: "Steve Witkoff", Target: "United States", Status: Optional},
		},
	}
	ent := func(id string, typ graph.EntityType, name string, aliases ...string) graph.Entity {
		return graph.Entity{ID: id, Type: typ, Name: name, Aliases: aliases}
	}
	rel := func(typ graph.RelationType, s, d string) graph.Relation {
		return graph.Relation{Type: typ, Source: s, Target: d}
	}
	putin := ent("p", graph.Person, "Putin")
	witkoff := ent("w", graph.Person, "Steve Witkoff")
	us := ent("us", graph.Country, "U.S.")
	trump := ent("t", graph.Person, "Donald Trump")
	all := []graph.Entity{putin, witkoff, us, trump}

	tests := []struct {
		name      string
		pred      graph.Graph
		entities  Scores
		relations Scores
		byType    map[graph.EntityType]Scores
		notes     []string
	}{{
		name:      "nothing predicted",
		entities:  Scores{Precision: 1, Required: 4},
		relations: Scores{Precision: 1, Required: 2},
		notes: []string{"entity MISS Person: Vladimir Putin", "entity MISS Person: Steve Witkoff", "entity MISS Country: United States",
			"entity MISS Person: Donald Trump", "relation MISS MET_WITH: Vladimir Putin -> Steve Witkoff", "relation MISS ADVISES: Steve Witkoff -> Donald Trump"},
	}, {
		name: "everything, MET_WITH reversed, optional relation, repeated relation",
		pred: graph.Graph{Entities: all, Relations: []graph.Relation{
			rel(graph.MetWith, "p", "w"), rel(graph.Advises, "w", "t"), rel(graph.Criticized, "w", "us"), rel(graph.Advises, "w", "t"),
		}},
		entities:  Scores{Precision: 1, Recall: 1, F1: 1, Correct: 4, RequiredFound: 4, Required: 4},
		relations: Scores{Precision: 1, Recall: 1, F1: 1, Correct: 3, RequiredFound: 2, Required: 2},
	}, {
		name: "name given as alias, accents, case, possessive and the",
		pred: graph.Graph{Entities: []graph.Entity{
			ent("a", graph.Person, "Witkoff's"), ent("b", graph.Person, "VLADÍMIR PUTIN"), ent("c", graph.Country, "the US"),
			ent("d", graph.Organization, "Moscow Times"), ent("e", graph.Person, "Mr X", "Trump"),
		}},
		entities:  Scores{Precision: 1, Recall: 1, F1: 1, Correct: 5, RequiredFound: 4, Required: 4},
		relations: Scores{Precision: 1, Recall: 0, F1: 0, Required: 2},
		notes:     []string{"relation MISS MET_WITH: Vladimir Putin -> Steve Witkoff", "relation MISS ADVISES: Steve Witkoff -> Donald Trump"},
	}, {
		name: "wrong type, duplicate, unknown, ignored type",
		pred: graph.Graph{Entities: append(all[:3:3],
			ent("t", graph.Organization, "Trump"), ent("p2", graph.Person, "Vladimir Putin"),
			ent("x", graph.Country, "Atlantis"), ent("m", "Location", "Moscow")),
			Relations: []graph.Relation{rel(graph.Advises, "w", "t"), rel(graph.MetWith, "p2", "w")}},
		entities:  Scores{Precision: 3.0 / 6, Recall: 3.0 / 4, F1: 0.6, Correct: 3, FalsePositives: 3, RequiredFound: 3, Required: 4},
		relations: Scores{Precision: 1, Recall: 1, F1: 1, Correct: 2, RequiredFound: 2, Required: 2},
		byType: map[graph.EntityType]Scores{
			graph.Person:       {Precision: 2.0 / 3, Recall: 2.0 / 3, F1: 2.0 / 3, Correct: 2, FalsePositives: 1, RequiredFound: 2, Required: 3},
			graph.Country:      {Precision: 0.5, Recall: 1, F1: 2.0 / 3, Correct: 1, FalsePositives: 1, RequiredFound: 1, Required: 1},
			graph.Organization: {Precision: 0, Recall: 1, F1: 0, FalsePositives: 1},
		},
		notes: []string{"entity FP  Organization: Trump (gold says Person)", "entity FP  Person: Vladimir Putin (duplicate of Vladimir Putin)",
			"entity FP  Country: Atlantis", "entity MISS Person: Donald Trump"},
	}, {
		name: "relation false positives",
		pred: graph.Graph{Entities: append(all[:4:4], ent("x", graph.Country, "Atlantis")), Relations: []graph.Relation{
			rel(graph.Advises, "t", "w"), rel(graph.MetWith, "w", "x"), rel(graph.MetWith, "w", "w"), rel(graph.Criticized, "w", "nobody"),
			rel("LOCATED_IN", "p", "us"), rel(graph.MetWith, "w", "p"),
		}},
		entities:  Scores{Precision: 0.8, Recall: 1, F1: 8.0 / 9, Correct: 4, FalsePositives: 1, RequiredFound: 4, Required: 4},
		relations: Scores{Precision: 0.2, Recall: 0.5, F1: 2.0 / 7, Correct: 1, FalsePositives: 4, RequiredFound: 1, Required: 2},
		notes: []string{"entity FP  Country: Atlantis", "relation FP  ADVISES: Donald Trump -> Steve Witkoff",
			"relation FP  MET_WITH: w -> x (endpoint not a gold actor)", "relation FP  MET_WITH: w -> w (endpoint not a gold actor)",
			"relation FP  CRITICIZED: w -> nobody (endpoint not a gold actor)", "relation MISS ADVISES: Steve Witkoff -> Donald Trump"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(gold, &tt.pred)
			checkScores(t, "entities", got.Entities, tt.entities, true)
			checkScores(t, "relations", got.Relations, tt.relations, true)
			for typ, want := range tt.byType {
				checkScores(t, string(typ), got.EntitiesByType[typ], want, true)
			}
			var notes []string
			for _, n := range got.Notes {
				notes = append(notes, n.String())
			}
			if fmt.Sprint(notes) != fmt.Sprint(tt.notes) {
				t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(tt.notes, "\n"))
			}
			if len(got.Misses())+len(got.FalsePositives()) != len(got.Notes) {
				t.Errorf("Misses and FalsePositives do not add up to the notes")
			}
		})
	}
}

func TestMicro(t *testing.T) {
	a := Report{Entities: newScores(3, 1, 2, 4), Relations: newScores(1, 1, 1, 2)}
	b := Report{Entities: newScores(1, 3, 1, 1), Relations: newScores(0, 0, 0, 0)}
	got := Micro(a, b)
	want := newScores(4, 4, 3, 5)
	checkScores(t, "entities", got.Entities, want, true)
	checkScores(t, "relations", got.Relations, newScores(1, 1, 1, 2), true)
}

func TestParseGold(t *testing.T) {
	tests := []struct {
		name, json, err string
	}{
		{"ok", `{"entities":[{"type":"Person","name":"A"},{"type":"Country","name":"B","status":"optional"}],
			"relations":[{"type":"CRITICIZED","source":"a","target":"B"}]}`, ""},
		{"not json", `{`, "not a gold graph"},
		{"not a gold graph", `{"foo":1}`, "no entities and no relations"},
		{"unknown entity type", `{"entities":[{"type":"City","name":"Moscow"}]}`, `unknown type "City"`},
		{"unknown status", `{"entities":[{"type":"Person","name":"A","status":"requried"}]}`, `unknown status "requried"`},
		{"unknown relation type", `{"entities":[{"type":"Person","name":"A"},{"type":"Person","name":"B"}],
			"relations":[{"type":"LIKES","source":"A","target":"B"}]}`, `unknown type "LIKES"`},
		{"unknown endpoint", `{"entities":[{"type":"Person","name":"A","aliases":["Bee"]}],
			"relations":[{"type":"MET_WITH","source":"A","target":"Bee"}]}`, `"Bee" is not one of the entities`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseGold([]byte(tt.json))
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("error %v, want one containing %q", err, tt.err)
			}
		})
	}
	if _, err := LoadGold("testdata/no-such.gold.json"); err == nil || !strings.Contains(err.Error(), "no-such.gold.json") {
		t.Errorf("LoadGold of a missing file: %v", err)
	}
}

// TestScoreUncheckedGold checks that a gold graph that did not come through
// ParseGold cannot make Score panic.
func TestScoreUncheckedGold(t *testing.T) {
	gold := &Gold{
		Entities:  []GoldEntity{{Type: "City", Name: "Moscow"}, {Type: graph.Person, Name: "A"}},
		Relations: []GoldRelation{{Type: "LIKES", Source: "A", Target: "Moscow"}, {Type: graph.MetWith, Source: "A", Target: "Nobody"}},
	}
	r := Score(gold, &graph.Graph{Entities: []graph.Entity{{ID: "m", Type: graph.Country, Name: "Moscow"}}})
	if r.Entities.FalsePositives != 1 || r.Entities.Required != 2 {
		t.Errorf("entities %+v", r.Entities)
	}
	Score(gold, nil)
}
