package evaluate

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/actorgraph/actorgraph/graph"
)

// The values of a gold item's status.
const (
	Required = "required" // counts for recall
	Optional = "optional" // accepted, but neither required nor a false positive
)

// Gold is a gold graph: for one article, the actors and relationships a
// careful analyst would put in the graph. testdata/gold/README.md gives the
// conventions.
type Gold struct {
	Article   string         `json:"article"` // the article's path under the corpus
	Entities  []GoldEntity   `json:"entities"`
	Relations []GoldRelation `json:"relations"`
}

// GoldEntity is one actor of a gold graph.
type GoldEntity struct {
	Type    graph.EntityType `json:"type"`
	Name    string           `json:"name"`
	Aliases []string         `json:"aliases"`
	Status  string           `json:"status,omitempty"` // Required (also when empty) or Optional
}

// Required reports whether the entity counts for recall.
func (e GoldEntity) Required() bool { return e.Status == "" || e.Status == Required }

// GoldRelation is one relationship of a gold graph; Source and Target are
// names of its entities.
type GoldRelation struct {
	Type     graph.RelationType `json:"type"`
	Source   string             `json:"source"`
	Target   string             `json:"target"`
	Status   string             `json:"status,omitempty"` // Required (also when empty) or Optional
	Evidence Sentences          `json:"evidence,omitempty"`
}

// Sentences are the sentences of an article that state a relationship. In
// a gold file they are one string (the reference files: one sentence that
// states it, maybe not the only one) or a list (every sentence that does).
type Sentences struct {
	List []string
	All  bool // the list holds every sentence that states the relationship
}

// UnmarshalJSON reads a string or a list of strings.
func (s *Sentences) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*s = Sentences{List: []string{one}}
		return nil
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return errors.New("evidence: want a sentence or a list of sentences")
	}
	*s = Sentences{List: list, All: true}
	return nil
}

// MarshalJSON writes the form it was read from.
func (s Sentences) MarshalJSON() ([]byte, error) {
	if !s.All && len(s.List) == 1 {
		return json.Marshal(s.List[0])
	}
	if s.List == nil {
		return []byte("[]"), nil
	}
	return json.Marshal(s.List)
}

// Required reports whether the relation counts for recall.
func (r GoldRelation) Required() bool { return r.Status == "" || r.Status == Required }

// LoadGold reads and checks a gold file.
func LoadGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold graph: %w", err)
	}
	g, err := ParseGold(data)
	if err != nil {
		return nil, fmt.Errorf("gold graph %s: %w", path, err)
	}
	return g, nil
}

// ParseGold decodes a gold graph from JSON and checks it: known types and
// statuses, and relation endpoints that name one of its entities. All
// problems are reported together.
func ParseGold(data []byte) (*Gold, error) {
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("not a gold graph: %w", err)
	}
	if g.Entities == nil && g.Relations == nil {
		return nil, errors.New("not a gold graph: no entities and no relations")
	}
	var errs []error
	names := map[string]bool{}
	for i, e := range g.Entities {
		if !e.Type.Valid() {
			errs = append(errs, fmt.Errorf("entity %d (%q): unknown type %q", i, e.Name, e.Type))
		}
		if !validStatus(e.Status) {
			errs = append(errs, fmt.Errorf("entity %d (%q): unknown status %q", i, e.Name, e.Status))
		}
		if normName(e.Name) == "" {
			errs = append(errs, fmt.Errorf("entity %d: no name", i))
		}
		names[normName(e.Name)] = true
	}
	for i, r := range g.Relations {
		if !r.Type.Valid() {
			errs = append(errs, fmt.Errorf("relation %d: unknown type %q", i, r.Type))
		}
		if !validStatus(r.Status) {
			errs = append(errs, fmt.Errorf("relation %d: unknown status %q", i, r.Status))
		}
		for _, end := range []string{r.Source, r.Target} {
			if !names[normName(end)] {
				errs = append(errs, fmt.Errorf("relation %d (%s %s -> %s): %q is not one of the entities", i, r.Type, r.Source, r.Target, end))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &g, nil
}

func validStatus(s string) bool { return s == "" || s == Required || s == Optional }
