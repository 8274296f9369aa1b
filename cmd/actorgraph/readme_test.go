package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// reReadmeQuery finds the query examples of the README: in code blocks and
// in the table of saved queries.
var reReadmeQuery = regexp.MustCompile("(?m)(?:^|`)bin/actorgraph (query [^`\\n#]*)")

// TestReadmeQueryExamples runs every "bin/actorgraph query" example of the
// README against the mission article in the real Neo4j, as after make demo:
// each must work as printed and give rows, and who-met-whom as many as the
// demo output shows.
func TestReadmeQueryExamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	c := newCLI(t).realExtractor()
	useNeo4j(t, c)
	if code := c.run("load", "-q", missionArticle); code != 0 {
		t.Fatalf("load: exit code %d; stderr:\n%s", code, c.errOut)
	}
	ran := 0
	for _, m := range reReadmeQuery.FindAllStringSubmatch(string(readme), -1) {
		line := strings.TrimSpace(m[1])
		args, ok := shellFields(line)
		if !ok {
			t.Errorf("example %q: cannot split it", line)
			continue
		}
		t.Run(line, func(t *testing.T) {
			if code := c.run(args...); code != 0 {
				t.Fatalf("exit code %d; stderr:\n%s", code, c.errOut)
			}
			if strings.HasPrefix(c.errOut.String(), "0 rows") {
				t.Errorf("no rows")
			}
		})
		ran++
	}
	if ran < 15 {
		t.Errorf("ran %d query examples of the README, want at least 15", ran)
	}
	// The demo's row count, as the quick start prints it.
	m := regexp.MustCompile(`(?m)^(\d+) rows.*\nNeo4j is still running`).FindSubmatch(readme)
	if m == nil {
		t.Fatal("no row count in the README's demo output")
	}
	if code := c.run("query", "who-met-whom"); code != 0 {
		t.Fatalf("who-met-whom: exit code %d; stderr:\n%s", code, c.errOut)
	}
	if got := strings.Fields(c.errOut.String())[0]; got != string(m[1]) {
		t.Errorf("who-met-whom gives %s rows; the README's demo says %s", got, m[1])
	}
}

// shellFields splits a command line as a POSIX shell would, for the words
// and single quotes the README uses.
func shellFields(line string) ([]string, bool) {
	var out []string
	var cur strings.Builder
	inWord, quoted := false, false
	for _, r := range line {
		switch {
		case quoted && r == '\'':
			quoted = false
		case quoted:
			cur.WriteRune(r)
		case r == '\'':
			quoted, inWord = true, true
		case r == ' ' || r == '\t':
			if inWord {
				out = append(out, cur.String())
				cur.Reset()
				inWord = false
			}
		case strings.ContainsRune(`"\$|&;<>()`, r):
			return nil, false
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		out = append(out, cur.String())
	}
	return out, !quoted
}
