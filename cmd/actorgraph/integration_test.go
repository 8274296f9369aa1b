package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/internal/neo4jtest"
)

const (
	missionArticle = "../../testdata/moscow-times-2025-12-02-witkoff-kushner-putin.txt"
	missionGold    = "../../testdata/gold/moscow-times-2025-12-02.gold.json"
)

// TestBinary builds the program and runs it as a user would: a missing file
// gives exit code 3 and one line on stderr, no stack trace.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH")
	}
	bin := filepath.Join(t.TempDir(), "actorgraph")
	build := exec.Command(goTool, "build", "-ldflags", "-X main.version=v0.0.0-test", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"missing file", []string{"extract", "no-such-article.txt"}, exitInput, "actorgraph: no-such-article.txt: no such file or directory\n"},
		{"unknown query", []string{"query", "nope"}, exitUsage, ""},
		{"version", []string{"version"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, tt.args...)
			cmd.Env = append(os.Environ(), "NEO4J_URI=neo4j://127.0.0.1:1")
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			if tt.stderr != "" && stderr.String() != tt.stderr {
				t.Errorf("stderr %q, want %q", stderr.String(), tt.stderr)
			}
			if tt.code != 0 && strings.Count(stderr.String(), "\n") != 1 {
				t.Errorf("want one line on stderr, got:\n%s", stderr.String())
			}
			for _, bad := range []string{"goroutine", "panic"} {
				if strings.Contains(stderr.String(), bad) {
					t.Errorf("stderr holds %q:\n%s", bad, stderr.String())
				}
			}
			if tt.name == "version" && !strings.HasPrefix(stdout.String(), "actorgraph v0.0.0-test (") {
				t.Errorf("version printed %q", stdout.String())
			}
		})
	}
}

// useNeo4j points c at the test Neo4j, holding it and emptying it for the
// test. It skips without NEO4J_URI (fails on CI).
func useNeo4j(t *testing.T, c *cli) {
	t.Helper()
	cfg := neo4jtest.Config(t)
	neo4jtest.Lock(t, cfg)
	neo4jtest.Reset(t, cfg)
	c.realStore()
	c.env["NEO4J_URI"] = cfg.URI
	c.env["NEO4J_USERNAME"] = cfg.Username
	c.env["NEO4J_PASSWORD"] = cfg.Password
	c.env["NEO4J_DATABASE"] = cfg.Database
}

// TestWrongPassword checks what a user sees when Neo4j refuses the password.
func TestWrongPassword(t *testing.T) {
	c := newCLI(t)
	useNeo4j(t, c)
	t.Cleanup(func() { resetFailedLogins(t) })
	wrong := "not-the-password-" + c.env["NEO4J_PASSWORD"]
	if code := c.run("query", "who-met", "--param", "name=Putin", "--password", wrong); code != exitNeo4j {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitNeo4j, c.errOut)
	}
	lines := c.stderrLines()
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "actorgraph: ") || !strings.Contains(lines[0], "refused the username or password") {
		t.Errorf("stderr:\n%s", c.errOut)
	}
	if strings.Contains(c.errOut.String(), wrong) {
		t.Errorf("the password was printed")
	}
}

// TestLoadAndQuery loads the mission article into the real Neo4j with the
// real extractor and asks who met Putin.
func TestLoadAndQuery(t *testing.T) {
	c := newCLI(t).realExtractor()
	useNeo4j(t, c)
	if code := c.run("load", missionArticle); code != 0 {
		t.Fatalf("load: exit code %d; stderr:\n%s", code, c.errOut)
	}
	t.Logf("load:\n%s", c.out)
	if !strings.Contains(c.out.String(), "Loaded 1 article file into") || !strings.Contains(c.out.String(), "articles           1 created") {
		t.Errorf("load summary:\n%s", c.out)
	}

	if code := c.run("load", missionArticle); code != 0 {
		t.Fatalf("second load: exit code %d; stderr:\n%s", code, c.errOut)
	}
	for _, what := range []string{"articles", "actors", "relationships"} {
		if !strings.Contains(c.out.String(), what+strings.Repeat(" ", 15-len(what))+"    0 created     0 updated") {
			t.Errorf("loading again changed %s:\n%s", what, c.out)
		}
	}

	if code := c.run("query", "who-met", "--param", "name=putin"); code != 0 {
		t.Fatalf("query: exit code %d; stderr:\n%s", code, c.errOut)
	}
	t.Logf("who-met putin:\n%s", c.out)
	for _, want := range []string{"Steve Witkoff", "Jared Kushner"} {
		if !strings.Contains(c.out.String(), want) {
			t.Errorf("who-met putin lacks %s:\n%s", want, c.out)
		}
	}

	if code := c.run("query", "who-met", "--param", "name=Nobody Atall"); code != exitUsage {
		t.Errorf("query for an unknown actor: exit code %d, want %d; stderr:\n%s", code, exitUsage, c.errOut)
	}
	if lines := c.stderrLines(); len(lines) != 1 || !strings.Contains(lines[0], `no actor named "Nobody Atall"`) {
		t.Errorf("query for an unknown actor: stderr:\n%s", c.errOut)
	}

	if code := c.run("query", "who-met", "--param", "name=Putin", "--format", "json"); code != 0 {
		t.Fatalf("query --format json: exit code %d; stderr:\n%s", code, c.errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal(c.out.Bytes(), &rows); err != nil || len(rows) == 0 {
		t.Errorf("query --format json: %v\n%s", err, c.out)
	}
}

// TestExtractMissionJSON checks the JSON contract of extract with the real
// extractor: the keys other tools (testdata/gold/score.py) read.
func TestExtractMissionJSON(t *testing.T) {
	c := newCLI(t).realExtractor()
	if code := c.run("extract", "--format", "json", missionArticle); code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", code, c.errOut)
	}
	var g struct {
		Articles []struct {
			ID, Source, Title, Published *string
		}
		Entities []struct {
			ID, Type, Name *string
			Aliases        *[]string
		}
		Relations []struct {
			Type, Source, Target *string
			Evidence             *[]struct{ Article, Sentence *string }
		}
	}
	if err := json.Unmarshal(c.out.Bytes(), &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Articles) != 1 || len(g.Entities) == 0 || len(g.Relations) == 0 {
		t.Fatalf("%d articles, %d entities, %d relations", len(g.Articles), len(g.Entities), len(g.Relations))
	}
	a := g.Articles[0]
	if a.ID == nil || a.Source == nil || a.Title == nil || a.Published == nil {
		t.Errorf("article lacks a key: %s", c.out.String()[:200])
	}
	for _, e := range g.Entities {
		if e.ID == nil || e.Type == nil || e.Name == nil || e.Aliases == nil {
			t.Fatalf("entity lacks a key")
		}
	}
	for _, r := range g.Relations {
		if r.Type == nil || r.Source == nil || r.Target == nil || r.Evidence == nil {
			t.Fatalf("relation lacks a key")
		}
		for _, ev := range *r.Evidence {
			if ev.Article == nil || ev.Sentence == nil {
				t.Fatalf("evidence lacks a key")
			}
		}
	}

	if code := c.run("eval", "--gold", missionGold, missionArticle); code != 0 {
		t.Fatalf("eval: exit code %d; stderr:\n%s", code, c.errOut)
	}
	t.Logf("eval:\n%s", c.out)
}

// resetFailedLogins logs in with the right password. Neo4j locks a user out
// for a few seconds after three failed logins in a row, and a good login
// resets the count; so the tests after a wrong-password test are not locked
// out. It waits out a lockout already there.
func resetFailedLogins(t *testing.T) {
	t.Helper()
	cfg := neo4jtest.Config(t)
	deadline := time.Now().Add(15 * time.Second)
	for {
		s, err := neo4jstore.Open(context.Background(), cfg)
		if err == nil {
			s.Close(context.Background())
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("cannot log in again after the wrong password: %v", err)
			return
		}
		time.Sleep(time.Second)
	}
}
