package evaluate_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/extract/evaluate"
	"github.com/actorgraph/actorgraph/extract/relate/training"
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

// TestSplitScores extracts the articles of each split of testdata/gold and
// logs their micro-averaged scores (go test -v -run TestSplitScores). Train
// and dev log each article's misses and false positives too; the test split
// logs its scores only: it is there to be measured, never read. For
// watching, not for gating.
func TestSplitScores(t *testing.T) {
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []string{"train", "dev", "test"} {
		t.Run(set, func(t *testing.T) {
			arts, err := training.LoadDir(filepath.Join("../../testdata/gold", set), "../../testdata")
			if err != nil {
				t.Fatal(err)
			}
			var reports []evaluate.Report
			for _, a := range arts {
				g, err := x.Extract(a.TextPath, a.Text)
				if err != nil {
					t.Fatalf("extract %s: %v", a.TextPath, err)
				}
				r := evaluate.Score(a.Gold, g)
				if set != "test" {
					t.Logf("%s: %s", filepath.Base(a.TextPath), r.Summary())
					for _, n := range r.Notes {
						t.Logf("  %s", n)
					}
				}
				reports = append(reports, r)
			}
			t.Logf("micro-averaged over %d articles of %s:", len(arts), set)
			logReport(t, evaluate.Micro(reports...))
		})
	}
}

// TestScoreMatchesScorePyOnExtractions scores what the real extractor finds
// in every gold article with both Score and score.py, when score.py and
// python3 are at hand, and checks they agree.
func TestScoreMatchesScorePyOnExtractions(t *testing.T) {
	py, err := filepath.Abs("../../testdata/gold/score.py")
	if p := os.Getenv("SCORE_PY"); p != "" {
		py = p
	}
	if _, serr := os.Stat(py); err != nil || serr != nil {
		t.Skipf("no score.py at %s", py)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3")
	}
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	golds, _ := filepath.Glob("../../testdata/gold/*.gold.json")
	train, _ := filepath.Glob("../../testdata/gold/train/*.gold.json")
	for _, goldPath := range append(golds, train...) {
		// The files the scorer is checked on in score_test.go.
		base := strings.TrimSuffix(filepath.Base(goldPath), ".gold.json")
		if _, err := os.Stat(filepath.Join("testdata", base+".perfect.golden")); err != nil {
			continue
		}
		t.Run(filepath.Base(goldPath), func(t *testing.T) {
			gold, err := evaluate.LoadGold(goldPath)
			if err != nil {
				t.Fatal(err)
			}
			g := extractFile(t, x, training.TextPath("../../testdata", gold.Article))
			predPath := filepath.Join(t.TempDir(), "pred.json")
			data, err := json.Marshal(g)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(predPath, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("python3", py, "--json", "--gold", goldPath, "--pred", predPath).Output()
			if err != nil {
				t.Fatalf("score.py: %v", err)
			}
			var want struct{ Entities, Relations evaluate.Scores }
			if err := json.Unmarshal(out, &want); err != nil {
				t.Fatal(err)
			}
			got := evaluate.Score(gold, g)
			if got.Entities != want.Entities || got.Relations != want.Relations {
				t.Errorf("Score:\n%+v\n%+v\nscore.py:\n%+v\n%+v", got.Entities, got.Relations, want.Entities, want.Relations)
			}
		})
	}
}
