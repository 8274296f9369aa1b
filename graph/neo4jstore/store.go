// Package neo4jstore stores actor graphs in Neo4j and runs the saved queries
// against them. Actors are nodes labelled with their type and :Actor,
// relationships carry their evidence as parallel lists, and every write is an
// idempotent MERGE batched with UNWIND in a managed transaction.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Errors wrapped by Open.
var (
	// ErrUnavailable is wrapped by Open when no Neo4j answers at the URI.
	ErrUnavailable = errors.New("neo4j is not reachable")
	// ErrAuth is wrapped by Open when Neo4j refuses the username or password.
	ErrAuth = errors.New("neo4j refused the username or password")
)

// startHint tells a user how to get a local Neo4j.
const startHint = "start one with `make neo4j-up` or `scripts/neo4j-local start`"

// Config says which Neo4j to use.
type Config struct {
	URI      string // e.g. neo4j://127.0.0.1:7687
	Username string
	Password string
	Database string // empty for the server's default database
}

// Store is a connection to one Neo4j database. It is safe for concurrent use
// by several goroutines.
type Store struct {
	driver   neo4j.DriverWithContext
	database string
}

// Result is the answer to a query: its column names and rows of values, in
// the order the query returned them.
type Result struct {
	Columns []string
	Rows    [][]any
}

// Open connects to the Neo4j at cfg.URI and checks that it answers. When it
// does not, the error wraps ErrUnavailable and names the URI; when it refuses
// the credentials, the error wraps ErrAuth. Errors never hold the password.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	uri := redact(cfg.URI)
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""),
		func(c *config.Config) {
			c.SocketConnectTimeout = 5 * time.Second
			c.ConnectionAcquisitionTimeout = 15 * time.Second
		})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: open %s: %s", uri, oneLine(err, cfg.Password))
	}
	if err := driver.VerifyConnectivity(ctx); err != nil {
		_ = driver.Close(ctx)
		return nil, openError(uri, cfg, err)
	}
	s := &Store{driver: driver, database: cfg.Database}
	if cfg.Database != "" {
		// The connectivity check does not look at the database.
		if err := s.ping(ctx); err != nil {
			_ = driver.Close(ctx)
			return nil, fmt.Errorf("neo4jstore: open %s: database %q: %w", uri, cfg.Database, err)
		}
	}
	return s, nil
}

// ping runs a trivial query on the store's database.
func (s *Store) ping(ctx context.Context) error {
	session := s.session(ctx, neo4j.AccessModeRead)
	defer session.Close(ctx)
	_, err := session.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, "RETURN 1", nil)
		if err != nil {
			return nil, err
		}
		return res.Consume(ctx)
	})
	return err
}

// openError classifies a failed connectivity check.
func openError(uri string, cfg Config, err error) error {
	var nerr *neo4j.Neo4jError
	if errors.As(err, &nerr) && (nerr.IsAuthenticationFailed() || strings.HasPrefix(nerr.Code, "Neo.ClientError.Security.")) {
		return fmt.Errorf("neo4jstore: %w: user %q at %s (%s)", ErrAuth, cfg.Username, uri, nerr.Code)
	}
	var aerr *neo4j.InvalidAuthenticationError
	if errors.As(err, &aerr) {
		return fmt.Errorf("neo4jstore: %w: user %q at %s", ErrAuth, cfg.Username, uri)
	}
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("neo4jstore: open %s: %w", uri, err)
	}
	return fmt.Errorf("neo4jstore: %w at %s (%s); %s", ErrUnavailable, uri, oneLine(err, cfg.Password), startHint)
}

// oneLine returns err's text on one line, with secret removed.
func oneLine(err error, secret string) string {
	s := strings.Join(strings.Fields(err.Error()), " ")
	if secret != "" {
		s = strings.ReplaceAll(s, secret, "***")
	}
	return s
}

// redact returns uri with any password in it replaced.
func redact(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.User == nil {
		return uri
	}
	return u.Redacted()
}

// Close closes the connection.
func (s *Store) Close(ctx context.Context) error {
	if err := s.driver.Close(ctx); err != nil {
		return fmt.Errorf("neo4jstore: close: %w", err)
	}
	return nil
}

// session opens a session on the store's database.
func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: mode})
}

// Explain has Neo4j plan cypher without running it; it reports syntax errors,
// unknown functions and the like. Missing parameters are not an error.
func (s *Store) Explain(ctx context.Context, cypher string) error {
	session := s.session(ctx, neo4j.AccessModeRead)
	defer session.Close(ctx)
	_, err := session.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, "EXPLAIN "+cypher, nil)
		if err != nil {
			return nil, err
		}
		return res.Consume(ctx)
	})
	if err != nil {
		return fmt.Errorf("neo4jstore: explain: %w", err)
	}
	return nil
}
