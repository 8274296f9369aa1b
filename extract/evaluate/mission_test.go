package evaluate_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/extract/evaluate"
	"github.com/actorgraph/actorgraph/graph"
)

// The scores the extractor must reach on the mission article.
const (
	minEntityF1   = 0.90
	minRelationF1 = 0.90
)

func extractFile(t *testing.T, x *extract.Extractor, path string) *graph.Graph {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g, err := x.Extract(path, text)
	if err != nil {
		t.Fatalf("extract %s: %v", path, err)
	}
	return g
}

func logReport(t *testing.T, r evaluate.Report) {
	t.Helper()
	for _, typ := range graph.EntityTypes {
		s := r.EntitiesByType[typ]
		t.Logf("%-12s P=%.2f R=%.2f F1=%.2f (%d correct, %d false positives, %d of %d required)", typ, s.Precision, s.Recall, s.F1, s.Correct, s.FalsePositives, s.RequiredFound, s.Required)
	}
	for _, typ := range graph.RelationTypes {
		s := r.RelationsByType[typ]
		t.Logf("%-12s P=%.2f R=%.2f F1=%.2f (%d correct, %d false positives, %d of %d required)", typ, s.Precision, s.Recall, s.F1, s.Correct, s.FalsePositives, s.RequiredFound, s.Required)
	}
	t.Log(r.Summary())
}

// TestMissionThresholds extracts the mission article with the real extractor
// and checks its scores against the gold graph.
func TestMissionThresholds(t *testing.T) {
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	gold, err := evaluate.LoadGold("../../testdata/gold/moscow-times-2025-12-02.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	g := extractFile(t, x, "../../testdata/moscow-times-2025-12-02-witkoff-kushner-putin.txt")
	r := evaluate.Score(gold, g)
	for _, n := range r.Notes {
		t.Log(n)
	}
	logReport(t, r)
	if r.Entities.F1 < minEntityF1 {
		t.Errorf("entity F1 %.3f, want at least %.2f", r.Entities.F1, minEntityF1)
	}
	if r.Relations.F1 < minRelationF1 {
		t.Errorf("relation F1 %.3f, want at least %.2f", r.Relations.F1, minRelationF1)
	}
}

// TestDevScores logs micro-averaged scores over the dev gold graphs. It
// fails only when an article cannot be read or extracted: the dev set is for
// watching, not for gating.
func TestDevScores(t *testing.T) {
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("../../testdata/gold/dev/*.gold.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no dev gold graphs: %v", err)
	}
	var reports []evaluate.Report
	for _, f := range files {
		gold, err := evaluate.LoadGold(f)
		if err != nil {
			t.Fatal(err)
		}
		text := filepath.Join("../../testdata/bbc", filepath.Base(gold.Article))
		r := evaluate.Score(gold, extractFile(t, x, text))
		t.Logf("%s: %s", filepath.Base(text), r.Summary())
		for _, n := range r.Notes {
			t.Logf("  %s", n)
		}
		reports = append(reports, r)
	}
	t.Log("micro-averaged over the dev set:")
	logReport(t, evaluate.Micro(reports...))
}
