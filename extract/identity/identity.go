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
// number of articles that mention each (by id; may be nil). Sources and
// Mentions, which may be empty, say where the known actors were named: the
// known articles' sources by id, and which actors each names. With them a
// known actor has a context as the graph's own do (see unrelated); without
// them it is related to every actor.
type Known struct {
	Actors   []graph.Entity
	Articles map[string]int
	Sources  map[string]string
	Mentions []graph.Mention
}

// Add makes the actors of a resolved graph known, with their articles and
// mentions: a streamed extraction resolves each batch against the batches
// before it.
func (k *Known) Add(g *graph.Graph) {
	if k.Articles == nil {
		k.Articles = map[string]int{}
	}
	if k.Sources == nil {
		k.Sources = map[string]string{}
	}
	seen := make(map[string]bool, len(k.Actors))
	for _, e := range k.Actors {
		seen[e.ID] = true
	}
	for _, e := range g.Entities {
		if !seen[e.ID] {
			seen[e.ID] = true
			k.Actors = append(k.Actors, e)
		}
	}
	for _, a := range g.Articles {
		k.Sources[a.ID] = a.Source
	}
	for _, m := range g.Mentions {
		k.Articles[m.Entity]++
		k.Mentions = append(k.Mentions, m)
	}
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
	split := splitConflicts(graphs, known, &merges)
	g := &graph.Graph{}
	g.Merge(split...)
	ids := map[string]string{} // from id -> into id

	r := &resolution{g: g, rules: rules, known: map[string]graph.Entity{}, knownArticles: known.Articles,
		knownSources: known.Sources, knownMentions: known.Mentions}
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
	// An article loaded again keeps the actors the store gave it.
	r.asStored(ids, &merges)
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

// Rejoin joins back into a person the persons split off it ("Bill Gates#other"
// beside "Bill Gates") that have, in g, something in common with it after
// all: load splits each batch against what is stored so far, and an early
// batch may give a name no role and no company that a later one gives. g is
// what the store holds, with its articles and mentions; the merges are
// returned, for the store to make. Persons whose roles conflict, or that
// the rules keep apart, stay apart.
func Rejoin(g *graph.Graph, rules *Rules) []Merge {
	r := &resolution{g: g, rules: rules}
	r.index()
	ids := map[string]string{}
	var merges []Merge
	for _, e := range r.persons() {
		base, _, split := strings.Cut(e.ID, "#")
		if !split || r.entity(base) == nil || r.conflict(e.ID, base) {
			continue
		}
		r.join(ids, e.ID, base, fmt.Sprintf("split off %q by an earlier load, but with a folder, walk of life or actor in common", e.Name), &merges)
	}
	return merges
}

// asStored joins an actor of an article the store holds already to the one
// stored actor that article mentions under the same name or alias: a
// reload resolves as the first load did, though the store now knows more.
func (r *resolution) asStored(ids map[string]string, merges *[]Merge) {
	if len(r.knownMentions) == 0 {
		return
	}
	stored := map[string][]string{} // article -> stored actors it mentions
	for _, m := range r.knownMentions {
		stored[m.Article] = append(stored[m.Article], m.Entity)
	}
	for _, m := range r.g.Mentions {
		actors, ok := stored[m.Article]
		if !ok || slices.Contains(actors, m.Entity) {
			continue
		}
		if _, done := ids[m.Entity]; done {
			continue
		}
		e := r.byID[m.Entity]
		name := graph.Normalize(e.Name)
		var found []string
		for _, id := range actors {
			k, ok := r.known[id]
			if !ok || k.Type != e.Type {
				continue
			}
			if graph.Normalize(k.Name) == name || slices.ContainsFunc(k.Aliases, func(a string) bool { return graph.Normalize(a) == name }) {
				found = append(found, id)
			}
		}
		if len(found) == 1 {
			r.join(ids, m.Entity, found[0], fmt.Sprintf("as stored before: the article names %q as %q", e.Name, r.known[found[0]].Name), merges)
		}
	}
}

// resolution is the state of one Resolve.
type resolution struct {
	g     *graph.Graph
	rules *Rules
	known map[string]graph.Entity
	// knownArticles counts the articles of the known actors; knownSources
	// and knownMentions are where they were named (see Known).
	knownArticles map[string]int
	knownSources  map[string]string
	knownMentions []graph.Mention

	byID      map[string]graph.Entity
	lastWord  map[string][]string        // persons and organizations of 2+ words by folded last word -> ids
	firstWord map[string]bool            // folded first words of persons of 2+ words
	firstIDs  map[string][]string        // persons of 2+ words by folded first word
	byAlias   map[string][]string        // "type|folded alias" -> ids
	articles  map[string]int             // articles mentioning each actor, counted when first needed
	folders   map[string]map[string]bool // folders of each actor's articles (see context)
	company   map[string]map[string]bool // actors met with each actor (see context)
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
	best, bestN, others := "", 0, 0
	for _, id := range found {
		if r.conflict(e.ID, id) {
			continue
		}
		n := r.mentioned(id)
		if n > bestN {
			best, bestN, others = id, n, others+bestN
		} else {
			others += n
		}
	}
	for _, id := range rivals {
		others += r.mentioned(id)
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

// unrelated reports two actors that share no folder, no walk of life and
// no other actor that is not common: a "Thatcher" of politics and a Ben
// Thatcher of sport. Known actors count with the articles of Known.Sources
// and Known.Mentions; an actor named in none is related to all.
func (r *resolution) unrelated(a, b string) bool {
	if r.folders == nil {
		r.context()
	}
	fa, fb := r.folders[a], r.folders[b]
	if len(fa) == 0 || len(fb) == 0 || r.mentioned(a) >= famous || r.mentioned(b) >= famous {
		return false // a famous name is rarely a namesake's (see famous)
	}
	for f := range fa {
		if fb[f] {
			return false
		}
	}
	ea, eb := r.entity(a), r.entity(b)
	if ea != nil && eb != nil {
		db := domainsOf(eb.Roles)
		for d := range domainsOf(ea.Roles) {
			if db[d] {
				return false
			}
		}
	}
	for c := range r.company[a] {
		if c != b && r.company[b][c] {
			return false
		}
	}
	return true
}

// mentioned returns the number of articles that mention an actor.
func (r *resolution) mentioned(id string) int {
	if r.articles == nil {
		r.articles = map[string]int{}
		for _, m := range r.g.Mentions {
			r.articles[m.Entity]++
		}
		for id, n := range r.knownArticles {
			r.articles[id] += n
		}
	}
	return r.articles[id]
}

// context indexes the folders of each actor's articles and the actors met
// with it there, leaving out those in more than one article in a hundred;
// the known articles count as the graph's own.
func (r *resolution) context() {
	r.folders, r.company = map[string]map[string]bool{}, map[string]map[string]bool{}
	folder := map[string]string{}
	for id, src := range r.knownSources {
		folder[id] = filepath.Dir(src)
	}
	for _, a := range r.g.Articles {
		folder[a.ID] = filepath.Dir(a.Source)
	}
	byArticle := map[string][]string{}
	freq := map[string]int{}
	seen := map[graph.Mention]bool{} // an article loaded again is named once
	for _, ms := range [][]graph.Mention{r.knownMentions, r.g.Mentions} {
		for _, m := range ms {
			if seen[m] {
				continue
			}
			seen[m] = true
			byArticle[m.Article] = append(byArticle[m.Article], m.Entity)
			freq[m.Entity]++
		}
	}
	common := max(10, len(folder)/100)
	for art, ids := range byArticle {
		for _, id := range ids {
			if r.folders[id] == nil {
				r.folders[id], r.company[id] = map[string]bool{}, map[string]bool{}
			}
			r.folders[id][folder[art]] = true
			for _, c := range ids {
				if c != id && freq[c] < common && !strings.HasPrefix(c, "country:") {
					r.company[id][c] = true
				}
			}
		}
	}
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
	return rolesConflict(ea.Roles, eb.Roles) || r.unrelated(a, b)
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
// main role. A person the store holds already (known, with its context) is
// a group of its own articles: the new articles join it, or one of the
// groups split off it before ("#captain"), or stay apart as a new one, as
// they would had all been extracted together. The graphs are returned
// rewritten, the inputs left alone.
func splitConflicts(graphs []*graph.Graph, known Known, merges *[]Merge) []*graph.Graph {
	// Actors in many articles (the BBC, Labour) say nothing of who is meant.
	freq := map[string]int{}
	for _, g := range graphs {
		for _, e := range g.Entities {
			freq[e.ID]++
		}
	}
	for id, n := range known.Articles {
		freq[id] += n
	}
	common := max(10, (len(graphs)+len(known.Sources))/100)
	occ := map[string][]occurrence{}
	for gi, g := range graphs {
		folder := ""
		if len(g.Articles) > 0 {
			folder = filepath.Dir(g.Articles[0].Source)
		}
		var company []string
		for _, e := range g.Entities {
			if e.Type != graph.Country && freq[e.ID] < common {
				company = append(company, e.ID)
			}
		}
		for _, e := range g.Entities {
			if e.Type == graph.Person {
				occ[e.ID] = append(occ[e.ID], occurrence{gi, e.Roles, folder, company})
			}
		}
	}
	stored := storedGroups(known, occ, freq, common)
	rename := map[int]map[string]string{} // graph -> old id -> new id
	for _, id := range sortedKeys(occ) {
		list := occ[id]
		if len(list)+len(stored[id]) < 2 {
			continue
		}
		groups := groupArticles(id, append(slices.Clone(stored[id]), list2groups(list)...))
		taken := map[string]bool{}
		for _, gr := range stored[id] {
			taken[gr.stored] = true
		}
		// The groups that hold a stored actor keep its id; of the others,
		// the first takes the name's own id when the store does not hold
		// it, the rest get it with "#" and their main role.
		ids := make([]string, len(groups))
		keeper := -1
		for k, gr := range groups {
			ids[k] = gr.stored
			if gr.stored == id {
				keeper = k
			}
		}
		for k, gr := range groups {
			if ids[k] != "" {
				continue
			}
			switch newID := id + "#" + mainRole(gr.roles); {
			case !taken[id]:
				ids[k], keeper = id, k
			case !taken[newID]:
				ids[k] = newID
			default:
				for n := 2; ids[k] == ""; n++ {
					if c := fmt.Sprintf("%s#%d", id, n); !taken[c] {
						ids[k] = c
					}
				}
			}
			taken[ids[k]] = true
		}
		for k, gr := range groups {
			if ids[k] == id {
				continue
			}
			for _, gi := range gr.members {
				if rename[gi] == nil {
					rename[gi] = map[string]string{}
				}
				rename[gi][id] = ids[k]
			}
			if gr.stored != "" || keeper < 0 {
				continue // split off before, and logged then
			}
			name := ""
			for _, e := range graphs[gr.members[0]].Entities {
				if e.ID == id {
					name = e.Name
				}
			}
			kept := groups[keeper]
			why := fmt.Sprintf("kept apart: roles %s and %s conflict", strings.Join(gr.roles, ", "), strings.Join(kept.roles, ", "))
			if !rolesConflict(gr.roles, kept.roles) {
				why = fmt.Sprintf("kept apart: named in %s and in %s with no role or other actor in common",
					strings.Join(sortedKeys(gr.folders), ", "), strings.Join(sortedKeys(kept.folders), ", "))
			}
			*merges = append(*merges, Merge{From: ids[k], FromName: name, Into: id, IntoName: name, Apart: true, Reason: why})
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

// occurrence is one article's view of a person: its graph, roles, folder
// and the other persons and organizations it names.
type occurrence struct {
	g       int
	roles   []string
	folder  string
	company []string
}

// group is a set of articles that name one person: articles of the graphs
// (members), and those of a stored actor.
type group struct {
	roles   []string
	folders map[string]bool
	company map[string]bool
	members []int
	stored  string // the id of the stored actor the group holds, or ""
	size    int    // articles
	first   int    // the first member, -1 for a stored actor
}

func list2groups(list []occurrence) []*group {
	out := make([]*group, len(list))
	for i, o := range list {
		gr := &group{roles: union(nil, o.roles), folders: map[string]bool{o.folder: true}, company: map[string]bool{},
			members: []int{o.g}, size: 1, first: o.g}
		for _, c := range o.company {
			gr.company[c] = true
		}
		out[i] = gr
	}
	return out
}

// storedGroups returns, for each person id of occ, the groups of the
// stored persons that bear it or were split off it ("id#captain"), each
// with its roles and the folders and other actors of its stored articles.
func storedGroups(known Known, occ map[string][]occurrence, freq map[string]int, common int) map[string][]*group {
	out := map[string][]*group{}
	for _, e := range known.Actors {
		base, _, _ := strings.Cut(e.ID, "#")
		if _, ok := occ[base]; ok && e.Type == graph.Person {
			out[base] = append(out[base], &group{roles: union(nil, e.Roles), folders: map[string]bool{}, company: map[string]bool{},
				stored: e.ID, size: max(known.Articles[e.ID], 1), first: -1})
		}
	}
	if len(out) == 0 {
		return out
	}
	byArticle := map[string][]string{}  // article -> the actors it names
	articlesOf := map[string][]string{} // actor -> the articles that name it
	for _, m := range known.Mentions {
		byArticle[m.Article] = append(byArticle[m.Article], m.Entity)
		articlesOf[m.Entity] = append(articlesOf[m.Entity], m.Article)
	}
	for base, grs := range out {
		for _, gr := range grs {
			for _, art := range articlesOf[gr.stored] {
				gr.folders[filepath.Dir(known.Sources[art])] = true
				for _, c := range byArticle[art] {
					if c != gr.stored && freq[c] < common && !strings.HasPrefix(c, "country:") {
						gr.company[c] = true
					}
				}
			}
		}
		// A stored actor named in no known article has no context: it is
		// the same as the new actor of its id, as before there was a store.
		grs = slices.DeleteFunc(grs, func(gr *group) bool { return len(gr.folders) == 0 })
		sort.Slice(grs, func(i, j int) bool { return grs[i].stored < grs[j].stored }) // the name's own id first
		out[base] = grs
	}
	return out
}

// groupArticles joins the one-article groups of a name into the groups of
// articles that speak of one person: two groups join when their roles agree
// and they share a folder, a walk of life or another actor, in that order of
// preference; a group in ten articles or more also takes in the groups that
// give no role. The group of the most articles comes first, then by first
// article.
func groupArticles(id string, groups []*group) []*group {
	join := func(a, b *group) {
		a.roles = union(a.roles, b.roles)
		for f := range b.folders {
			a.folders[f] = true
		}
		for c := range b.company {
			a.company[c] = true
		}
		a.members = append(a.members, b.members...)
		a.size += b.size
		a.first = min(a.first, b.first)
		if a.stored == "" {
			a.stored = b.stored
		}
	}
	tests := []func(a, b *group) bool{
		func(a, b *group) bool { // same folder
			for f := range a.folders {
				if b.folders[f] {
					return true
				}
			}
			return false
		},
		func(a, b *group) bool { // a walk of life in common
			db := domainsOf(b.roles)
			for d := range domainsOf(a.roles) {
				if db[d] {
					return true
				}
			}
			return false
		},
		func(a, b *group) bool { // another actor in common
			for c := range a.company {
				if c != id && b.company[c] {
					return true
				}
			}
			return false
		},
		func(a, b *group) bool { // a famous name and articles that give no role
			return a.size >= famous && len(b.roles) == 0 || b.size >= famous && len(a.roles) == 0
		},
	}
	for _, related := range tests {
		for changed := true; changed; {
			changed = false
			for i := 0; i < len(groups); i++ {
				for j := i + 1; j < len(groups); j++ {
					twoStored := groups[i].stored != "" && groups[j].stored != "" // the store keeps them apart
					if !twoStored && related(groups[i], groups[j]) && !rolesConflict(groups[i].roles, groups[j].roles) {
						join(groups[i], groups[j])
						groups = slices.Delete(groups, j, j+1)
						j--
						changed = true
					}
				}
			}
		}
	}
	for _, gr := range groups {
		slices.Sort(gr.members)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if a, b := groups[i].size, groups[j].size; a != b {
			return a > b
		}
		return groups[i].first < groups[j].first
	})
	return groups
}

// famous is the number of articles from which a group of one name's
// articles takes in, without anything in common, an article that gives the
// name no role.
const famous = 10

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
	if pa, pb := peer(a), peer(b); pa != pb && len(a) > 0 && len(b) > 0 { // no role says nothing
		// "Lord Condon" is not the film director Bill Condon; but a
		// politician may have become a peer: "Lord Heseltine".
		other := a
		if pa {
			other = b
		}
		if !domainsOf(other)["politics"] {
			return true
		}
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

// peer reports a title of the peerage: a British peer is named by it, and
// the name after it is often not the surname of anyone else in the news.
func peer(roles []string) bool {
	for _, r := range roles {
		switch strings.TrimSuffix(strings.ToLower(r), ".") {
		case "lord", "baroness", "peer", "earl", "viscount", "marquess", "baron":
			return true
		}
	}
	return false
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
