package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/queries"
)

// QueryOptions are the inputs of the query command.
type QueryOptions struct {
	Factory    *Factory
	Name       string
	Params     []string // key=value
	Format     string   // table, json or csv
	Connection ConnectionFlags
}

var queryFormats = []string{"table", "json", "csv"}

func newQueryCmd(f *Factory) *cobra.Command {
	opts := &QueryOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "query NAME [--param key=value ...]",
		Short: "Run a saved query against Neo4j",
		Long: `Query runs one of the saved queries (list them with "actorgraph queries")
against the graph in Neo4j and prints the result. Actor parameters match an
actor's name or any alias, case-insensitively.`,
		Example: `  actorgraph query who-met --param name=Putin
  actorgraph query who-met --param name=putin --format csv`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErr(cmd, fmt.Errorf("query takes the name of one saved query, got %d arguments; saved queries: %s", len(args), queryNames()))
			}
			return nil
		},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []string
			for _, q := range queries.All() {
				names = append(names, q.Name+"\t"+q.Description)
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Name = args[0]
			if err := checkFormat(cmd, opts.Format, queryFormats); err != nil {
				return err
			}
			return runQuery(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringArrayVarP(&opts.Params, "param", "p", nil, "a query parameter as key=value (repeat for several)")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(queryFormats, ", "))
	opts.Connection.register(cmd.Flags())
	return cmd
}

func queryNames() string {
	var names []string
	for _, q := range queries.All() {
		names = append(names, q.Name)
	}
	return strings.Join(names, ", ")
}

// parseParams turns key=value pairs into a map; a later key wins.
func parseParams(pairs []string) (map[string]string, error) {
	m := make(map[string]string, len(pairs))
	for _, p := range pairs {
		k, v, ok := strings.Cut(p, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return nil, fmt.Errorf("--param %q: want key=value", queries.Short(p))
		}
		m[k] = v
	}
	return m, nil
}

// bindQuery finds the saved query name and binds the key=value pairs to its
// parameters; it needs no database.
func bindQuery(name string, pairs []string) (queries.Query, map[string]any, error) {
	q, err := queries.Lookup(name)
	if err != nil {
		return queries.Query{}, nil, err
	}
	values, err := parseParams(pairs)
	if err != nil {
		return queries.Query{}, nil, err
	}
	params, err := q.Bind(values)
	if err != nil {
		return queries.Query{}, nil, err
	}
	return q, params, nil
}

func runQuery(ctx context.Context, opts *QueryOptions) error {
	f := opts.Factory
	q, params, err := bindQuery(opts.Name, opts.Params)
	if err != nil {
		return argsErr(err)
	}

	var res *neo4jstore.Result
	err = withStore(ctx, f, opts.Connection.config(f.Getenv), func(store Store) error {
		var err error
		if res, err = store.Run(ctx, q, params); err != nil {
			return fmt.Errorf("query %s: %w", q.Name, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	note := ""
	switch opts.Format {
	case "json":
		err = writeResultJSON(f.IO.Out, res)
	case "csv":
		err = writeResultCSV(f.IO.Out, res)
	default:
		width := 0
		if f.IO.OutTTY {
			width = terminalCellWidth
		}
		var cut bool
		cut, err = writeResultTable(f.IO.Out, res, width)
		if cut {
			note = fmt.Sprintf(" (values cut at %d characters: --format csv or json shows them whole)", width)
		}
	}
	if err != nil {
		return err
	}
	// The count goes to stderr, so stdout holds only the result.
	fmt.Fprintf(f.IO.ErrOut, "%s%s\n", plural(len(res.Rows), "row", "rows"), note)
	return nil
}

// terminalCellWidth is how many characters of a value a table shows on a
// terminal; pipes and files get every value whole.
const terminalCellWidth = 80

// writeResultTable prints the rows as aligned columns, cutting values to
// width characters when width is not 0; it reports whether it cut any.
// Nothing is printed for no rows.
func writeResultTable(out io.Writer, res *neo4jstore.Result, width int) (cut bool, err error) {
	if len(res.Rows) == 0 {
		return false, nil
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	heads := make([]string, len(res.Columns))
	for i, c := range res.Columns {
		heads[i] = strings.ToUpper(printable(c))
	}
	fmt.Fprintln(tw, strings.Join(heads, "\t"))
	for _, row := range res.Rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = strings.ReplaceAll(text(v), "\t", " ")
			if r := []rune(cells[i]); width > 0 && len(r) > width {
				cells[i] = string(r[:width-1]) + "…"
				cut = true
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return cut, tw.Flush()
}

// printable escapes the characters of s that would change how a terminal
// or a spreadsheet shows the text around them: control characters and
// format characters such as U+202E (right-to-left override), written as
// \u202e. Tabs and newlines are left to the caller.
func printable(s string) string {
	if !strings.ContainsFunc(s, hidden) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if hidden(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hidden reports a control or format character other than tab and newline.
func hidden(r rune) bool {
	return r != '\t' && r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r))
}

func writeResultCSV(out io.Writer, res *neo4jstore.Result) error {
	w := csv.NewWriter(out)
	heads := make([]string, len(res.Columns))
	for i, c := range res.Columns {
		heads[i] = printable(c)
	}
	if err := w.Write(heads); err != nil {
		return err
	}
	for _, row := range res.Rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = text(v)
		}
		if err := w.Write(cells); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// writeResultJSON prints the rows as a JSON array of objects whose keys are
// the columns, in the query's order.
func writeResultJSON(out io.Writer, res *neo4jstore.Result) error {
	var b bytes.Buffer
	b.WriteString("[")
	for i, row := range res.Rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for j, c := range res.Columns {
			if j > 0 {
				b.WriteString(", ")
			}
			k, err := json.Marshal(c)
			if err != nil {
				return err
			}
			var v any
			if j < len(row) {
				v = plain(row[j])
			}
			val, err := json.Marshal(v)
			if err != nil {
				return fmt.Errorf("column %s: %w", c, err)
			}
			b.Write(k)
			b.WriteString(": ")
			b.Write(val)
		}
		b.WriteString("}")
	}
	if len(res.Rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := out.Write(b.Bytes())
	return err
}

// plain turns driver values into values encoding/json prints well.
func plain(v any) any {
	switch v := v.(type) {
	case dbtype.Node:
		return map[string]any{"labels": v.Labels, "properties": plain(v.Props)}
	case dbtype.Relationship:
		return map[string]any{"type": v.Type, "properties": plain(v.Props)}
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = plain(x)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = plain(x)
		}
		return out
	case fmt.Stringer:
		return v.String()
	}
	return v
}

// text formats a value for a table cell or a CSV field: lists joined with
// "; ", nodes by their name.
func text(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return printable(oneLine(v))
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = text(x)
		}
		return strings.Join(parts, "; ")
	case []string:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = text(x)
		}
		return strings.Join(parts, "; ")
	case dbtype.Node:
		if n, ok := v.Props["name"]; ok {
			return text(n)
		}
		return printable(strings.Join(v.Labels, ":"))
	case dbtype.Relationship:
		return printable(v.Type)
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = printable(k) + ": " + text(v[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}
