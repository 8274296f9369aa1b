package main

import (
	"github.com/actorgraph/actorgraph/internal/source"

	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/graph"
)

// SampleOptions are the inputs of the sample command.
type SampleOptions struct {
	Factory   *Factory
	Files     []string
	Relations int
	Actors    int
	Seed      uint64
}

func newSampleCmd(f *Factory) *cobra.Command {
	opts := &SampleOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "sample [--relations N | --actors N] [--seed S] FILE|DIR...",
		Short: "Draw predicted relationships or actors at random, for a person to judge",
		Long: `Sample extracts the articles, then draws relationships (or actors) at random
from everything found, and prints them as tab-separated rows with an empty
verdict column: a person reads each row against its sentences and marks it.
This is how precision is judged on a corpus that has no gold graphs. The same
articles and seed always give the same sample.

Relationship rows: type, source, target, the highest confidence and the rules
of its evidence, the articles, and up to three evidence sentences. Actor rows:
type, name, aliases, roles, and how many and which articles mention it.`,
		Example: `  actorgraph sample --relations 100 --seed 1 corpus/ > relations.tsv
  actorgraph sample --actors 100 --seed 1 corpus/ > actors.tsv`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if (opts.Relations > 0) == (opts.Actors > 0) {
				return usageErr(cmd, fmt.Errorf("give one of --relations N or --actors N, with N > 0"))
			}
			return runSample(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVar(&opts.Relations, "relations", 0, "draw this many relationships")
	cmd.Flags().IntVar(&opts.Actors, "actors", 0, "draw this many actors")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 1, "seed of the draw")
	f.Model.register(cmd.Flags())
	return cmd
}

func runSample(_ context.Context, opts *SampleOptions) error {
	files, _, err := articleFiles(opts.Files, &source.Reader{})
	if err != nil {
		return err
	}
	g, err := extractFiles(opts.Factory, files)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	sources := map[string]string{}
	for _, a := range g.Articles {
		sources[a.ID] = a.Source
	}
	names := map[string]string{}
	for _, e := range g.Entities {
		names[e.ID] = e.Name
	}
	w := csv.NewWriter(opts.Factory.IO.Out)
	w.Comma = '\t'
	if opts.Relations > 0 {
		rels := append([]graph.Relation(nil), g.Relations...)
		sort.Slice(rels, func(i, j int) bool { return rels[i].Key() < rels[j].Key() })
		w.Write([]string{"n", "type", "source", "target", "confidence", "rules", "articles", "sentences", "verdict", "note"})
		for n, i := range draw(rng, len(rels), opts.Relations) {
			r := rels[i]
			var rules, arts, sents []string
			best := 0.0
			for k, ev := range r.Evidence {
				rules = appendUnique(rules, ev.Rule)
				arts = appendUnique(arts, sources[ev.Article])
				best = max(best, ev.Score)
				if k < 3 {
					sents = append(sents, ev.Sentence)
				}
			}
			w.Write([]string{strconv.Itoa(n + 1), string(r.Type), names[r.Source], names[r.Target], strconv.FormatFloat(best, 'f', 2, 64),
				strings.Join(rules, ","), strings.Join(arts, " "), strings.Join(sents, " || "), "", ""})
		}
	} else {
		ents := append([]graph.Entity(nil), g.Entities...)
		sort.Slice(ents, func(i, j int) bool { return ents[i].ID < ents[j].ID })
		in := map[string][]string{}
		for _, m := range g.Mentions {
			in[m.Entity] = append(in[m.Entity], sources[m.Article])
		}
		w.Write([]string{"n", "type", "name", "aliases", "roles", "articles", "mentioned in", "verdict", "note"})
		for n, i := range draw(rng, len(ents), opts.Actors) {
			e := ents[i]
			arts := in[e.ID]
			sort.Strings(arts)
			w.Write([]string{strconv.Itoa(n + 1), string(e.Type), e.Name, strings.Join(e.Aliases, "; "), strings.Join(e.Roles, "; "),
				strconv.Itoa(len(arts)), strings.Join(arts[:min(3, len(arts))], " "), "", ""})
		}
	}
	w.Flush()
	return w.Error()
}

// draw returns k distinct indexes below n in random order (all of them when
// k >= n).
func draw(rng *rand.Rand, n, k int) []int {
	p := rng.Perm(n)
	return p[:min(k, n)]
}

func appendUnique(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}
