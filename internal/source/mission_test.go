package source_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/extract/evaluate"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/internal/source"
)

const (
	missionText = "../../testdata/moscow-times-2025-12-02-witkoff-kushner-putin.txt"
	missionGold = "../../testdata/gold/moscow-times-2025-12-02.gold.json"
)

// TestMissionPageScoresAsItsText serves the mission article as a saved web
// page with furniture (navigation, cookie banner, trending and read-more
// boxes naming other leaders, JSON-LD) and checks that it scores within
// 0.05 of the plain text against the gold graph, with no actor from the
// furniture.
func TestMissionPageScoresAsItsText(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts with the full model")
	}
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	gold, err := evaluate.LoadGold(missionGold)
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(missionText)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := x.Extract(missionText, text)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir("testdata")))
	defer srv.Close()
	var pageGraph *graph.Graph
	for a, err := range (&source.Reader{}).Articles(context.Background(), []string{srv.URL + "/moscow-times-2025-12-02.html"}) {
		if err != nil {
			t.Fatal(err)
		}
		if pageGraph, err = x.Extract(a.Source, a.Body()); err != nil {
			t.Fatal(err)
		}
		a.Describe(pageGraph)
		if got := pageGraph.Articles[0]; got.Published != "2025-12-02" || got.Title != a.Title || got.Site != "The Moscow Times" || got.URL != a.URL || got.Source != a.Source {
			t.Errorf("article %+v", got)
		}
	}
	if pageGraph == nil {
		t.Fatal("no article from the page")
	}
	p, h := evaluate.Score(gold, plain), evaluate.Score(gold, pageGraph)
	t.Logf("text: %s", p.Summary())
	t.Logf("page: %s", h.Summary())
	if h.Entities.F1 < p.Entities.F1-0.05 || h.Relations.F1 < p.Relations.F1-0.05 {
		t.Errorf("page entity F1 %.3f relation F1 %.3f; text %.3f %.3f", h.Entities.F1, h.Relations.F1, p.Entities.F1, p.Relations.F1)
	}
	names := map[string]bool{}
	for _, e := range plain.Entities {
		names[e.ID] = true
	}
	for _, e := range pageGraph.Entities {
		if !names[e.ID] {
			t.Errorf("actor %s (%s) from the page is not in the text", e.Name, e.ID)
		}
	}
}
