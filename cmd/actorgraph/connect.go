package main

import (
	"context"
	"net/url"
	"strings"

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
	URI      string
	Username string
	Password string
	Database string
}

func (c *ConnectionFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&c.URI, "uri", "", "Neo4j URI (default $NEO4J_URI or "+defaultURI+")")
	fs.StringVar(&c.Username, "username", "", "Neo4j user (default $NEO4J_USERNAME or "+defaultUsername+")")
	fs.StringVar(&c.Password, "password", "", "Neo4j password (default $NEO4J_PASSWORD)")
	fs.StringVar(&c.Database, "database", "", "Neo4j database (default $NEO4J_DATABASE or "+defaultDatabase+")")
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
		URI:      pick(c.URI, "NEO4J_URI", defaultURI),
		Username: pick(c.Username, "NEO4J_USERNAME", defaultUsername),
		Password: pick(c.Password, "NEO4J_PASSWORD", ""),
		Database: pick(c.Database, "NEO4J_DATABASE", defaultDatabase),
	}
}

// openStore connects to Neo4j. The returned store's errors, and Open's, never
// show the password.
func openStore(ctx context.Context, f *Factory, cfg neo4jstore.Config) (Store, error) {
	s, err := f.OpenStore(ctx, cfg)
	if err != nil {
		return nil, redacted(err, cfg.Password)
	}
	return s, nil
}

// withStore opens the store cfg names, runs fn with it and closes it. Every
// error, fn's included, comes back with the password hidden.
func withStore(ctx context.Context, f *Factory, cfg neo4jstore.Config, fn func(Store) error) (err error) {
	store, err := openStore(ctx, f, cfg)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := store.Close(context.WithoutCancel(ctx)); cerr != nil && err == nil {
			err = redacted(cerr, cfg.Password)
		}
	}()
	return redacted(fn(store), cfg.Password)
}

// redacted returns err with every occurrence of secret in its text hidden;
// errors.Is and errors.As still see the original.
func redacted(err error, secret string) error {
	if err == nil || secret == "" || !strings.Contains(err.Error(), secret) {
		return err
	}
	return &redactedError{msg: strings.ReplaceAll(err.Error(), secret, "***"), err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// displayURI is uri as it may be shown: without a password in it.
func displayURI(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.User == nil {
		return uri
	}
	return u.Redacted()
}
