package neo4jstore_test

import (
	"fmt"
	"testing"

	"github.com/actorgraph/actorgraph/queries"
)

// TestQueriesWithExamples runs every saved query with all its example
// values, date filters included, on the mission article: each must answer
// something.
func TestQueriesWithExamples(t *testing.T) {
	store := loadMission(t)
	for _, q := range queries.All() {
		values := map[string]string{}
		for _, p := range q.Params {
			values[p.Name] = p.Example
		}
		if r := runQuery(t, store, q.Name, values); len(r.Rows) == 0 {
			t.Errorf("%s %v: no rows", q.Name, values)
		}
	}
}

func TestQueryTimeline(t *testing.T) {
	store := loadMission(t)
	r := runQuery(t, store, "timeline", map[string]string{"name": "putin"})
	if len(r.Rows) == 0 {
		t.Fatal("timeline putin: no rows")
	}
	dates := column(t, r, "date")
	for i := 1; i < len(dates); i++ {
		if a, b := dates[i-1].(string), dates[i].(string); b != "" && (a == "" || a > b) {
			t.Errorf("timeline not in date order: %q before %q", a, b)
		}
	}
	kremlin := false
	for i, row := range r.Rows {
		if column(t, r, "other")[i] == "Steve Witkoff" && column(t, r, "event")[i] == "met" &&
			column(t, r, "venue")[i] == "Kremlin" && column(t, r, "place")[i] == "Moscow" && dates[i] == "2025-12-02" {
			kremlin = true
		}
		_ = row
	}
	if !kremlin {
		t.Errorf("timeline putin lacks the meeting with Witkoff on 2025-12-02 in the Kremlin, Moscow: %v", r.Rows)
	}
	for _, tt := range []struct {
		since, until string
		some         bool
	}{
		{"2025-12-02", "2025-12-02", true},
		{"2025-12", "", true},
		{"2025", "2025", true},
		{"", "2025-11-30", false}, // Putin's meetings are all on the day of the talks
		{"2025-12-03", "", false},
		{"2026", "", false},
	} {
		values := map[string]string{"name": "putin", "since": tt.since, "until": tt.until}
		got := runQuery(t, store, "timeline", values)
		if (len(got.Rows) > 0) != tt.some {
			t.Errorf("timeline putin since %q until %q: %d rows", tt.since, tt.until, len(got.Rows))
		}
		met := runQuery(t, store, "meetings-in", map[string]string{"place": "Moscow", "since": tt.since, "until": tt.until})
		if (len(met.Rows) > 0) != tt.some {
			t.Errorf("meetings-in Moscow since %q until %q: %d rows", tt.since, tt.until, len(met.Rows))
		}
	}
}

func TestQueryMeetingsIn(t *testing.T) {
	store := loadMission(t)
	for _, tt := range []struct {
		place string
		want  []string // pairs that must be there
		not   []string // pairs that must not
	}{
		{"Moscow", []string{"Steve Witkoff + Vladimir Putin", "Jared Kushner + Vladimir Putin"}, []string{"Marco Rubio + Rustem Umerov"}},
		{"the Kremlin", []string{"Steve Witkoff + Vladimir Putin"}, nil},
		{"russia", []string{"Jared Kushner + Vladimir Putin"}, nil},
		{"Florida", []string{"Marco Rubio + Rustem Umerov"}, []string{"Steve Witkoff + Vladimir Putin"}},
		{"United States", []string{"Marco Rubio + Rustem Umerov"}, nil},
		{"Atlantis", nil, []string{"Steve Witkoff + Vladimir Putin"}},
	} {
		r := runQuery(t, store, "meetings-in", map[string]string{"place": tt.place})
		pairs := map[string]bool{}
		for i := range r.Rows {
			pairs[fmt.Sprint(column(t, r, "actor")[i], " + ", column(t, r, "met_with")[i])] = true
		}
		for _, w := range tt.want {
			if !pairs[w] {
				t.Errorf("meetings-in %s lacks %s: %v", tt.place, w, pairs)
			}
		}
		for _, n := range tt.not {
			if pairs[n] {
				t.Errorf("meetings-in %s has %s", tt.place, n)
			}
		}
	}
}
