package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/queries"
)

// fakeExtractor finds the same two actors in every article: Witkoff met
// Putin, in the article's first line.
type fakeExtractor struct{}

func (fakeExtractor) Extract(source string, text []byte) (*graph.Graph, error) {
	if len(bytes.TrimSpace(text)) == 0 {
		return nil, extract.ErrEmpty
	}
	art := graph.Article{ID: graph.ArticleID(text), Source: source, Title: "Title of " + filepath.Base(source), Published: "2025-12-02"}
	sentence, _, _ := strings.Cut(strings.TrimSpace(string(text)), "\n")
	witkoff := graph.Entity{ID: graph.EntityID(graph.Person, "Steve Witkoff"), Type: graph.Person, Name: "Steve Witkoff", Aliases: []string{"Witkoff"}}
	putin := graph.Entity{ID: graph.EntityID(graph.Person, "Vladimir Putin"), Type: graph.Person, Name: "Vladimir Putin", Aliases: []string{"Putin"}}
	return &graph.Graph{
		Articles: []graph.Article{art},
		Entities: []graph.Entity{witkoff, putin},
		Relations: []graph.Relation{{
			Type: graph.MetWith, Source: witkoff.ID, Target: putin.ID,
			Evidence: []graph.Evidence{{Article: art.ID, Sentence: sentence, Rule: "met-with-talks"}},
		}},
	}, nil
}

// fakeStore records what the commands do with the database.
type fakeStore struct {
	calls  []string
	graphs []*graph.Graph
	result *neo4jstore.Result
	params map[string]any
}

func (s *fakeStore) Close(context.Context) error { s.calls = append(s.calls, "Close"); return nil }
func (s *fakeStore) EnsureSchema(context.Context) error {
	s.calls = append(s.calls, "EnsureSchema")
	return nil
}
func (s *fakeStore) Write(_ context.Context, g *graph.Graph) (neo4jstore.Summary, error) {
	s.calls = append(s.calls, "Write")
	s.graphs = append(s.graphs, g)
	return neo4jstore.Summary{ArticlesCreated: len(g.Articles), ActorsCreated: len(g.Entities), RelationshipsCreated: len(g.Relations), EvidenceAdded: 3}, nil
}
func (s *fakeStore) InstallQueries(_ context.Context, qs []queries.Query) (int, error) {
	s.calls = append(s.calls, "InstallQueries")
	return len(qs), nil
}
func (s *fakeStore) Run(_ context.Context, q queries.Query, params map[string]any) (*neo4jstore.Result, error) {
	s.calls = append(s.calls, "Run "+q.Name)
	s.params = params
	return s.result, nil
}

// cli is one in-process run of the program.
type cli struct {
	f           *Factory
	out, errOut *bytes.Buffer
	env         map[string]string
	store       *fakeStore
	opened      []neo4jstore.Config // what OpenStore was asked for
}

// newCLI returns a program with the fake extractor and the fake store.
func newCLI(t *testing.T) *cli {
	t.Helper()
	c := &cli{out: &bytes.Buffer{}, errOut: &bytes.Buffer{}, env: map[string]string{}, store: &fakeStore{}}
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c.f = &Factory{
		IO:        &IOStreams{In: strings.NewReader(""), Out: c.out, ErrOut: c.errOut},
		Getenv:    func(k string) string { return c.env[k] },
		Extractor: func() (Extractor, error) { return fakeExtractor{}, nil },
		OpenStore: func(_ context.Context, cfg neo4jstore.Config) (Store, error) {
			c.opened = append(c.opened, cfg)
			return c.store, nil
		},
		Now: func() time.Time { clock = clock.Add(1500 * time.Millisecond); return clock },
	}
	return c
}

// realStore makes c use the real neo4jstore.Open.
func (c *cli) realStore() *cli {
	c.f.OpenStore = systemFactory().OpenStore
	return c
}

// realExtractor makes c use the real extractor.
func (c *cli) realExtractor() *cli {
	c.f.Extractor = sharedExtractor
	return c
}

var sharedExtractor = onceExtractor(&ModelOptions{MinConfidence: -1})

func (c *cli) run(args ...string) int {
	c.out.Reset()
	c.errOut.Reset()
	return execute(context.Background(), args, c.f)
}

// stderrLines returns the lines the run wrote to stderr.
func (c *cli) stderrLines() []string {
	s := strings.TrimRight(c.errOut.String(), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// files writes the named files into a new directory and returns its path.
func files(t *testing.T, contents map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range contents {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// png is the start of a PNG image: not text.
const png = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"

const article = "Witkoff met Putin in Moscow on Tuesday.\nThe talks lasted five hours.\n"

// TestErrors checks what a user sees for bad input and bad command lines:
// the exit code, one "actorgraph: ..." line per problem, usage only for flag
// and argument errors, nothing on stdout, and no database touched.
func TestErrors(t *testing.T) {
	dir := files(t, map[string]string{
		"good.txt":        article,
		"empty.txt":       "",
		"blank.txt":       " \n\t\n",
		"image.png":       png,
		"latin1.txt":      "Caf\xe9 au lait\n",
		"notxt/notes.md":  "# notes\n",
		"notxt/image.png": png,
		"gold.json":       `{"entities":[{"type":"Person","name":"Steve Witkoff"}],"relations":[]}`,
		"badgold.json":    `{"entities":[{"type":"City","name":"Moscow"},{"type":"Person","name":"A","status":"maybe"}]}`,
	})
	p := func(name string) string { return filepath.Join(dir, name) }

	tests := []struct {
		name  string
		args  []string
		code  int
		lines []string // substrings of the stderr lines, in order; usage may follow
		usage bool
	}{
		// input
		{"missing file", []string{"extract", p("nope.txt")}, exitInput, []string{p("nope.txt") + ": no such file or directory"}, false},
		{"empty file", []string{"extract", p("empty.txt")}, exitInput, []string{p("empty.txt") + ": no article text"}, false},
		{"blank file", []string{"extract", p("blank.txt")}, exitInput, []string{p("blank.txt") + ": no article text"}, false},
		{"binary file", []string{"extract", p("image.png")}, exitInput, []string{p("image.png") + ": not a text file"}, false},
		{"not UTF-8", []string{"extract", p("latin1.txt")}, exitInput, []string{p("latin1.txt") + ": not a text file"}, false},
		{"extract directory without articles", []string{"extract", p("notxt")}, exitInput,
			[]string{p("notxt") + ": no article files in this directory (skipped image.png: not text: it is binary or not UTF-8; notes.md: text, but not a .txt file"}, false},
		{"every bad file named", []string{"extract", p("good.txt"), p("empty.txt"), p("nope.txt")}, exitInput,
			[]string{p("empty.txt") + ": no article text", p("nope.txt") + ": no such file"}, false},
		{"load missing file", []string{"load", p("nope.txt")}, exitInput, []string{p("nope.txt") + ": no such file or directory"}, false},
		{"load empty file", []string{"load", p("good.txt"), p("empty.txt")}, exitInput, []string{p("empty.txt") + ": no article text"}, false},
		{"load binary file", []string{"load", p("image.png")}, exitInput, []string{p("image.png") + ": not a text file"}, false},
		{"load directory without articles", []string{"load", p("notxt")}, exitInput, []string{p("notxt") + ": no article files in this directory (skipped "}, false},
		{"eval missing gold", []string{"eval", "--gold", p("nope.json"), p("good.txt")}, exitInput, []string{p("nope.json") + ": no such file or directory"}, false},
		{"eval bad gold", []string{"eval", "--gold", p("badgold.json"), p("good.txt")}, exitInput,
			[]string{p("badgold.json") + `: entity 0 ("Moscow"): unknown type "City"; entity 1 ("A"): unknown status "maybe"`}, false},
		{"eval missing article", []string{"eval", "--gold", p("gold.json"), p("nope.txt")}, exitInput, []string{p("nope.txt") + ": no such file"}, false},
		// usage
		{"extract without files", []string{"extract"}, exitUsage, []string{"extract takes FILE|DIR...; got no arguments"}, true},
		{"unknown format", []string{"extract", "--format", "xml", p("good.txt")}, exitUsage, []string{`unknown format "xml": use one of table, json, jsonl, cypher`}, true},
		{"explain with json", []string{"extract", "--explain", "--format", "json", p("good.txt")}, exitUsage, []string{"--explain goes with --format table"}, true},
		{"unknown flag", []string{"extract", "--colour", p("good.txt")}, exitUsage, []string{"unknown flag: --colour"}, true},
		{"unknown command", []string{"extrct"}, exitUsage, []string{`unknown command "extrct"; did you mean extract? (commands: `}, true},
		{"unknown help topic", []string{"help", "nosuch"}, exitUsage, []string{`help: unknown command "nosuch" (commands: `}, true},
		{"misspelt help topic", []string{"help", "lod"}, exitUsage, []string{`help: unknown command "lod"; did you mean load?`}, true},
		{"unknown shell", []string{"completion", "tcsh"}, exitUsage, []string{`completion: no script for "tcsh"; shells: bash, fish, powershell, zsh`}, false},
		{"bad timeout", []string{"query", "actors", "--connect-timeout", "soon"}, exitUsage, []string{`--connect-timeout "soon": time: invalid duration`}, true},
		{"http URI", []string{"query", "actors", "--uri", "http://localhost:7474"}, exitUsage, []string{"not a Neo4j Bolt URI: http://localhost:7474: the scheme must be one of neo4j, "}, false},
		{"load without files", []string{"load"}, exitUsage, []string{"load takes FILE|DIR...; got no arguments"}, true},
		{"export without directory", []string{"queries", "export"}, exitUsage, []string{"queries export takes DIR; got no arguments"}, true},
		{"eval without gold", []string{"eval", p("good.txt")}, exitUsage, []string{"--gold is required"}, true},
		{"queries with argument", []string{"queries", "list"}, exitUsage, []string{`unknown command "list"`}, true},
		{"query without name", []string{"query"}, exitUsage, []string{"query takes the name of one saved query, got 0 arguments; saved queries: "}, true},
		{"unknown query", []string{"query", "who-kissed"}, exitUsage, []string{`unknown query "who-kissed"; available: `}, false},
		{"misspelt query", []string{"query", "whomet"}, exitUsage, []string{`unknown query "whomet"; did you mean who-met?; available: `}, false},
		{"long unknown query", []string{"query", strings.Repeat("x", 100000)}, exitUsage, []string{`unknown query "` + strings.Repeat("x", 59) + `… (100000 characters)"; available: `}, false},
		{"long param", []string{"query", "most-connected", "--param", "limit=" + strings.Repeat("9", 100000)}, exitUsage, []string{`must be an integer (e.g. 10), not "` + strings.Repeat("9", 59) + `… (100000 characters)"`}, false},
		{"missing param", []string{"query", "who-met"}, exitUsage, []string{"query who-met: missing parameter name; expected: name (e.g. Putin)"}, false},
		{"empty param", []string{"query", "who-met", "--param", "name="}, exitUsage, []string{"missing parameter name"}, false},
		{"unknown param", []string{"query", "who-met", "--param", "nom=Putin"}, exitUsage, []string{`query who-met has no parameter "nom"; expected: name (e.g. Putin)`}, false},
		{"param without =", []string{"query", "who-met", "--param", "Putin"}, exitUsage, []string{`--param "Putin": want key=value`}, false},
		{"query bad format", []string{"query", "who-met", "--param", "name=Putin", "--format", "xml"}, exitUsage, []string{`unknown format "xml": use one of table, json, csv`}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			if code := c.run(tt.args...); code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, c.errOut)
			}
			lines := c.stderrLines()
			if len(lines) < len(tt.lines) {
				t.Fatalf("stderr has %d lines, want at least %d:\n%s", len(lines), len(tt.lines), c.errOut)
			}
			for i, want := range tt.lines {
				if !strings.HasPrefix(lines[i], "actorgraph: ") || !strings.Contains(lines[i], want) {
					t.Errorf("stderr line %d = %q, want \"actorgraph: ...%s...\"", i+1, lines[i], want)
				}
			}
			rest := lines[len(tt.lines):]
			hasUsage := strings.Contains(c.errOut.String(), "Usage:")
			switch {
			case tt.usage && !hasUsage:
				t.Errorf("no usage after a usage error:\n%s", c.errOut)
			case !tt.usage && len(rest) > 0:
				t.Errorf("more on stderr than the error:\n%s", c.errOut)
			}
			for _, bad := range []string{"goroutine", "panic", "Error:"} {
				if strings.Contains(c.errOut.String(), bad) {
					t.Errorf("stderr holds %q:\n%s", bad, c.errOut)
				}
			}
			if c.out.Len() > 0 {
				t.Errorf("stdout not empty:\n%s", c.out)
			}
			if len(c.opened) > 0 {
				t.Errorf("opened the database for bad input")
			}
		})
	}
}

// TestLoad checks the summary of a load and the order of the store calls.
func TestLoad(t *testing.T) {
	dir := files(t, map[string]string{
		"articles/b.txt":     "Kushner met Putin.\n",
		"articles/a.txt":     article,
		"articles/notes.md":  "not an article",
		"articles/skip.png":  png,
		"articles/sub/c.txt": "Not loaded: in a subdirectory.\n",
		"single.txt":         "Witkoff met Putin again.\n",
	})
	c := newCLI(t)
	c.env["NEO4J_URI"] = "neo4j://admin:s3cret-pw@db.example:7687"
	c.env["NEO4J_PASSWORD"] = "s3cret-pw"
	if code := c.run("load", "--top-level", filepath.Join(dir, "articles"), filepath.Join(dir, "single.txt")); code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", code, c.errOut)
	}
	if got, want := strings.Join(c.store.calls, ","), "EnsureSchema,Write,InstallQueries,Close"; got != want {
		t.Errorf("store calls %s, want %s", got, want)
	}
	if len(c.store.graphs) != 1 || len(c.store.graphs[0].Articles) != 3 {
		t.Fatalf("wrote %d graphs; want one with 3 articles", len(c.store.graphs))
	}
	var sources []string
	for _, a := range c.store.graphs[0].Articles {
		sources = append(sources, filepath.Base(a.Source))
	}
	if got := strings.Join(sources, ","); got != "a.txt,b.txt,single.txt" {
		t.Errorf("articles loaded in the order %s, want a.txt,b.txt,single.txt", got)
	}
	if c.opened[0].URI != "neo4j://admin:s3cret-pw@db.example:7687" || c.opened[0].Password != "s3cret-pw" || c.opened[0].Username != "neo4j" || c.opened[0].Database != "neo4j" {
		t.Errorf("connected with %+v", c.opened[0])
	}
	out := c.out.String()
	for _, want := range []string{
		"Read 2 article files from " + filepath.Join(dir, "articles") + "\n",
		"Loaded 3 article files into neo4j://db.example:7687 (database neo4j) in 1.5s\n",
		"articles           3 created     0 updated",
		"actors             2 created     0 updated",
		"relationships      1 created     0 updated",
		"3 evidence sentences added",
		fmt.Sprintf("%d saved queries installed", len(queries.All())),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out+c.errOut.String(), "s3cret-pw") || strings.Contains(out, "admin") {
		t.Errorf("the password or the user in the URI was printed")
	}
}

// TestConnectionSettings checks that flags win over the environment, which
// wins over the defaults.
func TestConnectionSettings(t *testing.T) {
	tests := []struct {
		name  string
		env   map[string]string
		flags []string
		want  neo4jstore.Config
	}{
		{"defaults", nil, nil, neo4jstore.Config{URI: "neo4j://localhost:7687", Username: "neo4j", Database: "neo4j", ConnectTimeout: 10 * time.Second, QueryTimeout: time.Minute}},
		{"environment",
			map[string]string{"NEO4J_URI": "bolt://e:1", "NEO4J_USERNAME": "eu", "NEO4J_PASSWORD": "ep", "NEO4J_DATABASE": "ed"}, nil,
			neo4jstore.Config{URI: "bolt://e:1", Username: "eu", Password: "ep", Database: "ed", ConnectTimeout: 10 * time.Second, QueryTimeout: time.Minute}},
		{"flags",
			map[string]string{"NEO4J_URI": "bolt://e:1", "NEO4J_USERNAME": "eu", "NEO4J_PASSWORD": "ep", "NEO4J_DATABASE": "ed"},
			[]string{"--uri", "bolt://f:2", "--username", "fu", "--password", "fp", "--database", "fd", "--connect-timeout", "2s", "--query-timeout", "3s"},
			neo4jstore.Config{URI: "bolt://f:2", Username: "fu", Password: "fp", Database: "fd", ConnectTimeout: 2 * time.Second, QueryTimeout: 3 * time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			for k, v := range tt.env {
				c.env[k] = v
			}
			c.store.result = &neo4jstore.Result{Columns: []string{"n"}, Rows: [][]any{{int64(1)}}}
			args := append([]string{"query", "actors"}, tt.flags...)
			if code := c.run(args...); code != 0 {
				t.Fatalf("exit code %d; stderr:\n%s", code, c.errOut)
			}
			if len(c.opened) != 1 || c.opened[0] != tt.want {
				t.Errorf("connected with %+v, want %+v", c.opened, tt.want)
			}
		})
	}
}

// TestPasswordNotInHelp checks that help shows no password, even one set in
// the environment.
func TestPasswordNotInHelp(t *testing.T) {
	for _, cmd := range []string{"load", "query"} {
		c := newCLI(t)
		c.env["NEO4J_PASSWORD"] = "s3cret-pw"
		if code := c.run(cmd, "--help"); code != 0 {
			t.Fatalf("%s --help: exit code %d", cmd, code)
		}
		help := c.out.String()
		if strings.Contains(help, "s3cret-pw") {
			t.Errorf("%s --help shows the password", cmd)
		}
		if !strings.Contains(help, "--password string") || !strings.Contains(help, "(default $NEO4J_PASSWORD)") {
			t.Errorf("%s --help does not describe --password:\n%s", cmd, help)
		}
	}
}

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// TestNeo4jNotRunning checks the message and exit code when no Neo4j
// answers: it names the address tried and how to start one.
func TestNeo4jNotRunning(t *testing.T) {
	addr := closedPort(t)
	good := files(t, map[string]string{"a.txt": article})
	for _, args := range [][]string{
		{"load", filepath.Join(good, "a.txt")},
		{"query", "who-met", "--param", "name=Putin"},
	} {
		t.Run(args[0], func(t *testing.T) {
			c := newCLI(t).realStore()
			c.env["NEO4J_PASSWORD"] = "s3cret-pw"
			args := append(args, "--uri", "neo4j://"+addr)
			if code := c.run(args...); code != exitNeo4j {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitNeo4j, c.errOut)
			}
			lines := c.stderrLines()
			if len(lines) != 1 {
				t.Fatalf("want one line on stderr, got:\n%s", c.errOut)
			}
			for _, want := range []string{"actorgraph: ", addr, "not reachable", "start one with"} {
				if !strings.Contains(lines[0], want) {
					t.Errorf("stderr lacks %q: %s", want, lines[0])
				}
			}
			if strings.Contains(c.errOut.String()+c.out.String(), "s3cret-pw") {
				t.Errorf("the password was printed")
			}
		})
	}
}

// TestQueryChecksBeforeConnecting checks that a bad query name or parameter
// is reported as such even when Neo4j is down.
func TestQueryChecksBeforeConnecting(t *testing.T) {
	addr := closedPort(t)
	c := newCLI(t).realStore()
	if code := c.run("query", "who-met", "--uri", "neo4j://"+addr); code != exitUsage {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitUsage, c.errOut)
	}
}

// TestExtractFormats checks each output format of extract on two articles.
func TestExtractFormats(t *testing.T) {
	dir := files(t, map[string]string{"a.txt": article, "b.txt": "Putin and Witkoff talked for hours.\n"})
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	tests := []struct {
		name    string
		args    []string
		want    []string
		notWant []string
	}{
		{"table", []string{"extract", a, b}, []string{
			"2 ARTICLES", "PUBLISHED   TITLE           SOURCE", "2025-12-02  Title of a.txt  " + a,
			"2 ACTORS", "TYPE    NAME            ALIASES", "Person  Steve Witkoff   Witkoff", "Person  Vladimir Putin  Putin",
			"1 RELATIONSHIP", "MET_WITH  Steve Witkoff  --  Vladimir Putin  2 sentences",
		}, []string{"WHY", "met-with-talks"}},
		{"explain", []string{"extract", "--explain", a}, []string{
			"1 RELATIONSHIP", "WHY\n\nMET_WITH  Steve Witkoff -- Vladimir Putin\n",
			"\n  rule met-with-talks: Witkoff met Putin in Moscow on Tuesday.\n",
		}, []string{"Title of a.txt:"}},
		{"explain two articles", []string{"extract", "--explain", a, b}, []string{
			"\n  rule met-with-talks in \"Title of a.txt\": Witkoff met Putin in Moscow on Tuesday.\n",
			"\n  rule met-with-talks in \"Title of b.txt\": Putin and Witkoff talked for hours.\n",
		}, nil},
		{"cypher", []string{"extract", "--format", "cypher", a}, []string{"MERGE", ":param"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			if code := c.run(tt.args...); code != 0 {
				t.Fatalf("exit code %d; stderr:\n%s", code, c.errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(c.out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, c.out)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(c.out.String(), w) {
					t.Errorf("output holds %q:\n%s", w, c.out)
				}
			}
			if c.errOut.Len() > 0 {
				t.Errorf("stderr not empty:\n%s", c.errOut)
			}
		})
	}
}

// TestQueriesExport checks that every saved query lands in its own file,
// header included.
func TestQueriesExport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "favorites")
	c := newCLI(t)
	if code := c.run("queries", "export", dir); code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", code, c.errOut)
	}
	qs := queries.All()
	if len(qs) == 0 {
		t.Fatal("no saved queries")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(qs) {
		t.Errorf("%d files for %d queries", len(entries), len(qs))
	}
	for _, q := range qs {
		data, err := os.ReadFile(filepath.Join(dir, q.Name+".cypher"))
		if err != nil {
			t.Error(err)
			continue
		}
		if strings.TrimSpace(string(data)) != strings.TrimSpace(q.Cypher) || !strings.HasPrefix(string(data), "// name: "+q.Name) {
			t.Errorf("%s.cypher does not hold the query with its header:\n%s", q.Name, data)
		}
	}
	if !strings.Contains(c.out.String(), fmt.Sprintf("Wrote %d queries to %s", len(qs), dir)) {
		t.Errorf("output: %s", c.out)
	}
}

// TestQueriesList checks that every query is listed with its parameters and
// an example command.
func TestQueriesList(t *testing.T) {
	c := newCLI(t)
	if code := c.run("queries"); code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", code, c.errOut)
	}
	for _, q := range queries.All() {
		if !strings.Contains(c.out.String(), q.Name+"\n  "+q.Description) {
			t.Errorf("%s is not listed with its description", q.Name)
		}
		for _, p := range q.Params {
			if !strings.Contains(c.out.String(), "--param "+shellWord(p.Name+"="+p.Example)) {
				t.Errorf("%s: no example for parameter %s", q.Name, p.Name)
			}
		}
	}
	if !strings.Contains(c.out.String(), "example: actorgraph query who-met --param name=Putin") {
		t.Errorf("no example for who-met:\n%s", c.out)
	}
}

// TestQueryFormats checks how query results are printed.
func TestQueryFormats(t *testing.T) {
	res := &neo4jstore.Result{
		Columns: []string{"met", "evidence", "count"},
		Rows: [][]any{
			{"Steve Witkoff", []any{"Talks began.", "They \"met\", twice."}, int64(2)},
			{"Jared Kushner", nil, int64(1)},
		},
	}
	tests := []struct {
		format string
		want   string
	}{
		{"table", "MET            EVIDENCE                          COUNT\n" +
			"Steve Witkoff  Talks began.; They \"met\", twice.  2\n" +
			"Jared Kushner                                    1\n"},
		{"csv", "met,evidence,count\nSteve Witkoff,\"Talks began.; They \"\"met\"\", twice.\",2\nJared Kushner,,1\n"},
		{"json", "[\n  {\"met\": \"Steve Witkoff\", \"evidence\": [\"Talks began.\",\"They \\\"met\\\", twice.\"], \"count\": 2},\n" +
			"  {\"met\": \"Jared Kushner\", \"evidence\": null, \"count\": 1}\n]\n"},
	}
	long := strings.Repeat("word ", 30)
	tests = append(tests, struct {
		format string
		want   string
	}{"terminal", "MET    EVIDENCE\nPutin  " + long[:79] + "…\n"})
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			c := newCLI(t)
			c.store.result = res
			if tt.format == "terminal" {
				c.f.IO.OutTTY = true
				tt.format = "table"
				c.store.result = &neo4jstore.Result{Columns: []string{"met", "evidence"}, Rows: [][]any{{"Putin", long}}}
			}
			if code := c.run("query", "who-met", "--param", "name=putin", "--format", tt.format); code != 0 {
				t.Fatalf("exit code %d; stderr:\n%s", code, c.errOut)
			}
			if c.out.String() != tt.want {
				t.Errorf("output:\n%s\nwant:\n%s", c.out, tt.want)
			}
			if c.store.params["name"] != "putin" {
				t.Errorf("ran with %v", c.store.params)
			}
			if got := strings.Join(c.store.calls, ","); got != "Run who-met,Close" {
				t.Errorf("store calls %s", got)
			}
			wantCount := "2 rows\n"
			if tt.format == "table" && c.f.IO.OutTTY {
				wantCount = "1 row (values cut at 80 characters: --format csv or json shows them whole)\n"
			}
			if c.errOut.String() != wantCount {
				t.Errorf("stderr %q, want %q", c.errOut, wantCount)
			}
		})
	}
}

// TestQueryHiddenCharacters checks that control and format characters
// stored in Neo4j (a right-to-left override in a name, say) are escaped in
// table and CSV output, and kept as data in JSON.
func TestQueryHiddenCharacters(t *testing.T) {
	res := &neo4jstore.Result{
		Columns: []string{"actor", "aliases"},
		Rows:    [][]any{{"Vladimir \u202enituP\u202c", []any{"Pu\u200btin", "\x1b[31mred"}}},
	}
	for format, want := range map[string]string{
		"table": "ACTOR                       ALIASES\nVladimir \\u202enituP\\u202c  Pu\\u200btin; \\u001b[31mred\n",
		"csv":   "actor,aliases\nVladimir \\u202enituP\\u202c,Pu\\u200btin; \\u001b[31mred\n",
		"json":  "[\n  {\"actor\": \"Vladimir \u202enituP\u202c\", \"aliases\": [\"Pu\u200btin\",\"\\u001b[31mred\"]}\n]\n",
	} {
		t.Run(format, func(t *testing.T) {
			c := newCLI(t)
			c.store.result = res
			if code := c.run("query", "actors", "--format", format); code != 0 {
				t.Fatalf("exit code %d; stderr:\n%s", code, c.errOut)
			}
			if c.out.String() != want {
				t.Errorf("output:\n%q\nwant:\n%q", c.out, want)
			}
		})
	}
}

// TestQueryDefaults checks that a parameter with a documented default may be
// left out, and that an actor parameter may not.
func TestQueryDefaults(t *testing.T) {
	c := newCLI(t)
	c.store.result = &neo4jstore.Result{Columns: []string{"actor"}}
	if code := c.run("query", "most-connected"); code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", code, c.errOut)
	}
	if c.store.params["limit"] != int64(10) {
		t.Errorf("most-connected ran with %v, want limit 10", c.store.params)
	}
	if c.errOut.String() != "0 rows\n" {
		t.Errorf("stderr %q", c.errOut)
	}
}

// TestEval checks the report of eval on an article whose extraction finds
// one of the gold meetings and misses the rest.
func TestEval(t *testing.T) {
	dir := files(t, map[string]string{
		"a.txt": article,
		"gold.json": `{"article": "a.txt", "entities": [
			{"type": "Person", "name": "Steve Witkoff", "aliases": ["Witkoff"], "status": "required"},
			{"type": "Person", "name": "Vladimir Putin", "aliases": ["Putin"], "status": "required"},
			{"type": "Country", "name": "Russia", "status": "required"}],
		  "relations": [{"type": "MET_WITH", "source": "Vladimir Putin", "target": "Steve Witkoff", "status": "required"},
			{"type": "CRITICIZED", "source": "Russia", "target": "Steve Witkoff", "status": "required"}]}`,
	})
	c := newCLI(t)
	if code := c.run("eval", "--gold", filepath.Join(dir, "gold.json"), filepath.Join(dir, "a.txt")); code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", code, c.errOut)
	}
	for _, want := range []string{
		"                       P     R    F1  CORRECT FALSE POS  REQUIRED",
		"Person              1.00  1.00  1.00        2         0       2/2",
		"Country             1.00  0.00  0.00        0         0       0/1",
		"all actors          1.00  0.67  0.80        2         0       2/3",
		"MET_WITH            1.00  1.00  1.00        1         0       1/1",
		"all relationships   1.00  0.50  0.67        1         0       1/2",
		"Missed (2)\n  entity MISS Country: Russia\n  relation MISS CRITICIZED: Russia -> Steve Witkoff\n",
		"False positives (0)\n",
	} {
		if !strings.Contains(c.out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, c.out)
		}
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		c := newCLI(t)
		if code := c.run(args...); code != 0 {
			t.Fatalf("exit code %d", code)
		}
		if !strings.HasPrefix(c.out.String(), "actorgraph ") {
			t.Errorf("%v printed %q", args, c.out)
		}
	}
	old := version
	version = "v9.9.9"
	defer func() { version = old }()
	if got := versionString(); !strings.HasPrefix(got, "actorgraph v9.9.9 (") {
		t.Errorf("versionString() = %q", got)
	}
}

// TestExitCode checks the classification of errors that commands do not
// produce in the tests above.
func TestExitCode(t *testing.T) {
	tests := []struct {
		err  error
		code int
	}{
		{errors.New("boom"), exitError},
		{fmt.Errorf("open: %w", neo4jstore.ErrAuth), exitNeo4j},
		{fmt.Errorf("x: %w", neo4jstore.ErrUnavailable), exitNeo4j},
		{fmt.Errorf("x: %w", neo4jstore.ErrRateLimited), exitNeo4j},
		{fmt.Errorf("x: %w", neo4jstore.ErrTimeout), exitNeo4j},
		{fmt.Errorf("write: %w", &neo4j.ConnectivityError{Inner: io.EOF}), exitNeo4j},
		{fmt.Errorf("write: %w", &neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable"}), exitNeo4j},
		{fmt.Errorf("open: %w", neo4jstore.ErrBadURI), exitUsage},
		{fmt.Errorf("who-met: %w", neo4jstore.ErrNoActor), exitUsage},
		{fmt.Errorf("extract: %w", extract.ErrBinary), exitInput},
		{context.Canceled, exitInterrupted},
		{fmt.Errorf("extract: %w", context.Canceled), exitInterrupted},
		{fmt.Errorf("write: %w", context.Canceled), exitInterrupted},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.code {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.code)
		}
	}
}

// TestHelpAndCompletion checks cobra's help and completion commands.
func TestHelpAndCompletion(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{nil, "Available Commands:"},
		{[]string{"help"}, "Available Commands:"},
		{[]string{"help", "load"}, "--uri string"},
		{[]string{"extract", "--help"}, "--explain"},
		{[]string{"completion", "bash"}, "bash completion"},
		{[]string{"completion", "zsh"}, "zsh completion"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			c := newCLI(t)
			if code := c.run(tt.args...); code != 0 {
				t.Fatalf("exit code %d; stderr:\n%s", code, c.errOut)
			}
			if !strings.Contains(c.out.String(), tt.want) {
				t.Errorf("output lacks %q:\n%.500s", tt.want, c.out)
			}
		})
	}
}

// TestExamplesRun checks that the examples in the help of extract, queries
// and eval are command lines the program accepts.
func TestExamplesRun(t *testing.T) {
	root := newRootCmd(newCLI(t).f)
	ran := 0
	for _, cmd := range append(root.Commands(), root) {
		for _, line := range strings.Split(cmd.Example, "\n") {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "actorgraph extract ") {
				continue
			}
			line, _, _ = strings.Cut(line, " >")
			args := strings.Fields(line)[1:]
			for i, a := range args {
				if strings.HasSuffix(a, ".txt") {
					args[i] = "testdata/articles/a.txt"
				}
			}
			c := newCLI(t)
			if code := c.run(args...); code != 0 {
				t.Errorf("example %q: exit code %d; stderr:\n%s", line, code, c.errOut)
			}
			ran++
		}
	}
	if ran < 4 {
		t.Errorf("ran %d examples of extract, want at least 4", ran)
	}
}
