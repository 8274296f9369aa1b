// Package identity recognises one actor across articles: it joins a partial
// name ("Putin", "George Bush", "Vince Cable") to the single full-name actor
// of the same type it stands for, keeps apart same-name actors whose roles
// conflict, and records every merge with its reason. It is deterministic: the
// same graphs, known actors and rules always give the same result.
package identity

import (
	_ "embed"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/actorgraph/actorgraph/graph"
)

// Merge records that one actor was joined into another, or kept apart.
type Merge struct {
	From     string `json:"from"` // id of the actor that was joined, or split off
	FromName string `json:"fromName"`
	Into     string `json:"into"` // id of the actor it was joined into, or kept apart from
	IntoName string `json:"intoName"`
	Reason   string `json:"reason"`
	Apart    bool   `json:"apart,omitempty"` // kept apart: From is a new actor beside Into
}

// Known are the actors stored already, which new names may join, and the
// number of articles that mention each (by id; may be nil).
type Known struct {
	Actors   []graph.Entity
	Articles map[string]int
}

// Result is what Resolve gives back: the resolved graph and its merge log.
type Result struct {
	Graph  *graph.Graph
	Merges []Merge
}

// Resolve merges the graphs of single articles into one and resolves the
// identities of their actors:
//
//  1. A name that articles give to people with conflicting roles ("Gareth
//     Thomas" the minister and the rugby captain) becomes one actor per role
//     group; the group met first keeps the id, the others get the id with
//     "#" and their role.
//  2. A person's longer form wins: "George Bush" joins "George W Bush" and
//     "Vince Cable" joins "Vincent Cable" when only one such person exists.
//  3. A one-word name joins the single full-name actor of the same type
//     whose last word it is ("Putin" → "Vladimir Putin"), unless the word is
//     also the first name of a person ("Charles") or their roles conflict.
//
// known holds actors stored already (from Neo4j): they are targets of steps
// 2 and 3 as the graph's own are, so new partial names join stored actors.
// rules, which may be nil, forces merges (aliases) and forbids them (apart).
func Resolve(graphs []*graph.Graph, known Known, rules *Rules) Result {
	var merges []Merge
	split := splitConflicts(graphs, &merges)
	g := &graph.Graph{}
	g.Merge(split...)
	ids := map[string]string{} // from id -> into id

	r := &resolution{g: g, rules: rules, known: map[string]graph.Entity{}, knownArticles: known.Articles}
	for _, e := range known.Actors {
		if _, ok := r.known[e.ID]; !ok && e.Type.Valid() {
			r.known[e.ID] = e
		}
	}
	r.index()

	// Analyst aliases first: they are orders.
	if rules != nil {
		for _, a := range rules.aliases {
			from, into := a[0], a[1]
			if r.entity(from) == nil || r.entity(into) == nil || from == into {
				continue
			}
			r.join(ids, from, into, "alias file", &merges)
		}
	}
	// Longer forms of a person's name.
	for _, e := range r.persons() {
		if _, done := ids[e.ID]; done {
			continue
		}
		if into, why := r.longerForm(e, ids); into != "" {
			r.join(ids, e.ID, into, why, &merges)
		}
	}
	// One-word names.
	for _, e := range r.all() {
		if _, done := ids[e.ID]; done || len(strings.Fields(e.Name)) != 1 {
			continue
		}
		if into, why := r.surname(e, ids); into != "" {
			r.join(ids, e.ID, into, why, &merges)
		}
	}
	return Result{Graph: rewrite(g, ids, r.known), Merges: merges}
}

// resolution is the state of one Resolve.
type resolution struct {
	g     *graph.Graph
	rules *Rules
	known map[string]graph.Entity
	// knownArticles counts the articles of the known actors.
	knownArticles map[string]int

	byID      map[string]graph.Entity
	lastWord  map[string][]string // persons and organizations of 2+ words by folded last word -> ids
	firstWord map[string]bool     // folded first words of persons of 2+ words
	firstIDs  map[string][]string // persons of 2+ words by folded first word
	byAlias   map[string][]string // "type|folded alias" -> ids
	articles  map[string]int      // articles mentioning each actor, counted when first needed
}

func (r *resolution) index() {
	r.byID = map[string]graph.Entity{}
	r.lastWord = map[string][]string{}
	r.firstWord = map[string]bool{}
	r.firstIDs = map[string][]string{}
	r.byAlias = map[string][]string{}
	add := func(e graph.Entity) {
		if _, ok := r.byID[e.ID]; ok {
			return
		}
		r.byID[e.ID] = e
		w := strings.Fields(graph.Normalize(e.Name))
		if len(w) >= 2 {
			key := string(e.Type) + "|" + w[len(w)-1]
			r.lastWord[key] = append(r.lastWord[key], e.ID)
			if e.Type == graph.Person {
				r.firstWord[w[0]] = true
				r.firstIDs[w[0]] = append(r.firstIDs[w[0]], e.ID)
			}
		}
		for _, a := range e.Aliases {
			key := string(e.Type) + "|" + graph.Normalize(a)
			if !slices.Contains(r.byAlias[key], e.ID) {
				r.byAlias[key] = append(r.byAlias[key], e.ID)
			}
		}
	}
	for _, e := range r.g.Entities {
		add(e)
	}
	for _, id := range sortedKeys(r.known) {
		add(r.known[id])
	}
}

func (r *resolution) entity(id string) *graph.Entity {
	if e, ok := r.byID[id]; ok {
		return &e
	}
	return nil
}

// persons returns the graph's persons, longest names first, then by id.
func (r *resolution) persons() []graph.Entity {
	var out []graph.Entity
	for _, e := range r.g.Entities {
		if e.Type == graph.Person {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := len(strings.Fields(out[i].Name)), len(strings.Fields(out[j].Name))
		if a != b {
			return a > b
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// all returns the graph's actors by id.
func (r *resolution) all() []graph.Entity {
	out := slices.Clone(r.g.Entities)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// final follows the merges made so far from id.
func final(ids map[string]string, id string) string {
	for n := 0; n < 100; n++ {
		next, ok := ids[id]
		if !ok {
			return id
		}
		id = next
	}
	return id
}

// longerForm returns the one person whose name is a longer form of e's —
// the same first and last words with more in between ("George W Bush" for
// "George Bush"), or a first name that e's shortens ("Vincent Cable" for
// "Vince Cable") — or "".
func (r *resolution) longerForm(e graph.Entity, ids map[string]string) (string, string) {
	w := strings.Fields(graph.Normalize(e.Name))
	if len(w) < 2 {
		return "", ""
	}
	var found []string
	var why string
	for _, id := range r.lastWord[string(graph.Person)+"|"+w[len(w)-1]] {
		if id == e.ID {
			continue
		}
		f := r.byID[id]
		fw := strings.Fields(graph.Normalize(f.Name))
		switch {
		case len(fw) > len(w) && fw[0] == w[0] && subsequence(w, fw):
			why = fmt.Sprintf("longer form of the name: %q is %q", e.Name, f.Name)
		case len(fw) == len(w) && len(w[0]) >= 3 && len(fw[0]) > len(w[0]) && strings.HasPrefix(fw[0], w[0]) && slices.Equal(fw[1:], w[1:]):
			why = fmt.Sprintf("short first name: %q is %q", e.Name, f.Name)
		default:
			continue
		}
		if t := final(ids, id); !slices.Contains(found, t) {
			found = append(found, t)
		}
	}
	if len(found) != 1 || r.conflict(e.ID, found[0]) {
		return "", ""
	}
	return found[0], why
}

// surname returns the one actor of e's type of two or more words whose last
// word is e's one-word name, or that has it as an alias, or "".
func (r *resolution) surname(e graph.Entity, ids map[string]string) (string, string) {
	word := graph.Normalize(e.Name)
	if word == "" {
		return "", ""
	}
	var found []string
	add := func(id string) {
		if id == e.ID {
			return
		}
		if t := final(ids, id); t != e.ID && !slices.Contains(found, t) {
			found = append(found, t)
		}
	}
	for _, id := range r.byAlias[string(e.Type)+"|"+word] {
		add(id)
	}
	why := fmt.Sprintf("name used as an alias: %q", e.Name)
	if len(found) == 0 && e.Type == graph.Person {
		for _, id := range r.lastWord[string(e.Type)+"|"+word] {
			add(id)
		}
		why = fmt.Sprintf("surname of the only full name: %q", e.Name)
	}
	if e.Type == graph.Person && (len(found) > 1 || len(found) == 1 && r.firstWord[word]) {
		// Several full names, or one and a first name: the dominant one, if
		// any, against all the others and those the word is the first name of.
		var rivals []string
		for _, id := range r.firstIDs[word] {
			if t := final(ids, id); !slices.Contains(found, t) && !slices.Contains(rivals, t) {
				rivals = append(rivals, t)
			}
		}
		return r.dominant(e, found, rivals)
	}
	if len(found) != 1 || r.conflict(e.ID, found[0]) {
		return "", ""
	}
	return found[0], why
}

// dominant picks, among several full names that share e's surname, the one
// the articles mean by it: of those whose roles do not conflict with e's,
// the one mentioned in three times as many articles as all the others
// together, and in ten at least when several full names share the surname ("Blair" beside Tony Blair and Ian Blair).
// Otherwise it returns "": the surname stays apart.
func (r *resolution) dominant(e graph.Entity, found, rivals []string) (string, string) {
	if r.articles == nil {
		r.articles = map[string]int{}
		for _, m := range r.g.Mentions {
			r.articles[m.Entity]++
		}
		for id, n := range r.knownArticles {
			r.articles[id] += n
		}
	}
	best, bestN, others := "", 0, 0
	for _, id := range found {
		if r.conflict(e.ID, id) {
			continue
		}
		n := r.articles[id]
		if n > bestN {
			best, bestN, others = id, n, others+bestN
		} else {
			others += n
		}
	}
	for _, id := range rivals {
		others += r.articles[id]
	}
	least := 10 // several full names share the surname
	if len(found) == 1 {
		least = 1 // one full name, and first names only beside it
	}
	if best == "" || bestN < least || bestN < 3*others {
		return "", ""
	}
	return best, fmt.Sprintf("surname of the most-mentioned full name: %q is %q (%d articles; the %d other names it may mean %d)",
		e.Name, r.byID[best].Name, bestN, len(found)-1+len(rivals), others)
}

// conflict reports whether two actors must stay apart: the rules say so, or
// both have roles and no role of one shares its head word with a role of
// the other ("minister", "captain"), or one is Mr and the other Mrs.
func (r *resolution) conflict(a, b string) bool {
	if r.rules.apart(a, b) {
		return true
	}
	ea, eb := r.entity(a), r.entity(b)
	if ea == nil || eb == nil {
		return true
	}
	return rolesConflict(ea.Roles, eb.Roles)
}

// join records that from is merged into into and folds from's names and
// roles into into.
func (r *resolution) join(ids map[string]string, from, into, why string, merges *[]Merge) {
	into = final(ids, into)
	if from == into {
		return
	}
	f, t := r.byID[from], r.byID[into]
	ids[from] = into
	t.Aliases = union(t.Aliases, append(slices.Clone(f.Aliases), f.Name))
	t.Roles = union(t.Roles, f.Roles)
	r.byID[into] = t
	*merges = append(*merges, Merge{From: from, FromName: f.Name, Into: into, IntoName: t.Name, Reason: why})
}

// rewrite returns g with every id in ids replaced by its target. A target
// that is only a known actor is added with the known name.
func rewrite(g *graph.Graph, ids map[string]string, known map[string]graph.Entity) *graph.Graph {
	if len(ids) == 0 {
		return g
	}
	to := func(id string) string { return final(ids, id) }
	byID := map[string]graph.Entity{}
	for _, e := range g.Entities {
		byID[e.ID] = e
	}
	out := &graph.Graph{Articles: g.Articles}
	for _, e := range g.Entities {
		t := to(e.ID)
		if t == e.ID {
			out.Entities = append(out.Entities, e)
			continue
		}
		target, ok := byID[t]
		if !ok {
			target = known[t]
			target.Aliases = nil
		}
		out.Entities = append(out.Entities, graph.Entity{ID: t, Type: target.Type, Name: target.Name,
			Aliases: union(e.Aliases, []string{e.Name}), Roles: e.Roles})
	}
	for _, rel := range g.Relations {
		rel.Source, rel.Target = to(rel.Source), to(rel.Target)
		if rel.Source != rel.Target {
			out.Relations = append(out.Relations, rel)
		}
	}
	for _, m := range g.Mentions {
		m.Entity = to(m.Entity)
		out.Mentions = append(out.Mentions, m)
	}
	merged := &graph.Graph{}
	merged.Merge(out)
	return merged
}

// splitConflicts gives same-id actors of different articles separate ids
// when their roles conflict (see rolesConflict): the articles are grouped,
// each joining the first group it does not conflict with (the group of its
// own folder first); groups after the first get the id with "#" and their
// main role. The graphs are returned rewritten, the inputs left alone.
func splitConflicts(graphs []*graph.Graph, merges *[]Merge) []*graph.Graph {
	type seen struct {
		g      int
		roles  []string
		folder string
	}
	occ := map[string][]seen{}
	for gi, g := range graphs {
		folder := ""
		if len(g.Articles) > 0 {
			folder = filepath.Dir(g.Articles[0].Source)
		}
		for _, e := range g.Entities {
			if e.Type == graph.Person {
				occ[e.ID] = append(occ[e.ID], seen{gi, e.Roles, folder})
			}
		}
	}
	rename := map[int]map[string]string{} // graph -> old id -> new id
	for _, id := range sortedKeys(occ) {
		list := occ[id]
		if len(list) < 2 {
			continue
		}
		type group struct {
			roles   []string
			folders map[string]bool
			members []int
		}
		var groups []*group
		for _, s := range list {
			var pick *group
			for _, own := range []bool{true, false} {
				for _, gr := range groups {
					if pick == nil && (!own || gr.folders[s.folder]) && !rolesConflict(gr.roles, s.roles) {
						pick = gr
					}
				}
			}
			if pick == nil {
				pick = &group{folders: map[string]bool{}}
				groups = append(groups, pick)
			}
			pick.roles = union(pick.roles, s.roles)
			pick.folders[s.folder] = true
			pick.members = append(pick.members, s.g)
		}
		for k, gr := range groups[1:] {
			newID := id + "#" + mainRole(gr.roles)
			if slices.ContainsFunc(groups[:k+1], func(o *group) bool { return mainRole(o.roles) == mainRole(gr.roles) }) {
				newID = fmt.Sprintf("%s#%d", id, k+2)
			}
			for _, gi := range gr.members {
				if rename[gi] == nil {
					rename[gi] = map[string]string{}
				}
				rename[gi][id] = newID
			}
			name := ""
			for _, e := range graphs[gr.members[0]].Entities {
				if e.ID == id {
					name = e.Name
				}
			}
			*merges = append(*merges, Merge{From: newID, FromName: name, Into: id, IntoName: name, Apart: true,
				Reason: fmt.Sprintf("kept apart: roles %s and %s conflict", strings.Join(gr.roles, ", "), strings.Join(groups[0].roles, ", "))})
		}
	}
	out := make([]*graph.Graph, len(graphs))
	for gi, g := range graphs {
		ids := rename[gi]
		if len(ids) == 0 {
			out[gi] = g
			continue
		}
		c := &graph.Graph{Articles: g.Articles}
		for _, e := range g.Entities {
			if n, ok := ids[e.ID]; ok {
				e.ID = n
			}
			c.Entities = append(c.Entities, e)
		}
		for _, rel := range g.Relations {
			if n, ok := ids[rel.Source]; ok {
				rel.Source = n
			}
			if n, ok := ids[rel.Target]; ok {
				rel.Target = n
			}
			c.Relations = append(c.Relations, rel)
		}
		for _, m := range g.Mentions {
			if n, ok := ids[m.Entity]; ok {
				m.Entity = n
			}
			c.Mentions = append(c.Mentions, m)
		}
		out[gi] = c
	}
	return out
}

// plainRoles are roles that say nothing about which person is meant.
var plainRoles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true, "dame": true,
	"former": true, "new": true, "then": true, "lord": true, "lady": true, "prof": true, "professor": true, "st": true,
	"chief": true, "head": true, "deputy": true, "senior": true, "acting": true, "spokesman": true, "spokeswoman": true}

// roleHeads returns the head words of the roles that tell persons apart:
// "chancellor" for "chancellor of the exchequer", "minister" for "foreign
// minister", "captain" for "wales captain".
func roleHeads(roles []string) []string {
	var out []string
	for _, r := range roles {
		w := strings.Fields(strings.ToLower(r))
		if len(w) == 0 {
			continue
		}
		h := w[len(w)-1]
		if i := slices.Index(w, "of"); i > 0 {
			h = w[i-1]
		} else if h == "general" && len(w) > 1 {
			h = w[len(w)-2] // "attorney general"
		}
		if !plainRoles[h] && !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	return out
}

// rolesConflict reports two role lists that put their persons in different
// walks of life (see lexicon/roledomains.tsv: "minister" and "captain"),
// or that give two genders, or two generations (Jr and Sr). Roles that
// both lists lack walks of life for never conflict: when in doubt, they
// do not decide.
func rolesConflict(a, b []string) bool {
	if gender(a)*gender(b) < 0 {
		return true
	}
	if generation(a)*generation(b) < 0 {
		return true
	}
	da, db := domainsOf(a), domainsOf(b)
	if len(da) == 0 || len(db) == 0 {
		return false
	}
	for d := range da {
		if db[d] {
			return false
		}
	}
	return true
}

// domainsOf returns the walks of life of the roles' head words.
func domainsOf(roles []string) map[string]bool {
	out := map[string]bool{}
	for _, h := range roleHeads(roles) {
		for _, d := range roleDomains()[h] {
			out[d] = true
		}
	}
	return out
}

// generation is 1 for Jr, -1 for Sr, 0 otherwise.
func generation(roles []string) int {
	g := 0
	for _, r := range roles {
		switch strings.TrimSuffix(strings.ToLower(r), ".") {
		case "jr", "junior":
			g = 1
		case "sr", "senior":
			g = -1
		}
	}
	return g
}

//go:embed lexicon/roledomains.tsv
var roleDomainsFile string

var roleDomains = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	for _, line := range strings.Split(roleDomainsFile, "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word, domains, _ := strings.Cut(line, "\t")
		out[strings.TrimSpace(word)] = strings.Split(strings.TrimSpace(domains), "|")
	}
	return out
})

// gender is 1 for Mr, -1 for Mrs, Ms or Miss, 0 otherwise.
func gender(roles []string) int {
	male, female := false, false
	for _, r := range roles {
		switch strings.TrimSuffix(strings.ToLower(r), ".") {
		case "mr", "sir", "lord":
			male = true
		case "mrs", "ms", "miss", "lady", "dame", "baroness":
			female = true
		}
	}
	switch {
	case male && !female:
		return 1
	case female && !male:
		return -1
	}
	return 0 // none, or both ("Mr and Mrs Howard")
}

// mainRole names a group of roles in an id: its first head word.
func mainRole(roles []string) string {
	if h := roleHeads(roles); len(h) > 0 {
		return h[0]
	}
	return "other"
}

// subsequence reports whether every word of short appears in long in order.
func subsequence(short, long []string) bool {
	i := 0
	for _, w := range long {
		if i < len(short) && short[i] == w {
			i++
		}
	}
	return i == len(short)
}

func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
