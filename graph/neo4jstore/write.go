package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
)

// ErrInvalidGraph is wrapped by Write and WriteScript when a graph has an
// actor type or relationship type outside the fixed lists, or refers to an
// actor or article it does not hold. Nothing is written then.
var ErrInvalidGraph = errors.New("invalid graph")

// Summary counts what a Write did. Created counts nodes and relationships
// that did not exist; Updated counts ones that existed and changed (new
// aliases, roles or evidence). Loading the same graph twice creates and
// updates nothing the second time.
type Summary struct {
	ArticlesCreated, ArticlesUpdated           int
	ActorsCreated, ActorsUpdated               int
	RelationshipsCreated, RelationshipsUpdated int
	// EvidenceAdded counts (article, sentence) entries added to relationships.
	EvidenceAdded int
}

// kind says which Summary fields a statement's counts go to.
type kind int

const (
	kindArticles kind = iota
	kindActors
	kindRelations
	kindMentions
)

// statement is one batched write: Cypher that UNWINDs the list parameter
// named param. Write runs it with rows as that parameter; WriteScript sets
// the parameter with :param and then runs the same Cypher.
type statement struct {
	kind   kind
	param  string
	cypher string
	rows   []any
}

const articleCypher = `UNWIND $articles AS row
MERGE (a:Article {id: row.id})
WITH a, row, a.source IS NULL AS created, [a.source, a.title, a.published, a.url, a.site] AS before
SET a.source = CASE WHEN coalesce(a.source, '') = '' THEN row.source ELSE a.source END,
    a.title = CASE WHEN coalesce(a.title, '') = '' THEN row.title ELSE a.title END,
    a.published = CASE WHEN coalesce(a.published, '') = '' THEN row.published ELSE a.published END,
    a.url = CASE WHEN coalesce(a.url, '') = '' THEN row.url ELSE a.url END,
    a.site = CASE WHEN coalesce(a.site, '') = '' THEN row.site ELSE a.site END
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | SET a += row.props)
RETURN count(CASE WHEN NOT created AND before <> [a.source, a.title, a.published, a.url, a.site] THEN 1 END) AS updated, count(*) AS rows`

// actorCypher merges actors of one type. label is a graph.EntityType that
// was checked with Valid; nothing else is ever put into the text.
//
// Concurrent loads (shards) may write the same actors at once, and nothing
// is lost or doubled: the unique constraint on id makes MERGE find or create
// one node under a lock on its id, and the SETs here take each actor's write
// lock until the transaction commits. Relationships are only ever written
// between actors of the same batch, after them, so two transactions that
// touch one relationship run one after the other. Rows are sorted by id, so
// transactions lock in one order; a deadlock left is transient and
// ExecuteWrite retries it. TestConcurrentWritesLoseNothing and the sharded
// load test of the command check this against the real Neo4j.
const actorCypher = `UNWIND $%s AS row
MERGE (a:%s {id: row.id})
WITH a, row, a.name IS NULL AS created, [a.name, a.aliases, a.roles, a.names] AS before
SET a:Actor, a.name = coalesce(a.name, row.name)
WITH a, row, created, before, coalesce(a.aliases, []) AS aliases, coalesce(a.roles, []) AS roles, coalesce(a.names, []) AS names
SET a.aliases = aliases + [x IN row.aliases + [row.name] WHERE x <> a.name AND NOT x IN aliases],
    a.roles = roles + [x IN row.roles WHERE NOT x IN roles],
    a.names = names + [x IN row.names WHERE NOT x IN names]
RETURN count(CASE WHEN NOT created AND before <> [a.name, a.aliases, a.roles, a.names] THEN 1 END) AS updated, count(*) AS rows`

// relationCypher merges relationships of one type and adds the evidence they
// lack. relType is a graph.RelationType that was checked with Valid.
const relationCypher = `UNWIND $%s AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
MERGE (s)-[r:%s]->(t)
WITH r, row, r.count IS NULL AS created, coalesce(r.articles, []) AS articles, coalesce(r.sentences, []) AS sentences, coalesce(r.rules, []) AS rules
WITH r, row, created, articles, sentences, rules, [i IN range(0, size(sentences) - 1) | [articles[i], sentences[i]]] AS have
WITH r, created, articles, sentences, rules, [e IN row.evidence WHERE NOT [e.article, e.sentence] IN have] AS fresh
WITH r, created, articles, sentences, rules, fresh, [x IN sentences | ''] AS blank
SET r.articles = articles + [e IN fresh | e.article],
    r.sentences = sentences + [e IN fresh | e.sentence],
    r.rules = rules + [e IN fresh | e.rule],
    r.dates = coalesce(r.dates, blank) + [e IN fresh | e.date],
    r.precisions = coalesce(r.precisions, blank) + [e IN fresh | e.precision],
    r.places = coalesce(r.places, blank) + [e IN fresh | e.place],
    r.venues = coalesce(r.venues, blank) + [e IN fresh | e.venue],
    r.countries = coalesce(r.countries, blank) + [e IN fresh | e.country],
    r.count = size(sentences) + size(fresh)
RETURN count(CASE WHEN NOT created AND size(fresh) > 0 THEN 1 END) AS updated, sum(size(fresh)) AS added, count(*) AS rows`

const mentionCypher = `UNWIND $mentions AS row
MATCH (art:Article {id: row.article})
MATCH (a:Actor {id: row.entity})
MERGE (art)-[:MENTIONS]->(a)
RETURN 0 AS updated, count(*) AS rows`

// statements checks g and turns it into the batched writes that store it, in
// the order they must run: articles, actors by type, relationships by type,
// mentions. Rows are sorted so the same graph gives the same statements.
func statements(g *graph.Graph) ([]statement, error) {
	if g == nil {
		return nil, fmt.Errorf("%w: nil graph", ErrInvalidGraph)
	}
	if err := check(g); err != nil {
		return nil, err
	}
	// Merging into an empty graph drops duplicate ids and evidence and puts
	// both directions of a symmetric relation under one key.
	var m graph.Graph
	m.Merge(g)

	var stmts []statement
	if rows := articleRows(m.Articles); len(rows) > 0 {
		stmts = append(stmts, statement{kind: kindArticles, param: "articles", cypher: articleCypher, rows: rows})
	}
	for _, t := range graph.EntityTypes {
		param := plural(strings.ToLower(string(t)))
		if rows := actorRows(m.Entities, t); len(rows) > 0 {
			stmts = append(stmts, statement{kind: kindActors, param: param, cypher: fmt.Sprintf(actorCypher, param, t), rows: rows})
		}
	}
	for _, t := range graph.RelationTypes {
		param := strings.ToLower(string(t))
		if rows := relationRows(m.Relations, t); len(rows) > 0 {
			stmts = append(stmts, statement{kind: kindRelations, param: param, cypher: fmt.Sprintf(relationCypher, param, t), rows: rows})
		}
	}
	if rows := mentionRows(&m); len(rows) > 0 {
		stmts = append(stmts, statement{kind: kindMentions, param: "mentions", cypher: mentionCypher, rows: rows})
	}
	return stmts, nil
}

// plural names the parameter holding the rows of one actor type.
func plural(s string) string {
	if rest, ok := strings.CutSuffix(s, "y"); ok {
		return rest + "ies"
	}
	return s + "s"
}

// Check reports every problem in g that would keep Write from storing it:
// an actor or relationship type outside the fixed lists, a missing id or
// name, or a reference to an actor or article g does not hold. The error
// wraps ErrInvalidGraph. Callers that write many graphs in one batch check
// each on its own first, so one bad graph is told apart from the others.
func Check(g *graph.Graph) error {
	if g == nil {
		return fmt.Errorf("%w: nil graph", ErrInvalidGraph)
	}
	return check(g)
}

// check reports every problem in g that would make its Cypher unsafe or
// silently drop data.
func check(g *graph.Graph) error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf(format, args...))
	}
	articles := map[string]bool{}
	for i, a := range g.Articles {
		if a.ID == "" {
			bad("article %d: no id", i)
		}
		articles[a.ID] = true
	}
	entities := map[string]bool{}
	for i, e := range g.Entities {
		switch {
		case !e.Type.Valid():
			bad("entity %d (%q): type %q is not one of %v", i, e.Name, e.Type, graph.EntityTypes)
		case e.ID == "":
			bad("entity %d (%q): no id", i, e.Name)
		case e.Name == "":
			bad("entity %d (%s): no name", i, e.ID)
		}
		entities[e.ID] = true
	}
	for i, r := range g.Relations {
		if !r.Type.Valid() {
			bad("relation %d (%s -> %s): type %q is not one of %v", i, r.Source, r.Target, r.Type, graph.RelationTypes)
		}
		for _, id := range []string{r.Source, r.Target} {
			if !entities[id] {
				bad("relation %d (%s %s -> %s): no entity %q", i, r.Type, r.Source, r.Target, id)
			}
		}
		for j, ev := range r.Evidence {
			if !articles[ev.Article] {
				bad("relation %d (%s %s -> %s) evidence %d: no article %q", i, r.Type, r.Source, r.Target, j, ev.Article)
			}
			if strings.TrimSpace(ev.Sentence) == "" {
				bad("relation %d (%s %s -> %s) evidence %d: no sentence", i, r.Type, r.Source, r.Target, j)
			}
		}
	}
	for i, m := range g.Mentions {
		if !articles[m.Article] {
			bad("mention %d: no article %q", i, m.Article)
		}
		if !entities[m.Entity] {
			bad("mention %d: no entity %q", i, m.Entity)
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %w", ErrInvalidGraph, errors.Join(errs...))
	}
	return nil
}

func articleRows(articles []graph.Article) []any {
	sorted := append([]graph.Article(nil), articles...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	rows := make([]any, 0, len(sorted))
	for _, a := range sorted {
		rows = append(rows, map[string]any{
			"id": a.ID, "source": a.Source, "title": a.Title, "published": a.Published,
			"url": orNil(a.URL), "site": orNil(a.Site), "props": props(a.Props),
		})
	}
	return rows
}

// orNil is nil for "": no property rather than an empty one.
func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// props names the other fields of an article "prop_" and their key, its
// letters, digits and underscores, so that no field of the input can set a
// property of the model (id, source, ...).
// Two fields that come out the same ("a-b", "a_b") give the property the
// value of the first in byte order, whatever the order of the input.
func props(p map[string]string) map[string]any {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := map[string]any{}
	for _, k := range keys {
		v := p[k]
		var b strings.Builder
		for _, r := range k {
			if r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			} else {
				b.WriteByte('_')
			}
		}
		if _, taken := out["prop_"+b.String()]; !taken {
			out["prop_"+b.String()] = v
		}
	}
	return out
}

func actorRows(entities []graph.Entity, t graph.EntityType) []any {
	var sorted []graph.Entity
	for _, e := range entities {
		if e.Type == t {
			sorted = append(sorted, e)
		}
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	rows := make([]any, 0, len(sorted))
	for _, e := range sorted {
		// The name goes in as the last alias: added when it is spelled
		// differently from the stored name of the same id.
		var aliases []string
		for _, a := range e.Aliases {
			if a != e.Name {
				aliases = append(aliases, a)
			}
		}
		rows = append(rows, map[string]any{
			"id":      e.ID,
			"name":    e.Name,
			"aliases": set(aliases),
			"roles":   set(e.Roles),
			"names":   Names(e),
		})
	}
	return rows
}

// Names returns what an actor can be called, folded for lookup: its name and
// aliases lower-cased and trimmed, and as graph.Normalize folds them. It is
// the names property the saved queries match against.
func Names(e graph.Entity) []string {
	var names []string
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		names = append(names, strings.ToLower(strings.TrimSpace(n)), graph.Normalize(n))
	}
	return set(names)
}

// set returns the distinct non-empty strings of ss, sorted, never nil.
func set(ss []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func relationRows(relations []graph.Relation, t graph.RelationType) []any {
	var sorted []graph.Relation
	for _, r := range relations {
		if r.Type != t {
			continue
		}
		if t.Symmetric() && r.Target < r.Source {
			r.Source, r.Target = r.Target, r.Source
		}
		sorted = append(sorted, r)
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Key() < sorted[j].Key() })
	rows := make([]any, 0, len(sorted))
	for _, r := range sorted {
		evidence := make([]any, 0, len(r.Evidence))
		for _, e := range r.Evidence {
			evidence = append(evidence, map[string]any{
				"article": e.Article, "sentence": e.Sentence, "rule": e.Rule,
				"date": e.Date, "precision": e.DatePrecision, "place": e.Place, "venue": e.Venue, "country": e.Country,
			})
		}
		rows = append(rows, map[string]any{"source": r.Source, "target": r.Target, "evidence": evidence})
	}
	return rows
}

// mentionRows returns the mentions of g and those its evidence implies: an
// article that supports a relationship mentions both actors.
func mentionRows(g *graph.Graph) []any {
	seen := map[graph.Mention]bool{}
	var ms []graph.Mention
	add := func(m graph.Mention) {
		if !seen[m] {
			seen[m] = true
			ms = append(ms, m)
		}
	}
	for _, m := range g.Mentions {
		add(m)
	}
	for _, r := range g.Relations {
		for _, e := range r.Evidence {
			add(graph.Mention{Article: e.Article, Entity: r.Source})
			add(graph.Mention{Article: e.Article, Entity: r.Target})
		}
	}
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].Article != ms[j].Article {
			return ms[i].Article < ms[j].Article
		}
		return ms[i].Entity < ms[j].Entity
	})
	rows := make([]any, 0, len(ms))
	for _, m := range ms {
		rows = append(rows, map[string]any{"article": m.Article, "entity": m.Entity})
	}
	return rows
}

// Write stores g in one transaction: articles and actors by id, relationships
// by type and endpoints (one per unordered pair for MET_WITH, from the
// smaller id), evidence by (article, sentence), and the MENTIONS of each
// article. Aliases, roles and evidence are unioned with what is stored, so
// writing the same graph again changes nothing. A graph that fails its check
// gives an error wrapping ErrInvalidGraph and writes nothing.
func (s *Store) Write(ctx context.Context, g *graph.Graph) (Summary, error) {
	stmts, err := statements(g)
	if err != nil {
		return Summary{}, fmt.Errorf("write: %w", err)
	}
	tctx, cancel := s.withTimeout(ctx)
	defer cancel()
	session := s.session(tctx, neo4j.AccessModeWrite)
	defer session.Close(context.WithoutCancel(ctx))
	sum, err := neo4j.ExecuteWrite(tctx, session, func(tx neo4j.ManagedTransaction) (Summary, error) {
		// The transaction may be retried, so the summary starts afresh.
		var sum Summary
		for _, st := range stmts {
			if err := run(tctx, tx, st, &sum); err != nil {
				return Summary{}, err
			}
		}
		return sum, nil
	}, s.txTimeout())
	if err != nil {
		return Summary{}, fmt.Errorf("write: %w", s.classify(ctx, err))
	}
	return sum, nil
}

// run runs one statement in tx and adds its counts to sum.
func run(ctx context.Context, tx neo4j.ManagedTransaction, st statement, sum *Summary) error {
	res, err := tx.Run(ctx, st.cypher, map[string]any{st.param: st.rows})
	if err != nil {
		return fmt.Errorf("%s: %w", st.param, err)
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", st.param, err)
	}
	rows, _ := rec.Get("rows")
	if n, _ := rows.(int64); int(n) != len(st.rows) {
		// Only a MATCH can drop rows, and check makes sure they match.
		return fmt.Errorf("%s: wrote %d of %d rows: an endpoint is missing", st.param, n, len(st.rows))
	}
	updatedValue, _ := rec.Get("updated")
	updated, _ := updatedValue.(int64)
	summary, err := res.Consume(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", st.param, err)
	}
	c := summary.Counters()
	switch st.kind {
	case kindArticles:
		sum.ArticlesCreated += c.NodesCreated()
		sum.ArticlesUpdated += int(updated)
	case kindActors:
		sum.ActorsCreated += c.NodesCreated()
		sum.ActorsUpdated += int(updated)
	case kindRelations:
		added, _ := rec.Get("added")
		n, _ := added.(int64)
		sum.RelationshipsCreated += c.RelationshipsCreated()
		sum.RelationshipsUpdated += int(updated)
		sum.EvidenceAdded += int(n)
	}
	return nil
}
