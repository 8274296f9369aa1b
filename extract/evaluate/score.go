// Package evaluate scores an extracted actor graph against a gold graph with
// precision, recall and F1 for entities and relations, overall and per type.
// It is a port of testdata/gold/score.py (the team's reference scorer) and gives the same numbers.
package evaluate

import (
	"fmt"

	"github.com/actorgraph/actorgraph/graph"
)

// Scores are precision, recall and F1 with the counts they come from.
// Precision is Correct / (Correct + FalsePositives) and recall is
// RequiredFound / Required; either is 1 when its denominator is 0.
type Scores struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`

	Correct        int `json:"correct"`         // predictions that match a gold item, required or optional
	FalsePositives int `json:"false_positives"` // predictions that match none
	RequiredFound  int `json:"required_found"`  // required gold items predicted
	Required       int `json:"required"`        // required gold items
}

func newScores(correct, fp, found, required int) Scores {
	p, r := ratio(correct, correct+fp), ratio(found, required)
	return Scores{
		Precision: p, Recall: r, F1: f1(p, r),
		Correct: correct, FalsePositives: fp, RequiredFound: found, Required: required,
	}
}

func (s Scores) add(o Scores) Scores {
	return newScores(s.Correct+o.Correct, s.FalsePositives+o.FalsePositives,
		s.RequiredFound+o.RequiredFound, s.Required+o.Required)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// NoteKind says what a note reports.
type NoteKind string

// The kinds of notes.
const (
	EntityFP     NoteKind = "entity FP"
	EntityMiss   NoteKind = "entity MISS"
	RelationFP   NoteKind = "relation FP"
	RelationMiss NoteKind = "relation MISS"
)

// Note is one false positive or one missed required item.
type Note struct {
	Kind NoteKind
	Type string // entity or relation type
	What string // "Vladimir Putin", or "Steve Witkoff -> Vladimir Putin"
	Why  string // for some false positives: "gold says Country", "duplicate of Vladimir Putin", "endpoint not a gold actor"
}

// String formats the note as score.py prints it.
func (n Note) String() string {
	sep := " "
	if n.Kind == EntityFP || n.Kind == RelationFP {
		sep = "  "
	}
	s := string(n.Kind) + sep + n.Type + ": " + n.What
	if n.Why != "" {
		s += " (" + n.Why + ")"
	}
	return s
}

// Report is the result of Score.
type Report struct {
	Entities        Scores                        `json:"entities"`
	Relations       Scores                        `json:"relations"`
	EntitiesByType  map[graph.EntityType]Scores   `json:"entities_by_type"`
	RelationsByType map[graph.RelationType]Scores `json:"relations_by_type"`
	// Notes lists false positives and misses in score.py's order: entity
	// false positives as predicted, entity misses, relation false positives
	// as predicted, relation misses.
	Notes []Note `json:"-"`
}

// Misses returns the notes about required gold items that were not predicted.
func (r Report) Misses() []Note {
	return r.filter(func(k NoteKind) bool { return k == EntityMiss || k == RelationMiss })
}

// FalsePositives returns the notes about predictions that match no gold item.
func (r Report) FalsePositives() []Note {
	return r.filter(func(k NoteKind) bool { return k == EntityFP || k == RelationFP })
}

func (r Report) filter(keep func(NoteKind) bool) []Note {
	var out []Note
	for _, n := range r.Notes {
		if keep(n.Kind) {
			out = append(out, n)
		}
	}
	return out
}

// Micro sums reports, for micro-averaged scores over several articles:
// counts are added and precision, recall and F1 computed from the sums.
// Notes are concatenated.
func Micro(reports ...Report) Report {
	sum := emptyReport()
	for _, r := range reports {
		sum.Entities = sum.Entities.add(r.Entities)
		sum.Relations = sum.Relations.add(r.Relations)
		for t, s := range r.EntitiesByType {
			sum.EntitiesByType[t] = sum.EntitiesByType[t].add(s)
		}
		for t, s := range r.RelationsByType {
			sum.RelationsByType[t] = sum.RelationsByType[t].add(s)
		}
		sum.Notes = append(sum.Notes, r.Notes...)
	}
	return sum
}

func emptyReport() Report {
	r := Report{
		Entities:        newScores(0, 0, 0, 0),
		Relations:       newScores(0, 0, 0, 0),
		EntitiesByType:  map[graph.EntityType]Scores{},
		RelationsByType: map[graph.RelationType]Scores{},
	}
	for _, t := range graph.EntityTypes {
		r.EntitiesByType[t] = newScores(0, 0, 0, 0)
	}
	for _, t := range graph.RelationTypes {
		r.RelationsByType[t] = newScores(0, 0, 0, 0)
	}
	return r
}

// Score compares a predicted graph with a gold graph, with score.py's rules:
//
//   - A predicted entity of an actor type matches the gold entity whose
//     normalised name equals its name or one of its aliases, else one whose
//     alias does; the first such gold entity in file order wins. It is
//     correct when the types agree and no earlier prediction claimed that
//     gold entity; otherwise it is a false positive (wrong type, duplicate,
//     or no match).
//   - A predicted relation maps its endpoints through the entity matches
//     (also those of the wrong type). An endpoint that matches nothing, or a
//     relation from an actor to itself, is a false positive. MET_WITH has no
//     direction. A relation already matched is ignored; one not in the gold
//     graph is a false positive.
//   - Optional gold items that are predicted count as correct; they are
//     never missed.
//
// Entity types and relation types that are not ours are ignored. Scores per
// entity type count a false positive under the predicted type.
func Score(gold *Gold, pred *graph.Graph) Report {
	rep := emptyReport()
	if pred == nil {
		pred = &graph.Graph{}
	}
	gents := gold.Entities

	find := newNameIndex(gents).find

	type counts struct{ ok, fp, found, required int }
	entTypes := map[graph.EntityType]*counts{}
	for _, t := range graph.EntityTypes {
		entTypes[t] = &counts{}
	}
	entType := func(t graph.EntityType) *counts { // also for gold types ParseGold would reject
		if entTypes[t] == nil {
			entTypes[t] = &counts{}
		}
		return entTypes[t]
	}

	entOf := map[string]int{} // predicted entity id -> gold index
	claimed := map[int]bool{}
	eOK, eFP := 0, 0
	var notes []Note
	for _, p := range pred.Entities {
		if !p.Type.Valid() {
			continue
		}
		gi, ok := find(namesOf(p))
		if !ok {
			eFP++
			entType(p.Type).fp++
			notes = append(notes, Note{Kind: EntityFP, Type: string(p.Type), What: p.Name})
			continue
		}
		entOf[p.ID] = gi
		g := gents[gi]
		switch {
		case g.Type != p.Type:
			eFP++
			entType(p.Type).fp++
			notes = append(notes, Note{Kind: EntityFP, Type: string(p.Type), What: p.Name, Why: "gold says " + string(g.Type)})
		case claimed[gi]:
			eFP++
			entType(p.Type).fp++
			notes = append(notes, Note{Kind: EntityFP, Type: string(p.Type), What: p.Name, Why: "duplicate of " + g.Name})
		default:
			claimed[gi] = true
			eOK++
			entType(p.Type).ok++
		}
	}
	eReq, eHit := 0, 0
	for i, g := range gents {
		if !g.Required() {
			continue
		}
		eReq++
		entType(g.Type).required++
		if claimed[i] {
			eHit++
			entType(g.Type).found++
		} else {
			notes = append(notes, Note{Kind: EntityMiss, Type: string(g.Type), What: g.Name})
		}
	}

	gindex := map[string]int{} // the last gold entity of a name, as score.py's dict
	for i, g := range gents {
		gindex[normName(g.Name)] = i
	}
	type relKey struct {
		t    graph.RelationType
		s, d int
	}
	key := func(t graph.RelationType, s, d int) relKey {
		if t.Symmetric() && d < s {
			s, d = d, s
		}
		return relKey{t, s, d}
	}
	grels := map[relKey]bool{} // -> required
	var gorder []relKey        // first-insertion order, as score.py's dict
	for _, r := range gold.Relations {
		s, sok := gindex[normName(r.Source)]
		d, dok := gindex[normName(r.Target)]
		if !sok || !dok || !r.Type.Valid() {
			continue // ParseGold rejects these
		}
		k := key(r.Type, s, d)
		if _, ok := grels[k]; !ok {
			gorder = append(gorder, k)
		}
		grels[k] = r.Required()
	}

	relTypes := map[graph.RelationType]*counts{}
	for _, t := range graph.RelationTypes {
		relTypes[t] = &counts{}
	}
	hit := map[relKey]bool{}
	rFP := 0
	for _, p := range pred.Relations {
		t := p.Type
		if !t.Valid() {
			continue
		}
		s, sok := entOf[p.Source]
		d, dok := entOf[p.Target]
		if !sok || !dok || s == d {
			rFP++
			relTypes[t].fp++
			notes = append(notes, Note{Kind: RelationFP, Type: string(t), What: p.Source + " -> " + p.Target, Why: "endpoint not a gold actor"})
			continue
		}
		k := key(t, s, d)
		if hit[k] {
			continue
		}
		if req, ok := grels[k]; ok {
			hit[k] = true
			relTypes[t].ok++
			if req {
				relTypes[t].found++
			}
		} else {
			rFP++
			relTypes[t].fp++
			notes = append(notes, Note{Kind: RelationFP, Type: string(t), What: gents[s].Name + " -> " + gents[d].Name})
		}
	}
	rReq, rHit := 0, 0
	for _, k := range gorder {
		if !grels[k] {
			continue
		}
		rReq++
		relTypes[k.t].required++
		if hit[k] {
			rHit++
		} else {
			notes = append(notes, Note{Kind: RelationMiss, Type: string(k.t), What: gents[k.s].Name + " -> " + gents[k.d].Name})
		}
	}

	rep.Entities = newScores(eOK, eFP, eHit, eReq)
	rep.Relations = newScores(len(hit), rFP, rHit, rReq)
	for t, c := range entTypes {
		rep.EntitiesByType[t] = newScores(c.ok, c.fp, c.found, c.required)
	}
	for t, c := range relTypes {
		rep.RelationsByType[t] = newScores(c.ok, c.fp, c.found, c.required)
	}
	rep.Notes = notes
	return rep
}

// Summary is the line score.py prints last.
func (r Report) Summary() string {
	e, l := r.Entities, r.Relations
	return fmt.Sprintf("entities P=%.2f R=%.2f F1=%.2f  relations P=%.2f R=%.2f F1=%.2f",
		e.Precision, e.Recall, e.F1, l.Precision, l.Recall, l.F1)
}

// nameIndex finds gold entities by their folded names, then aliases; the
// first entity listed wins a name two share.
type nameIndex struct{ byName, byAlias map[string]int }

func newNameIndex(gents []GoldEntity) nameIndex {
	x := nameIndex{byName: map[string]int{}, byAlias: map[string]int{}}
	for i, g := range gents {
		if _, ok := x.byName[normName(g.Name)]; !ok {
			x.byName[normName(g.Name)] = i
		}
		for _, a := range g.Aliases {
			if _, ok := x.byAlias[normName(a)]; !ok {
				x.byAlias[normName(a)] = i
			}
		}
	}
	return x
}

// find returns the gold entity of the first of the folded names that has
// one, looking at names before aliases.
func (x nameIndex) find(names []string) (int, bool) {
	for _, table := range []map[string]int{x.byName, x.byAlias} {
		for _, n := range names {
			if i, ok := table[n]; ok {
				return i, true
			}
		}
	}
	return 0, false
}

// namesOf returns the folded name and aliases of a predicted entity.
func namesOf(p graph.Entity) []string {
	names := make([]string, 0, 1+len(p.Aliases))
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		if n := normName(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// Matches returns, for each predicted entity that matches a gold entity (of
// any type), the index of that gold entity, as Score matches them.
func Matches(gold *Gold, ents []graph.Entity) map[string]int {
	idx := newNameIndex(gold.Entities)
	out := map[string]int{}
	for _, p := range ents {
		if !p.Type.Valid() {
			continue
		}
		if gi, ok := idx.find(namesOf(p)); ok {
			out[p.ID] = gi
		}
	}
	return out
}

// Macro averages the precision, recall and F1 of each report, article by
// article; the counts are summed as in Micro. A type an article neither
// predicts nor requires does not count for that type.
func Macro(reports ...Report) Report {
	sum := Micro(reports...)
	if len(reports) == 0 {
		return sum
	}
	avg := func(get func(Report) (Scores, bool), into *Scores) {
		var p, r, f float64
		n := 0
		for _, rep := range reports {
			s, ok := get(rep)
			if !ok {
				continue
			}
			p, r, f, n = p+s.Precision, r+s.Recall, f+s.F1, n+1
		}
		if n > 0 {
			into.Precision, into.Recall, into.F1 = p/float64(n), r/float64(n), f/float64(n)
		}
	}
	used := func(s Scores) bool { return s.Required > 0 || s.Correct+s.FalsePositives > 0 }
	avg(func(r Report) (Scores, bool) { return r.Entities, used(r.Entities) }, &sum.Entities)
	avg(func(r Report) (Scores, bool) { return r.Relations, used(r.Relations) }, &sum.Relations)
	for _, t := range graph.EntityTypes {
		s := sum.EntitiesByType[t]
		avg(func(r Report) (Scores, bool) { return r.EntitiesByType[t], used(r.EntitiesByType[t]) }, &s)
		sum.EntitiesByType[t] = s
	}
	for _, t := range graph.RelationTypes {
		s := sum.RelationsByType[t]
		avg(func(r Report) (Scores, bool) { return r.RelationsByType[t], used(r.RelationsByType[t]) }, &s)
		sum.RelationsByType[t] = s
	}
	return sum
}
