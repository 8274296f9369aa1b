package neo4jstore

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
)

// TestAdminImportArticles checks the article files of an import: an
// article without other fields in articles.csv, with no url or site
// property when it has none; articles with other fields in
// articles-props.csv, one column for each field any of them has, empty
// (no property) where one lacks it.
func TestAdminImportArticles(t *testing.T) {
	dir := t.TempDir()
	x, err := NewAdminImport(dir)
	if err != nil {
		t.Fatal(err)
	}
	gs := []*graph.Graph{
		{Articles: []graph.Article{{ID: "a1", Source: "a.txt", Title: "Plain", Published: "2025-01-02"}}},
		{Articles: []graph.Article{{ID: "a2", Source: "x.jsonl:1", Title: "One", URL: "https://news.example/2", Site: "news.example",
			Props: map[string]string{"section": "world", "author": "A. Writer"}}}},
		{Articles: []graph.Article{{ID: "a3", Source: "x.jsonl:2", Title: `Say "no"`,
			Props: map[string]string{"section-name": "home", "author": "B"}}}},
	}
	if err := x.Add(gs...); err != nil {
		t.Fatal(err)
	}
	files, err := x.Close(nil)
	if err != nil {
		t.Fatal(err)
	}
	if files.Articles != 3 {
		t.Errorf("Articles = %d, want 3", files.Articles)
	}
	want := []string{filepath.Join(dir, "articles.csv"), filepath.Join(dir, "articles-props.csv"), filepath.Join(dir, "actors.csv")}
	if len(files.Nodes) != len(want) {
		t.Fatalf("Nodes = %v, want %v", files.Nodes, want)
	}
	for i := range want {
		if files.Nodes[i] != want[i] {
			t.Errorf("Nodes[%d] = %s, want %s", i, files.Nodes[i], want[i])
		}
	}
	for _, tc := range []struct{ file, want string }{
		{"articles.csv", `id:ID(Article),:LABEL,source,title,published,url,site
"a1","Article","a.txt","Plain","2025-01-02",,
`},
		{"articles-props.csv", `id:ID(Article),:LABEL,source,title,published,url,site,prop_author,prop_section,prop_section_name
"a2","Article","x.jsonl:1","One","","https://news.example/2","news.example","A. Writer","world",
"a3","Article","x.jsonl:2","Say ""no""","",,,"B",,"home"
`},
	} {
		b, err := os.ReadFile(filepath.Join(dir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tc.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.file, b, tc.want)
		}
	}
}

// TestAdminImportNoProps checks that an import of articles without other
// fields writes no articles-props.csv.
func TestAdminImportNoProps(t *testing.T) {
	dir := t.TempDir()
	x, err := NewAdminImport(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Add(&graph.Graph{Articles: []graph.Article{{ID: "a1", Source: "a.txt"}}}); err != nil {
		t.Fatal(err)
	}
	files, err := x.Close(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(files.Nodes) != 2 {
		t.Errorf("Nodes = %v, want articles.csv and actors.csv", files.Nodes)
	}
	if _, err := os.Stat(filepath.Join(dir, "articles-props.csv")); !os.IsNotExist(err) {
		t.Errorf("articles-props.csv written: %v", err)
	}
}

// TestProps checks the property names of other fields: "prop_" and the
// key with anything but letters, digits and underscores made "_"; of two
// keys that come out the same, the first in byte order wins.
func TestProps(t *testing.T) {
	for _, tc := range []struct {
		in   map[string]string
		want map[string]any
	}{
		{map[string]string{"section": "a"}, map[string]any{"prop_section": "a"}},
		{map[string]string{"id": "x", "n:LABEL": "y"}, map[string]any{"prop_id": "x", "prop_n_LABEL": "y"}},
		{map[string]string{"a-b": "dash", "a_b": "underscore"}, map[string]any{"prop_a_b": "dash"}},
		{map[string]string{"é": "1"}, map[string]any{"prop_é": "1"}},
	} {
		for i := 0; i < 5; i++ { // map order must not matter
			got := props(tc.in)
			if len(got) != len(tc.want) {
				t.Fatalf("props(%v) = %v, want %v", tc.in, got, tc.want)
			}
			for k, v := range tc.want {
				if got[k] != v {
					t.Errorf("props(%v)[%s] = %v, want %v", tc.in, k, got[k], v)
				}
			}
		}
	}
}
