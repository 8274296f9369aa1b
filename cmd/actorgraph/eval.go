package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/extract/evaluate"
	"github.com/actorgraph/actorgraph/extract/relate/training"
	"github.com/actorgraph/actorgraph/graph"
)

// EvalOptions are the inputs of the eval command.
type EvalOptions struct {
	Factory  *Factory
	Gold     []string // a gold file, or folders of them
	Article  string   // with one gold file: the article
	Testdata string   // with folders: where the articles' texts are kept
	Summary  bool     // scores only, no misses or false positives
}

func newEvalCmd(f *Factory) *cobra.Command {
	opts := &EvalOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "eval --gold GOLD.json ARTICLE | eval --gold DIR...",
		Short: "Score the extraction of articles against gold graphs",
		Long: `Eval extracts articles and compares the result with gold graphs: precision,
recall and F1 per actor type, per relationship type and overall, then what was
missed and what was found that the gold graph does not hold. The scores are the
ones testdata/gold/score.py gives.

With one gold file, ARTICLE is its article. With folders of gold files (--gold
repeated, no ARTICLE), each gold file's article is read from --testdata (bbc/
and modern/ under it), and the scores are given micro-averaged (every item
counts once) and macro-averaged (every article counts once), per source (the
BBC folder, or modern), then the misses and false positives of each article
(--summary leaves them out).`,
		Example: `  actorgraph eval --gold testdata/gold/moscow-times-2025-12-02.gold.json \
      testdata/moscow-times-2025-12-02-witkoff-kushner-putin.txt
  actorgraph eval --gold testdata/gold/dev`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(opts.Gold) == 0 {
				return usageErr(cmd, fmt.Errorf("--gold is required: the gold graph to score against"))
			}
			if len(args) == 1 {
				if len(opts.Gold) > 1 {
					return usageErr(cmd, fmt.Errorf("an ARTICLE goes with one --gold file"))
				}
				opts.Article = args[0]
			}
			return runEval(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.Gold, "gold", nil, "gold graph (JSON) of the article, or a folder of gold graphs (repeatable)")
	cmd.Flags().StringVar(&opts.Testdata, "testdata", "testdata", "with folders: where the articles' texts are kept")
	cmd.Flags().BoolVar(&opts.Summary, "summary", false, "with folders: print the scores only")
	f.Model.register(cmd.Flags())
	return cmd
}

func runEval(_ context.Context, opts *EvalOptions) error {
	if opts.Article != "" {
		return evalOne(opts)
	}
	var arts []training.Article
	for _, d := range opts.Gold {
		st, err := os.Stat(d)
		if err != nil {
			return &InputError{Path: d, Err: err}
		}
		if !st.IsDir() {
			return &InputError{Path: d, Err: fmt.Errorf("a single gold file needs its ARTICLE")}
		}
		as, err := training.LoadDir(d, opts.Testdata)
		if err != nil {
			return &InputError{Path: d, Err: err}
		}
		arts = append(arts, as...)
	}
	x, err := opts.Factory.Extractor()
	if err != nil {
		return fmt.Errorf("load the extractor: %w", err)
	}
	files := make([]string, len(arts))
	texts := make([][]byte, len(arts))
	for i, a := range arts {
		files[i], texts[i] = a.TextPath, a.Text
	}
	reports := make([]evaluate.Report, len(arts))
	bySource := map[string][]evaluate.Report{}
	for i, r := range extractAll(x, files, texts, runtime.GOMAXPROCS(0)) {
		if r.Err != nil {
			return &InputError{Path: files[i], Err: r.Err}
		}
		reports[i] = evaluate.Score(arts[i].Gold, r.Graph)
		src := arts[i].Source()
		bySource[src] = append(bySource[src], reports[i])
	}
	w := opts.Factory.IO.Out
	fmt.Fprintf(w, "%d articles\n\nmicro-averaged\n", len(arts))
	writeReportScores(w, evaluate.Micro(reports...))
	fmt.Fprintf(w, "\nmacro-averaged (per article)\n")
	writeReportScores(w, evaluate.Macro(reports...))
	fmt.Fprintf(w, "\nby source (micro)  %8s %20s %20s\n", "ARTICLES", "ACTORS P/R/F1", "RELATIONS P/R/F1")
	sources := make([]string, 0, len(bySource))
	for s := range bySource {
		sources = append(sources, s)
	}
	sort.Strings(sources)
	for _, s := range sources {
		m := evaluate.Micro(bySource[s]...)
		fmt.Fprintf(w, "%-18s %8d %20s %20s\n", s, len(bySource[s]), prf(m.Entities), prf(m.Relations))
	}
	if opts.Summary {
		return nil
	}
	for i, r := range reports {
		if len(r.Notes) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n== %s\n", arts[i].GoldPath)
		for _, n := range append(r.Misses(), r.FalsePositives()...) {
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
	return nil
}

func prf(s evaluate.Scores) string {
	return fmt.Sprintf("%.2f / %.2f / %.2f", s.Precision, s.Recall, s.F1)
}

func evalOne(opts *EvalOptions) error {
	data, err := os.ReadFile(opts.Gold[0])
	if err != nil {
		return &InputError{Path: opts.Gold[0], Err: err}
	}
	gold, err := evaluate.ParseGold(data)
	if err != nil {
		return &InputError{Path: opts.Gold[0], Err: err}
	}
	g, err := extractFiles(opts.Factory, []string{opts.Article})
	if err != nil {
		return err
	}
	return writeReport(opts.Factory.IO.Out, evaluate.Score(gold, g))
}

// writeReportScores prints the score table of a report.
func writeReportScores(w io.Writer, r evaluate.Report) {
	fmt.Fprintf(w, "%-18s %5s %5s %5s %8s %9s %9s\n", "", "P", "R", "F1", "CORRECT", "FALSE POS", "REQUIRED")
	row := func(name string, s evaluate.Scores) {
		fmt.Fprintf(w, "%-18s %5.2f %5.2f %5.2f %8d %9d %9s\n", name, s.Precision, s.Recall, s.F1, s.Correct, s.FalsePositives,
			fmt.Sprintf("%d/%d", s.RequiredFound, s.Required))
	}
	for _, t := range graph.EntityTypes {
		row(string(t), r.EntitiesByType[t])
	}
	row("all actors", r.Entities)
	fmt.Fprintln(w)
	for _, t := range graph.RelationTypes {
		row(string(t), r.RelationsByType[t])
	}
	row("all relationships", r.Relations)
}

// writeReport prints the scores, then the misses and the false positives.
func writeReport(w io.Writer, r evaluate.Report) error {
	writeReportScores(w, r)
	for _, part := range []struct {
		title string
		notes []evaluate.Note
	}{{"Missed", r.Misses()}, {"False positives", r.FalsePositives()}} {
		fmt.Fprintf(w, "\n%s (%d)\n", part.title, len(part.notes))
		for _, n := range part.notes {
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
	return nil
}
