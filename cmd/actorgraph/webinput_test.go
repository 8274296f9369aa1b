package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/internal/neo4jtest"
)

const missionPage = "../../internal/source/testdata/moscow-times-2025-12-02.html"

// newsServer serves n pages at /p/0 .. /p/n-1, each a report of its own,
// an RSS feed of them at /feed.xml, and a 404 at /gone. pages counts the
// page requests.
func newsServer(t *testing.T, n int, extra ...string) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	leaders := [][2]string{{"Emmanuel Macron", "Friedrich Merz"}, {"Keir Starmer", "Giorgia Meloni"}, {"Donald Tusk", "Pedro Sanchez"}, {"Mark Rutte", "Ursula von der Leyen"}}
	var pages atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/p/{n}", func(w http.ResponseWriter, r *http.Request) {
		pages.Add(1)
		var i int
		fmt.Sscan(r.PathValue("n"), &i)
		l := leaders[i%len(leaders)]
		fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Report %d</title>
<meta property="article:published_time" content="2025-11-%02dT09:00:00+01:00"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="cookies">We use cookies. <button>Accept</button></div>
<article><h1>Report %d: %s meets %s</h1>
<p>%s met %s in Brussels on Monday to discuss the budget, officials said in report number %d.</p>
<p>The two leaders spoke for two hours about trade, energy and the war, and agreed to meet again before the end of the year.</p>
<p>Neither side gave details of what was agreed, but both said the talks had been useful and that work would go on.</p>
</article>
<aside><h3>Read more</h3><a href="/x">Xi Jinping criticizes Narendra Modi</a></aside></body></html>`, i, 1+i%28, i, l[0], l[1], l[0], l[1], i)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local Wire</title><link>/</link>`)
		links := extra
		for i := range n {
			links = append(links, fmt.Sprintf("/p/%d", i))
		}
		for i, l := range links {
			fmt.Fprintf(w, `<item><title>Item %d</title><link>http://%s%s</link><pubDate>Mon, 03 Nov 2025 10:00:00 +0100</pubDate></item>`, i, r.Host, l)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/gone", http.NotFound)
	mux.Handle("/mission.html", http.FileServer(http.Dir(filepath.Dir(missionPage))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &pages
}

// TestExtractPagesFeedsAndLines extracts a local HTML page, a feed URL with
// one item whose page 404s, and JSON Lines on standard input, in one run.
func TestExtractPagesFeedsAndLines(t *testing.T) {
	srv, _ := newsServer(t, 2, "/gone")
	c := newCLI(t).realExtractor()
	c.f.IO.In = strings.NewReader(`{"url": "https://example.test/a", "title": "Talks in Ankara", "published": "2025-12-02T10:00:00+03:00", "text": "Turkish President Recep Tayyip Erdogan met Hungarian Prime Minister Viktor Orban in Ankara on Monday.", "lang": "en"}` + "\n")
	code := c.run("extract", "--format", "json", "--quiet", missionPage, srv.URL+"/feed.xml", "-")
	if code != exitInput {
		t.Errorf("exit code %d, want %d (the 404); stderr:\n%s", code, exitInput, c.errOut)
	}
	if lines := c.stderrLines(); len(lines) != 1 || !strings.Contains(lines[0], srv.URL+"/gone: 404 Not Found") {
		t.Errorf("stderr, want one line for the 404:\n%s", c.errOut)
	}
	var g graph.Graph
	if err := json.Unmarshal(c.out.Bytes(), &g); err != nil {
		t.Fatalf("%v\n%s", err, c.out)
	}
	bySource := map[string]graph.Article{}
	for _, a := range g.Articles {
		bySource[a.Source] = a
	}
	if len(g.Articles) != 4 {
		t.Errorf("%d articles, want the page, two feed items and the record: %v", len(g.Articles), bySource)
	}
	page := bySource[missionPage]
	if page.Site != "The Moscow Times" || page.Published != "2025-12-02" || !strings.Contains(page.URL, "themoscowtimes.com") {
		t.Errorf("page article %+v", page)
	}
	item := bySource[srv.URL+"/p/1"]
	if item.URL != srv.URL+"/p/1" || item.Published != "2025-11-02" || item.Title == "" {
		t.Errorf("feed item %+v", item)
	}
	rec := bySource["-:1"]
	if rec.URL != "https://example.test/a" || rec.Published != "2025-12-02" || rec.Props["lang"] != "en" {
		t.Errorf("record %+v", rec)
	}
	for _, e := range g.Entities {
		for _, furniture := range []string{"Xi Jinping", "Narendra Modi", "Lula", "Erdogan Criticizes"} {
			if strings.Contains(e.Name, furniture) {
				t.Errorf("actor %q from page furniture", e.Name)
			}
		}
	}
	found := map[string]bool{}
	for _, r := range g.Relations {
		for _, ev := range r.Evidence {
			if r.Type == graph.MetWith && ev.Article == page.ID && ev.Date == "2025-12-02" && ev.Venue == "Kremlin" && ev.Place == "Moscow" {
				found[r.Source+" "+r.Target] = true
			}
			if r.Type == graph.MetWith && ev.Article == rec.ID && ev.Place == "Ankara" && ev.Country == "Turkey" && ev.Date == "2025-12-01" {
				found["ankara"] = true
			}
		}
	}
	for _, want := range []string{"person:steve witkoff person:vladimir putin", "ankara"} {
		if !found[want] {
			t.Errorf("no meeting %s with its date and place: %v", want, found)
		}
	}
}

// TestLoadFeedTwice loads a feed of 100 local pages into the real Neo4j,
// then again: the second load fetches no page and changes nothing.
func TestLoadFeedTwice(t *testing.T) {
	srv, pages := newsServer(t, 100)
	c := newCLI(t).realExtractor()
	useNeo4j(t, c)
	if code := c.run("load", "--quiet", srv.URL+"/feed.xml"); code != 0 {
		t.Fatalf("load: exit code %d; stderr:\n%s", code, c.errOut)
	}
	t.Logf("load:\n%s", c.out)
	for _, want := range []string{"Loaded 100 article files", "articles         100 created", "100 pages fetched, 0 feed items skipped"} {
		if !strings.Contains(c.out.String(), want) {
			t.Errorf("first load lacks %q:\n%s", want, c.out)
		}
	}
	if pages.Load() != 100 {
		t.Errorf("%d pages fetched, want 100", pages.Load())
	}
	cfg := neo4jtest.Config(t)
	const countAll = `MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels, sum(size(coalesce(r.sentences, []))) AS evidence`
	before := neo4jtest.Exec(t, cfg, countAll, nil)[0]
	if code := c.run("load", "--quiet", srv.URL+"/feed.xml"); code != 0 {
		t.Fatalf("second load: exit code %d; stderr:\n%s", code, c.errOut)
	}
	t.Logf("second load:\n%s", c.out)
	for _, want := range []string{"0 pages fetched, 100 feed items skipped (already in the graph)"} {
		if !strings.Contains(c.out.String(), want) {
			t.Errorf("second load lacks %q:\n%s", want, c.out)
		}
	}
	if after := neo4jtest.Exec(t, cfg, countAll, nil)[0]; fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("the second load changed the graph: %v, then %v", before, after)
	}
	if pages.Load() != 100 {
		t.Errorf("the second load fetched %d pages", pages.Load()-100)
	}
	rows := neo4jtest.Exec(t, cfg, `MATCH (a:Article) WHERE a.url STARTS WITH $u RETURN count(*) AS n, count(DISTINCT a.published) AS days`, map[string]any{"u": srv.URL})
	if rows[0]["n"] != int64(100) || rows[0]["days"] != int64(28) {
		t.Errorf("stored %v", rows[0])
	}
}
