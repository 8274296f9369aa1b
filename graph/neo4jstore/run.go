package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/namekey"
	"github.com/actorgraph/actorgraph/queries"
)

// Errors wrapped by Run when an actor parameter does not name one actor.
var (
	// ErrNoActor is wrapped when no actor has the name or alias given.
	ErrNoActor = errors.New("no actor named")
	// ErrAmbiguousActor is wrapped when several actors have it.
	ErrAmbiguousActor = errors.New("ambiguous actor name")
)

// ResolveActor returns the actors name can mean, by the look-up rule every
// saved query follows (queries.ActorLookup): the actor whose id is name, and
// those with name, trimmed and lower-cased, as their name or an alias; when
// there are none, the same with name folded by namekey.Key (accents and Latin
// look-alikes); when there are still none, those with it among the words of
// a name or alias ("Bacon" for "Don Bacon"). None, one or several, sorted by
// name. It reads through indexes only.
func (s *Store) ResolveActor(ctx context.Context, name string) ([]graph.Entity, error) {
	actors, err := s.findActors(ctx, queries.CandidatesCypher(), map[string]any{"name": name})
	if key := namekey.Key(name); err == nil && len(actors) == 0 && key != "" && key != strings.ToLower(strings.TrimSpace(name)) {
		actors, err = s.findActors(ctx, queries.CandidatesCypher(), map[string]any{"name": key})
	}
	if err != nil {
		return nil, fmt.Errorf("look up actor %q: %w", queries.Short(name), err)
	}
	return actors, nil
}

// findActors runs a query returning actors.
func (s *Store) findActors(ctx context.Context, cypher string, params map[string]any) ([]graph.Entity, error) {
	tctx, cancel := s.withTimeout(ctx)
	defer cancel()
	session := s.session(tctx, neo4j.AccessModeRead)
	defer session.Close(context.WithoutCancel(ctx))
	actors, err := neo4j.ExecuteRead(tctx, session, func(tx neo4j.ManagedTransaction) ([]graph.Entity, error) {
		res, err := tx.Run(tctx, cypher, params)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(tctx)
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
	}, s.txTimeout())
	return actors, s.classify(ctx, err)
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

// resolveOne resolves name to a single actor. Several actors are an error
// that lists them, even when one of them has name as its name and the
// others only as an alias: a stray "Putin" must not hide the Vladimir Putin
// who has "Putin" as an alias.
func (s *Store) resolveOne(ctx context.Context, name string) (graph.Entity, error) {
	actors, err := s.ResolveActor(ctx, name)
	if err != nil {
		return graph.Entity{}, err
	}
	switch len(actors) {
	case 1:
		return actors[0], nil
	case 0:
		msg := fmt.Sprintf("%v %q", ErrNoActor, queries.Short(name))
		if similar := s.similarNames(ctx, name); len(similar) > 0 {
			msg += "; did you mean " + strings.Join(similar, ", ") + "?"
		}
		return graph.Entity{}, &actorError{msg: msg, kind: ErrNoActor}
	default:
		const shown = 5
		list := make([]string, 0, shown)
		for i, a := range actors {
			if i == shown {
				list = append(list, fmt.Sprintf("and %d more", len(actors)-shown))
				break
			}
			list = append(list, fmt.Sprintf("%s (%s, id %s)", a.Name, a.Type, a.ID))
		}
		return graph.Entity{}, &actorError{
			msg:  fmt.Sprintf("%q matches %d actors: %s; give a full name or an id", queries.Short(name), len(actors), strings.Join(list, ", ")),
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
		if len(w) > 2 && len(terms) < 10 {
			terms = append(terms, w+"~")
		}
	}
	if len(terms) == 0 {
		return nil
	}
	tctx, cancel := s.withTimeout(ctx)
	defer cancel()
	session := s.session(tctx, neo4j.AccessModeRead)
	defer session.Close(context.WithoutCancel(ctx))
	names, err := neo4j.ExecuteRead(tctx, session, func(tx neo4j.ManagedTransaction) ([]string, error) {
		res, err := tx.Run(tctx, similarCypher, map[string]any{"search": strings.Join(terms, " ")})
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(tctx)
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
	}, s.txTimeout())
	if err != nil {
		return nil
	}
	return names
}

// Run runs a saved query in a read transaction with params, as Bind returns
// them, within the query timeout. Each actor parameter is first resolved to
// one actor and replaced by its id, which the saved queries' look-up also
// matches. A value that matches no actor or several gives an error saying
// so (wrapping ErrNoActor or ErrAmbiguousActor, and listing the candidates),
// and nothing runs.
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
			return nil, fmt.Errorf("parameter %s must be an actor name (e.g. %s)", p.Name, p.Example)
		}
		actor, err := s.resolveOne(ctx, name)
		var aerr *actorError
		if errors.As(err, &aerr) {
			return nil, fmt.Errorf("parameter %s: %w", p.Name, err)
		}
		if err != nil {
			return nil, err
		}
		bound[p.Name] = actor.ID
	}
	tctx, cancel := s.withTimeout(ctx)
	defer cancel()
	session := s.session(tctx, neo4j.AccessModeRead)
	defer session.Close(context.WithoutCancel(ctx))
	result, err := neo4j.ExecuteRead(tctx, session, func(tx neo4j.ManagedTransaction) (*Result, error) {
		res, err := tx.Run(tctx, q.Cypher, bound)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(tctx)
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
	}, s.txTimeout())
	if err != nil {
		return nil, s.classify(ctx, err)
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
	tctx, cancel := s.withTimeout(ctx)
	defer cancel()
	session := s.session(tctx, neo4j.AccessModeWrite)
	defer session.Close(context.WithoutCancel(ctx))
	n, err := neo4j.ExecuteWrite(tctx, session, func(tx neo4j.ManagedTransaction) (int64, error) {
		res, err := tx.Run(tctx, installCypher, map[string]any{"queries": rows})
		if err != nil {
			return 0, err
		}
		rec, err := res.Single(tctx)
		if err != nil {
			return 0, err
		}
		n, _ := rec.Values[0].(int64)
		return n, nil
	}, s.txTimeout())
	if err != nil {
		return 0, fmt.Errorf("install the saved queries: %w", s.classify(ctx, err))
	}
	return int(n), nil
}
