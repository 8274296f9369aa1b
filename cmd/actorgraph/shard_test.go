package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/internal/neo4jtest"
)

// TestShardedLoads loads the BBC test articles once in one process, then
// again in four concurrent processes that each take one shard, into the same
// emptied database, and checks that the two graphs are the same, actor for
// actor and sentence for sentence. Small batches make the four loads write
// the same actors and relationships at the same time.
func TestShardedLoads(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and loads the BBC articles five times")
	}
	cfg := neo4jtest.Config(t)
	neo4jtest.Lock(t, cfg)
	bin := buildBinary(t)
	const dir = "../../testdata/bbc/"

	neo4jtest.Reset(t, cfg)
	if out, err := loadProcess(bin, cfg, "load", "--quiet", "--batch-size", "25", dir).CombinedOutput(); err != nil {
		t.Fatalf("single load: %v\n%s", err, out)
	}
	single := fingerprint(t, cfg)

	neo4jtest.Reset(t, cfg)
	const n = 4
	var wg sync.WaitGroup
	outs := make([][]byte, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := loadProcess(bin, cfg, "load", "--quiet", "--batch-size", "25", "--shard", fmt.Sprintf("%d/%d", i+1, n), dir)
			outs[i], errs[i] = cmd.CombinedOutput()
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("shard %d/%d: %v\n%s", i+1, n, errs[i], outs[i])
		}
	}
	sharded := fingerprint(t, cfg)

	for _, part := range []string{"counts", "articles", "actors", "relationships"} {
		if !reflect.DeepEqual(single[part], sharded[part]) {
			t.Errorf("%s differ after %d sharded loads:\n%s", part, n, diffLines(single[part], sharded[part]))
		}
	}
	t.Logf("single and sharded loads agree: %s", strings.Join(single["counts"], ", "))
}

// loadProcess returns the command that runs the program against cfg.
func loadProcess(bin string, cfg neo4jstore.Config, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(),
		"NEO4J_URI="+cfg.URI, "NEO4J_USERNAME="+cfg.Username,
		"NEO4J_PASSWORD="+cfg.Password, "NEO4J_DATABASE="+cfg.Database)
	return cmd
}

// fingerprint describes the whole graph as sorted lines: counts of nodes by
// label and relationships by type, every article, every actor with all its
// names and roles, every relationship with all its evidence. It leaves out
// what depends on the order of writes alone: which spelling of an actor came
// first and is its name rather than an alias.
func fingerprint(t *testing.T, cfg neo4jstore.Config) map[string][]string {
	t.Helper()
	fp := map[string][]string{}
	add := func(part, line string) { fp[part] = append(fp[part], line) }
	for _, r := range neo4jtest.Exec(t, cfg, `MATCH (n) WHERE NOT n:SavedQuery UNWIND labels(n) AS label RETURN label, count(*) AS n`, nil) {
		add("counts", fmt.Sprintf("%v nodes %v", r["label"], r["n"]))
	}
	for _, r := range neo4jtest.Exec(t, cfg, `MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n, sum(coalesce(r.count, 0)) AS sentences`, nil) {
		add("counts", fmt.Sprintf("%v relationships %v with %v sentences", r["type"], r["n"], r["sentences"]))
	}
	for _, r := range neo4jtest.Exec(t, cfg, `MATCH (a:Article) RETURN a.id AS id, a.source AS source, a.title AS title, a.published AS published`, nil) {
		add("articles", fmt.Sprintf("%v|%v|%v|%v", r["id"], r["source"], r["title"], r["published"]))
	}
	for _, r := range neo4jtest.Exec(t, cfg, `MATCH (a:Actor) RETURN a.id AS id, labels(a) AS labels, [a.name] + a.aliases AS spellings, a.roles AS roles, a.names AS names`, nil) {
		add("actors", fmt.Sprintf("%v|%s|%s|%s|%s", r["id"], sorted(r["labels"]), sorted(r["spellings"]), sorted(r["roles"]), sorted(r["names"])))
	}
	for _, r := range neo4jtest.Exec(t, cfg, `MATCH (s)-[r]->(t) RETURN type(r) AS type, s.id AS s, t.id AS t, r.count AS count, r.articles AS articles, r.sentences AS sentences, r.rules AS rules`, nil) {
		var evidence []string
		if arts, ok := r["articles"].([]any); ok {
			sents, rules := r["sentences"].([]any), r["rules"].([]any)
			for i := range arts {
				evidence = append(evidence, fmt.Sprintf("%v/%v/%v", arts[i], sents[i], rules[i]))
			}
		}
		sort.Strings(evidence)
		add("relationships", fmt.Sprintf("%v|%v|%v|%v|%s", r["type"], r["s"], r["t"], r["count"], strings.Join(evidence, "&")))
	}
	for _, lines := range fp {
		sort.Strings(lines)
	}
	return fp
}

// sorted writes a list value sorted, for comparing sets.
func sorted(v any) string {
	list, _ := v.([]any)
	ss := make([]string, len(list))
	for i, x := range list {
		ss[i] = fmt.Sprint(x)
	}
	sort.Strings(ss)
	return strings.Join(ss, ";")
}

// diffLines shows the lines only one of a and b has, at most 10 of each.
func diffLines(a, b []string) string {
	in := func(l []string) map[string]bool {
		m := map[string]bool{}
		for _, s := range l {
			m[s] = true
		}
		return m
	}
	ina, inb := in(a), in(b)
	var out bytes.Buffer
	shown := 0
	for _, s := range a {
		if !inb[s] && shown < 10 {
			fmt.Fprintf(&out, "- %s\n", s)
			shown++
		}
	}
	shown = 0
	for _, s := range b {
		if !ina[s] && shown < 10 {
			fmt.Fprintf(&out, "+ %s\n", s)
			shown++
		}
	}
	fmt.Fprintf(&out, "(%d lines against %d)", len(a), len(b))
	return out.String()
}

// TestInterruptedLoadResumes interrupts a load of the BBC test articles
// while it writes, and checks that it stops within a second with
// "interrupted" and exit code 130, that what it wrote is whole batches, and
// that running it again gives the graph of a load that was never
// interrupted.
func TestInterruptedLoadResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and loads the BBC articles three times")
	}
	cfg := neo4jtest.Config(t)
	neo4jtest.Lock(t, cfg)
	bin := buildBinary(t)
	const dir = "../../testdata/bbc/"
	args := []string{"load", "--quiet", "--batch-size", "40", dir}

	neo4jtest.Reset(t, cfg)
	if out, err := loadProcess(bin, cfg, args...).CombinedOutput(); err != nil {
		t.Fatalf("load: %v\n%s", err, out)
	}
	whole := fingerprint(t, cfg)

	neo4jtest.Reset(t, cfg)
	cmd := loadProcess(bin, cfg, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some batches are in, then interrupt.
	deadline := time.Now().Add(30 * time.Second)
	for {
		n := neo4jtest.Exec(t, cfg, "MATCH (a:Article) RETURN count(a) AS n", nil)[0]["n"].(int64)
		if n >= 80 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("only %d articles after 30s", n)
		}
		time.Sleep(50 * time.Millisecond)
	}
	sent := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if took := time.Since(sent); took > time.Second {
		t.Errorf("took %s to stop", took)
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted || stderr.String() != "actorgraph: interrupted\n" {
		t.Fatalf("exit %v, stderr %q; want code %d and \"actorgraph: interrupted\"", err, stderr.String(), exitInterrupted)
	}
	n := neo4jtest.Exec(t, cfg, "MATCH (a:Article) RETURN count(a) AS n", nil)[0]["n"].(int64)
	if n == 0 || n >= 593 {
		t.Errorf("%d articles written before the interrupt; want some, not all", n)
	}
	// Whole batches only: every article written has its mentions.
	if bare := neo4jtest.Exec(t, cfg, "MATCH (a:Article) WHERE NOT (a)-[:MENTIONS]->() RETURN count(a) AS n", nil)[0]["n"]; bare != int64(0) {
		t.Errorf("%v articles without their mentions: a batch was half-written", bare)
	}
	t.Logf("interrupted after %d articles", n)

	if out, err := loadProcess(bin, cfg, args...).CombinedOutput(); err != nil {
		t.Fatalf("load again: %v\n%s", err, out)
	}
	again := fingerprint(t, cfg)
	for _, part := range []string{"counts", "articles", "actors", "relationships"} {
		if !reflect.DeepEqual(whole[part], again[part]) {
			t.Errorf("%s differ after the interrupted load and a rerun:\n%s", part, diffLines(whole[part], again[part]))
		}
	}
}
