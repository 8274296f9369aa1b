// Package neo4jtest connects tests to the real Neo4j named by NEO4J_URI and
// gives each test a clean database. Tests that use it skip when NEO4J_URI is
// unset, except on CI (CI=true), where they fail.
//
// The database is shared by every test package that uses it, and `go test
// ./...` runs packages in parallel, so Open holds a lock file for the
// length of each test: database tests in different packages take turns.
// Tests holding the database must not call t.Parallel.
package neo4jtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph/neo4jstore"
)

// howToRun tells a user how to run the tests that need Neo4j.
const howToRun = "NEO4J_URI is not set: run `make test`, or `scripts/neo4j-local start && source .neo4j-local/env` and then go test"

// Config returns the Neo4j configuration from NEO4J_URI, NEO4J_USERNAME,
// NEO4J_PASSWORD and NEO4J_DATABASE. Without NEO4J_URI it skips the test, or
// fails it when CI=true.
func Config(t testing.TB) neo4jstore.Config {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal(howToRun + " (CI=true: the Neo4j tests must run)")
		}
		t.Skip(howToRun)
	}
	username := os.Getenv("NEO4J_USERNAME")
	if username == "" {
		username = "neo4j"
	}
	return neo4jstore.Config{
		URI:      uri,
		Username: username,
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
}

// Open takes the database for the test: it waits for the lock, opens a Store,
// deletes every node and relationship, creates the schema, and closes the
// store and releases the lock when the test ends.
func Open(t testing.TB) *neo4jstore.Store {
	t.Helper()
	cfg := Config(t)
	Lock(t, cfg)
	Reset(t, cfg)
	ctx := context.Background()
	store, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := store.Close(context.Background()); err != nil {
			t.Error(err)
		}
	})
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	return store
}

// testMarker names an index that marks a database as the tests' own: Reset
// deletes data only there, so pointing NEO4J_URI at a database that holds a
// user's graph fails the tests instead of wiping it.
const testMarker = "actorgraph_test_database"

// Reset deletes every node and relationship in the database; constraints and
// indexes stay. It refuses, failing the test, when the database holds nodes
// but is not marked as a test database. Call Lock first.
func Reset(t testing.TB, cfg neo4jstore.Config) {
	t.Helper()
	marked := Exec(t, cfg, "SHOW INDEXES YIELD name WHERE name = $name RETURN count(*) AS n", map[string]any{"name": testMarker})[0]["n"] != int64(0)
	if !marked {
		if n := Exec(t, cfg, "MATCH (n) RETURN count(n) AS n", nil)[0]["n"]; n != int64(0) {
			t.Fatalf("neo4jtest: %s database %q holds %v nodes that the tests did not write; refusing to delete them: point NEO4J_URI at an empty database (`make test` without NEO4J_URI starts a throwaway one)", cfg.URI, cfg.Database, n)
		}
		Exec(t, cfg, "CREATE INDEX "+testMarker+" IF NOT EXISTS FOR (n:ActorgraphTestMarker) ON (n.id)", nil)
	}
	Exec(t, cfg, "MATCH (n) DETACH DELETE n", nil)
}

// Exec runs one statement in an auto-commit transaction and returns its
// records as maps. For checking what a test wrote, and for setting up.
func Exec(t testing.TB, cfg neo4jstore.Config, cypher string, params map[string]any) []map[string]any {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	driver, err := driverFor(cfg)
	if err != nil {
		t.Fatalf("neo4jtest: %v", err)
	}
	session := driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: cfg.Database})
	defer session.Close(ctx)
	res, err := session.Run(ctx, cypher, params)
	if err != nil {
		t.Fatalf("neo4jtest: %s: %v", firstLine(cypher), err)
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		t.Fatalf("neo4jtest: %s: %v", firstLine(cypher), err)
	}
	out := make([]map[string]any, len(recs))
	for i, r := range recs {
		out[i] = r.AsMap()
	}
	return out
}

// drivers holds one driver per configuration for Exec, for the life of the
// test binary.
var drivers = struct {
	sync.Mutex
	m map[neo4jstore.Config]neo4j.DriverWithContext
}{m: map[neo4jstore.Config]neo4j.DriverWithContext{}}

func driverFor(cfg neo4jstore.Config) (neo4j.DriverWithContext, error) {
	drivers.Lock()
	defer drivers.Unlock()
	if d, ok := drivers.m[cfg]; ok {
		return d, nil
	}
	d, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		return nil, err
	}
	drivers.m[cfg] = d
	return d, nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// The lock is held once per process however many tests ask for it, and
// released when the last of them ends: subtests may call Open again.
var (
	lockMu    sync.Mutex
	lockCount int
	heldFile  *os.File
)

// Lock holds the database for the test, across processes, until it ends.
func Lock(t testing.TB, cfg neo4jstore.Config) {
	t.Helper()
	lockMu.Lock()
	defer lockMu.Unlock()
	if lockCount == 0 {
		name := filepath.Join(os.TempDir(), fmt.Sprintf("actorgraph-neo4jtest-%s.lock", sanitize(cfg.URI+"-"+cfg.Database)))
		f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR, 0o600)
		if err != nil {
			t.Fatalf("neo4jtest: lock: %v", err)
		}
		if err := lockFile(f); err != nil { // blocks until the holder ends
			f.Close()
			t.Fatalf("neo4jtest: lock %s: %v", name, err)
		}
		heldFile = f
	}
	lockCount++
	t.Cleanup(func() {
		lockMu.Lock()
		defer lockMu.Unlock()
		lockCount--
		if lockCount == 0 {
			_ = unlockFile(heldFile)
			heldFile.Close()
			heldFile = nil
		}
	})
}

func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' {
			return r
		}
		return '_'
	}, s)
}
