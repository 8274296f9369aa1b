package graph

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		// Normal names.
		{"plain", "Vladimir Putin", "vladimir putin"},
		{"already folded", "vladimir putin", "vladimir putin"},
		{"extra spaces", "  Vladimir \t Putin\n", "vladimir putin"},

		// Accents.
		{"acute", "Volodymyr Zelénsky", "volodymyr zelensky"},
		{"umlaut", "Deutsche Börse", "deutsche borse"},
		{"cedilla", "François Hollande", "francois hollande"},
		{"composed and decomposed agree", "Se\u0301rgio", "sergio"},

		// Possessives.
		{"final possessive", "Putin's", "putin"},
		{"curly possessive", "Putin\u2019s", "putin"},
		{"inner possessive", "Trump's Team", "trump team"},
		{"apostrophe inside a name", "O'Brien", "o brien"},
		{"plural possessive", "Workers'", "workers"},

		// "The".
		{"leading the", "The Kremlin", "kremlin"},
		{"leading lower-case the", "the White House", "white house"},
		{"the inside a name", "Bank of the North", "bank of the north"},
		{"word starting with the", "Theresa May", "theresa may"},
		{"the alone", "The", "the"},

		// Punctuation.
		{"dots", "U.S.", "u s"},
		{"the U.S.", "The U.S.", "u s"},
		{"US stays distinct", "US", "us"},
		{"hyphen", "Jean-Luc Picard", "jean luc picard"},
		{"ampersand", "AT&T", "at t"},
		{"brackets", "London Stock Exchange (LSE)", "london stock exchange lse"},
		{"digits kept", "G7", "g7"},

		// Edge cases.
		{"empty", "", ""},
		{"only punctuation", "...", ""},
		{"only an apostrophe", "'", ""},
		{"compatibility form", "ﬁnance", "finance"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := Normalize(Normalize(tt.in)); got != Normalize(tt.in) && !strings.HasPrefix(Normalize(tt.in), "the ") {
				t.Errorf("Normalize is not idempotent on %q: %q then %q", tt.in, Normalize(tt.in), got)
			}
		})
	}
}

func TestEntityID(t *testing.T) {
	tests := []struct {
		typ  EntityType
		name string
		want string
	}{
		{Person, "Vladimir Putin", "person:vladimir putin"},
		{Country, "United States", "country:united states"},
		{Organization, "The Kremlin", "organization:kremlin"},
		{Person, "Volodymyr Zelénsky", "person:volodymyr zelensky"},
	}
	for _, tt := range tests {
		if got := EntityID(tt.typ, tt.name); got != tt.want {
			t.Errorf("EntityID(%s, %q) = %q, want %q", tt.typ, tt.name, got, tt.want)
		}
	}

	// Spellings that differ only in case, accents, "The" or spacing are one actor.
	same := [][2]string{
		{"Vladimir Putin", "vladimir  putin"},
		{"The Kremlin", "Kremlin"},
		{"Zelénsky", "Zelensky"},
		{"Putin's", "Putin"},
	}
	for _, s := range same {
		if a, b := EntityID(Person, s[0]), EntityID(Person, s[1]); a != b {
			t.Errorf("EntityID(%q) = %q, EntityID(%q) = %q, want the same", s[0], a, s[1], b)
		}
	}
	// The type is part of the id.
	if EntityID(Person, "Georgia") == EntityID(Country, "Georgia") {
		t.Error("a person and a country with the same name have the same id")
	}
	// Stable across calls.
	if EntityID(Person, "Anna Berg") != EntityID(Person, "Anna Berg") {
		t.Error("EntityID is not stable")
	}
}

func TestArticleID(t *testing.T) {
	a := ArticleID([]byte("Anna Berg met Tomas Lind."))
	if !strings.HasPrefix(a, "article:") || len(a) != len("article:")+16 {
		t.Errorf("ArticleID = %q, want article: and 16 hex digits", a)
	}
	if strings.Trim(strings.TrimPrefix(a, "article:"), "0123456789abcdef") != "" {
		t.Errorf("ArticleID = %q, want lower-case hex", a)
	}
	if b := ArticleID([]byte("Anna Berg met Tomas Lind.")); a != b {
		t.Errorf("same text, different ids: %q, %q", a, b)
	}
	if b := ArticleID([]byte("Anna Berg met Tomas Lind!")); a == b {
		t.Errorf("different texts, same id %q", a)
	}
	// SHA-256 of the empty string starts e3b0c44298fc1c14.
	if got, want := ArticleID(nil), "article:e3b0c44298fc1c14"; got != want {
		t.Errorf("ArticleID(nil) = %q, want %q", got, want)
	}
}

func TestRelationKey(t *testing.T) {
	rel := func(typ RelationType, s, t string) Relation { return Relation{Type: typ, Source: s, Target: t} }
	tests := []struct {
		name      string
		a, b      Relation
		sameKey   bool
		wantKeyOf string // key of a
	}{
		{"met-with is symmetric", rel(MetWith, "person:a", "person:b"), rel(MetWith, "person:b", "person:a"), true, "MET_WITH|person:a|person:b"},
		{"met-with orders its ends", rel(MetWith, "person:z", "person:a"), rel(MetWith, "person:a", "person:z"), true, "MET_WITH|person:a|person:z"},
		{"advises is directed", rel(Advises, "person:a", "person:b"), rel(Advises, "person:b", "person:a"), false, "ADVISES|person:a|person:b"},
		{"criticized is directed", rel(Criticized, "person:b", "person:a"), rel(Criticized, "person:a", "person:b"), false, "CRITICIZED|person:b|person:a"},
		{"type is part of the key", rel(MetWith, "person:a", "person:b"), rel(Criticized, "person:a", "person:b"), false, "MET_WITH|person:a|person:b"},
		{"evidence is not part of the key", Relation{Type: Advises, Source: "x", Target: "y", Evidence: []Evidence{{Article: "a", Sentence: "s"}}}, rel(Advises, "x", "y"), true, "ADVISES|x|y"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Key(); got != tt.wantKeyOf {
				t.Errorf("Key() = %q, want %q", got, tt.wantKeyOf)
			}
			if got := tt.a.Key() == tt.b.Key(); got != tt.sameKey {
				t.Errorf("%q == %q is %v, want %v", tt.a.Key(), tt.b.Key(), got, tt.sameKey)
			}
		})
	}
}

func TestValid(t *testing.T) {
	for _, typ := range EntityTypes {
		if !typ.Valid() {
			t.Errorf("EntityType %q not valid", typ)
		}
	}
	for _, typ := range []EntityType{"", "person", "PERSON", "Place", "Person ", "Person`) DETACH DELETE n //"} {
		if typ.Valid() {
			t.Errorf("EntityType %q valid", typ)
		}
	}
	for _, typ := range RelationTypes {
		if !typ.Valid() {
			t.Errorf("RelationType %q not valid", typ)
		}
	}
	for _, typ := range []RelationType{"", "met_with", "MET WITH", "KNOWS", "ADVISES]->() DELETE r //"} {
		if typ.Valid() {
			t.Errorf("RelationType %q valid", typ)
		}
	}
	for _, typ := range RelationTypes {
		if got, want := typ.Symmetric(), typ == MetWith; got != want {
			t.Errorf("%s.Symmetric() = %v, want %v", typ, got, want)
		}
	}
}

// sample returns a graph with one article, two people and a country.
func sample() *Graph {
	return &Graph{
		Articles: []Article{{ID: "article:1", Source: "a.txt", Title: "A"}},
		Entities: []Entity{
			{ID: "person:anna berg", Type: Person, Name: "Anna Berg", Aliases: []string{"Berg"}, Roles: []string{"minister"}},
			{ID: "person:tomas lind", Type: Person, Name: "Tomas Lind", Aliases: []string{}},
			{ID: "country:norway", Type: Country, Name: "Norway", Aliases: []string{}},
		},
		Relations: []Relation{
			{Type: MetWith, Source: "person:anna berg", Target: "person:tomas lind", Evidence: []Evidence{
				{Article: "article:1", Sentence: "Anna Berg met Tomas Lind.", Rule: "met-verb"},
			}},
			{Type: Criticized, Source: "person:tomas lind", Target: "person:anna berg", Evidence: []Evidence{
				{Article: "article:1", Sentence: "Tomas Lind criticised Anna Berg.", Rule: "criticized-verb"},
			}},
		},
		Mentions: []Mention{
			{Article: "article:1", Entity: "person:anna berg"},
			{Article: "article:1", Entity: "person:tomas lind"},
			{Article: "article:1", Entity: "country:norway"},
		},
	}
}

func clone(t *testing.T, g *Graph) *Graph {
	t.Helper()
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	var out Graph
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

func TestMergeIdempotent(t *testing.T) {
	var g Graph
	g.Merge(sample())
	once := clone(t, &g)
	g.Merge(sample())
	if !reflect.DeepEqual(once, clone(t, &g)) {
		t.Errorf("merging the same graph twice changed it:\nonce:  %+v\ntwice: %+v", once, g)
	}
	// Merging a graph into itself changes nothing either.
	g.Merge(clone(t, &g))
	if !reflect.DeepEqual(once, clone(t, &g)) {
		t.Errorf("merging a graph into itself changed it:\nbefore: %+v\nafter:  %+v", once, g)
	}
}

func TestMergeIntoEmpty(t *testing.T) {
	var g Graph
	g.Merge(sample())
	want := sample()
	if !reflect.DeepEqual(clone(t, want), clone(t, &g)) {
		t.Errorf("merging into an empty graph:\ngot  %+v\nwant %+v", g, want)
	}
}

func TestMerge(t *testing.T) {
	g := sample()
	other := &Graph{
		Articles: []Article{
			{ID: "article:1", Source: "other-name.txt"}, // already there: the first one wins
			{ID: "article:2", Source: "b.txt"},
		},
		Entities: []Entity{
			{ID: "person:anna berg", Type: Person, Name: "Anna Berg", Aliases: []string{"A. Berg", "Berg", ""}, Roles: []string{"foreign minister", "minister"}},
			{ID: "person:karl osterberg", Type: Person, Name: "Karl Osterberg", Aliases: []string{"Osterberg", "K. Osterberg", "Osterberg"}},
		},
		Relations: []Relation{
			// The same meeting, written the other way round, with one sentence seen
			// before (by another rule) and one new.
			{Type: MetWith, Source: "person:tomas lind", Target: "person:anna berg", Evidence: []Evidence{
				{Article: "article:1", Sentence: "Anna Berg met Tomas Lind.", Rule: "talks-with"},
				{Article: "article:2", Sentence: "Anna Berg met Tomas Lind.", Rule: "met-verb"},
			}},
			// The reverse of a directed relation is a new relation.
			{Type: Criticized, Source: "person:anna berg", Target: "person:tomas lind", Evidence: []Evidence{
				{Article: "article:2", Sentence: "Anna Berg criticised Tomas Lind.", Rule: "criticized-verb"},
				{Article: "article:2", Sentence: "Anna Berg criticised Tomas Lind.", Rule: "criticized-verb"},
			}},
		},
		Mentions: []Mention{
			{Article: "article:1", Entity: "person:anna berg"},
			{Article: "article:2", Entity: "person:karl osterberg"},
		},
	}
	g.Merge(other)

	if got := len(g.Articles); got != 2 {
		t.Errorf("%d articles, want 2", got)
	}
	if g.Articles[0].Source != "a.txt" {
		t.Errorf("article:1 source = %q, want the first one, a.txt", g.Articles[0].Source)
	}

	anna := g.Entity("person:anna berg")
	if anna == nil {
		t.Fatal("Anna Berg lost")
	}
	if want := []string{"A. Berg", "Berg"}; !reflect.DeepEqual(anna.Aliases, want) {
		t.Errorf("Anna Berg aliases = %q, want %q (unioned, sorted, no empty)", anna.Aliases, want)
	}
	if want := []string{"foreign minister", "minister"}; !reflect.DeepEqual(anna.Roles, want) {
		t.Errorf("Anna Berg roles = %q, want %q", anna.Roles, want)
	}
	karl := g.Entity("person:karl osterberg")
	if karl == nil {
		t.Fatal("Karl Osterberg not added")
	}
	if want := []string{"K. Osterberg", "Osterberg"}; !reflect.DeepEqual(karl.Aliases, want) {
		t.Errorf("new entity aliases = %q, want %q (deduplicated and sorted)", karl.Aliases, want)
	}
	if got := len(g.Entities); got != 4 {
		t.Errorf("%d entities, want 4", got)
	}
	if g.Entity("person:nobody") != nil {
		t.Error("Entity of an unknown id is not nil")
	}

	if got := len(g.Relations); got != 3 {
		t.Fatalf("%d relations, want 3: %+v", got, g.Relations)
	}
	met := g.Relations[0]
	if met.Source != "person:anna berg" || met.Target != "person:tomas lind" {
		t.Errorf("merged MET_WITH is %s -> %s, want the first direction kept", met.Source, met.Target)
	}
	wantMet := []Evidence{
		{Article: "article:1", Sentence: "Anna Berg met Tomas Lind.", Rule: "met-verb"},
		{Article: "article:2", Sentence: "Anna Berg met Tomas Lind.", Rule: "met-verb"},
	}
	if !reflect.DeepEqual(met.Evidence, wantMet) {
		t.Errorf("MET_WITH evidence = %+v, want %+v (deduplicated by article and sentence)", met.Evidence, wantMet)
	}
	rev := g.Relations[2]
	if rev.Type != Criticized || rev.Source != "person:anna berg" || len(rev.Evidence) != 1 {
		t.Errorf("reverse CRITICIZED = %+v, want a new relation with one evidence", rev)
	}

	if got := len(g.Mentions); got != 4 {
		t.Errorf("%d mentions, want 4: %+v", got, g.Mentions)
	}
}

// TestMergeKeepsOtherSpellings checks that an actor merged under the same id
// with another spelling of its name keeps that spelling as an alias, and
// that the name is never an alias of itself.
func TestMergeKeepsOtherSpellings(t *testing.T) {
	for _, tc := range []struct {
		name  string
		other Entity
		want  []string
	}{
		{"other spelling", Entity{ID: "person:anna berg", Type: Person, Name: "Anna Bérg", Aliases: []string{"Bérg"}}, []string{"Anna Bérg", "Berg", "Bérg"}},
		{"same spelling", Entity{ID: "person:anna berg", Type: Person, Name: "Anna Berg", Aliases: []string{"Berg"}}, []string{"Berg"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := &Graph{Entities: []Entity{{ID: "person:anna berg", Type: Person, Name: "Anna Berg", Aliases: []string{"Berg"}}}}
			g.Merge(&Graph{Entities: []Entity{tc.other}})
			if e := g.Entity("person:anna berg"); e.Name != "Anna Berg" || !reflect.DeepEqual(e.Aliases, tc.want) {
				t.Errorf("merged actor %q, aliases %q; want Anna Berg, %q", e.Name, e.Aliases, tc.want)
			}
		})
	}
}

func TestMergeZeroValue(t *testing.T) {
	var g Graph
	g.Merge(&Graph{})
	if len(g.Articles)+len(g.Entities)+len(g.Relations)+len(g.Mentions) != 0 {
		t.Errorf("merging an empty graph into an empty one gave %+v", g)
	}
}
