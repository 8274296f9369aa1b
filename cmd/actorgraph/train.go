package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/extract/evaluate"
	"github.com/actorgraph/actorgraph/extract/relate"
	"github.com/actorgraph/actorgraph/extract/relate/training"
	"github.com/actorgraph/actorgraph/graph"
)

// TrainOptions are the inputs of the train command.
type TrainOptions struct {
	Factory      *Factory
	Train        []string // folders of gold graphs to learn from
	Dev          []string // folders of gold graphs to choose the threshold on
	Testdata     string   // where the articles' texts are kept
	Out          string
	MinPrecision float64
	Folds        int
	Epochs       int
}

func newTrainCmd(f *Factory) *cobra.Command {
	opts := &TrainOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Learn the relation model from annotated articles",
		Long: `Train learns the relation model (which pairs of actors in a sentence met, advise
or criticised one another) from gold graphs: every pair of actors named in a
sentence of an annotated article is an example, labelled by what the gold graph
says of the pair and that sentence. It then picks the highest confidence
threshold whose F1 is within 0.005 of the best of those whose precision reaches
--min-precision (when none does, the most precise), scoring the dev gold graphs with the model and each fifth of
the train gold graphs with a model learnt from the other four (--folds), and
writes the model file. The same gold graphs and options always give the same
file.

Gold graphs name their article ("bbc/news/politics/x.txt", "modern/x.txt"); the
texts are read from --testdata (bbc/ and modern/ under it). The model shipped
with actorgraph is extract/relate/model.gz, rebuilt with the defaults (make model).`,
		Example: `  actorgraph train
  actorgraph train --train testdata/gold/train --train my/gold --dev testdata/gold/dev --out my-model.gz`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.MinPrecision < 0 || opts.MinPrecision > 1 {
				return usageErr(cmd, fmt.Errorf("--min-precision must be between 0 and 1"))
			}
			return runTrain(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.Train, "train", []string{"testdata/gold/train", "testdata/gold/moscow-times-2025-12-02.gold.json"}, "folder of gold graphs, or one gold file, to learn from (repeatable)")
	cmd.Flags().StringArrayVar(&opts.Dev, "dev", []string{"testdata/gold/dev"}, "folder of gold graphs, or one gold file, to choose the threshold on (repeatable)")
	cmd.Flags().StringVar(&opts.Testdata, "testdata", "testdata", "folder that holds the articles' texts")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "extract/relate/model.gz", "model file to write")
	cmd.Flags().Float64Var(&opts.MinPrecision, "min-precision", 0.94, "precision the threshold should reach (when none does: the most precise threshold)")
	cmd.Flags().IntVar(&opts.Folds, "folds", 5, "score train for the threshold in this many folds (1: dev only)")
	cmd.Flags().IntVar(&opts.Epochs, "epochs", relate.DefaultTrainOptions.Epochs, "passes over the examples")
	return cmd
}

func runTrain(_ context.Context, opts *TrainOptions) error {
	load := func(dirs []string) ([]training.Article, error) {
		var out []training.Article
		for _, d := range dirs {
			arts, err := training.LoadDir(d, opts.Testdata)
			if err != nil {
				return nil, &InputError{Path: d, Err: err}
			}
			out = append(out, arts...)
		}
		return out, nil
	}
	train, err := load(opts.Train)
	if err != nil {
		return err
	}
	dev, err := load(opts.Dev)
	if err != nil {
		return err
	}
	learn := relate.DefaultTrainOptions
	learn.Epochs = opts.Epochs
	res, err := training.Run(training.Options{Train: train, Dev: dev, Learn: learn, MinPrecision: opts.MinPrecision, Folds: opts.Folds, Log: opts.Factory.IO.ErrOut})
	if err != nil {
		return err
	}
	if err := writeModel(opts.Out, res.Model); err != nil {
		return err
	}
	w := opts.Factory.IO.Out
	fmt.Fprintf(w, "model: %s (%d features, threshold %.2f)\n", opts.Out, res.Model.Size(), res.Model.Threshold)
	fmt.Fprintf(w, "train: %d articles, %d candidates; %d of %d required relations have a candidate\n", len(train), res.Examples, res.Reachable, res.Required)
	writeScores(w, "train", res.TrainReport.RelationsByType, res.TrainReport.Relations)
	writeScores(w, "dev", res.DevReport.RelationsByType, res.DevReport.Relations)
	return nil
}

func writeScores(w io.Writer, name string, byType map[graph.RelationType]evaluate.Scores, all evaluate.Scores) {
	fmt.Fprintf(w, "%-5s", name)
	for _, t := range graph.RelationTypes {
		s := byType[t]
		fmt.Fprintf(w, "  %s P=%.2f R=%.2f F1=%.2f", t, s.Precision, s.Recall, s.F1)
	}
	fmt.Fprintf(w, "  all P=%.2f R=%.2f F1=%.2f\n", all.Precision, all.Recall, all.F1)
}

// writeModel writes the model next to its final place, then renames it, so
// that a failed write never leaves half a model.
func writeModel(path string, m *relate.Model) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".model-*")
	if err != nil {
		return &InputError{Path: path, Err: err}
	}
	defer os.Remove(tmp.Name())
	if err := m.Write(tmp); err != nil {
		tmp.Close()
		return &InputError{Path: path, Err: err}
	}
	if err := errors.Join(tmp.Chmod(0o644), tmp.Close()); err != nil {
		return &InputError{Path: path, Err: err}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &InputError{Path: path, Err: err}
	}
	return nil
}
