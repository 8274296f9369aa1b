package main

import (
	"context"
	"io"
	"os"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/queries"
)

// IOStreams are where a command reads and writes; tests replace them with
// buffers to see what a user sees.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutTTY says whether Out is a terminal.
	OutTTY bool
}

// Extractor is what the commands need of extract.Extractor; it must be safe
// for concurrent use.
type Extractor interface {
	Extract(source string, text []byte) (*graph.Graph, error)
}

// Store is what the commands need of neo4jstore.Store.
type Store interface {
	Close(ctx context.Context) error
	EnsureSchema(ctx context.Context) error
	Write(ctx context.Context, g *graph.Graph) (neo4jstore.Summary, error)
	InstallQueries(ctx context.Context, qs []queries.Query) (int, error)
	Run(ctx context.Context, q queries.Query, params map[string]any) (*neo4jstore.Result, error)
}

var _ Store = (*neo4jstore.Store)(nil)

// Factory holds the dependencies of the commands, so tests can swap them.
type Factory struct {
	IO *IOStreams
	// Getenv reads the environment (NEO4J_URI and friends).
	Getenv func(string) string
	// Extractor returns the extractor, loading it on first use.
	Extractor func() (Extractor, error)
	// Model is what the --model and --min-confidence flags chose; the
	// extractor reads it when it is loaded.
	Model ModelOptions
	// OpenStore connects to Neo4j.
	OpenStore func(ctx context.Context, cfg neo4jstore.Config) (Store, error)
	// Now tells the time, for durations in summaries.
	Now func() time.Time
}

// systemFactory is the Factory of the real program.
func systemFactory() *Factory {
	f := &Factory{
		IO: &IOStreams{
			In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
			OutTTY: isTerminal(os.Stdout),
		},
		Getenv: os.Getenv,
		Model:  ModelOptions{MinConfidence: -1},
		OpenStore: func(ctx context.Context, cfg neo4jstore.Config) (Store, error) {
			s, err := neo4jstore.Open(ctx, cfg)
			if err != nil {
				return nil, err
			}
			return s, nil
		},
		Now: time.Now,
	}
	f.Extractor = onceExtractor(&f.Model)
	return f
}

// onceExtractor loads the real extractor on first use, with the model that
// m chooses, and keeps it: loading its models takes a while.
func onceExtractor(m *ModelOptions) func() (Extractor, error) {
	var (
		once sync.Once
		x    *extract.Extractor
		err  error
	)
	return func() (Extractor, error) {
		once.Do(func() {
			var opts []extract.Option
			if opts, err = m.options(); err == nil {
				x, err = extract.New(opts...)
			}
		})
		if err != nil {
			return nil, err
		}
		return x, nil
	}
}

// newRootCmd builds the command tree.
func newRootCmd(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "actorgraph",
		Short: "Extract actor graphs from news articles and load them into Neo4j",
		Long: `actorgraph reads news articles and extracts who is in them - people, countries
and organizations - and how they relate: who met whom (MET_WITH), who advises
whom (ADVISES) and who criticized whom (CRITICIZED), each with the sentences
that say so. It prints the graph, loads it into Neo4j, and runs saved queries.`,
		Example: `  actorgraph extract article.txt
  actorgraph extract --explain article.txt
  actorgraph extract --format json article.txt > graph.json
  actorgraph load articles/
  actorgraph query who-met --param name=Putin`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       versionString(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageErr(cmd, err)
	})
	root.AddCommand(
		newExtractCmd(f),
		newLoadCmd(f),
		newQueriesCmd(f),
		newQueryCmd(f),
		newEvalCmd(f),
		newTrainCmd(f),
		newSampleCmd(f),
		newVersionCmd(f),
	)
	return root
}

// execute runs the command line args and returns the exit code. Errors are
// reported here, and only here.
func execute(ctx context.Context, args []string, f *Factory) int {
	root := newRootCmd(f)
	root.SetArgs(args)
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitOK
	}
	if ctx.Err() != nil {
		// Whatever failed, it failed because the run was interrupted.
		err = ctx.Err()
	}
	return report(f.IO.ErrOut, cmd, err)
}

// isTerminal reports whether f is a terminal rather than a file or a pipe.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
