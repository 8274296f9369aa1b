package neo4jstore_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/internal/neo4jtest"
	"github.com/actorgraph/actorgraph/queries"
)

func TestSafeURI(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"neo4j://localhost:7687", "neo4j://localhost:7687"},
		{"neo4j://neo4j:pw@localhost:7687", "neo4j://localhost:7687"},
		{"neo4j://neo4j:p@w@localhost:7687/db?x=1", "neo4j://localhost:7687/db?x=1"},
		{"neo4j://neo4j:pw@127.0.0.1:x7687", "neo4j://127.0.0.1:x7687"},
		{"neo4j://neo4j:pw@local host:7687", "neo4j://local host:7687"},
		{"bolt://:pw@h", "bolt://h"},
		{"neo4j:pw@localhost:7687", "(not a URI)"},
		{"hunter2", "(not a URI)"},
		{"", "(not a URI)"},
		{"a@b://c", "(not a URI)"},
	} {
		if got := neo4jstore.SafeURI(tt.in); got != tt.want {
			t.Errorf("SafeURI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheckURI(t *testing.T) {
	for _, tt := range []struct {
		uri  string
		want string // part of the error; empty for none
	}{
		{"neo4j://localhost:7687", ""},
		{"bolt+s://db.example", ""},
		{"NEO4J://localhost", ""},
		{"http://localhost:7474", "the scheme must be one of neo4j, neo4j+s"},
		{"neo4j://neo4j:pw@127.0.0.1:x7687", `neo4j://127.0.0.1:x7687: invalid port ":x7687" after host`},
		{"neo4j:///path", "no host"},
		{"pw", "the value (not shown) does not start with SCHEME://"},
	} {
		err := neo4jstore.CheckURI(tt.uri)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckURI(%q) = %v", tt.uri, err)
		case tt.want != "" && (!errors.Is(err, neo4jstore.ErrBadURI) || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("CheckURI(%q) = %v, want ErrBadURI saying %q", tt.uri, err, tt.want)
		case err != nil && strings.Contains(err.Error(), "pw"):
			t.Errorf("CheckURI(%q) = %v shows the password", tt.uri, err)
		}
	}
}

// TestQueryTimeout runs a query that takes longer than the query timeout:
// it ends after the timeout with ErrTimeout, on the client and the server.
func TestQueryTimeout(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Lock(t, cfg)
	cfg.QueryTimeout = time.Second
	store, err := neo4jstore.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close(context.Background())
	slow, err := queries.Parse("slow.cypher", "// name: slow\n// description: Counts for a long time.\nUNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n ORDER BY n\n")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = store.Run(context.Background(), slow, nil)
	took := time.Since(start)
	if !errors.Is(err, neo4jstore.ErrTimeout) || !strings.Contains(err.Error(), "no answer within 1s (the query timeout, --query-timeout)") {
		t.Errorf("Run(slow) = %v, want ErrTimeout", err)
	}
	if took > 5*time.Second {
		t.Errorf("Run(slow) took %v with a timeout of 1s", took)
	}
	// A cancelled context is the caller's: not a timeout.
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	_, err = store.Run(ctx, slow, nil)
	if !errors.Is(err, context.Canceled) || errors.Is(err, neo4jstore.ErrTimeout) {
		t.Errorf("Run(slow) cancelled = %v, want context.Canceled", err)
	}
}
