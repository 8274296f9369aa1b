package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
)

// ExtractOptions are the inputs of the extract command.
type ExtractOptions struct {
	Factory *Factory
	Files   []string
	Format  string // table, json, jsonl or cypher
	Explain bool
	Read    ReadFlags
}

var extractFormats = []string{"table", "json", "jsonl", "cypher"}

func newExtractCmd(f *Factory) *cobra.Command {
	opts := &ExtractOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "extract FILE|DIR...",
		Short: "Print the actor graph of articles, without a database",
		Long: `Extract reads each article and prints the actors and relationships found in
them, merged into one graph. Nothing is written to Neo4j.

Formats:
  table   aligned columns of actors and relationships (the default)
  json    {"articles": [...], "entities": [...], "relations": [...]}
  jsonl   one line per article: the graph of that article, as in json
  cypher  a Cypher script that loads the graph (for cypher-shell or Neo4j Browser)

Articles are read and extracted in batches (--batch-size). The json, jsonl
and cypher formats are written batch by batch, so memory stays flat however
large the corpus; in json and cypher an actor or relationship found in
several batches comes once per batch (merge by id to fold them). The table
holds the whole graph, to sort it.`,
		Example: `  actorgraph extract article.txt
  actorgraph extract --explain article.txt
  actorgraph extract --format json a.txt b.txt > graph.json
  actorgraph extract --format jsonl --batch-size 500 a.txt b.txt > graphs.jsonl`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if err := checkFormat(cmd, opts.Format, extractFormats); err != nil {
				return err
			}
			if err := opts.Read.check(); err != nil {
				return usageErr(cmd, err)
			}
			if opts.Explain && opts.Format != "table" {
				return usageErr(cmd, fmt.Errorf("--explain goes with --format table; the json format already holds the rule and evidence of every relation"))
			}
			return runExtract(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(extractFormats, ", "))
	cmd.Flags().BoolVar(&opts.Explain, "explain", false, "for every relationship, show the rule that found it and the evidence sentences")
	f.Model.register(cmd.Flags())
	opts.Read.register(cmd.Flags(), false)
	return cmd
}

// checkFormat reports a --format value that is not one of formats.
func checkFormat(cmd *cobra.Command, format string, formats []string) error {
	for _, f := range formats {
		if format == f {
			return nil
		}
	}
	return usageErr(cmd, fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(formats, ", ")))
}

func runExtract(ctx context.Context, opts *ExtractOptions) error {
	f := opts.Factory
	src, _, err := opts.Read.source(opts.Files, f.IO.ErrOut)
	if err != nil {
		return err
	}
	src.reader.Stdin = f.IO.In
	x, err := f.Extractor()
	if err != nil {
		return fmt.Errorf("load the extractor: %w", err)
	}
	out := f.IO.Out
	var (
		add    func(*batch) error
		finish func() error
		bad    InputErrors
		rels   int
	)
	switch opts.Format {
	case "json":
		js, err := newJSONStream(out)
		if err != nil {
			return err
		}
		defer js.cleanup()
		ids := newIdentityStream(f)
		add = func(b *batch) error {
			g, err := ids.batch(b)
			if err != nil {
				return err
			}
			return js.add(g)
		}
		finish = js.close
	case "jsonl":
		bw := bufio.NewWriter(out)
		add = func(b *batch) error {
			for _, g := range b.Graphs {
				if err := writeGraphJSONLine(bw, g); err != nil {
					return fmt.Errorf("jsonl output: %w", err)
				}
			}
			return bw.Flush()
		}
		finish = bw.Flush
	case "cypher":
		bw := bufio.NewWriter(out)
		if err := neo4jstore.WriteSchemaScript(bw); err != nil {
			return err
		}
		ids := newIdentityStream(f)
		add = func(b *batch) error {
			if len(b.Graph.Articles) == 0 {
				return nil
			}
			g, err := ids.batch(b)
			if err != nil {
				return err
			}
			if err := neo4jstore.WriteDataScript(bw, g); err != nil {
				return err
			}
			return bw.Flush()
		}
		finish = bw.Flush
	default:
		var graphs []*graph.Graph
		add = func(b *batch) error { graphs = append(graphs, b.Graphs...); return nil }
		finish = func() error {
			g, err := resolveIdentities(f, graphs) // actors that are one across the articles
			if err != nil {
				return err
			}
			if err := writeGraphTable(out, g); err != nil {
				return err
			}
			if opts.Explain {
				return writeExplanation(out, g)
			}
			return nil
		}
	}
	prog := newProgress(f, f.Now(), src.Total(), opts.Read.BatchSize, opts.Read.Quiet)
	err = stream(ctx, src, x, streamOptions{BatchSize: opts.Read.BatchSize, OnArticle: prog.article}, func(b *batch) error {
		bad = append(bad, b.Bad...)
		rels += len(b.Graph.Relations)
		prog.batch(b, rels)
		if !leftOut(bad) {
			// Nothing more is printed once an input is bad, as before
			// streaming: the output would be incomplete. A page or feed
			// item that could not be read is only left out.
			return nil
		}
		return add(b)
	})
	prog.finish()
	if err != nil {
		return err
	}
	if !leftOut(bad) {
		return bad.Err()
	}
	if err := finish(); err != nil {
		return err
	}
	return bad.Err()
}

// stableLists returns a copy of g whose aliases and evidence lists are never
// null, as the JSON formats promise; g is left as it is.
func stableLists(g *graph.Graph) graph.Graph {
	c := *g
	c.Entities = append([]graph.Entity{}, c.Entities...)
	for i := range c.Entities {
		if c.Entities[i].Aliases == nil {
			c.Entities[i].Aliases = []string{}
		}
	}
	c.Relations = append([]graph.Relation{}, c.Relations...)
	for i := range c.Relations {
		if c.Relations[i].Evidence == nil {
			c.Relations[i].Evidence = []graph.Evidence{}
		}
	}
	return c
}

// writeGraphJSON prints g in the stable JSON format: lists are never null.
func writeGraphJSON(w io.Writer, g *graph.Graph) error {
	c := stableLists(g)
	if c.Articles == nil {
		c.Articles = []graph.Article{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(c)
}

// names returns a function giving an entity's name for its id.
func names(g *graph.Graph) func(id string) string {
	byID := make(map[string]string, len(g.Entities))
	for _, e := range g.Entities {
		byID[e.ID] = e.Name
	}
	return func(id string) string {
		if n, ok := byID[id]; ok {
			return n
		}
		return id
	}
}

// sortedEntities returns g's entities by type (in graph.EntityTypes order),
// then name.
func sortedEntities(g *graph.Graph) []graph.Entity {
	rank := map[graph.EntityType]int{}
	for i, t := range graph.EntityTypes {
		rank[t] = i
	}
	es := append([]graph.Entity(nil), g.Entities...)
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Type != es[j].Type {
			return rank[es[i].Type] < rank[es[j].Type]
		}
		return es[i].Name < es[j].Name
	})
	return es
}

// sortedRelations returns g's relations by type, source name, target name.
func sortedRelations(g *graph.Graph) []graph.Relation {
	name := names(g)
	rank := map[graph.RelationType]int{}
	for i, t := range graph.RelationTypes {
		rank[t] = i
	}
	rs := append([]graph.Relation(nil), g.Relations...)
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.Type != b.Type {
			return rank[a.Type] < rank[b.Type]
		}
		if name(a.Source) != name(b.Source) {
			return name(a.Source) < name(b.Source)
		}
		return name(a.Target) < name(b.Target)
	})
	return rs
}

// arrow is how a relationship's direction is drawn.
func arrow(t graph.RelationType) string {
	if t.Symmetric() {
		return "--"
	}
	return "->"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// writeGraphTable prints g as aligned columns: articles, actors,
// relationships.
func writeGraphTable(w io.Writer, g *graph.Graph) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\n", strings.ToUpper(plural(len(g.Articles), "article", "articles")))
	fmt.Fprintf(tw, "PUBLISHED\tTITLE\tSOURCE\n")
	for _, a := range g.Articles {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", dash(a.Published), dash(a.Title), a.Source)
	}
	fmt.Fprintf(tw, "\n%s\n", strings.ToUpper(plural(len(g.Entities), "actor", "actors")))
	fmt.Fprintf(tw, "TYPE\tNAME\tALIASES\n")
	for _, e := range sortedEntities(g) {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", e.Type, e.Name, dash(strings.Join(otherNames(e), ", ")))
	}
	fmt.Fprintf(tw, "\n%s\n", strings.ToUpper(plural(len(g.Relations), "relationship", "relationships")))
	fmt.Fprintf(tw, "TYPE\tSOURCE\t\tTARGET\tEVIDENCE\n")
	name := names(g)
	for _, r := range sortedRelations(g) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Type, name(r.Source), arrow(r.Type), name(r.Target), plural(len(r.Evidence), "sentence", "sentences"))
	}
	return tw.Flush()
}

// otherNames returns an entity's aliases other than its name.
func otherNames(e graph.Entity) []string {
	var out []string
	for _, a := range e.Aliases {
		if a != e.Name {
			out = append(out, a)
		}
	}
	return out
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// writeExplanation prints, for every relationship, the rule that found each
// of its evidence sentences, and the sentence; the article's title too when
// there are several articles.
// whenWhere says when and where the event of a piece of evidence happened:
// ", 2025-12-02 (Tuesday), Moscow (Kremlin), Russia".
func whenWhere(ev graph.Evidence) string {
	var parts []string
	if ev.Date != "" {
		d := ev.Date
		if ev.DatePhrase != "" {
			d += fmt.Sprintf(" (%s)", ev.DatePhrase)
		}
		parts = append(parts, d)
	}
	switch {
	case ev.Place != "" && ev.Venue != "":
		parts = append(parts, fmt.Sprintf("%s (%s)", ev.Place, ev.Venue))
	case ev.Venue != "":
		parts = append(parts, ev.Venue)
	case ev.Place != "":
		parts = append(parts, ev.Place)
	}
	if ev.Country != "" {
		parts = append(parts, ev.Country)
	}
	if len(parts) == 0 {
		return ""
	}
	return ", " + strings.Join(parts, ", ")
}

func writeExplanation(w io.Writer, g *graph.Graph) error {
	name := names(g)
	titles := map[string]string{}
	for _, a := range g.Articles {
		titles[a.ID] = a.Title
		if a.Title == "" {
			titles[a.ID] = a.Source
		}
	}
	fmt.Fprintf(w, "\nWHY\n")
	for _, r := range sortedRelations(g) {
		fmt.Fprintf(w, "\n%s  %s %s %s\n", r.Type, name(r.Source), arrow(r.Type), name(r.Target))
		for _, ev := range r.Evidence {
			rule := ev.Rule
			if rule == "" {
				rule = "(no rule recorded)"
			}
			where := ""
			if len(g.Articles) > 1 {
				title, ok := titles[ev.Article]
				if !ok {
					title = ev.Article
				}
				where = fmt.Sprintf(" in %q", title)
			}
			conf := ""
			if ev.Score > 0 {
				conf = fmt.Sprintf(", confidence %.2f", ev.Score)
			}
			fmt.Fprintf(w, "  rule %s%s%s%s: %s\n", rule, conf, where, whenWhere(ev), oneLine(ev.Sentence))
			if len(ev.Features) > 0 {
				fmt.Fprintf(w, "    weighed most: %s\n", strings.Join(ev.Features, ", "))
			}
		}
	}
	return nil
}

// oneLine folds runs of white space, line breaks included, into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
