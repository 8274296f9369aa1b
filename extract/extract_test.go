package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// The extractor takes about half a second to load; every test of the
// package shares one.
var (
	sharedOnce sync.Once
	sharedX    *Extractor
	sharedErr  error
)

func extractor(tb testing.TB) *Extractor {
	tb.Helper()
	sharedOnce.Do(func() { sharedX, sharedErr = New() })
	if sharedErr != nil {
		tb.Fatalf("New: %v", sharedErr)
	}
	return sharedX
}

// articles returns the paths of the test articles: every .txt in the
// repository's testdata and testdata/bbc.
func articles(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, pattern := range []string{"../testdata/*.txt", "../testdata/bbc/*.txt"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, paths...)
	}
	if len(out) == 0 {
		tb.Fatal("no test articles in ../testdata")
	}
	return out
}

func readFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestGolden extracts the test articles that have a golden file (the mission
// article and the first 28 BBC ones) and compares the graph, as indented
// JSON, with testdata/golden/<name>.json. Run with -update to rewrite them
// after a deliberate change, and review the diff.
func TestGolden(t *testing.T) {
	x := extractor(t)
	for _, path := range articles(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		golden := filepath.Join("testdata", "golden", name+".json")
		if _, err := os.Stat(golden); err != nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			// The source is the name, not the path, so the output does not
			// depend on where the test runs from.
			g, err := x.Extract(filepath.Base(path), readFile(t, path))
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(g, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("extract %s differs from %s (run with -update after checking the change):\n%s", path, golden, lineDiff(string(want), string(got)))
			}
		})
	}
}

// lineDiff lists the lines only in want (-) and only in got (+), in order; a
// short report is enough to see what changed.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	count := func(ls []string) map[string]int {
		m := map[string]int{}
		for _, l := range ls {
			m[l]++
		}
		return m
	}
	wc, gc := count(wl), count(gl)
	var b strings.Builder
	n := 0
	for _, l := range wl {
		if gc[l] > 0 {
			gc[l]--
			continue
		}
		if n++; n <= 40 {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	for _, l := range gl {
		if wc[l] > 0 {
			wc[l]--
			continue
		}
		if n++; n <= 40 {
			fmt.Fprintf(&b, "+ %s\n", l)
		}
	}
	if n > 40 {
		fmt.Fprintf(&b, "... and %d more lines\n", n-40)
	}
	return b.String()
}

func TestExtractErrors(t *testing.T) {
	x := extractor(t)
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"nil", nil, ErrEmpty},
		{"empty", []byte(""), ErrEmpty},
		{"spaces", []byte("   "), ErrEmpty},
		{"whitespace", []byte(" \n\t\r\n\f \n"), ErrEmpty},
		{"furniture only", []byte("Embed:\n\nRead more: elsewhere\n\nhttps://example.com/a\n"), ErrEmpty},
		{"markup only", []byte("<p></p>\n\n****\n"), ErrEmpty},
		{"NUL byte", []byte("Anna Berg met\x00 Tomas Lind."), ErrBinary},
		{"only NULs", []byte{0, 0, 0, 0}, ErrBinary},
		{"invalid UTF-8", []byte("Anna Berg met \xff\xfe Tomas Lind."), ErrBinary},
		{"Latin-1", []byte("Zel\xe9nsky met Anna Berg."), ErrBinary},
		{"PNG header", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary},
		{"many control characters", bytes.Repeat([]byte("a\x01\x02\x03"), 50), ErrBinary},
		{"gzip header", []byte{0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00}, ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := x.Extract("test", tt.in)
			if !errors.Is(err, tt.want) {
				t.Errorf("Extract(%q) error = %v, want %v", tt.in, err, tt.want)
			}
			if g != nil {
				t.Errorf("Extract(%q) returned a graph with an error: %+v", tt.in, g)
			}
		})
	}
}

// TestExtractText checks that short plain texts are articles, not errors.
func TestExtractText(t *testing.T) {
	x := extractor(t)
	for _, in := range []string{
		"Anna Berg met Tomas Lind.",
		"Talks in Oslo",
		"a",
		"Zelénsky met Anna Berg.\f",
	} {
		g, err := x.Extract("test", []byte(in))
		if err != nil {
			t.Errorf("Extract(%q): %v", in, err)
			continue
		}
		if len(g.Articles) != 1 || g.Articles[0].ID != graph.ArticleID([]byte(in)) || g.Articles[0].Source != "test" {
			t.Errorf("Extract(%q) articles = %+v, want one with the text's id and source", in, g.Articles)
		}
	}
}

// checkInvariants reports every way g is not a well-formed graph of one article.
func checkInvariants(g *graph.Graph) []string {
	var errs []string
	if len(g.Articles) != 1 {
		errs = append(errs, fmt.Sprintf("%d articles, want 1", len(g.Articles)))
	}
	ids := map[string]bool{}
	for _, e := range g.Entities {
		if ids[e.ID] {
			errs = append(errs, fmt.Sprintf("entity id %q twice", e.ID))
		}
		ids[e.ID] = true
		if !e.Type.Valid() {
			errs = append(errs, fmt.Sprintf("entity %q has type %q", e.ID, e.Type))
		}
		if want := graph.EntityID(e.Type, e.Name); e.ID != want {
			errs = append(errs, fmt.Sprintf("entity %q (%s %q) should have id %q", e.ID, e.Type, e.Name, want))
		}
		if graph.Normalize(e.Name) == "" {
			errs = append(errs, fmt.Sprintf("entity %q has a name with no letters or digits: %q", e.ID, e.Name))
		}
		if e.Aliases == nil {
			errs = append(errs, fmt.Sprintf("entity %q has nil aliases (JSON null)", e.ID))
		}
	}
	keys := map[string]bool{}
	for _, r := range g.Relations {
		if !r.Type.Valid() {
			errs = append(errs, fmt.Sprintf("relation %s has an unknown type", r.Key()))
		}
		if !ids[r.Source] {
			errs = append(errs, fmt.Sprintf("relation %s: source is not an entity", r.Key()))
		}
		if !ids[r.Target] {
			errs = append(errs, fmt.Sprintf("relation %s: target is not an entity", r.Key()))
		}
		if r.Source == r.Target {
			errs = append(errs, fmt.Sprintf("relation %s relates an entity to itself", r.Key()))
		}
		if keys[r.Key()] {
			errs = append(errs, fmt.Sprintf("relation %s twice", r.Key()))
		}
		keys[r.Key()] = true
		if len(r.Evidence) == 0 {
			errs = append(errs, fmt.Sprintf("relation %s has no evidence", r.Key()))
		}
		for _, ev := range r.Evidence {
			if strings.TrimSpace(ev.Sentence) == "" || ev.Rule == "" {
				errs = append(errs, fmt.Sprintf("relation %s: evidence %+v lacks a sentence or rule", r.Key(), ev))
			}
			if len(g.Articles) > 0 && ev.Article != g.Articles[0].ID {
				errs = append(errs, fmt.Sprintf("relation %s: evidence from article %q", r.Key(), ev.Article))
			}
		}
	}
	for _, m := range g.Mentions {
		if !ids[m.Entity] {
			errs = append(errs, fmt.Sprintf("mention of %q, which is not an entity", m.Entity))
		}
	}
	return errs
}

func TestInvariants(t *testing.T) {
	x := extractor(t)
	for _, path := range articles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			text := readFile(t, path)
			g, err := x.Extract(path, text)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range checkInvariants(g) {
				t.Error(e)
			}
			again, err := x.Extract(path, text)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(g, again) {
				t.Error("two extractions of the same text differ")
			}
			if len(g.Relations) == 0 {
				t.Log("no relations")
			}
		})
	}
}

// TestConcurrent checks the documented promise that an Extractor is safe for
// concurrent use (run with -race to make it count).
func TestConcurrent(t *testing.T) {
	x := extractor(t)
	paths := articles(t)
	texts := make([][]byte, len(paths))
	want := make([]*graph.Graph, len(paths))
	for i, p := range paths {
		texts[i] = readFile(t, p)
		g, err := x.Extract(p, texts[i])
		if err != nil {
			t.Fatal(err)
		}
		want[i] = g
	}
	var wg sync.WaitGroup
	got := make([]*graph.Graph, len(paths))
	errs := make([]error, len(paths))
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], errs[i] = x.Extract(p, texts[i])
		}()
	}
	wg.Wait()
	for i := range paths {
		if errs[i] != nil {
			t.Errorf("%s: %v", paths[i], errs[i])
			continue
		}
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("%s: concurrent extraction differs from sequential", paths[i])
		}
	}
}
