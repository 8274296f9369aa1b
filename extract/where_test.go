package extract

import (
	"strings"
	"testing"
)

func TestWhere(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       string // place/venue/country, "" for none
	}{
		{"city", "Witkoff and Kushner have arrived in Moscow for talks with Putin.", "Moscow//Russia"},
		{"seat", "Talks between Putin and Witkoff are underway in the Kremlin.", "Moscow/Kremlin/Russia"},
		{"motion to a state", "The delegation flew to Florida over the weekend to meet with Rubio.", "Florida//United States"},
		{"capital", "Sharif met Trump in Islamabad on Friday.", "Islamabad//Pakistan"},
		{"country", "Zelensky was in France on Monday to meet with President Emmanuel Macron.", "//France"},
		{"seat alias", "Macron hosted Zelensky at the Elysee Palace.", "Paris/Elysee Palace/France"},
		{"place before talks", "Trump and Putin left the Anchorage summit without a deal.", "Anchorage//United States"},
		{"capital spelling", "They met in Kiev.", "Kyiv//Ukraine"},
		{"visited", "Lavrov visited Beijing last month.", "Beijing//China"},
		{"seat over state", "Trump met Orban at Mar-a-Lago in Florida.", "Palm Beach/Mar-a-Lago/United States"},
		{"abbreviated", "Putin hosted Modi in St. Petersburg.", "St. Petersburg//Russia"},
		{"seat as actor", "The Kremlin said Putin met Witkoff.", ""},
		{"setting of a war", "Witkoff spoke with Putin about the war in Ukraine.", ""},
		{"part of a name", "Putin told the Moscow Times that talks went well.", ""},
		{"to without motion", "Putin spoke to Washington about the plan.", ""},
		{"a noun placed", "He received money from the regime in Iraq.", ""},
		{"event noun placed", "After the meeting in Geneva, Lavrov criticized Blinken.", "Geneva//Switzerland"},
		{"lower case", "They met in turkey sandwiches.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, _, err := x.tg.tokens(tt.text, false)
			if err != nil {
				t.Fatal(err)
			}
			p, ok := x.places.where(toks)
			got := ""
			if ok {
				got = strings.Join([]string{p.Place, p.Venue, p.Country}, "/")
			}
			if got != tt.want {
				t.Errorf("where(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestPlacesLexicon: every place has a kind and a country of countries.tsv,
// and no place of places.tsv is an actor of the lexicon.
func TestPlacesLexicon(t *testing.T) {
	g, err := loadPlaces()
	if err != nil {
		t.Fatal(err)
	}
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for key, p := range g.byName {
		if p.Kind == placeCountry {
			continue
		}
		n++
		if e, ok := lx.actors[p.Name]; ok && e.Type == "Person" {
			t.Errorf("place %q (%s) is a person in the lexicon", p.Name, key)
		}
	}
	if n < 300 {
		t.Errorf("%d places, want the capitals and places.tsv", n)
	}
}

// TestMissionTimeAndPlace: the mission article's meetings of Witkoff and
// Kushner with Putin are dated the day of the talks and placed in Moscow,
// in the Kremlin.
func TestMissionTimeAndPlace(t *testing.T) {
	const path = "../testdata/moscow-times-2025-12-02-witkoff-kushner-putin.txt"
	g, err := extractor(t).Extract(path, readFile(t, path))
	if err != nil {
		t.Fatal(err)
	}
	for _, pair := range [][2]string{{"person:steve witkoff", "person:vladimir putin"}, {"person:jared kushner", "person:vladimir putin"}} {
		var found bool
		for _, r := range g.Relations {
			if r.Type != "MET_WITH" || !(r.Source == pair[0] && r.Target == pair[1] || r.Source == pair[1] && r.Target == pair[0]) {
				continue
			}
			for _, e := range r.Evidence {
				if e.Date != "2025-12-02" || e.DatePrecision != PrecisionDay {
					t.Errorf("%s-%s: evidence %q dated %s (%s)", pair[0], pair[1], e.Sentence, e.Date, e.DatePrecision)
				}
				if e.Venue == "Kremlin" && e.Place == "Moscow" && e.Country == "Russia" {
					found = true
				}
				if e.Place != "" && e.Place != "Moscow" {
					t.Errorf("%s-%s: evidence %q placed in %s", pair[0], pair[1], e.Sentence, e.Place)
				}
			}
		}
		if !found {
			t.Errorf("%s-%s: no meeting placed in Moscow, in the Kremlin", pair[0], pair[1])
		}
	}
}
