package neo4jstore_test

import (
	"context"
	"testing"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/internal/neo4jtest"
)

// TestEvidenceTimeAndPlace stores the mission article and reads back the
// date and place of each meeting's evidence, and the article's address,
// site and other fields.
func TestEvidenceTimeAndPlace(t *testing.T) {
	g := *missionGraph(t)
	g.Articles = append([]graph.Article(nil), g.Articles...)
	g.Articles[0].URL = "https://www.themoscowtimes.com/2025/12/02/a91303"
	g.Articles[0].Site = "The Moscow Times"
	g.Articles[0].Props = map[string]string{"lang": "en", "id": "not-the-id", "a b": "c"}
	store, cfg := load(t, &g)
	rows := neo4jtest.Exec(t, cfg, `
MATCH (:Person {id: 'person:steve witkoff'})-[r:MET_WITH]-(:Person {id: 'person:vladimir putin'})
RETURN size(r.sentences) AS n, r.dates AS dates, r.precisions AS precisions, r.places AS places, r.venues AS venues, r.countries AS countries`, nil)
	if len(rows) != 1 {
		t.Fatalf("%d Witkoff-Putin relationships", len(rows))
	}
	row := rows[0]
	n := int(row["n"].(int64))
	kremlin := false
	for i := range n {
		for _, k := range []string{"dates", "precisions", "places", "venues", "countries"} {
			if l := row[k].([]any); len(l) != n {
				t.Fatalf("%s has %d items for %d sentences", k, len(l), n)
			}
		}
		if d := row["dates"].([]any)[i]; d != "2025-12-02" {
			t.Errorf("evidence %d dated %v", i, d)
		}
		if row["venues"].([]any)[i] == "Kremlin" && row["places"].([]any)[i] == "Moscow" && row["countries"].([]any)[i] == "Russia" {
			kremlin = true
		}
	}
	if !kremlin {
		t.Errorf("no evidence in the Kremlin, Moscow, Russia: %v", row)
	}
	arts := neo4jtest.Exec(t, cfg, `MATCH (a:Article) RETURN a.id AS id, a.url AS url, a.site AS site, a.published AS published, a.prop_lang AS lang, a.prop_a_b AS ab, a.prop_id AS pid`, nil)
	if len(arts) != 1 {
		t.Fatalf("%d articles", len(arts))
	}
	a := arts[0]
	if a["id"] != g.Articles[0].ID || a["url"] != g.Articles[0].URL || a["site"] != "The Moscow Times" || a["published"] != "2025-12-02" || a["lang"] != "en" || a["ab"] != "c" || a["pid"] != "not-the-id" {
		t.Errorf("article stored as %v", a)
	}
	writeAgainChangesNothing(t, store, cfg, &g)

	stored, err := store.StoredArticles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !stored.IDs[g.Articles[0].ID] || !stored.URLs[g.Articles[0].URL] || len(stored.IDs) != 1 {
		t.Errorf("stored articles %+v", stored)
	}
}
