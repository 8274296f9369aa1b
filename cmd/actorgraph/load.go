package main

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/queries"
)

// LoadOptions are the inputs of the load command.
type LoadOptions struct {
	Factory    *Factory
	Paths      []string // files and directories
	Connection ConnectionFlags
}

func newLoadCmd(f *Factory) *cobra.Command {
	opts := &LoadOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "load FILE|DIR...",
		Short: "Extract articles and load their graph into Neo4j",
		Long: `Load extracts the actor graph of each article and writes it to Neo4j, then
installs the saved queries. A directory stands for every .txt file in it.

Every file is read and extracted before anything is written, so a bad file
leaves the database as it was. Loading the same article again changes nothing:
actors and relationships are merged by their ids.

The connection comes from the flags, else from $NEO4J_URI, $NEO4J_USERNAME,
$NEO4J_PASSWORD and $NEO4J_DATABASE.`,
		Example: `  actorgraph load article.txt
  actorgraph load testdata/bbc/
  NEO4J_PASSWORD=secret actorgraph load --uri neo4j://db:7687 articles/`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			return runLoad(cmd.Context(), opts)
		},
	}
	opts.Connection.register(cmd.Flags())
	f.Model.register(cmd.Flags())
	return cmd
}

func runLoad(ctx context.Context, opts *LoadOptions) error {
	f := opts.Factory
	start := f.Now()
	files, dirs, err := articleFiles(opts.Paths)
	if err != nil {
		return err
	}
	g, err := extractFiles(f, files)
	if err != nil {
		return err
	}

	cfg := opts.Connection.config(f.Getenv)
	var sum neo4jstore.Summary
	var installed int
	err = withStore(ctx, f, cfg, func(store Store) error {
		if err := store.EnsureSchema(ctx); err != nil {
			return err
		}
		if sum, err = store.Write(ctx, g); err != nil {
			return err
		}
		installed, err = store.InstallQueries(ctx, queries.All())
		return err
	})
	if err != nil {
		return err
	}

	took := f.Now().Sub(start).Round(10 * time.Millisecond)
	out := f.IO.Out
	dirNames := make([]string, 0, len(dirs))
	for d := range dirs {
		dirNames = append(dirNames, d)
	}
	sort.Strings(dirNames)
	for _, d := range dirNames {
		fmt.Fprintf(out, "Read %s from %s\n", plural(dirs[d], ".txt file", ".txt files"), d)
	}
	fmt.Fprintf(out, "Loaded %s into %s (database %s) in %s\n", plural(len(files), "article file", "article files"), displayURI(cfg.URI), cfg.Database, took)
	row := func(what string, created, updated int) {
		fmt.Fprintf(out, "  %-14s %5d created %5d updated\n", what, created, updated)
	}
	row("articles", sum.ArticlesCreated, sum.ArticlesUpdated)
	row("actors", sum.ActorsCreated, sum.ActorsUpdated)
	row("relationships", sum.RelationshipsCreated, sum.RelationshipsUpdated)
	fmt.Fprintf(out, "  %s added\n", plural(sum.EvidenceAdded, "evidence sentence", "evidence sentences"))
	fmt.Fprintf(out, "  %s installed (see: actorgraph queries)\n", plural(installed, "saved query", "saved queries"))
	return nil
}
