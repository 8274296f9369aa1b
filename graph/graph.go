// Package graph is actorgraph's domain model: the articles read, the actors they
// mention and the relationships between those actors, each backed by evidence.
// It has no dependencies on storage or NLP; extract builds graphs, the writer in
// graph/neo4jstore stores them.
package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strings"

	"github.com/actorgraph/actorgraph/graph/namekey"
)

// EntityType is the kind of an actor. Only the values below exist; they double
// as Neo4j labels, so they must never come from input.
type EntityType string

// The actor types.
const (
	Person       EntityType = "Person"
	Country      EntityType = "Country"
	Organization EntityType = "Organization"
)

// EntityTypes lists every actor type in a fixed order.
var EntityTypes = []EntityType{Person, Country, Organization}

// Valid reports whether t is one of the fixed actor types.
func (t EntityType) Valid() bool {
	for _, v := range EntityTypes {
		if t == v {
			return true
		}
	}
	return false
}

// RelationType is the kind of a relationship between two actors. The values
// double as Neo4j relationship types, so they must never come from input.
type RelationType string

// The relationship types.
const (
	MetWith    RelationType = "MET_WITH"   // symmetric: both took part in one meeting
	Advises    RelationType = "ADVISES"    // adviser -> advisee
	Criticized RelationType = "CRITICIZED" // critic -> target
)

// RelationTypes lists every relationship type in a fixed order.
var RelationTypes = []RelationType{MetWith, Advises, Criticized}

// Valid reports whether t is one of the fixed relationship types.
func (t RelationType) Valid() bool {
	for _, v := range RelationTypes {
		if t == v {
			return true
		}
	}
	return false
}

// Symmetric reports whether the relationship has no direction.
func (t RelationType) Symmetric() bool { return t == MetWith }

// Article is one news article that was read.
type Article struct {
	ID        string `json:"id"`
	Source    string `json:"source"`         // path or URL it was read from
	Title     string `json:"title"`          // empty when none was found
	Published string `json:"published"`      // YYYY-MM-DD, or empty when unknown
	URL       string `json:"url,omitempty"`  // the article's own address, when known
	Site      string `json:"site,omitempty"` // the site's name or host, when known
	// Props are the other fields of a JSON Lines record.
	Props map[string]string `json:"props,omitempty"`
}

// Entity is an actor: a person, a country or an organization.
type Entity struct {
	ID      string     `json:"id"`
	Type    EntityType `json:"type"`
	Name    string     `json:"name"`
	Aliases []string   `json:"aliases"`
	Roles   []string   `json:"roles,omitempty"` // titles seen with a person ("special envoy")
}

// Evidence is one sentence that supports a relationship.
type Evidence struct {
	Article  string `json:"article"` // article id
	Sentence string `json:"sentence"`
	Rule     string `json:"rule,omitempty"` // name of the extraction rule that found it, or "model"
	// Score is the relation model's confidence in the sentence (0 to 1);
	// Features are the features that weighed most in it.
	Score    float64  `json:"score,omitempty"`
	Features []string `json:"features,omitempty"`
	// Date is when the event happened: YYYY-MM-DD, YYYY-MM or YYYY by
	// DatePrecision (day, weekend, week, month or year; a week or weekend is
	// given by its Monday or Saturday). DatePhrase is the words that gave it,
	// or empty when the date is the article's publication date.
	Date          string `json:"date,omitempty"`
	DatePrecision string `json:"date_precision,omitempty"`
	DatePhrase    string `json:"date_phrase,omitempty"`
	// Place is the city, state or region the event happened in, Venue the
	// seat or landmark ("Kremlin"), Country its country. Any may be empty.
	Place   string `json:"place,omitempty"`
	Venue   string `json:"venue,omitempty"`
	Country string `json:"country,omitempty"`
}

// Relation is a typed relationship between two entities, by id.
type Relation struct {
	Type     RelationType `json:"type"`
	Source   string       `json:"source"`
	Target   string       `json:"target"`
	Evidence []Evidence   `json:"evidence"`
}

// Key identifies a relation regardless of its evidence; symmetric relations
// have one key for both directions.
func (r Relation) Key() string {
	s, t := r.Source, r.Target
	if r.Type.Symmetric() && t < s {
		s, t = t, s
	}
	return string(r.Type) + "|" + s + "|" + t
}

// Mention records that an article mentions an entity.
type Mention struct {
	Article string `json:"article"`
	Entity  string `json:"entity"`
}

// Graph is a set of articles, entities and relations. The zero value is empty
// and ready to use.
type Graph struct {
	Articles  []Article  `json:"articles"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
	Mentions  []Mention  `json:"mentions,omitempty"`
}

// MarshalJSON writes empty lists as [] rather than null, so that readers of
// the JSON contract never meet a null list.
func (g Graph) MarshalJSON() ([]byte, error) {
	type plain Graph // no methods: no recursion
	p := plain(g)
	if p.Articles == nil {
		p.Articles = []Article{}
	}
	if p.Entities == nil {
		p.Entities = []Entity{}
	}
	if p.Relations == nil {
		p.Relations = []Relation{}
	}
	return json.Marshal(p)
}

// Entity returns the entity with the given id, or nil.
func (g *Graph) Entity(id string) *Entity {
	for i := range g.Entities {
		if g.Entities[i].ID == id {
			return &g.Entities[i]
		}
	}
	return nil
}

// Merge adds others into g: articles, entities and mentions by id, relations
// by Key, evidence by (article, sentence). Aliases and roles are unioned.
// Merging the same graph twice changes nothing. Merging many graphs in one
// call indexes g once.
func (g *Graph) Merge(others ...*Graph) {
	arts := map[string]bool{}
	for _, a := range g.Articles {
		arts[a.ID] = true
	}
	ents := map[string]int{}
	for i, e := range g.Entities {
		ents[e.ID] = i
	}
	rels := map[string]int{}
	for i, r := range g.Relations {
		rels[r.Key()] = i
	}
	ments := map[Mention]bool{}
	for _, m := range g.Mentions {
		ments[m] = true
	}
	for _, other := range others {
		for _, a := range other.Articles {
			if !arts[a.ID] {
				arts[a.ID] = true
				g.Articles = append(g.Articles, a)
			}
		}
		for _, e := range other.Entities {
			if i, ok := ents[e.ID]; ok {
				// Another spelling of the name (same id) stays as an alias.
				spellings := e.Aliases
				if e.Name != g.Entities[i].Name {
					spellings = append(append([]string(nil), e.Aliases...), e.Name)
				}
				g.Entities[i].Aliases = union(g.Entities[i].Aliases, spellings)
				g.Entities[i].Roles = union(g.Entities[i].Roles, e.Roles)
				continue
			}
			ents[e.ID] = len(g.Entities)
			e.Aliases = union(nil, e.Aliases)
			e.Roles = union(nil, e.Roles)
			g.Entities = append(g.Entities, e)
		}
		for _, r := range other.Relations {
			if i, ok := rels[r.Key()]; ok {
				g.Relations[i].Evidence = mergeEvidence(g.Relations[i].Evidence, r.Evidence)
				continue
			}
			rels[r.Key()] = len(g.Relations)
			r.Evidence = mergeEvidence(nil, r.Evidence)
			g.Relations = append(g.Relations, r)
		}
		for _, m := range other.Mentions {
			if !ments[m] {
				ments[m] = true
				g.Mentions = append(g.Mentions, m)
			}
		}
	}
}

func union(a, b []string) []string {
	seen := make(map[string]bool, len(a)+len(b))
	out := make([]string, 0, len(a)+len(b))
	for _, s := range append(append([]string(nil), a...), b...) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func mergeEvidence(a, b []Evidence) []Evidence {
	type key struct{ article, sentence string }
	seen := map[key]bool{}
	var out []Evidence
	for _, e := range append(append([]Evidence(nil), a...), b...) {
		k := key{e.Article, e.Sentence}
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// EntityID returns the stable id of an entity: its type and normalised name,
// so one actor named the same way in two articles is one node.
func EntityID(t EntityType, name string) string {
	return strings.ToLower(string(t)) + ":" + Normalize(name)
}

// ArticleID returns the stable id of an article from its text: the first 16
// hex digits of the SHA-256 of the text, so the same text is the same article.
func ArticleID(text []byte) string {
	sum := sha256.Sum256(text)
	return "article:" + hex.EncodeToString(sum[:8])
}

// Normalize folds a name for comparison with namekey.Key: format characters
// and accents removed, Latin look-alikes folded, lower case, a final
// possessive dropped, punctuation turned into single spaces, a leading "the "
// dropped. "The U.S.", "u.s." and "US" stay distinct from each other only by
// their letters: Normalize("U.S.") is "u s".
func Normalize(name string) string { return namekey.Key(name) }
