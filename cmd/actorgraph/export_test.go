package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/internal/neo4jtest"
	"github.com/actorgraph/actorgraph/queries"
)

// TestExportNeo4jAdmin loads articles with load and asks every saved query
// its example, then exports the same articles for neo4j-admin, imports them
// with the real neo4j-admin into a new database of a second Neo4j, installs
// the indexes and saved queries there, and checks that every saved query
// gives the same answer.
func TestExportNeo4jAdmin(t *testing.T) {
	if testing.Short() {
		t.Skip("runs neo4j-admin and a second Neo4j")
	}
	lib, _ := filepath.Abs("../../testdata/neo4j-launcher/target/lib")
	java, err := exec.LookPath("java")
	if _, serr := os.Stat(filepath.Join(lib, "neo4j-command-line-5.26.30.jar")); err != nil || serr != nil {
		t.Skip("no java or no Neo4j jars in testdata/neo4j-launcher/target/lib (scripts/neo4j-local start builds them)")
	}
	// A JSON Lines export whose records have other fields, different ones
	// in each, and one record with no address.
	lines := filepath.Join(t.TempDir(), "export.jsonl")
	records := `{"url": "https://news.example/a", "title": "Talks", "published": "2025-01-02", "section": "world", "author": "A. Writer", "text": "Tony Blair met Gordon Brown in London on Monday."}
{"title": "Row", "tags": ["politics", "uk"], "section-name": "home", "text": "Michael Howard criticised Tony Blair over the plans."}
`
	if err := os.WriteFile(lines, []byte(records), 0o644); err != nil {
		t.Fatal(err)
	}
	articles := append([]string{missionArticle, lines}, firstFiles(t, "../../testdata/bbc/*.txt", 60)...)

	c := newCLI(t).realExtractor()
	useNeo4j(t, c)
	if code := c.run(append([]string{"load", "--quiet", "--batch-size", "1000"}, articles...)...); code != 0 {
		t.Fatalf("load: exit code %d; stderr:\n%s", code, c.errOut)
	}
	want := savedAnswers(t, c)

	dir := t.TempDir()
	out := filepath.Join(dir, "csv")
	if code := c.run(append([]string{"export", "--format", "neo4j-admin", "--quiet", out}, articles...)...); code != 0 {
		t.Fatalf("export: exit code %d; stderr:\n%s", code, c.errOut)
	}
	t.Logf("export:\n%s", c.out)
	var command string
	for _, l := range strings.Split(c.out.String(), "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "neo4j-admin ") {
			command = l
		}
	}
	if command == "" {
		t.Fatalf("export printed no neo4j-admin command:\n%s", c.out)
	}

	// The second Neo4j keeps its store under $NEO4J_LOCAL_DIR/data, which
	// is NEO4J_HOME for neo4j-admin.
	state := filepath.Join(dir, "neo4j")
	home := filepath.Join(state, "data")
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	// The printed command, word for word (no word needs quoting here).
	args := append([]string{"-Xmx512m", "-cp", lib + "/*", "org.neo4j.cli.AdminTool"}, strings.Fields(command)[1:]...)
	imp := exec.Command(java, args...)
	imp.Env = append(os.Environ(), "NEO4J_HOME="+home)
	imp.Dir = dir // neo4j-admin writes import.report into its working directory
	if b, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("neo4j-admin: %v\n%s", err, tail(string(b), 20))
	} else {
		t.Logf("neo4j-admin: %s", tail(string(b), 5))
	}

	env := []string{"NEO4J_LOCAL_DIR=" + state, "NEO4J_LOCAL_PORT=0", "NEO4J_PASSWORD=export-test-pw"}
	start := exec.Command("../../scripts/neo4j-local", "start")
	start.Env = append(os.Environ(), env...)
	if b, err := start.CombinedOutput(); err != nil {
		t.Fatalf("neo4j-local start: %v\n%s", err, b)
	}
	t.Cleanup(func() {
		stop := exec.Command("../../scripts/neo4j-local", "stop")
		stop.Env = append(os.Environ(), env...)
		if b, err := stop.CombinedOutput(); err != nil {
			t.Errorf("neo4j-local stop: %v\n%s", err, b)
		}
	})
	cfg := readEnv(t, filepath.Join(state, "env"))
	c2 := newCLI(t).realExtractor().realStore()
	c2.env["NEO4J_URI"], c2.env["NEO4J_USERNAME"], c2.env["NEO4J_PASSWORD"], c2.env["NEO4J_DATABASE"] = cfg.URI, cfg.Username, cfg.Password, cfg.Database
	if code := c2.run("queries", "install"); code != 0 {
		t.Fatalf("queries install: exit code %d; stderr:\n%s", code, c2.errOut)
	}
	got := savedAnswers(t, c2)
	for _, q := range queries.All() {
		if got[q.Name] != want[q.Name] {
			t.Errorf("%s after the import:\n%s\nafter load:\n%s", q.Name, got[q.Name], want[q.Name])
		}
	}
	// Every article with the same properties, the other fields of the
	// JSON Lines records too.
	q := "MATCH (a:Article) RETURN a.id AS id, properties(a) AS p ORDER BY id"
	imported, _ := json.Marshal(neo4jtest.Exec(t, cfg, q, nil))
	loaded, _ := json.Marshal(neo4jtest.Exec(t, c.store0(t), q, nil))
	if string(imported) != string(loaded) {
		t.Errorf("articles after the import:\n%s\nafter load:\n%s", imported, loaded)
	}
	if !strings.Contains(string(loaded), `"prop_section_name":"home"`) || !strings.Contains(string(loaded), `"prop_author":"A. Writer"`) {
		t.Errorf("the JSON Lines fields are not article properties after load:\n%s", loaded)
	}
	// The graph, count for count (load's merge log, :IdentityMerge, is
	// not exported).
	for _, q := range []string{
		"MATCH (n) WHERE n:Actor OR n:Article RETURN count(n) AS n",
		"MATCH ()-[r]->() RETURN count(r) AS n",
		"MATCH ()-[r]->() RETURN sum(coalesce(r.count, 0)) AS n",
	} {
		n := neo4jtest.Exec(t, cfg, q, nil)[0]["n"]
		m := neo4jtest.Exec(t, c.store0(t), q, nil)[0]["n"]
		if n != m {
			t.Errorf("%s: %v after the import, %v after load", q, n, m)
		}
	}
}

// store0 is the configuration of the test Neo4j c uses.
func (c *cli) store0(t *testing.T) neo4jstore.Config {
	return neo4jstore.Config{URI: c.env["NEO4J_URI"], Username: c.env["NEO4J_USERNAME"], Password: c.env["NEO4J_PASSWORD"], Database: c.env["NEO4J_DATABASE"]}
}

// savedAnswers runs every saved query with its example parameters and
// returns each answer as JSON rows, sorted.
func savedAnswers(t *testing.T, c *cli) map[string]string {
	t.Helper()
	answers := map[string]string{}
	nonEmpty := 0
	for _, q := range queries.All() {
		args := []string{"query", q.Name, "--format", "json"}
		for _, p := range q.Params {
			args = append(args, "--param", p.Name+"="+p.Example)
		}
		if code := c.run(args...); code != 0 {
			t.Fatalf("query %s: exit code %d; stderr:\n%s", q.Name, code, c.errOut)
		}
		var rows []any
		if err := json.Unmarshal(c.out.Bytes(), &rows); err != nil {
			t.Fatalf("query %s: %v\n%s", q.Name, err, c.out)
		}
		lines := make([]string, len(rows))
		for i, r := range rows {
			b, _ := json.Marshal(r)
			lines[i] = string(b)
		}
		sort.Strings(lines)
		answers[q.Name] = strings.Join(lines, "\n")
		if len(rows) > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < len(answers)/2 {
		t.Fatalf("only %d of %d saved queries answer anything", nonEmpty, len(answers))
	}
	return answers
}

// firstFiles returns the first n files that match pattern.
func firstFiles(t *testing.T, pattern string, n int) []string {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) < n {
		t.Fatalf("%s: %d files, %v", pattern, len(files), err)
	}
	return files[:n]
}

// readEnv reads the export lines scripts/neo4j-local writes.
func readEnv(t *testing.T, path string) neo4jstore.Config {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	vars := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(strings.TrimPrefix(sc.Text(), "export "), "=")
		if ok {
			vars[k] = strings.Trim(v, `'"`)
		}
	}
	return neo4jstore.Config{URI: vars["NEO4J_URI"], Username: vars["NEO4J_USERNAME"], Password: vars["NEO4J_PASSWORD"], Database: vars["NEO4J_DATABASE"]}
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
