package extract

import (
	"fmt"
	"slices"
	"testing"
)

// TestActors checks which actors short texts give: want must be among them
// (as "Type:Name"), and none of absent.
func TestActors(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		name   string
		text   string
		want   []string
		absent []string
	}{
		{"peer by style", "The bill was drafted by Lord Harwood. Lord Harwood said it was fair.",
			[]string{"Person:Lord Harwood"}, []string{"Person:Harwood"}},
		{"royal by style", "The plans of Princess Alys were announced on Monday.",
			[]string{"Person:Princess Alys"}, nil},
		{"peer with full name keeps it", "Peter Harwood, now Lord Harwood, said the bill was fair.",
			[]string{"Person:Peter Harwood"}, []string{"Person:Lord Harwood"}},
		{"peer of a place", "The amendment came from Lord Harwood of Tilbury.",
			[]string{"Person:Lord Harwood of Tilbury"}, nil},
		{"occupation noun before an unfamiliar name", "The race was won by sprinter Oduya Kamaru on Sunday.",
			[]string{"Person:Oduya Kamaru"}, nil},
		{"given name from the census lists", "The prize went to Kristy Vandermolen last year.",
			[]string{"Person:Kristy Vandermolen"}, nil},
		{"name, who", "The title went to Oduya Kamaru, who trains in Eldoret.",
			[]string{"Person:Oduya Kamaru"}, nil},
		{"name, age", "Oduya Kamaru, 24, won the race.",
			[]string{"Person:Oduya Kamaru"}, nil},
		{"name in a table with a country", "The seeds:\n\n1 Oduya Kamaru (Kenya)\n\n2 Tavo Rinaldi (Italy)",
			[]string{"Person:Oduya Kamaru", "Person:Tavo Rinaldi"}, nil},
		{"apposition with an occupation", "Oduya Kamaru, the former champion, said he would race again.",
			[]string{"Person:Oduya Kamaru"}, nil},
		{"occupation word capitalised before a given name", "Star Kristy Vandermolen had to pull out.",
			[]string{"Person:Kristy Vandermolen"}, []string{"Person:Star Kristy Vandermolen"}},
		{"work, whose", "Marlin Reef, whose cast includes many stars, sold well.",
			nil, []string{"Person:Marlin Reef"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := x.Extract("test", []byte("Headline\n\n"+tc.text))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range g.Entities {
				got = append(got, fmt.Sprintf("%s:%s", e.Type, e.Name))
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q: no %s in %v", tc.text, w, got)
				}
			}
			for _, a := range tc.absent {
				if slices.Contains(got, a) {
					t.Errorf("%q: %s in %v", tc.text, a, got)
				}
			}
		})
	}
}
