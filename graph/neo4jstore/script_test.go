package neo4jstore_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestWriteScriptGolden pins the script for a small graph with awkward text.
func TestWriteScriptGolden(t *testing.T) {
	art := graph.Article{ID: "article:0123456789abcdef", Source: `C:\news\o'brien.txt`, Title: "Envoy \"meets\" leader\tagain", Published: "2025-12-02"}
	envoy := graph.Entity{ID: "person:steve witkoff", Type: graph.Person, Name: "Steve Witkoff", Aliases: []string{"Witkoff", "Steve Witkoff"}, Roles: []string{"special envoy"}}
	leader := graph.Entity{ID: "person:vladimir putin", Type: graph.Person, Name: "Vladimir Putin", Aliases: []string{"Putin"}}
	kremlin := graph.Entity{ID: "organization:kremlin", Type: graph.Organization, Name: "Kremlin", Aliases: []string{"The Kremlin"}}
	russia := graph.Entity{ID: "country:russia", Type: graph.Country, Name: "Russia"}
	g := &graph.Graph{
		Articles: []graph.Article{art},
		Entities: []graph.Entity{leader, envoy, kremlin, russia},
		Relations: []graph.Relation{
			// Stored from the smaller id, whichever way round it comes.
			{Type: graph.MetWith, Source: leader.ID, Target: envoy.ID, Evidence: []graph.Evidence{
				{Article: art.ID, Sentence: "Putin met Witkoff;\nthen 'talks' went on \\ late.", Rule: "met-verb"},
			}},
			{Type: graph.Advises, Source: envoy.ID, Target: kremlin.ID},
		},
		Mentions: []graph.Mention{{Article: art.ID, Entity: russia.ID}},
	}
	var buf bytes.Buffer
	if err := neo4jstore.WriteScript(&buf, g); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "script.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestWriteScriptGolden -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("WriteScript differs from %s (run with -update if the change is right):\n%s", golden, buf.String())
	}
}
