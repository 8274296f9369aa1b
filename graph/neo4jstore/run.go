package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/queries"
)

// Errors wrapped by Run when an actor parameter does not name one actor.
var (
	// ErrNoActor is wrapped when no actor has the name or alias given.
	ErrNoActor = errors.New("no actor named")
	// ErrAmbiguousActor is wrapped when several actors have it.
	ErrAmbiguousActor = errors.New("ambiguous actor name")
)

// resolveCypher finds actors by id, or by name or alias case-insensitively.
const resolveCypher = `MATCH (a:Actor)
WHERE a.id = $name OR $lower IN a.names OR $folded IN a.names
RETURN a.id AS id, [l IN labels(a) WHERE l <> 'Actor'][0] AS type, a.name AS name,
       coalesce(a.aliases, []) AS aliases, coalesce(a.roles, []) AS roles
ORDER BY a.name, a.id`

// resolveWordsCypher finds actors with name among the words of their name
// or an alias: "Bacon" for "Don Bacon".
const resolveWordsCypher = `MATCH (a:Actor)
WHERE any(n IN a.names WHERE ' ' + n + ' ' CONTAINS ' ' + $folded + ' ')
RETURN a.id AS id, [l IN labels(a) WHERE l <> 'Actor'][0] AS type, a.name AS name,
       coalesce(a.aliases, []) AS aliases, coalesce(a.roles, []) AS roles
ORDER BY a.name, a.id`

// ResolveActor returns the actors name can mean: those whose name or an alias
// is name, ignoring case, accents and punctuation as graph.Normalize does, or
// whose id is name. When there are none, those with name among the words of
// their name or an alias ("Bacon" for "Don Bacon"). None, one or several,
// sorted by name.
func (s *Store) ResolveActor(ctx context.Context, name string) ([]graph.Entity, error) {
	params := map[string]any{
		"name":   name,
		"lower":  strings.ToLower(strings.TrimSpace(name)),
		"folded": graph.Normalize(name),
	}
	actors, err := s.findActors(ctx, resolveCypher, params)
	if err == nil && len(actors) == 0 && params["folded"] != "" {
		actors, err = s.findActors(ctx, resolveWordsCypher, params)
	}
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: resolve actor %q: %w", name, err)
	}
	return actors, nil
}

// findActors runs a query returning actors.
func (s *Store) findActors(ctx context.Context, cypher string, params map[string]any) ([]graph.Entity, error) {
	session := s.session(ctx, neo4j.AccessModeRead)
	defer session.Close(ctx)
	return neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) ([]graph.Entity, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		actors := make([]graph.Entity, 0, len(recs))
		for _, rec := range recs {
			m := rec.AsMap()
			var e graph.Entity
			e.ID, _ = m["id"].(string)
			typ, _ := m["type"].(string)
			e.Type = graph.EntityType(typ)
			e.Name, _ = m["name"].(string)
			e.Aliases = stringList(m["aliases"])
			e.Roles = stringList(m["roles"])
			actors = append(actors, e)
		}
		return actors, nil
	})
}

// stringList converts a list value from the driver.
func stringList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// resolveOne resolves name to a single actor. An actor whose name (not an
// alias) is name wins over others that only have it as an alias.
func (s *Store) resolveOne(ctx context.Context, name string) (graph.Entity, error) {
	actors, err := s.ResolveActor(ctx, name)
	if err != nil {
		return graph.Entity{}, err
	}
	if len(actors) > 1 {
		var exact []graph.Entity
		for _, a := range actors {
			if strings.EqualFold(a.Name, strings.TrimSpace(name)) || graph.Normalize(a.Name) == graph.Normalize(name) || a.ID == name {
				exact = append(exact, a)
			}
		}
		if len(exact) == 1 {
			actors = exact
		}
	}
	switch len(actors) {
	case 1:
		return actors[0], nil
	case 0:
		msg := fmt.Sprintf("%v %q", ErrNoActor, name)
		if similar := s.similarNames(ctx, name); len(similar) > 0 {
			msg += "; did you mean " + strings.Join(similar, ", ") + "?"
		}
		return graph.Entity{}, &actorError{msg: msg, kind: ErrNoActor}
	default:
		list := make([]string, len(actors))
		for i, a := range actors {
			list[i] = fmt.Sprintf("%s (%s)", a.Name, a.Type)
		}
		return graph.Entity{}, &actorError{
			msg:  fmt.Sprintf("'%s' matches %d actors: %s; use a full name", name, len(actors), strings.Join(list, ", ")),
			kind: ErrAmbiguousActor,
		}
	}
}

// actorError reads well on its own and still matches its sentinel with
// errors.Is.
type actorError struct {
	msg  string
	kind error
}

var _ error = (*actorError)(nil)

func (e *actorError) Error() string { return e.msg }
func (e *actorError) Unwrap() error { return e.kind }

// similarCypher finds actors whose name or alias is close to the words given,
// through the full-text index EnsureSchema creates.
const similarCypher = `CALL db.index.fulltext.queryNodes('actor_name_search', $search) YIELD node, score
RETURN node.name AS name ORDER BY score DESC, name LIMIT 3`

// similarNames suggests up to three actor names close to name. Any failure
// (no full-text index, say) gives none.
func (s *Store) similarNames(ctx context.Context, name string) []string {
	var terms []string
	for _, w := range strings.Fields(graph.Normalize(name)) {
		if len(w) > 2 {
			terms = append(terms, w+"~")
		}
	}
	if len(terms) == 0 {
		return nil
	}
	session := s.session(ctx, neo4j.AccessModeRead)
	defer session.Close(ctx)
	names, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) ([]string, error) {
		res, err := tx.Run(ctx, similarCypher, map[string]any{"search": strings.Join(terms, " ")})
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		var names []string
		for _, rec := range recs {
			if n, ok := rec.Values[0].(string); ok {
				names = append(names, n)
			}
		}
		return names, nil
	})
	if err != nil {
		return nil
	}
	return names
}

// Run runs a saved query in a read transaction with params, as Bind returns
// them. Each actor parameter is first resolved to one actor and replaced by
// its id, which the saved queries also match. An actor whose name is the
// value wins over others that only have it as an alias; a value that matches
// no actor or several gives an error saying so (wrapping ErrNoActor or
// ErrAmbiguousActor), and nothing runs.
func (s *Store) Run(ctx context.Context, q queries.Query, params map[string]any) (*Result, error) {
	bound := make(map[string]any, len(params))
	for k, v := range params {
		bound[k] = v
	}
	for _, p := range q.Params {
		if _, ok := bound[p.Name]; !ok && p.Optional {
			bound[p.Name] = nil // left out: the query sees null
		}
		if !p.Actor {
			continue
		}
		name, ok := params[p.Name].(string)
		if !ok {
			return nil, fmt.Errorf("neo4jstore: query %s: parameter %s must be an actor name (e.g. %s)", q.Name, p.Name, p.Example)
		}
		actor, err := s.resolveOne(ctx, name)
		var aerr *actorError
		if errors.As(err, &aerr) {
			return nil, fmt.Errorf("neo4jstore: %s: %w", p.Name, err)
		}
		if err != nil {
			return nil, err
		}
		bound[p.Name] = actor.ID
	}
	session := s.session(ctx, neo4j.AccessModeRead)
	defer session.Close(ctx)
	result, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) (*Result, error) {
		res, err := tx.Run(ctx, q.Cypher, bound)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		keys, err := res.Keys()
		if err != nil {
			return nil, err
		}
		r := &Result{Columns: keys, Rows: make([][]any, 0, len(recs))}
		for _, rec := range recs {
			r.Rows = append(r.Rows, rec.Values)
		}
		return r, nil
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: query %s: %w", q.Name, err)
	}
	return result, nil
}

// installCypher stores saved queries by name.
const installCypher = `UNWIND $queries AS q
MERGE (s:SavedQuery {name: q.name})
SET s.description = q.description, s.cypher = q.cypher, s.parameters = q.parameters
RETURN count(*) AS installed`

// InstallQueries stores qs as (:SavedQuery {name, description, cypher,
// parameters}) nodes, merged on name, so they can be found and run from
// Neo4j Browser. parameters lists each one as "name (e.g. Putin)". It returns
// how many it stored; installing the same queries again changes nothing.
func (s *Store) InstallQueries(ctx context.Context, qs []queries.Query) (int, error) {
	rows := make([]any, 0, len(qs))
	for _, q := range qs {
		params := make([]string, 0, len(q.Params))
		for _, p := range q.Params {
			params = append(params, p.String())
		}
		rows = append(rows, map[string]any{"name": q.Name, "description": q.Description, "cypher": q.Cypher, "parameters": params})
	}
	session := s.session(ctx, neo4j.AccessModeWrite)
	defer session.Close(ctx)
	n, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (int64, error) {
		res, err := tx.Run(ctx, installCypher, map[string]any{"queries": rows})
		if err != nil {
			return 0, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return 0, err
		}
		n, _ := rec.Values[0].(int64)
		return n, nil
	})
	if err != nil {
		return 0, fmt.Errorf("neo4jstore: install queries: %w", err)
	}
	return int(n), nil
}
