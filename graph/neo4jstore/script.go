package neo4jstore

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// WriteScript writes g as a script for cypher-shell or Neo4j Browser: the
// schema statements, then one `:param` line per batch carrying its rows as a
// Cypher literal, then the statements Write runs, each ending in a semicolon.
// `actorgraph extract --format cypher | cypher-shell` loads it. Data only
// ever appears in the :param lines, never in a statement. A graph that fails
// the checks of Write gives an error wrapping ErrInvalidGraph and writes
// nothing.
func WriteScript(w io.Writer, g *graph.Graph) error {
	if _, err := statements(g); err != nil {
		return fmt.Errorf("neo4jstore: write script: %w", err)
	}
	if err := WriteSchemaScript(w); err != nil {
		return err
	}
	return WriteDataScript(w, g)
}

// WriteSchemaScript writes the schema statements of WriteScript: the
// constraints and indexes, each idempotent.
func WriteSchemaScript(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, s := range schema() {
		fmt.Fprintf(bw, "%s;\n", s)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("neo4jstore: write script: %w", err)
	}
	return nil
}

// WriteDataScript writes the :param lines and statements of WriteScript
// without the schema, so the scripts of many graphs can follow one schema:
// each statement merges, so the scripts may run in any order.
func WriteDataScript(w io.Writer, g *graph.Graph) error {
	stmts, err := statements(g)
	if err != nil {
		return fmt.Errorf("write the Cypher script: %w", err)
	}
	bw := bufio.NewWriter(w)
	for _, st := range stmts {
		var lit strings.Builder
		if err := literal(&lit, st.rows); err != nil {
			return fmt.Errorf("write the Cypher script: %s: %w", st.param, err)
		}
		fmt.Fprintf(bw, ":param %s => %s\n", st.param, lit.String())
	}
	for _, st := range stmts {
		fmt.Fprintf(bw, "%s;\n", st.cypher)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write the Cypher script: %w", err)
	}
	return nil
}

// literal writes v as a Cypher literal on one line. It knows the types the
// statement rows are made of.
func literal(b *strings.Builder, v any) error {
	switch v := v.(type) {
	case string:
		quote(b, v)
	case int64:
		b.WriteString(strconv.FormatInt(v, 10))
	case int:
		b.WriteString(strconv.Itoa(v))
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case nil:
		b.WriteString("null")
	case []string:
		items := make([]any, len(v))
		for i, s := range v {
			items[i] = s
		}
		return literal(b, items)
	case []any:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := literal(b, x); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('`')
			b.WriteString(strings.ReplaceAll(k, "`", "``"))
			b.WriteString("`: ")
			if err := literal(b, v[k]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	default:
		return fmt.Errorf("no Cypher literal for %T", v)
	}
	return nil
}

// quote writes s as a single-quoted Cypher string, escaping quotes,
// backslashes and every control character so it stays on one line.
func quote(b *strings.Builder, s string) {
	b.WriteByte('\'')
	for _, r := range s {
		switch {
		case r == '\'':
			b.WriteString(`\'`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029':
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
}
