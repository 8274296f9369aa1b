package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/actorgraph/actorgraph/graph/neo4jstore"
)

// Defaults of the connection settings when neither a flag nor the
// environment gives one.
const (
	defaultURI      = "neo4j://localhost:7687"
	defaultUsername = "neo4j"
	defaultDatabase = "neo4j"
)

// ConnectionFlags are the Neo4j connection flags of load and query. Empty
// values fall back to the environment, then to the defaults.
type ConnectionFlags struct {
	URI            string
	Username       string
	Password       string
	Database       string
	ConnectTimeout time.Duration
	QueryTimeout   time.Duration
}

func (c *ConnectionFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&c.URI, "uri", "", "Neo4j URI (default $NEO4J_URI or "+defaultURI+")")
	fs.StringVar(&c.Username, "username", "", "Neo4j user (default $NEO4J_USERNAME or "+defaultUsername+")")
	fs.StringVar(&c.Password, "password", "", "Neo4j password (default $NEO4J_PASSWORD)")
	fs.StringVar(&c.Database, "database", "", "Neo4j database (default $NEO4J_DATABASE or "+defaultDatabase+")")
	fs.DurationVar(&c.ConnectTimeout, "connect-timeout", neo4jstore.DefaultConnectTimeout, "give up when Neo4j does not answer a connection and login within this time")
	fs.DurationVar(&c.QueryTimeout, "query-timeout", neo4jstore.DefaultQueryTimeout, "give up on a query or write transaction that takes longer")
}

// config resolves the flags against the environment.
func (c ConnectionFlags) config(getenv func(string) string) neo4jstore.Config {
	pick := func(flag, env, def string) string {
		if flag != "" {
			return flag
		}
		if v := getenv(env); v != "" {
			return v
		}
		return def
	}
	return neo4jstore.Config{
		URI:            pick(c.URI, "NEO4J_URI", defaultURI),
		Username:       pick(c.Username, "NEO4J_USERNAME", defaultUsername),
		Password:       pick(c.Password, "NEO4J_PASSWORD", ""),
		Database:       pick(c.Database, "NEO4J_DATABASE", defaultDatabase),
		ConnectTimeout: c.ConnectTimeout,
		QueryTimeout:   c.QueryTimeout,
	}
}

// openStore connects to Neo4j. Neither its errors nor the store's hold the
// password: neo4jstore builds them from parts that never contain it, so
// nothing needs hiding here (hiding would tell where the password was).
func openStore(ctx context.Context, f *Factory, cfg neo4jstore.Config) (Store, error) {
	if err := neo4jstore.CheckURI(cfg.URI); err != nil {
		return nil, err
	}
	s, err := f.OpenStore(ctx, cfg)
	if err != nil {
		if errors.Is(err, neo4jstore.ErrAuth) && cfg.Password == "" {
			hint := passwordHint(f.Getenv)
			if strings.Contains(cfg.URI, "@") {
				hint += "; a user and password inside the URI are not used"
			}
			err = &hintError{err: err, hint: hint}
		}
		return nil, err
	}
	return s, nil
}

// passwordHint says how to give the password, and where scripts/neo4j-local
// keeps the one it generated.
func passwordHint(getenv func(string) string) string {
	dir := getenv("NEO4J_LOCAL_DIR")
	if dir == "" {
		dir = ".neo4j-local"
	}
	return fmt.Sprintf("no password was given: set NEO4J_PASSWORD or use --password; "+
		"for the Neo4j of scripts/neo4j-local run `source %s` (it keeps the password in %s)",
		filepath.Join(dir, "env"), filepath.Join(dir, "password"))
}

// hintError adds advice to an error's message.
type hintError struct {
	err  error
	hint string
}

func (e *hintError) Error() string { return e.err.Error() + "; " + e.hint }
func (e *hintError) Unwrap() error { return e.err }

// withStore opens the store cfg names, runs fn with it and closes it.
func withStore(ctx context.Context, f *Factory, cfg neo4jstore.Config, fn func(Store) error) (err error) {
	store, err := openStore(ctx, f, cfg)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := store.Close(context.WithoutCancel(ctx)); cerr != nil && err == nil {
			err = cerr
		}
	}()
	return fn(store)
}

// displayURI is uri as it may be shown: without user information.
func displayURI(uri string) string { return neo4jstore.SafeURI(uri) }
