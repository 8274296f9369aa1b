package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/queries"
)

// QueriesOptions are the inputs of the queries command.
type QueriesOptions struct {
	Factory *Factory
}

// QueriesExportOptions are the inputs of queries export.
type QueriesExportOptions struct {
	Factory *Factory
	Dir     string
}

func newQueriesCmd(f *Factory) *cobra.Command {
	opts := &QueriesOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "queries",
		Short: "List the saved queries, or export them as .cypher files",
		Long: `Queries lists the saved queries with their parameters; run one with
"actorgraph query NAME". "actorgraph queries export DIR" writes each as
DIR/NAME.cypher, ready to drag into Neo4j Browser's favorites.`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runQueries(cmd.Context(), opts)
		},
	}
	cmd.AddCommand(newQueriesExportCmd(f), newQueriesInstallCmd(f), newQueriesGuideCmd(f))
	return cmd
}

func newQueriesExportCmd(f *Factory) *cobra.Command {
	opts := &QueriesExportOptions{Factory: f}
	return &cobra.Command{
		Use:     "export DIR",
		Short:   "Write each saved query to DIR/NAME.cypher",
		Example: `  actorgraph queries export ~/neo4j-favorites`,
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			return runQueriesExport(cmd.Context(), opts)
		},
	}
}

func runQueries(_ context.Context, opts *QueriesOptions) error {
	out := opts.Factory.IO.Out
	qs := queries.All()
	for i, q := range qs {
		if i > 0 {
			fmt.Fprintln(out)
		}
		fmt.Fprintf(out, "%s\n  %s\n", q.Name, q.Description)
		example := []string{"actorgraph query", q.Name}
		if len(q.Params) > 0 {
			fmt.Fprintf(out, "  parameters:\n")
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		for _, p := range q.Params {
			kind := "a value"
			if p.Integer() {
				kind = "an integer"
			}
			if p.Actor {
				kind = "an actor's name or alias"
			}
			if p.Date {
				kind = "a date (YYYY, YYYY-MM or YYYY-MM-DD)"
			}
			if p.Optional {
				kind += ", optional"
			}
			desc := ""
			if p.Description != "" {
				desc = " - " + p.Description
			}
			fmt.Fprintf(tw, "    %s\t%s, e.g. %s%s\n", p.Name, kind, p.Example, desc)
			example = append(example, "--param", shellWord(p.Name+"="+p.Example))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(out, "  example: %s\n", strings.Join(example, " "))
	}
	if err := queries.Check(); err != nil {
		return fmt.Errorf("some saved queries are broken: %w", err)
	}
	return nil
}

// shellWord quotes s for a POSIX shell when it needs it.
func shellWord(s string) string {
	if strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("=_-.,:/+", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func runQueriesExport(_ context.Context, opts *QueriesExportOptions) error {
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return fmt.Errorf("export queries: %w", err)
	}
	qs := queries.All()
	for _, q := range qs {
		path := filepath.Join(opts.Dir, q.Name+".cypher")
		text := q.Cypher
		if !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return fmt.Errorf("export queries: %w", err)
		}
	}
	fmt.Fprintf(opts.Factory.IO.Out, "Wrote %s to %s\n", plural(len(qs), "query", "queries"), opts.Dir)
	return nil
}
