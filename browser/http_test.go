package browser_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/internal/neo4jtest"
	"github.com/actorgraph/actorgraph/queries"
)

func TestBrowserIsServed(t *testing.T) {
	s := localServer(t)
	status, header, body := get(t, s.Browser)
	if status != http.StatusOK {
		t.Fatalf("GET %s: status %d, want 200", s.Browser, status)
	}
	if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("GET %s: Content-Type %q, want text/html", s.Browser, ct)
	}
	if !strings.Contains(body, "<title>Neo4j Browser</title>") {
		t.Errorf("GET %s: no Neo4j Browser title in %.200q", s.Browser, body)
	}
}

// TestDiscoveryAdvertisesTheRealPorts checks that the addresses Browser
// connects to are the ones the server listens on, also when the ports were
// picked at start.
func TestDiscoveryAdvertisesTheRealPorts(t *testing.T) {
	s := localServer(t)
	status, _, body := get(t, s.HTTP+"/")
	if status != http.StatusOK {
		t.Fatalf("GET /: status %d", status)
	}
	var d struct {
		BoltDirect  string `json:"bolt_direct"`
		Transaction string `json:"transaction"`
	}
	if err := json.Unmarshal([]byte(body), &d); err != nil {
		t.Fatalf("GET /: %v in %q", err, body)
	}
	boltURI, err := url.Parse(os.Getenv("NEO4J_URI"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "bolt://" + boltURI.Host; d.BoltDirect != want {
		t.Errorf("bolt_direct = %q, want %q", d.BoltDirect, want)
	}
	if !strings.HasPrefix(d.Transaction, s.HTTP+"/") {
		t.Errorf("transaction = %q, want it under %s", d.Transaction, s.HTTP)
	}
}

func TestHTTPAPIRefusesRequestsWithoutThePassword(t *testing.T) {
	s := localServer(t)
	password := os.Getenv("NEO4J_PASSWORD")
	endpoints := []struct {
		name, path, body string
	}{
		{"transactional", "/db/neo4j/tx/commit", `{"statements":[{"statement":"MATCH (n) RETURN count(n)"}]}`},
		{"query API", "/db/neo4j/query/v2", `{"statement":"MATCH (n) RETURN count(n)"}`},
	}
	credentials := []struct {
		name     string
		auth     string // the Authorization header; "" for none
		accepted bool
	}{
		{"no credentials", "", false},
		{"wrong password", basic("neo4j", password+"-wrong"), false},
		{"unknown user", basic("nobody", password), false},
		{"the password", basic("neo4j", password), true},
	}
	for _, e := range endpoints {
		for _, c := range credentials {
			t.Run(e.name+"/"+c.name, func(t *testing.T) {
				req, err := http.NewRequest(http.MethodPost, s.HTTP+e.path, strings.NewReader(e.body))
				if err != nil {
					t.Fatal(err)
				}
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Accept", "application/json")
				if c.auth != "" {
					req.Header.Set("Authorization", c.auth)
				}
				resp, err := client.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				ok := resp.StatusCode >= 200 && resp.StatusCode < 300
				if ok != c.accepted || !c.accepted && resp.StatusCode != http.StatusUnauthorized {
					t.Errorf("POST %s with %s: status %d", e.path, c.name, resp.StatusCode)
				}
			})
		}
	}
}

func basic(user, password string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+password))
}

// TestGuideListsEverySavedQueryAfterLoad loads the mission article with the
// CLI, fetches the guide as Browser does (without credentials), and checks
// that it lists every saved query with its description, a :params block of its
// example values and its query, and that each slide's blocks run on the loaded
// graph.
func TestGuideListsEverySavedQueryAfterLoad(t *testing.T) {
	s := localServer(t)
	lockDatabase(t)
	loadArticle(t)

	status, header, page := get(t, s.Guide)
	if status != http.StatusOK {
		t.Fatalf("GET %s without credentials: status %d, want 200", s.Guide, status)
	}
	if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("GET %s: Content-Type %q, want text/html", s.Guide, ct)
	}
	slides := parseGuide(t, page)
	cfg := neo4jtest.Config(t)
	all := queries.All()
	if len(slides) != len(all) {
		t.Errorf("guide has %d query slides, want %d (one per saved query)", len(slides), len(all))
	}
	for _, q := range all {
		t.Run(q.Name, func(t *testing.T) {
			slide, ok := slides[q.Name]
			if !ok {
				t.Fatalf("guide has no slide for %s", q.Name)
			}
			if desc := htmlEscape(q.Description); !strings.Contains(slide.Text, desc) {
				t.Errorf("slide %s lacks the description %q", q.Name, desc)
			}
			if want := queries.ParamsCommand(q); slide.Params != want {
				t.Errorf("slide %s: :params block %q, want %q", q.Name, slide.Params, want)
			}
			if slide.Query != q.Body() {
				t.Errorf("slide %s: query block\n%s\nwant\n%s", q.Name, slide.Query, q.Body())
			}
			// The values the :params block sets, as Browser would send them.
			examples := map[string]string{}
			for _, p := range q.Params {
				examples[p.Name] = p.Example
			}
			params, err := q.Bind(examples)
			if err != nil {
				t.Fatal(err)
			}
			rows := neo4jtest.Exec(t, cfg, slide.Query, params)
			if q.Name == "who-met" {
				got := names(rows, "met")
				for _, want := range []string{"Steve Witkoff", "Jared Kushner"} {
					if !strings.Contains(got, want) {
						t.Errorf("who-met for %s from the guide: met %s, want %s among them", examples["name"], got, want)
					}
				}
			}
		})
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
