package main

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/internal/source"
	"github.com/actorgraph/actorgraph/queries"
)

// LoadOptions are the inputs of the load command.
type LoadOptions struct {
	Factory    *Factory
	Paths      []string // files and directories
	Connection ConnectionFlags
	Read       ReadFlags
}

func newLoadCmd(f *Factory) *cobra.Command {
	opts := &LoadOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "load FILE|DIR...",
		Short: "Extract articles and load their graph into Neo4j",
		Long: `Load extracts the actor graph of each article and writes it to Neo4j, then
installs the saved queries. A directory stands for every .txt file in it.

Articles are read, extracted and written in batches (--batch-size), each
batch in its own transaction, so memory stays flat however large the corpus.
Every file is checked before anything is read; a file that turns out to be
binary or blank is left out and reported at the end (exit code 3), and
nothing of it is written. Loading the same article again changes nothing:
actors and relationships are merged by their ids, so a load that was
interrupted is finished by running it again.

With --shard i/n, several loads share one corpus: run n of them, with 1/n to
n/n, on one machine or many, against the same Neo4j.

The connection comes from the flags, else from $NEO4J_URI, $NEO4J_USERNAME,
$NEO4J_PASSWORD and $NEO4J_DATABASE.`,
		Example: `  actorgraph load article.txt
  actorgraph load testdata/bbc/
  actorgraph load --shard 2/4 corpus/
  NEO4J_PASSWORD=secret actorgraph load --uri neo4j://db:7687 articles/`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.Read.check(); err != nil {
				return usageErr(cmd, err)
			}
			return runLoad(cmd.Context(), opts)
		},
	}
	opts.Connection.register(cmd.Flags())
	f.Model.register(cmd.Flags())
	opts.Read.register(cmd.Flags(), true)
	cmd.Flags().BoolVar(&f.NoResolve, "no-resolve", false, "write each article's actors as they are, without joining them to the actors of other articles (always so with --shard)")
	return cmd
}

func runLoad(ctx context.Context, opts *LoadOptions) (err error) {
	f := opts.Factory
	f.NoResolve = f.NoResolve || opts.Read.Shard != "" // resolution needs the whole corpus in one load
	start := f.Now()
	src, dirs, err := opts.Read.source(opts.Paths, f.IO.ErrOut)
	if err != nil {
		return err
	}
	src.reader.Stdin = f.IO.In
	cfg := opts.Connection.config(f.Getenv)
	src.reader.Known = storedArticles(ctx, f, cfg)
	x, err := f.Extractor()
	if err != nil {
		return fmt.Errorf("load the extractor: %w", err)
	}

	// The store is opened when the first batch is ready, so input that is
	// bad from the start never touches the database.
	var store Store
	defer func() {
		if store == nil {
			return
		}
		if cerr := store.Close(context.WithoutCancel(ctx)); cerr != nil && err == nil {
			err = cerr
		}
	}()
	var (
		sum      neo4jstore.Summary
		articles int
		bad      InputErrors
	)
	prog := newProgress(f, start, src.Total(), opts.Read.BatchSize, opts.Read.Quiet)
	err = stream(ctx, src, x, streamOptions{BatchSize: opts.Read.BatchSize, OnArticle: prog.article}, func(b *batch) error {
		bad = append(bad, b.Bad...)
		if b.Articles > 0 {
			if store == nil {
				s, err := openStore(ctx, f, cfg)
				if err != nil {
					return err
				}
				store = s
				if err := store.EnsureSchema(ctx); err != nil {
					return err
				}
			}
			g, err := resolveBatch(ctx, f, store, b)
			if err != nil {
				return err
			}
			s, err := store.Write(ctx, g)
			if err != nil {
				return err
			}
			if err := storeMerges(ctx, f, store); err != nil {
				return err
			}
			sum = addSummary(sum, s)
			articles += b.Articles
		}
		prog.batch(b, sum.RelationshipsCreated)
		return nil
	})
	prog.finish()
	if err != nil {
		return err
	}
	if store == nil {
		if st := src.reader.Stats(); st.Known > 0 {
			fmt.Fprintf(f.IO.Out, "Nothing new to load: %s fetched, %s skipped (already in the graph)\n", plural(st.Fetched, "page", "pages"), plural(st.Known, "feed item", "feed items"))
		}
		return bad.Err()
	}
	joined, err := joinStored(ctx, f, store)
	if err != nil {
		return err
	}
	installed, err := store.InstallQueries(ctx, queries.All())
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
		fmt.Fprintf(out, "Read %s from %s\n", plural(dirs[d], "article file", "article files"), d)
	}
	shard := ""
	if opts.Read.Shard != "" {
		shard = " (shard " + opts.Read.Shard + ")"
	}
	fmt.Fprintf(out, "Loaded %s%s into %s (database %s) in %s\n", plural(articles, "article file", "article files"), shard, displayURI(cfg.URI), cfg.Database, took)
	row := func(what string, created, updated int) {
		fmt.Fprintf(out, "  %-14s %5d created %5d updated\n", what, created, updated)
	}
	row("articles", sum.ArticlesCreated, sum.ArticlesUpdated)
	row("actors", sum.ActorsCreated, sum.ActorsUpdated)
	row("relationships", sum.RelationshipsCreated, sum.RelationshipsUpdated)
	fmt.Fprintf(out, "  %s added\n", plural(sum.EvidenceAdded, "evidence sentence", "evidence sentences"))
	if n := len(f.merges) + joined; n > 0 {
		fmt.Fprintf(out, "  %s in the merge log (see: actorgraph merges)\n", plural(n, "actor merged or kept apart", "actors merged or kept apart"))
	}
	fmt.Fprintf(out, "  %s installed (see: actorgraph queries)\n", plural(installed, "saved query", "saved queries"))
	if st := src.reader.Stats(); st.Fetched > 0 || st.Known > 0 {
		fmt.Fprintf(out, "  %s fetched, %s skipped (already in the graph)\n", plural(st.Fetched, "page", "pages"), plural(st.Known, "feed item", "feed items"))
	}
	// Bad files were left out; say so last, with the exit code of bad input.
	return bad.Err()
}

// storedArticles tells the source reader which feed items are in the graph
// already, so a feed loaded again fetches only what is new. The store is
// asked the first time a feed item is seen, with a connection of its own;
// when it cannot answer, every item is fetched, with a warning.
func storedArticles(ctx context.Context, f *Factory, cfg neo4jstore.Config) source.Known {
	var (
		once   sync.Once
		stored neo4jstore.Stored
	)
	load := func() {
		once.Do(func() {
			s, err := openStore(ctx, f, cfg)
			if err != nil {
				fmt.Fprintf(f.IO.ErrOut, "warning: every feed item is fetched, as the graph cannot say which it has: %v\n", err)
				return
			}
			defer s.Close(context.WithoutCancel(ctx))
			lister, ok := s.(interface {
				StoredArticles(context.Context) (neo4jstore.Stored, error)
			})
			if !ok {
				return
			}
			if stored, err = lister.StoredArticles(ctx); err != nil {
				fmt.Fprintf(f.IO.ErrOut, "warning: every feed item is fetched, as the graph cannot say which it has: %v\n", err)
			}
		})
	}
	return source.Known{
		URL:  func(u string) bool { load(); return stored.URLs[u] },
		Hash: func(id string) bool { load(); return stored.IDs[id] },
	}
}

// addSummary adds the counts of two writes.
func addSummary(a, b neo4jstore.Summary) neo4jstore.Summary {
	a.ArticlesCreated += b.ArticlesCreated
	a.ArticlesUpdated += b.ArticlesUpdated
	a.ActorsCreated += b.ActorsCreated
	a.ActorsUpdated += b.ActorsUpdated
	a.RelationshipsCreated += b.RelationshipsCreated
	a.RelationshipsUpdated += b.RelationshipsUpdated
	a.EvidenceAdded += b.EvidenceAdded
	return a
}
