package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/internal/neo4jtest"
)

// Two articles about one person: a names him in full, b by surname only.
const (
	fullArticle    = "Putin meets envoy\n\nRussian President Vladimir Putin met US envoy Steve Witkoff in Moscow on Tuesday. Vladimir Putin said the talks were useful.\n"
	surnameArticle = "Kremlin talks go on\n\nPresident Putin met Jared Kushner in Moscow on Wednesday, the Kremlin said. Putin said the meeting was constructive.\n"
)

func writeArticles(t *testing.T) (full, surname string) {
	t.Helper()
	dir := t.TempDir()
	full, surname = filepath.Join(dir, "full.txt"), filepath.Join(dir, "surname.txt")
	for path, text := range map[string]string{full: fullArticle, surname: surnameArticle} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return full, surname
}

// putinIDs returns the ids of the stored persons whose name holds Putin.
func putinIDs(t *testing.T) []string {
	t.Helper()
	var ids []string
	for _, r := range neo4jtest.Exec(t, neo4jtest.Config(t), `MATCH (a:Person) WHERE a.name CONTAINS 'Putin' RETURN a.id AS id ORDER BY id`, nil) {
		ids = append(ids, r["id"].(string))
	}
	return ids
}

// TestLoadResolvesAgainstStored loads the two articles one after the other,
// in both orders, into a Neo4j that already holds the first: either way one
// Putin is stored, who met both envoys, and the merge log says why.
func TestLoadResolvesAgainstStored(t *testing.T) {
	full, surname := writeArticles(t)
	for _, order := range [][]string{{full, surname}, {surname, full}} {
		t.Run(filepath.Base(order[0])+" first", func(t *testing.T) {
			c := newCLI(t).realExtractor()
			useNeo4j(t, c)
			if code := c.run("load", order[0]); code != 0 {
				t.Fatalf("load %s: exit code %d; stderr:\n%s", order[0], code, c.errOut)
			}
			if code := c.run("load", order[1]); code != 0 {
				t.Fatalf("load %s: exit code %d; stderr:\n%s", order[1], code, c.errOut)
			}
			if !strings.Contains(c.out.String(), "in the merge log") {
				t.Errorf("load summary says nothing of the merge:\n%s", c.out)
			}
			if ids := putinIDs(t); len(ids) != 1 || ids[0] != "person:vladimir putin" {
				t.Errorf("stored Putins %q, want only person:vladimir putin", ids)
			}
			if code := c.run("query", "who-met", "--param", "name=putin"); code != 0 {
				t.Fatalf("query: exit code %d; stderr:\n%s", code, c.errOut)
			}
			for _, want := range []string{"Steve Witkoff", "Jared Kushner"} {
				if !strings.Contains(c.out.String(), want) {
					t.Errorf("who-met putin lacks %s:\n%s", want, c.out)
				}
			}
			if code := c.run("merges"); code != 0 {
				t.Fatalf("merges: exit code %d; stderr:\n%s", code, c.errOut)
			}
			if !strings.Contains(c.out.String(), "Putin (person:putin) joined Vladimir Putin (person:vladimir putin): surname of the only full name") {
				t.Errorf("merge log:\n%s", c.out)
			}
			// Loading both again changes nothing.
			if code := c.run("load", full, surname); code != 0 {
				t.Fatalf("reload: exit code %d; stderr:\n%s", code, c.errOut)
			}
			for _, what := range []string{"articles", "actors", "relationships"} {
				if !strings.Contains(c.out.String(), what+strings.Repeat(" ", 15-len(what))+"    0 created     0 updated") {
					t.Errorf("loading again changed %s:\n%s", what, c.out)
				}
			}
		})
	}
}

// TestMergeCommand joins two stored actors with the merge command, twice,
// and honours an identity file that keeps two apart.
func TestMergeCommand(t *testing.T) {
	full, surname := writeArticles(t)
	rules := filepath.Join(t.TempDir(), "identity.tsv")
	if err := os.WriteFile(rules, []byte("# kept apart for the test\napart\tperson:Putin\tperson:Vladimir Putin\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := newCLI(t).realExtractor()
	useNeo4j(t, c)
	if code := c.run("load", "--identity", rules, full, surname); code != 0 {
		t.Fatalf("load: exit code %d; stderr:\n%s", code, c.errOut)
	}
	if ids := putinIDs(t); len(ids) != 2 {
		t.Fatalf("with the apart rule, stored Putins %q, want two", ids)
	}
	if code := c.run("merge", "person:putin", "Vladimir Putin", "--reason", "one man"); code != 0 {
		t.Fatalf("merge: exit code %d; stderr:\n%s", code, c.errOut)
	}
	if !strings.Contains(c.out.String(), "Merged person:putin into person:vladimir putin: 1 relationship and 1 mention moved") {
		t.Errorf("merge said:\n%s", c.out)
	}
	if ids := putinIDs(t); len(ids) != 1 {
		t.Errorf("after merge, stored Putins %q", ids)
	}
	if code := c.run("merge", "person:putin", "Vladimir Putin"); code != 0 || !strings.Contains(c.out.String(), "before: nothing to do") {
		t.Errorf("second merge: exit code %d:\n%s%s", code, c.out, c.errOut)
	}
	if code := c.run("merge", "person:nobody", "Vladimir Putin"); code != exitUsage {
		t.Errorf("merge of an unknown actor: exit code %d, want %d", code, exitUsage)
	}
	if code := c.run("merges"); code != 0 || !strings.Contains(c.out.String(), "Putin (person:putin) joined Vladimir Putin (person:vladimir putin): one man") {
		t.Errorf("merges: exit code %d:\n%s", code, c.out)
	}
	if code := c.run("load", "--identity", filepath.Join(t.TempDir(), "missing.tsv"), full); code != exitInput {
		t.Errorf("load with a missing identity file: exit code %d, want %d", code, exitInput)
	}
}
