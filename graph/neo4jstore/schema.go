package neo4jstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/queries"
)

// schema returns the statements that create the constraints and indexes, in
// the order they run. Each is idempotent (IF NOT EXISTS).
func schema() []string {
	var stmts []string
	for _, t := range graph.EntityTypes {
		stmts = append(stmts, fmt.Sprintf(
			"CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE",
			strings.ToLower(string(t)), t))
	}
	return append(stmts,
		"CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT saved_query_name IF NOT EXISTS FOR (n:SavedQuery) REQUIRE n.name IS UNIQUE",
		// Relationships are merged between actors found by id whatever their type.
		"CREATE INDEX actor_id IF NOT EXISTS FOR (n:Actor) ON (n.id)",
		// The name look-up of actor parameters (queries.ActorLookup): the
		// names list (every name and alias lower-cased and folded) whole;
		// no range index serves a list.
		"CREATE FULLTEXT INDEX "+queries.KeyIndex+" IF NOT EXISTS FOR (n:Actor) ON EACH [n.names] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}",
		// Then word by word ("Bacon" for Don Bacon), and names suggested
		// when none matches, fuzzily:
		// CALL db.index.fulltext.queryNodes('actor_name_search', 'witkof~').
		"CREATE FULLTEXT INDEX "+queries.WordIndex+" IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
		"CREATE INDEX article_source IF NOT EXISTS FOR (n:Article) ON (n.source)",
	)
}

// EnsureSchema creates the uniqueness constraints on the ids of actors and
// articles and on the names of saved queries, and the indexes used to look
// actors up by name. It is idempotent.
func (s *Store) EnsureSchema(ctx context.Context) error {
	session := s.session(ctx, neo4j.AccessModeWrite)
	defer session.Close(ctx)
	// Schema changes cannot share a transaction with other statements, so
	// each runs in its own.
	for _, stmt := range schema() {
		_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, stmt, nil)
			if err != nil {
				return nil, err
			}
			return res.Consume(ctx)
		})
		if err != nil {
			return fmt.Errorf("create the indexes: %s: %w", stmt, s.classify(ctx, err))
		}
	}
	// A new full-text index answers only once it is populated.
	_, err := session.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, "CALL db.awaitIndexes($seconds)", map[string]any{"seconds": int64(s.queryTimeout / time.Second)})
		if err != nil {
			return nil, err
		}
		return res.Consume(ctx)
	})
	if err != nil {
		return fmt.Errorf("wait for the indexes: %w", s.classify(ctx, err))
	}
	return nil
}
