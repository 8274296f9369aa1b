package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/extract/identity"
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
	// IdentityFile is the --identity file of aliases and keep-apart rules,
	// or "".
	IdentityFile string

	merges       []identity.Merge // the merge log of the extraction so far
	mergesStored int              // how many of merges load wrote to the store
	rules        *identity.Rules  // the --identity file, once read
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
	f.merges, f.mergesStored, f.rules = nil, 0, nil // one command line, one merge log
	root.PersistentFlags().StringVar(&f.IdentityFile, "identity", "", "file of alias and keep-apart rules for actors (see README: identity file)")
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageErr(cmd, err)
	})
	root.AddCommand(
		newExtractCmd(f),
		newLoadCmd(f),
		newExportCmd(f),
		newQueriesCmd(f),
		newQueryCmd(f),
		newEvalCmd(f),
		newTrainCmd(f),
		newSampleCmd(f),
		newMergeCmd(f),
		newMergesCmd(f),
		newVersionCmd(f),
	)
	root.SetHelpCommand(newHelpCmd(root))
	return root
}

// addCompletion adds cobra's completion command, refusing unknown shells.
// It must come after SetOut: the scripts go to the writer set then.
func addCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			strictCompletion(c)
		}
	}
}

// newHelpCmd is "help [COMMAND]": cobra's, except that an unknown command is
// a usage error (exit 2) with suggestions, not help text and exit 0.
func newHelpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Help about any command",
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			var names []string
			for _, c := range root.Commands() {
				if c.IsAvailableCommand() {
					names = append(names, c.Name())
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || target == nil || len(rest) > 0 {
				return unknownCommand(root, strings.Join(args, " "), "help")
			}
			target.InitDefaultHelpFlag()
			return target.Help()
		},
	}
}

// strictCompletion makes "completion SHELL" refuse a shell it has no script
// for (exit 2) instead of printing its help.
func strictCompletion(c *cobra.Command) {
	var shells []string
	for _, sub := range c.Commands() {
		shells = append(shells, sub.Name())
	}
	c.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return argsErr(fmt.Errorf("completion: no script for %q; shells: %s", queries.Short(args[0]), strings.Join(shells, ", ")))
		}
		return nil
	}
	c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
}

// execute runs the command line args and returns the exit code. Errors are
// reported here, and only here.
func execute(ctx context.Context, args []string, f *Factory) int {
	root := newRootCmd(f)
	root.SetArgs(args)
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	addCompletion(root)
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

// isTerminal reports whether f is a terminal rather than a file, a pipe or
// a device such as /dev/null.
func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }
