package neo4jstore

import (
	"context"
	"fmt"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// WriteEachRow stores g as Write does, with the same statements, but every
// row in a transaction of its own: the naive writer the benchmarks measure
// Write against. It returns the number of rows written.
func (s *Store) WriteEachRow(ctx context.Context, g *graph.Graph) (int, error) {
	stmts, err := statements(g)
	if err != nil {
		return 0, err
	}
	session := s.session(ctx, neo4j.AccessModeWrite)
	defer session.Close(ctx)
	n := 0
	for _, st := range stmts {
		for _, row := range st.rows {
			one := st
			one.rows = []any{row}
			_, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (Summary, error) {
				var sum Summary
				return sum, run(ctx, tx, one, &sum)
			})
			if err != nil {
				return n, fmt.Errorf("row %d of %s: %w", n, st.param, err)
			}
			n++
		}
	}
	return n, nil
}

// Rows counts the rows Write sends for g.
func Rows(g *graph.Graph) (int, error) {
	stmts, err := statements(g)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, st := range stmts {
		n += len(st.rows)
	}
	return n, nil
}
