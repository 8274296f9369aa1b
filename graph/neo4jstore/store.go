// Package neo4jstore stores actor graphs in Neo4j and runs the saved queries
// against them. Actors are nodes labelled with their type and :Actor,
// relationships carry their evidence as parallel lists, and every write is an
// idempotent MERGE batched with UNWIND in a managed transaction.
package neo4jstore

import (
	"context"
	"errors"
	"io"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/queries"
)

// Errors wrapped by Open.
var (
	// ErrUnavailable is wrapped by Open when no Neo4j answers at the URI.
	ErrUnavailable = errors.New("neo4j is not reachable")
	// ErrAuth is wrapped by Open when Neo4j refuses the username or password.
	ErrAuth = errors.New("neo4j refused the username or password")
)

// Config says which Neo4j to use.
type Config struct {
	URI      string // e.g. neo4j://127.0.0.1:7687
	Username string
	Password string
	Database string // empty for the server's default database
}

// Store is a connection to one Neo4j database. It is safe for concurrent use.
type Store struct {
	driver neo4j.DriverWithContext
	cfg    Config
}

// Summary counts what a Write changed. Updated counts things that existed
// before and changed; loading the same graph twice updates nothing.
type Summary struct {
	ArticlesCreated, ArticlesUpdated           int
	ActorsCreated, ActorsUpdated               int
	RelationshipsCreated, RelationshipsUpdated int
	EvidenceAdded                              int // (article, sentence) entries added to relationships
}

// Result is the answer to a query: its column names and rows of values.
type Result struct {
	Columns []string
	Rows    [][]any
}

// Open connects to Neo4j and checks that it answers.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	return nil, errors.New("neo4jstore: not implemented yet")
}

// Close closes the connection.
func (s *Store) Close(ctx context.Context) error { return nil }

// EnsureSchema creates the constraints and indexes the store relies on.
func (s *Store) EnsureSchema(ctx context.Context) error { return nil }

// Write stores g.
func (s *Store) Write(ctx context.Context, g *graph.Graph) (Summary, error) {
	return Summary{}, errors.New("neo4jstore: not implemented yet")
}

// InstallQueries stores qs as :SavedQuery nodes.
func (s *Store) InstallQueries(ctx context.Context, qs []queries.Query) (int, error) {
	return 0, errors.New("neo4jstore: not implemented yet")
}

// Run runs a saved query.
func (s *Store) Run(ctx context.Context, q queries.Query, params map[string]any) (*Result, error) {
	return nil, errors.New("neo4jstore: not implemented yet")
}

// ResolveActor returns the actors whose name or alias is name.
func (s *Store) ResolveActor(ctx context.Context, name string) ([]graph.Entity, error) {
	return nil, errors.New("neo4jstore: not implemented yet")
}

// Explain has Neo4j plan cypher without running it.
func (s *Store) Explain(ctx context.Context, cypher string) error {
	return errors.New("neo4jstore: not implemented yet")
}

// WriteScript writes the statements Write runs as a cypher-shell script.
func WriteScript(w io.Writer, g *graph.Graph) error {
	return errors.New("neo4jstore: not implemented yet")
}
