package source_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/internal/source"
)

const missionPage = "testdata/moscow-times-2025-12-02.html"

// collect reads args with r and returns the articles and the problems.
func collect(t *testing.T, r *source.Reader, args ...string) ([]*source.Article, []*source.Problem) {
	t.Helper()
	var arts []*source.Article
	var probs []*source.Problem
	for a, err := range r.Articles(context.Background(), args) {
		if err != nil {
			var p *source.Problem
			if !errors.As(err, &p) {
				t.Fatalf("error that is not a problem: %v", err)
			}
			probs = append(probs, p)
			continue
		}
		arts = append(arts, a)
	}
	return arts, probs
}

// paragraphs of filler text, so that a page passes for an article.
func filler(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "<p>Paragraph %d of the report says that the negotiators met for several hours and spoke about the terms of the plan in detail.</p>\n", i)
	}
	return b.String()
}

func page(title, date, extra string) string {
	return `<!DOCTYPE html><html><head><title>` + title + `</title>` +
		`<meta property="article:published_time" content="` + date + `"></head><body>` +
		`<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>` + title + `</h1>` + extra + filler(4) + `</article></body></html>`
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, data string
		want       source.Kind
		err        string
	}{
		{"text", "Putin met Witkoff.\n\nThey talked.", source.Text, ""},
		{"html doctype", "\ufeff  <!DOCTYPE html><html><body><p>x</p></body></html>", source.HTML, ""},
		{"html fragment", "<div><p>x</p></div>", source.HTML, ""},
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, source.Feed, ""},
		{"atom", `<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<feed xmlns="http://www.w3.org/2005/Atom"></feed>`, source.Feed, ""},
		{"json feed", `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, source.Feed, ""},
		{"json lines", `{"url": "https://x.test/a", "text": "Putin met Witkoff."}` + "\n" + `{"text": "b"}`, source.Lines, ""},
		{"other json", `{"entities": []}`, "", "not JSON Lines"},
		{"json array", `[{"text": "a"}]`, "", "JSON array"},
		{"other xml", `<?xml version="1.0"?><svg></svg>`, "", "neither a feed"},
		{"empty", " \n\t", "", "empty"},
		{"binary", "PK\x03\x04\x00\x00", "", "binary"},
		{"latin-1", "Caf\xe9 talks", "", "not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := source.Detect([]byte(tt.data))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Detect = %q, %v; want an error with %q", got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Detect = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestReadHTMLMetadata(t *testing.T) {
	data, err := os.ReadFile(missionPage)
	if err != nil {
		t.Fatal(err)
	}
	a, err := source.ReadHTML(data, "https://example.test/page")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Witkoff and Kushner Meet With Putin to Discuss Trump's Ukraine Peace Plan" {
		t.Errorf("title %q", a.Title)
	}
	if a.Published != "2025-12-02" {
		t.Errorf("published %q, want 2025-12-02", a.Published)
	}
	if a.Site != "The Moscow Times" {
		t.Errorf("site %q", a.Site)
	}
	if !strings.Contains(a.URL, "themoscowtimes.com") {
		t.Errorf("url %q, want the canonical one", a.URL)
	}
	for _, furniture := range []string{"cookies", "Trending", "Lula", "Erdogan", "Orban", "Lavrov", "Medvedev", "Subscribe", "Arts and Life"} {
		if strings.Contains(a.Text, furniture) {
			t.Errorf("page furniture %q in the text", furniture)
		}
	}
	for _, body := range []string{"arrived in Moscow", "underway in the Kremlin", "Rep. Don Bacon"} {
		if !strings.Contains(a.Text, body) {
			t.Errorf("text lacks %q", body)
		}
	}
}

// TestPublishedTimeZone: the date is the publisher's, in its own zone.
func TestPublishedTimeZone(t *testing.T) {
	for _, tt := range []struct{ stamp, want string }{
		{"2025-12-02T01:30:00+03:00", "2025-12-02"}, // 2025-12-01 in UTC
		{"2025-12-31T23:30:00-05:00", "2025-12-31"}, // 2026-01-01 in UTC
		{"2026-01-01T00:10:00Z", "2026-01-01"},
	} {
		a, err := source.ReadHTML([]byte(page("Talks", tt.stamp, "")), "")
		if err != nil {
			t.Fatal(err)
		}
		if a.Published != tt.want {
			t.Errorf("%s: published %q, want %q", tt.stamp, a.Published, tt.want)
		}
	}
}

func TestReadHTMLNotArticle(t *testing.T) {
	_, err := source.ReadHTML([]byte(`<html><body><nav><a href="/">Home</a></nav><p>Page not found.</p></body></html>`), "")
	if !errors.Is(err, source.ErrNotArticle) {
		t.Fatalf("err = %v, want ErrNotArticle", err)
	}
}

// newsSite serves pages at /p/N, a 404 at /missing, a page that never
// answers in time at /slow, a 50 MB page at /huge, and any feed put in
// feeds. hits counts the requests to /p/.
type newsSite struct {
	*httptest.Server
	feeds        map[string]string
	hits         atomic.Int64
	agents       sync.Map
	active, peak atomic.Int64
}

func newNewsSite(t *testing.T) *newsSite {
	s := &newsSite{feeds: map[string]string{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/p/{n}", func(w http.ResponseWriter, r *http.Request) {
		n := s.active.Add(1)
		defer s.active.Add(-1)
		for p := s.peak.Load(); n > p && !s.peak.CompareAndSwap(p, n); p = s.peak.Load() {
		}
		s.hits.Add(1)
		s.agents.Store(r.UserAgent(), true)
		time.Sleep(5 * time.Millisecond)
		id := r.PathValue("n")
		fmt.Fprint(w, page("Report "+id, "2025-11-0"+id[len(id)-1:]+"T10:00:00Z", "<p>Report number "+id+".</p>"))
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("length") != "" {
			w.Header().Set("Content-Length", fmt.Sprint(50<<20))
		}
		chunk := []byte(strings.Repeat("<p>Lorem ipsum dolor sit amet.</p>\n", 1000))
		fmt.Fprint(w, "<html><body>")
		for sent := 0; sent < 50<<20; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/feed/{name}", func(w http.ResponseWriter, r *http.Request) {
		f, ok := s.feeds[r.PathValue("name")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, f)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func rss(base string, links ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local News</title><link>` + base + `</link>`)
	for i, l := range links {
		fmt.Fprintf(&b, `<item><title>Item %d</title><link>%s</link><pubDate>Tue, 02 Dec 2025 09:00:00 +0300</pubDate></item>`, i, l)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func fastFetcher() *source.Fetcher {
	f := source.NewFetcher()
	f.Timeout = 300 * time.Millisecond
	f.Retries = 1
	f.Backoff = 10 * time.Millisecond
	return f
}

func TestRSSFeed(t *testing.T) {
	s := newNewsSite(t)
	// A relative link, an absolute one and one whose page 404s.
	s.feeds["rss"] = rss(s.URL, "/p/1", s.URL+"/p/2", s.URL+"/missing")
	r := &source.Reader{Fetcher: fastFetcher()}
	arts, probs := collect(t, r, s.URL+"/feed/rss")
	if len(arts) != 2 {
		t.Fatalf("%d articles, want 2 (problems %v)", len(arts), probs)
	}
	if len(probs) != 1 || probs[0].Source != s.URL+"/missing" || !errors.Is(probs[0].Err, source.ErrStatus) {
		t.Fatalf("problems %v, want the 404 of /missing", probs)
	}
	for i, a := range arts {
		if want := fmt.Sprintf("%s/p/%d", s.URL, i+1); a.URL != want || a.Source != want {
			t.Errorf("article %d: url %q source %q, want %q", i, a.URL, a.Source, want)
		}
		// The page's own title and date come first.
		if a.Title != fmt.Sprintf("Report %d", i+1) || a.Published != fmt.Sprintf("2025-11-0%d", i+1) {
			t.Errorf("article %d: title %q published %q", i, a.Title, a.Published)
		}
	}
	if _, ok := s.agents.Load(source.UserAgent); !ok {
		t.Errorf("the pages were not fetched with the User-Agent %q", source.UserAgent)
	}
}

func TestAtomFeedBacksUpThePage(t *testing.T) {
	s := newNewsSite(t)
	s.feeds["atom"] = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2025-12-02T10:00:00Z</updated>
<entry><title>From the feed</title><id>urn:1</id><link href="` + s.URL + `/plain"/><published>2025-12-01T22:30:00-05:00</published><updated>2025-12-02T10:00:00Z</updated></entry>
</feed>`
	// A page with no title and no date of its own.
	s.Config.Handler.(*http.ServeMux).HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><article>`+filler(3)+`</article></body></html>`)
	})
	arts, probs := collect(t, &source.Reader{Fetcher: fastFetcher()}, s.URL+"/feed/atom")
	if len(arts) != 1 || len(probs) != 0 {
		t.Fatalf("%d articles, problems %v", len(arts), probs)
	}
	if a := arts[0]; a.Title != "From the feed" || a.Published != "2025-12-01" || a.Site != "Wire" {
		t.Errorf("title %q published %q site %q; want the feed's", a.Title, a.Published, a.Site)
	}
}

func TestBadPagesAreSkipped(t *testing.T) {
	s := newNewsSite(t)
	f := fastFetcher()
	f.MaxBytes = 10 << 20
	r := &source.Reader{Fetcher: f}
	start := time.Now()
	arts, probs := collect(t, r, s.URL+"/slow", s.URL+"/huge", s.URL+"/huge?length=1", s.URL+"/missing", "ftp://x.test/a", s.URL+"/p/1")
	if len(arts) != 1 || arts[0].URL != s.URL+"/p/1" {
		t.Fatalf("articles %v, want only /p/1", arts)
	}
	want := []struct {
		source string
		err    string
	}{
		{s.URL + "/slow", "timed out"},
		{s.URL + "/huge", "larger than the size limit"},
		{s.URL + "/huge?length=1", "larger than the size limit"},
		{s.URL + "/missing", "404 Not Found"},
		{"ftp://x.test/a", "no such file"},
	}
	if len(probs) != len(want) {
		t.Fatalf("problems %v, want %d", probs, len(want))
	}
	for i, w := range want {
		if probs[i].Source != w.source || !strings.Contains(probs[i].Err.Error(), w.err) || strings.Contains(probs[i].Error(), "\n") {
			t.Errorf("problem %d: %q, want %s: ...%s...", i, probs[i].Error(), w.source, w.err)
		}
	}
	// Two attempts of 300 ms for /slow, with a backoff; not the server's 5 s.
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestFeedOf100ReloadsNothing(t *testing.T) {
	s := newNewsSite(t)
	var links []string
	for i := range 100 {
		links = append(links, fmt.Sprintf("%s/p/%d", s.URL, i))
	}
	s.feeds["big"] = rss(s.URL, links...)
	stored := map[string]bool{}
	r := &source.Reader{Fetcher: fastFetcher(), Known: source.Known{URL: func(u string) bool { return stored[u] }}}
	arts, probs := collect(t, r, s.URL+"/feed/big")
	if len(arts) != 100 || len(probs) != 0 {
		t.Fatalf("first load: %d articles, problems %v", len(arts), probs)
	}
	for i, a := range arts {
		if a.URL != links[i] {
			t.Fatalf("article %d is %s: out of the feed's order", i, a.URL)
		}
		stored[a.URL] = true
	}
	if st := r.Stats(); st.Fetched != 100 || st.Known != 0 {
		t.Errorf("first load: %+v", st)
	}
	if p := s.peak.Load(); p > 2 {
		t.Errorf("%d requests at once to one host, want at most 2", p)
	}
	hits := s.hits.Load()
	again := &source.Reader{Fetcher: fastFetcher(), Known: r.Known}
	arts, probs = collect(t, again, s.URL+"/feed/big")
	if len(arts) != 0 || len(probs) != 0 {
		t.Fatalf("reload: %d articles, problems %v", len(arts), probs)
	}
	if st := again.Stats(); st.Fetched != 0 || st.Known != 100 || s.hits.Load() != hits {
		t.Errorf("reload: %+v, %d pages fetched", st, s.hits.Load()-hits)
	}
}

func TestFeedKnownByContent(t *testing.T) {
	s := newNewsSite(t)
	s.feeds["rss"] = rss(s.URL, s.URL+"/p/1", s.URL+"/p/2")
	first, _ := collect(t, &source.Reader{Fetcher: fastFetcher()}, s.URL+"/feed/rss")
	if len(first) != 2 {
		t.Fatalf("%d articles", len(first))
	}
	id := first[0].ID()
	// The same page under another address is the same article.
	s.feeds["moved"] = rss(s.URL, s.URL+"/p/1?utm=x", s.URL+"/p/3")
	r := &source.Reader{Fetcher: fastFetcher(), Known: source.Known{Hash: func(h string) bool { return h == id }}}
	arts, _ := collect(t, r, s.URL+"/feed/moved")
	if len(arts) != 1 || arts[0].URL != s.URL+"/p/3" || r.Stats().Known != 1 {
		t.Fatalf("articles %v, stats %+v; want /p/3 only and 1 known", arts, r.Stats())
	}
}

func TestJSONFeedFile(t *testing.T) {
	s := newNewsSite(t)
	path := filepath.Join(t.TempDir(), "feed")
	os.WriteFile(path, []byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "1", "url": "`+s.URL+`/p/4"}]}`), 0o644)
	arts, probs := collect(t, &source.Reader{Fetcher: fastFetcher()}, path)
	if len(arts) != 1 || arts[0].Title != "Report 4" || len(probs) != 0 {
		t.Fatalf("articles %v problems %v", arts, probs)
	}
}

func TestJSONLinesAndStdin(t *testing.T) {
	in := `{"url": "https://x.test/a", "title": "Talks", "published": "2025-12-02T18:00:00+03:00", "text": "Putin met Witkoff in Moscow.", "lang": "en", "score": 3}
not json
{"title": "no text"}

{"text": "Zelensky met Macron.", "published": "someday"}
{"text": "Rubio met Umerov."}
`
	r := &source.Reader{Stdin: strings.NewReader(in)}
	arts, probs := collect(t, r, "-")
	if len(arts) != 2 {
		t.Fatalf("%d articles, problems %v", len(arts), probs)
	}
	a := arts[0]
	if a.URL != "https://x.test/a" || a.Title != "Talks" || a.Published != "2025-12-02" || a.Props["lang"] != "en" || a.Props["score"] != "3" || a.Source != "-:1" {
		t.Errorf("first record read as %+v", a)
	}
	if got := string(a.Body()); got != "Talks\n\n2025-12-02\n\nPutin met Witkoff in Moscow." {
		t.Errorf("body %q", got)
	}
	var where []string
	for _, p := range probs {
		where = append(where, p.Source)
	}
	if strings.Join(where, " ") != "-:2 -:3 -:5" {
		t.Errorf("problems at %v, want lines 2, 3 and 5", where)
	}
}

func TestFolders(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Putin met Witkoff.")
	write("news/2025/b.html", page("B", "2025-12-02", ""))
	write("news/c", "Rubio met Umerov.") // no extension: read by content
	write("news/gold.json", `{"entities": []}`)
	write("news/photo.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF")
	write(".git/HEAD", "ref: refs/heads/main")
	write("news/notes.md", "# Notes\n\nPutin met Witkoff.")

	var skipped []string
	r := &source.Reader{Skipped: func(p, why string) { skipped = append(skipped, filepath.Base(p)+": "+why) }}
	arts, probs := collect(t, r, dir)
	var got []string
	for _, a := range arts {
		got = append(got, fmt.Sprintf("%s %s", filepath.Base(a.Source), a.Kind))
	}
	if strings.Join(got, ", ") != "a.txt text, b.html html, c text" || len(probs) != 0 {
		t.Errorf("read %v, problems %v", got, probs)
	}
	want := []string{".git: hidden", "gold.json: JSON, but not JSON Lines", "notes.md: text, but not a .txt file", "photo.jpg: not text"}
	if len(skipped) != len(want) {
		t.Fatalf("skipped %q", skipped)
	}
	for i, w := range want {
		if !strings.HasPrefix(skipped[i], w) {
			t.Errorf("skipped %q, want %q...", skipped[i], w)
		}
	}

	skipped = nil
	r.TopLevel = true
	arts, _ = collect(t, r, dir)
	if len(arts) != 1 || !strings.Contains(strings.Join(skipped, "|"), "news: a subfolder") {
		t.Errorf("top level: %d articles, skipped %q", len(arts), skipped)
	}

	empty := filepath.Join(dir, "empty", "sub")
	os.MkdirAll(empty, 0o755)
	_, probs = collect(t, &source.Reader{}, filepath.Dir(empty), filepath.Join(dir, "nope.txt"))
	if len(probs) != 2 || !strings.Contains(probs[0].Error(), "no article files in this directory") || !strings.Contains(probs[1].Error(), "no such file") {
		t.Errorf("problems %v", probs)
	}
}

// TestStopEarly: a caller that stops after the first article does not wait
// for the other items' pages.
func TestStopEarly(t *testing.T) {
	s := newNewsSite(t)
	s.feeds["slow"] = rss(s.URL, s.URL+"/p/1", s.URL+"/slow", s.URL+"/slow?2", s.URL+"/slow?3")
	f := source.NewFetcher()
	f.Timeout = 10 * time.Second
	f.PerHost = 8 // else /p/1 may wait its turn behind two slow pages
	start := time.Now()
	for a, err := range (&source.Reader{Fetcher: f}).Articles(context.Background(), []string{s.URL + "/feed/slow"}) {
		if err != nil || a.URL != s.URL+"/p/1" {
			t.Fatalf("first: %v %v", a, err)
		}
		break
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("stopping took %v", d)
	}
}
