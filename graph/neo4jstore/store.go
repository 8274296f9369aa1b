// Package neo4jstore stores actor graphs in Neo4j and runs the saved queries
// against them. Actors are nodes labelled with their type and :Actor,
// relationships carry their evidence as parallel lists, and every write is an
// idempotent MERGE batched with UNWIND in a managed transaction.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Errors wrapped by Open.
var (
	// ErrUnavailable is wrapped by Open when no Neo4j answers at the URI,
	// and by the other methods when the connection is lost.
	ErrUnavailable = errors.New("neo4j is not reachable")
	// ErrAuth is wrapped by Open when Neo4j refuses the username or password.
	ErrAuth = errors.New("neo4j refused the username or password")
	// ErrRateLimited is wrapped by Open when Neo4j refuses every login for
	// a few seconds after repeated failures, the right password included.
	ErrRateLimited = errors.New("neo4j is refusing logins for a few seconds after repeated failed ones (its authentication rate limit)")
	// ErrBadURI is wrapped by Open when the URI is not a Bolt URI.
	ErrBadURI = errors.New("not a Neo4j Bolt URI")
	// ErrTimeout is wrapped when Neo4j does not answer a query within the
	// query timeout.
	ErrTimeout = errors.New("neo4j did not answer in time")
)

// Default timeouts, used when Config leaves them 0.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultQueryTimeout   = 60 * time.Second
)

// startHint tells a user how to get a local Neo4j.
const startHint = "start one with `make neo4j-up` or `scripts/neo4j-local start`"

// Config says which Neo4j to use.
type Config struct {
	URI      string // e.g. neo4j://127.0.0.1:7687
	Username string
	Password string
	Database string // empty for the server's default database
	// ConnectTimeout bounds connecting and logging in: a port that accepts
	// TCP but never speaks Bolt fails after it. Transient failures are
	// retried for twice as long. 0 means DefaultConnectTimeout.
	ConnectTimeout time.Duration
	// QueryTimeout bounds each transaction, on the client and on the
	// server. 0 means DefaultQueryTimeout.
	QueryTimeout time.Duration
}

// Store is a connection to one Neo4j database. It is safe for concurrent use
// by several goroutines.
type Store struct {
	driver       neo4j.DriverWithContext
	database     string
	uri          string // without user information, for messages
	queryTimeout time.Duration
}

// Result is the answer to a query: its column names and rows of values, in
// the order the query returned them.
type Result struct {
	Columns []string
	Rows    [][]any
}

// schemes are the URI schemes of Neo4j's Bolt protocol.
var schemes = []string{"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"}

// Open connects to the Neo4j at cfg.URI and checks that it answers within
// cfg.ConnectTimeout. When it does not, the error wraps ErrUnavailable and
// names the URI; when it refuses the credentials, the error wraps ErrAuth
// (and ErrRateLimited when that is why); a URI that is not Bolt's wraps
// ErrBadURI. Errors never hold the password: they are built from the URI
// without its user information and from the driver's errors, which never
// see it, never by hiding it afterwards. They name the user only when it is
// the default one, neo4j, in case a password was given as the username.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	uri, err := checkURI(cfg.URI)
	if err != nil {
		return nil, err
	}
	connect := cfg.ConnectTimeout
	if connect <= 0 {
		connect = DefaultConnectTimeout
	}
	query := cfg.QueryTimeout
	if query <= 0 {
		query = DefaultQueryTimeout
	}
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(cfg.Username, cfg.Password, ""),
		func(c *config.Config) {
			c.SocketConnectTimeout = connect
			c.ConnectionAcquisitionTimeout = connect
			// Managed transactions retry transient failures (deadlocks,
			// a leader change, a lost connection) for this long; a Neo4j
			// gone for good is reported soon after.
			c.MaxTransactionRetryTime = 2 * connect
		})
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %s", ErrBadURI, uri, oneLine(err))
	}
	s := &Store{driver: driver, database: cfg.Database, uri: uri, queryTimeout: query}
	cctx, cancel := context.WithTimeout(ctx, connect)
	defer cancel()
	if err := driver.VerifyConnectivity(cctx); err != nil {
		_ = driver.Close(context.WithoutCancel(ctx))
		return nil, openError(ctx, uri, cfg, connect, err)
	}
	if cfg.Database != "" {
		// The connectivity check does not look at the database.
		if err := s.ping(cctx); err != nil {
			_ = driver.Close(context.WithoutCancel(ctx))
			if ctx.Err() == nil && cctx.Err() != nil {
				return nil, openError(ctx, uri, cfg, connect, err)
			}
			return nil, fmt.Errorf("open %s: database %q: %w", uri, cfg.Database, s.classify(ctx, err))
		}
	}
	return s, nil
}

// SafeURI returns uri as it may be shown: without any user information
// (user name and password), even when uri does not parse. A value that does
// not look like a URI at all ("hunter2" given as --uri by mistake) is not
// shown.
func SafeURI(uri string) string {
	scheme, rest, ok := strings.Cut(uri, "://")
	if !ok || scheme == "" || strings.ContainsAny(scheme, "@/:") {
		return notURI
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	if at := strings.LastIndex(rest[:end], "@"); at >= 0 {
		rest = rest[at+1:]
	}
	return scheme + "://" + rest
}

// notURI stands for a value that is not shown because it is not a URI.
const notURI = "(not a URI)"

// CheckURI returns an error wrapping ErrBadURI when uri is not a Bolt URI
// Open can use; the error does not show the user information in it.
func CheckURI(uri string) error {
	_, err := checkURI(uri)
	return err
}

// checkURI returns uri without user information, or an error wrapping
// ErrBadURI when it is not a Bolt URI.
func checkURI(raw string) (string, error) {
	uri := SafeURI(raw)
	if uri == notURI {
		return "", fmt.Errorf("%w: the value (not shown) does not start with SCHEME://; want neo4j://HOST:PORT or bolt://HOST:PORT", ErrBadURI)
	}
	u, err := url.Parse(uri)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		return "", fmt.Errorf("%w: %s: %v", ErrBadURI, uri, err)
	}
	if !slices.Contains(schemes, strings.ToLower(u.Scheme)) {
		return "", fmt.Errorf("%w: %s: the scheme must be one of %s (Bolt, usually port 7687; not the HTTP port 7474)", ErrBadURI, uri, strings.Join(schemes, ", "))
	}
	if u.Host == "" {
		return "", fmt.Errorf("%w: %s: no host", ErrBadURI, uri)
	}
	return uri, nil
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

// user names the user for a message: by name only when it is the default.
func user(name string) string {
	if name == "neo4j" {
		return "user neo4j"
	}
	return "the user from --username or NEO4J_USERNAME (not shown)"
}

// openError classifies a failed connectivity check. ctx is the caller's
// context; the check ran under a connect timeout of connect.
func openError(ctx context.Context, uri string, cfg Config, connect time.Duration, err error) error {
	var nerr *neo4j.Neo4jError
	if errors.As(err, &nerr) && strings.HasSuffix(nerr.Code, ".AuthenticationRateLimit") {
		return fmt.Errorf("%w at %s (%s); wait 5 seconds, then try again with the right password", ErrRateLimited, uri, nerr.Code)
	}
	if errors.As(err, &nerr) && (nerr.IsAuthenticationFailed() || strings.HasPrefix(nerr.Code, "Neo.ClientError.Security.")) {
		return fmt.Errorf("%w: %s at %s (%s)", ErrAuth, user(cfg.Username), uri, nerr.Code)
	}
	var aerr *neo4j.InvalidAuthenticationError
	if errors.As(err, &aerr) {
		return fmt.Errorf("%w: %s at %s", ErrAuth, user(cfg.Username), uri)
	}
	if ctx.Err() != nil {
		return fmt.Errorf("connect to %s: %w", uri, context.Cause(ctx))
	}
	// The driver's errors do not always wrap the context's.
	if errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), context.DeadlineExceeded.Error()) {
		return fmt.Errorf("%w at %s: no Bolt answer within %s (the connect timeout, --connect-timeout); is that Neo4j's Bolt port?", ErrUnavailable, uri, connect)
	}
	return fmt.Errorf("%w at %s (%s); %s", ErrUnavailable, uri, reason(err), startHint)
}

// reason says briefly why a connection failed.
func reason(err error) string {
	var derr *net.DNSError
	// The driver's errors do not always wrap the system's: look at the text
	// too.
	switch msg := err.Error(); {
	case errors.Is(err, syscall.ECONNREFUSED), strings.Contains(msg, "connection refused"):
		return "connection refused"
	case errors.Is(err, context.DeadlineExceeded), strings.Contains(msg, context.DeadlineExceeded.Error()):
		return "no answer in time"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		strings.Contains(msg, "connection reset"), strings.Contains(msg, "EOF"), strings.Contains(msg, "broken pipe"):
		return "the connection was closed: is that Neo4j's Bolt port?"
	case errors.As(err, &derr):
		return "no such host " + derr.Name
	}
	msg := oneLine(err)
	msg = strings.TrimPrefix(msg, "ConnectivityError: ")
	return msg
}

// oneLine returns err's text on one line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

// classify makes an error of a query or write readable: a deadline of the
// query timeout wraps ErrTimeout, a lost connection ErrUnavailable; others
// come back as they are. ctx is the caller's context, before the timeout.
func (s *Store) classify(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return err // the caller's cancellation: errors.Is(err, context.Canceled)
	}
	if errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), context.DeadlineExceeded.Error()) {
		return fmt.Errorf("%w: no answer within %s (the query timeout, --query-timeout)", ErrTimeout, s.queryTimeout)
	}
	var nerr *neo4j.Neo4jError
	if errors.As(err, &nerr) && nerr.Code == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration" {
		return fmt.Errorf("%w: no answer within %s (the query timeout, --query-timeout)", ErrTimeout, s.queryTimeout)
	}
	if lostConnection(err) {
		return fmt.Errorf("%w at %s: lost the connection (%s)", ErrUnavailable, s.uri, reason(err))
	}
	return err
}

// lostConnection reports an error of a connection that broke or could not
// be made again.
func lostConnection(err error) bool {
	var cerr *neo4j.ConnectivityError
	if neo4j.IsConnectivityError(err) || errors.As(err, &cerr) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.EPIPE) {
		return true
	}
	// Some of the driver's errors carry the cause as text only.
	msg := err.Error()
	return strings.Contains(msg, "ConnectivityError") || strings.Contains(msg, "connection reset") || strings.Contains(msg, "broken pipe")
}

// withTimeout bounds one transaction by the query timeout.
func (s *Store) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, s.queryTimeout+time.Second)
}

// txTimeout has the server end a transaction after the query timeout too.
func (s *Store) txTimeout() func(*neo4j.TransactionConfig) {
	return neo4j.WithTxTimeout(s.queryTimeout)
}

// Close closes the connection.
func (s *Store) Close(ctx context.Context) error {
	if err := s.driver.Close(ctx); err != nil {
		return fmt.Errorf("close the connection: %w", err)
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
		return fmt.Errorf("explain: %w", err)
	}
	return nil
}
