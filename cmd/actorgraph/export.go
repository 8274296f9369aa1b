package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/extract/identity"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/queries"
)

// ExportOptions are the inputs of the export command.
type ExportOptions struct {
	Factory  *Factory
	Format   string // neo4j-admin
	Dir      string // where the files go
	Paths    []string
	Database string
	Read     ReadFlags
}

var exportFormats = []string{"neo4j-admin"}

func newExportCmd(f *Factory) *cobra.Command {
	opts := &ExportOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "export --format neo4j-admin OUT_DIR FILE|DIR...",
		Short: "Write the graph of articles as files for Neo4j's bulk import",
		Long: `Export extracts the articles like load and writes their graph into OUT_DIR as
the CSV files of "neo4j-admin database import full": articles.csv and
actors.csv (nodes), relationships.csv and mentions.csv, and articles-props.csv
for articles of JSON Lines records with other fields. It then prints the
command that imports them, and the one that adds the indexes and saved
queries once Neo4j runs.

The bulk import is the fastest way to a first load of a big corpus: it
writes the store files directly, into a database that does not exist yet,
with Neo4j stopped. Later articles go in with load.

Articles are written as they are extracted; actors, relationships and
mentions are merged in memory, joined across articles as load joins them,
and written at the end.`,
		Example: `  actorgraph export --format neo4j-admin import/ corpus/`,
		Args:    usageArgs(cobra.MinimumNArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir, opts.Paths = args[0], args[1:]
			if err := checkFormat(cmd, opts.Format, exportFormats); err != nil {
				return err
			}
			if err := opts.Read.check(); err != nil {
				return usageErr(cmd, err)
			}
			return runExport(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "neo4j-admin", "output format: "+strings.Join(exportFormats, ", "))
	cmd.Flags().StringVar(&opts.Database, "database", defaultDatabase, "database the printed command imports into")
	f.Model.register(cmd.Flags())
	opts.Read.register(cmd.Flags(), true)
	return cmd
}

func runExport(ctx context.Context, opts *ExportOptions) error {
	f := opts.Factory
	if txt, _ := filepath.Glob(filepath.Join(opts.Dir, "*.txt")); len(txt) > 0 {
		return argsErr(fmt.Errorf("%s holds .txt files: the first argument is the directory the CSV files go to, the articles follow", opts.Dir))
	}
	src, _, err := opts.Read.source(opts.Paths, f.IO.ErrOut)
	if err != nil {
		return err
	}
	src.reader.Stdin = f.IO.In
	x, err := f.Extractor()
	if err != nil {
		return fmt.Errorf("load the extractor: %w", err)
	}
	imp, err := neo4jstore.NewAdminImport(opts.Dir)
	if err != nil {
		return err
	}
	rules, err := identityRules(f)
	if err != nil {
		return err
	}
	// Actors are joined across articles as load joins them: each batch
	// against the batches before it, then all of them once more at the end
	// (see resolveBatch and joinStored).
	var known identity.Known
	var bad InputErrors
	rels := 0
	prog := newProgress(f, f.Now(), src.Total(), opts.Read.BatchSize, opts.Read.Quiet)
	err = stream(ctx, src, x, streamOptions{BatchSize: opts.Read.BatchSize, OnArticle: prog.article}, func(b *batch) error {
		bad = append(bad, b.Bad...)
		rels += len(b.Graph.Relations)
		prog.batch(b, rels)
		res := identity.Resolve(b.spelledGraphs(), known, rules)
		known.Add(res.Graph)
		return imp.Add(res.Graph)
	})
	prog.finish()
	if err != nil {
		return err
	}
	files, err := imp.Close(func(g *graph.Graph) (*graph.Graph, error) {
		return identity.Resolve([]*graph.Graph{g}, identity.Known{}, rules).Graph, nil
	})
	if err != nil {
		return err
	}
	out := f.IO.Out
	fmt.Fprintf(out, "Wrote %s, %s, %s and %s to %s\n",
		plural(files.Articles, "article", "articles"), plural(files.Actors, "actor", "actors"),
		plural(files.Relations, "relationship", "relationships"), plural(files.Mentions, "mention", "mentions"), opts.Dir)
	fmt.Fprintf(out, "Import them into a new database, with Neo4j stopped:\n  %s\n", adminCommand(files, opts.Database))
	fmt.Fprintf(out, "Then start Neo4j and add the indexes and saved queries:\n  actorgraph queries install --database %s\n", shellWord(opts.Database))
	return bad.Err()
}

// adminCommand is the neo4j-admin command line that imports files.
func adminCommand(files neo4jstore.AdminFiles, database string) string {
	words := []string{"neo4j-admin"}
	for _, a := range files.ImportArgs(database) {
		words = append(words, shellWord(a))
	}
	return strings.Join(words, " ")
}

// QueriesInstallOptions are the inputs of queries install.
type QueriesInstallOptions struct {
	Factory    *Factory
	Connection ConnectionFlags
}

func newQueriesInstallCmd(f *Factory) *cobra.Command {
	opts := &QueriesInstallOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "install",
		Short: "Create the constraints and indexes and store the saved queries in Neo4j",
		Long: `Install does what every load does besides writing articles: it creates the
constraints and indexes if they are missing, joins stored actors that are
one (a "Blair" beside a "Tony Blair", as load does at its end) and stores
the saved queries as :SavedQuery nodes. Run it once after a bulk import
(see export), and once after sharded loads have all finished: a shard that
finished early could not join its actors to those another shard wrote
later.`,
		Example: `  actorgraph queries install`,
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runQueriesInstall(cmd.Context(), opts)
		},
	}
	opts.Connection.register(cmd.Flags())
	return cmd
}

func runQueriesInstall(ctx context.Context, opts *QueriesInstallOptions) error {
	f := opts.Factory
	cfg := opts.Connection.config(f.Getenv)
	var n, joined int
	err := withStore(ctx, f, cfg, func(store Store) error {
		if err := store.EnsureSchema(ctx); err != nil {
			return err
		}
		var err error
		if joined, err = joinStored(ctx, f, store); err != nil {
			return err
		}
		n, err = store.InstallQueries(ctx, queries.All())
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(f.IO.Out, "Created the constraints and indexes, joined %s and installed %s into %s (database %s)\n",
		plural(joined, "actor", "actors"), plural(n, "saved query", "saved queries"), displayURI(cfg.URI), cfg.Database)
	return nil
}
