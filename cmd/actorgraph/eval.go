package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/extract/evaluate"
	"github.com/actorgraph/actorgraph/graph"
)

// EvalOptions are the inputs of the eval command.
type EvalOptions struct {
	Factory *Factory
	Gold    string
	Article string
}

func newEvalCmd(f *Factory) *cobra.Command {
	opts := &EvalOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "eval --gold GOLD.json ARTICLE",
		Short: "Score the extraction of an article against a gold graph",
		Long: `Eval extracts ARTICLE and compares the result with the gold graph in
GOLD.json: precision, recall and F1 per actor type, per relationship type and
overall, then what was missed and what was found that the gold graph does not
hold. The scores are the ones testdata/gold/score.py gives.`,
		Example: `  actorgraph eval --gold testdata/gold/moscow-times-2025-12-02.gold.json \
      testdata/moscow-times-2025-12-02-witkoff-kushner-putin.txt`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Article = args[0]
			if opts.Gold == "" {
				return usageErr(cmd, fmt.Errorf("--gold is required: the gold graph to score against"))
			}
			return runEval(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Gold, "gold", "", "gold graph (JSON) of the article")
	return cmd
}

func runEval(_ context.Context, opts *EvalOptions) error {
	data, err := os.ReadFile(opts.Gold)
	if err != nil {
		return &InputError{Path: opts.Gold, Err: err}
	}
	gold, err := evaluate.ParseGold(data)
	if err != nil {
		return &InputError{Path: opts.Gold, Err: err}
	}
	g, err := extractFiles(opts.Factory, []string{opts.Article})
	if err != nil {
		return err
	}
	return writeReport(opts.Factory.IO.Out, evaluate.Score(gold, g))
}

// writeReport prints the scores, then the misses and the false positives.
func writeReport(w io.Writer, r evaluate.Report) error {
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
