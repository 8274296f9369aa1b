// Package browser_test checks what an analyst sees in Neo4j Browser on the
// local Neo4j (scripts/neo4j-local): Browser is served, the HTTP API wants the
// password, the guide lists every saved query and its blocks run, and, in a
// real headless Chromium, the guide's who-met query shows its answer.
//
// The tests need the Neo4j that scripts/neo4j-local started, named by the
// variables of its env file (NEO4J_URI, NEO4J_PASSWORD, NEO4J_HTTP_URL,
// NEO4J_BROWSER_URL, NEO4J_GUIDE_URL). Without them they skip, except on CI
// (CI=true), where they fail.
package browser_test

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/internal/neo4jtest"
)

// article is the article the end-to-end checks load.
const article = "moscow-times-2025-12-02-witkoff-kushner-putin.txt"

// server holds the addresses of the local Neo4j's web server.
type server struct {
	HTTP, Browser, Guide string
}

// localServer returns the web server of the local Neo4j from the environment,
// or skips the test (fails it on CI) when it is not there.
func localServer(t *testing.T) server {
	t.Helper()
	s := server{HTTP: os.Getenv("NEO4J_HTTP_URL"), Browser: os.Getenv("NEO4J_BROWSER_URL"), Guide: os.Getenv("NEO4J_GUIDE_URL")}
	if s.HTTP == "" || s.Browser == "" || s.Guide == "" {
		msg := "NEO4J_HTTP_URL, NEO4J_BROWSER_URL or NEO4J_GUIDE_URL is not set: run `make test`, or `scripts/neo4j-local start && source .neo4j-local/env`"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg + " (CI=true: the Browser tests must run)")
		}
		t.Skip(msg)
	}
	return s
}

var client = &http.Client{Timeout: 30 * time.Second}

// get fetches url without credentials and returns the status and the body.
func get(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := client.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

// repoRoot is the repository root, from this file's place in it.
func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("no caller information")
	}
	return filepath.Dir(filepath.Dir(file))
}

// loadArticle runs `actorgraph load` on the mission article against the
// database of the environment, with a binary built from this checkout.
func loadArticle(t *testing.T) {
	t.Helper()
	root := repoRoot(t)
	bin := filepath.Join(t.TempDir(), "actorgraph")
	build := exec.Command("go", "build", "-o", bin, "./cmd/actorgraph")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/actorgraph: %v\n%s", err, out)
	}
	load := exec.Command(bin, "load", filepath.Join(root, "testdata", article))
	out, err := load.CombinedOutput()
	if err != nil {
		t.Fatalf("actorgraph load: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "saved queries installed") {
		t.Fatalf("actorgraph load did not install the saved queries:\n%s", out)
	}
}

// guideSlide is what the guide shows of one saved query.
type guideSlide struct {
	Text   string // the slide's HTML
	Params string // the :params block, unescaped; "" when there is none
	Query  string // the query block, unescaped
}

var (
	slideRE = regexp.MustCompile(`(?s)<slide [^>]*data-query="([^"]+)"[^>]*>(.*?)</slide>`)
	blockRE = regexp.MustCompile(`(?s)<pre [^>]*class="[^"]*\brunnable\b[^"]*" data-block="(params|query)">(.*?)</pre>`)
)

// parseGuide returns the slides of a guide by query name.
func parseGuide(t *testing.T, page string) map[string]guideSlide {
	t.Helper()
	slides := map[string]guideSlide{}
	for _, m := range slideRE.FindAllStringSubmatch(page, -1) {
		s := guideSlide{Text: m[2]}
		for _, b := range blockRE.FindAllStringSubmatch(m[2], -1) {
			switch b[1] {
			case "params":
				s.Params = html.UnescapeString(b[2])
			case "query":
				s.Query = html.UnescapeString(b[2])
			}
		}
		if _, dup := slides[m[1]]; dup {
			t.Errorf("guide: two slides for %s", m[1])
		}
		slides[m[1]] = s
	}
	return slides
}

func names(rows []map[string]any, key string) string {
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprint(r[key]))
	}
	return strings.Join(out, ", ")
}

// lockDatabase takes the tests' database for the test and empties it.
func lockDatabase(t *testing.T) {
	t.Helper()
	neo4jtest.Open(t)
}
