package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
)

// MergeSummary says what MergeActors did.
type MergeSummary struct {
	Merged        bool // false when from was merged into into already
	Relationships int  // relationships moved from from to into
	Mentions      int  // articles whose mention moved
}

// evidenceLists are the relationship properties that hold one entry per
// evidence sentence, in step with sentences, as relationCypher writes them.
var evidenceLists = []string{"articles", "sentences", "rules", "dates", "precisions", "places", "venues", "countries"}

// moveEvidence ends the statements that move relationships: it adds to n the
// evidence of r that n lacks (by article and sentence), every list of
// evidenceLists in step, and deletes r. A list an older relationship lacks
// is padded with blanks, as relationCypher does.
var moveEvidence = func() string {
	var set []string
	for _, l := range evidenceLists {
		set = append(set, fmt.Sprintf("n.%[1]s = coalesce(n.%[1]s, [x IN range(1, had) | '']) + [i IN fresh | coalesce(r.%[1]s[i], '')]", l))
	}
	return `
WITH r, n, size(coalesce(n.sentences, [])) AS had, [i IN range(0, size(coalesce(n.sentences, [])) - 1) | [n.articles[i], n.sentences[i]]] AS have
WITH r, n, had, [i IN range(0, size(coalesce(r.sentences, [])) - 1) WHERE NOT [r.articles[i], r.sentences[i]] IN have] AS fresh
SET ` + strings.Join(set, ",\n    ") + `,
    n.count = had + size(fresh)
DELETE r
RETURN count(*) AS moved`
}()

// moveOut moves the relationships of one type that leave from to into,
// adding their evidence to a relationship into has already. relType comes
// from graph.RelationTypes, never from input. A relationship between from
// and into is dropped: an actor has none with itself.
var moveOut = `MATCH (f:Actor {id: $from})-[r:%[1]s]->(x) WHERE x.id <> $into
MATCH (t:Actor {id: $into})
MERGE (t)-[n:%[1]s]->(x)` + moveEvidence

// moveIn is moveOut for the relationships that reach from.
var moveIn = `MATCH (x)-[r:%[1]s]->(f:Actor {id: $from}) WHERE x.id <> $into
MATCH (t:Actor {id: $into})
MERGE (x)-[n:%[1]s]->(t)` + moveEvidence

// moveSymmetric moves the relationships of a symmetric type, either way
// round, onto one between into and the other actor that runs from the
// smaller id to the greater, as Write stores them: %[2]s is the MERGE
// pattern for one side of that order and %[3]s its condition.
var moveSymmetric = `MATCH (f:Actor {id: $from})-[r:%[1]s]-(x) WHERE x.id <> $into AND x.id <> $from AND %[3]s
MATCH (t:Actor {id: $into})
MERGE %[2]s` + moveEvidence

const moveMentions = `MATCH (art:Article)-[m:MENTIONS]->(f:Actor {id: $from})
MATCH (t:Actor {id: $into})
MERGE (art)-[:MENTIONS]->(t)
DELETE m
RETURN count(*) AS moved`

// foldNames gives into the names, aliases and roles of from and deletes
// from with whatever relationships are left (only ones with into).
const foldNames = `MATCH (f:Actor {id: $from}), (t:Actor {id: $into})
WITH f, t, coalesce(t.aliases, []) AS aliases, coalesce(t.roles, []) AS roles, coalesce(t.names, []) AS names
SET t.aliases = aliases + [x IN coalesce(f.aliases, []) + [f.name] WHERE x <> t.name AND NOT x IN aliases],
    t.roles = roles + [x IN coalesce(f.roles, []) WHERE NOT x IN roles],
    t.names = names + [x IN coalesce(f.names, []) WHERE NOT x IN names]
WITH f, f.name AS fromName, t.name AS intoName
DETACH DELETE f
RETURN fromName, intoName`

// MergeActors joins the actor with id from into the actor with id into, in
// one transaction: relationships and their evidence, mentions, aliases,
// names and roles move to into; from is deleted; the merge log gets an
// entry. It is idempotent: when from is gone and the log says it was merged
// into into, nothing changes and Merged is false. An id that is not stored
// is an error wrapping ErrNoActor (see run.go).
func (s *Store) MergeActors(ctx context.Context, from, into, reason, by string) (MergeSummary, error) {
	if from == into {
		return MergeSummary{}, fmt.Errorf("neo4jstore: merge: %q is the same actor as %q", from, into)
	}
	session := s.session(ctx, neo4j.AccessModeWrite)
	defer session.Close(ctx)
	sum, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (MergeSummary, error) {
		return mergeActors(ctx, tx, from, into, reason, by)
	})
	if err != nil {
		return MergeSummary{}, fmt.Errorf("neo4jstore: merge %s into %s: %w", from, into, err)
	}
	return sum, nil
}

func mergeActors(ctx context.Context, tx neo4j.ManagedTransaction, from, into, reason, by string) (MergeSummary, error) {
	var sum MergeSummary
	params := map[string]any{"from": from, "into": into}
	res, err := tx.Run(ctx, `OPTIONAL MATCH (f:Actor {id: $from}) OPTIONAL MATCH (t:Actor {id: $into})
OPTIONAL MATCH (m:IdentityMerge {from: $from, into: $into})
RETURN f IS NOT NULL AS hasFrom, t IS NOT NULL AS hasInto, m IS NOT NULL AS logged,
       [l IN labels(f) WHERE l <> 'Actor'] AS fromType, [l IN labels(t) WHERE l <> 'Actor'] AS intoType`, params)
	if err != nil {
		return sum, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return sum, err
	}
	hasFrom, _ := rec.Get("hasFrom")
	hasInto, _ := rec.Get("hasInto")
	logged, _ := rec.Get("logged")
	switch {
	case hasInto != true:
		return sum, fmt.Errorf("%w: %s", ErrNoActor, into)
	case hasFrom != true && logged == true:
		return sum, nil // merged before
	case hasFrom != true:
		return sum, fmt.Errorf("%w: %s", ErrNoActor, from)
	}
	ft, _ := rec.Get("fromType")
	it, _ := rec.Get("intoType")
	if a, b := strs(ft), strs(it); len(a) == 0 || len(b) == 0 {
		// One of them was merged away by a concurrent load (a shard)
		// between the match and the read of its labels; that load logged
		// it, and a later join sees what is left.
		return MergeSummary{}, nil
	} else if len(a) != 1 || len(b) != 1 || a[0] != b[0] {
		return sum, fmt.Errorf("%s is a %v and %s a %v: only actors of one type merge", from, a, into, b)
	}
	count := func(cypher string) (int, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return 0, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return 0, err
		}
		v, _ := rec.Get("moved")
		n, _ := v.(int64)
		return int(n), nil
	}
	for _, t := range graph.RelationTypes {
		cyphers := []string{fmt.Sprintf(moveOut, t), fmt.Sprintf(moveIn, t)}
		if t.Symmetric() {
			cyphers = []string{
				fmt.Sprintf(moveSymmetric, t, "(t)-[n:"+string(t)+"]->(x)", "$into < x.id"),
				fmt.Sprintf(moveSymmetric, t, "(x)-[n:"+string(t)+"]->(t)", "x.id < $into"),
			}
		}
		for _, c := range cyphers {
			n, err := count(c)
			if err != nil {
				return sum, fmt.Errorf("%s: %w", t, err)
			}
			sum.Relationships += n
		}
	}
	n, err := count(moveMentions)
	if err != nil {
		return sum, fmt.Errorf("mentions: %w", err)
	}
	sum.Mentions = n
	res, err = tx.Run(ctx, foldNames, params)
	if err != nil {
		return sum, err
	}
	if !res.Next(ctx) {
		if err := res.Err(); err != nil {
			return sum, err
		}
		// Another load (a shard) merged from while this transaction waited
		// for its locks: from is gone, nothing matched it above, and the
		// other load logged the merge.
		return MergeSummary{}, nil
	}
	rec = res.Record()
	fn, _ := rec.Get("fromName")
	in, _ := rec.Get("intoName")
	if err := writeMerges(ctx, tx, []MergeRecord{{From: from, FromName: str(fn), Into: into, IntoName: str(in), Reason: reason, By: by}}); err != nil {
		return sum, err
	}
	sum.Merged = true
	return sum, nil
}
