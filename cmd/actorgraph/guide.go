package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/queries"
)

// QueriesGuideOptions are the inputs of queries guide.
type QueriesGuideOptions struct {
	Factory  *Factory
	File     string // where to write the guide; "" or "-" for stdout
	StyleURL string
	URL      string // where the guide will be served
}

func newQueriesGuideCmd(f *Factory) *cobra.Command {
	opts := &QueriesGuideOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "guide [FILE]",
		Short: "Write a Neo4j Browser guide of the saved queries",
		Long: `Guide writes a Neo4j Browser guide (HTML) with one slide per saved query:
its description, its parameters, a runnable ":params" block set to the example
values and the query itself, runnable too. Serve the file over HTTP and open it
in Browser with ":guide URL" or ":play URL" (the host must be on Neo4j's
browser.remote_content_hostname_whitelist). The local Neo4j
(scripts/neo4j-local) and docker-compose.yml serve it and open it on connect.
Without FILE, or with "-", the guide goes to stdout.`,
		Example: `  actorgraph queries guide guide.html
  actorgraph queries guide --url http://127.0.0.1:7474/actorgraph/guide.html \
    --style-url http://127.0.0.1:7474/actorgraph/actorgraph.grass guide.html`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			return runQueriesGuide(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.StyleURL, "style-url", "", "address of a GraSS file the guide offers to apply with :style")
	cmd.Flags().StringVar(&opts.URL, "url", "", "address the guide will be served at; its first slide then links to each query's slide")
	return cmd
}

func runQueriesGuide(_ context.Context, opts *QueriesGuideOptions) error {
	if err := queries.Check(); err != nil {
		return fmt.Errorf("some saved queries are broken: %w", err)
	}
	var buf bytes.Buffer
	qs := queries.All()
	if err := queries.Guide(&buf, qs, queries.GuideOptions{StyleURL: opts.StyleURL, URL: opts.URL}); err != nil {
		return err
	}
	if opts.File == "" || opts.File == "-" {
		_, err := opts.Factory.IO.Out.Write(buf.Bytes())
		return err
	}
	if dir := filepath.Dir(opts.File); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("write guide: %w", err)
		}
	}
	// Written next to the file, then renamed, so a server never serves half a guide.
	tmp, err := os.CreateTemp(filepath.Dir(opts.File), ".guide-*.html")
	if err != nil {
		return fmt.Errorf("write guide: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("write guide: %w", err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write guide: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write guide: %w", err)
	}
	if err := os.Rename(tmp.Name(), opts.File); err != nil {
		return fmt.Errorf("write guide: %w", err)
	}
	fmt.Fprintf(opts.Factory.IO.ErrOut, "Wrote a guide of %s to %s\n", plural(len(qs), "saved query", "saved queries"), opts.File)
	return nil
}
