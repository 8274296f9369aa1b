package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/actorgraph/actorgraph/graph"
)

// MergeRecord is one entry of the merge log kept in Neo4j as an
// :IdentityMerge node: actor From was joined into actor Into (or, with Apart,
// kept apart from it), for Reason.
type MergeRecord struct {
	From, FromName string
	Into, IntoName string
	Reason         string
	Apart          bool
	By             string // "load" or "merge" (the analyst's command)
}

const actorsCypher = `MATCH (a:Actor)
RETURN a.id AS id, [l IN labels(a) WHERE l <> 'Actor'][0] AS type, a.name AS name,
       coalesce(a.aliases, []) AS aliases, coalesce(a.roles, []) AS roles,
       COUNT { (:Article)-[:MENTIONS]->(a) } AS articles
ORDER BY id`

// Actors returns every actor stored, with its type, name, aliases and roles,
// by id, and the number of articles that mention each: what load resolves
// new names against.
func (s *Store) Actors(ctx context.Context) ([]graph.Entity, map[string]int, error) {
	session := s.session(ctx, neo4j.AccessModeRead)
	defer session.Close(ctx)
	counts := map[string]int{}
	out, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) ([]graph.Entity, error) {
		clear(counts) // the work may be retried
		res, err := tx.Run(ctx, actorsCypher, nil)
		if err != nil {
			return nil, err
		}
		var out []graph.Entity
		for res.Next(ctx) {
			rec := res.Record()
			id, _ := rec.Get("id")
			t, _ := rec.Get("type")
			name, _ := rec.Get("name")
			aliases, _ := rec.Get("aliases")
			roles, _ := rec.Get("roles")
			e := graph.Entity{Type: graph.EntityType(str(t)), Name: str(name), Aliases: strs(aliases), Roles: strs(roles)}
			e.ID = str(id)
			if e.ID == "" || !e.Type.Valid() {
				continue
			}
			n, _ := rec.Get("articles")
			c, _ := n.(int64)
			counts[e.ID] = int(c)
			out = append(out, e)
		}
		return out, res.Err()
	})
	if err != nil {
		return nil, nil, fmt.Errorf("neo4jstore: read actors: %w", err)
	}
	return out, counts, nil
}

const mentionsCypher = `MATCH (a:Article)-[:MENTIONS]->(e:Actor)
RETURN a.id AS article, a.source AS source, e.id AS actor
ORDER BY article, actor`

// Mentions returns the stored articles, with their sources, and which
// actors each mentions: the context load weighs before it joins a new name
// to a stored actor.
func (s *Store) Mentions(ctx context.Context) ([]graph.Article, []graph.Mention, error) {
	session := s.session(ctx, neo4j.AccessModeRead)
	defer session.Close(ctx)
	var articles []graph.Article
	mentions, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) ([]graph.Mention, error) {
		articles = articles[:0] // the work may be retried
		res, err := tx.Run(ctx, mentionsCypher, nil)
		if err != nil {
			return nil, err
		}
		var out []graph.Mention
		last := ""
		for res.Next(ctx) {
			rec := res.Record()
			art, _ := rec.Get("article")
			src, _ := rec.Get("source")
			actor, _ := rec.Get("actor")
			if id := str(art); id != last {
				articles = append(articles, graph.Article{ID: id, Source: str(src)})
				last = id
			}
			out = append(out, graph.Mention{Article: str(art), Entity: str(actor)})
		}
		return out, res.Err()
	})
	if err != nil {
		return nil, nil, fmt.Errorf("neo4jstore: read mentions: %w", err)
	}
	return articles, mentions, nil
}

func str(v any) string { s, _ := v.(string); return s }

const mergeLogCypher = `UNWIND $rows AS row
MERGE (m:IdentityMerge {from: row.from, into: row.into})
ON CREATE SET m.fromName = row.fromName, m.intoName = row.intoName, m.reason = row.reason,
              m.apart = row.apart, m.by = row.by, m.seq = row.seq + coalesce($base, 0)
RETURN count(*) AS rows`

// WriteMerges adds entries to the merge log; an entry already there (same
// from and into) is left as it was, so a reload adds nothing.
func (s *Store) WriteMerges(ctx context.Context, ms []MergeRecord) error {
	if len(ms) == 0 {
		return nil
	}
	session := s.session(ctx, neo4j.AccessModeWrite)
	defer session.Close(ctx)
	_, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (bool, error) {
		return true, writeMerges(ctx, tx, ms)
	})
	if err != nil {
		return fmt.Errorf("neo4jstore: write merge log: %w", err)
	}
	return nil
}

func writeMerges(ctx context.Context, tx neo4j.ManagedTransaction, ms []MergeRecord) error {
	res, err := tx.Run(ctx, `MATCH (m:IdentityMerge) RETURN max(m.seq) AS base`, nil)
	if err != nil {
		return err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return err
	}
	base, _ := rec.Get("base")
	b, _ := base.(int64)
	rows := make([]any, len(ms))
	for i, m := range ms {
		rows[i] = map[string]any{"from": m.From, "fromName": m.FromName, "into": m.Into, "intoName": m.IntoName,
			"reason": m.Reason, "apart": m.Apart, "by": m.By, "seq": int64(i + 1)}
	}
	_, err = tx.Run(ctx, mergeLogCypher, map[string]any{"rows": rows, "base": b})
	return err
}

// Merges returns the merge log in the order it was written.
func (s *Store) Merges(ctx context.Context) ([]MergeRecord, error) {
	session := s.session(ctx, neo4j.AccessModeRead)
	defer session.Close(ctx)
	out, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) ([]MergeRecord, error) {
		res, err := tx.Run(ctx, `MATCH (m:IdentityMerge)
RETURN m.from AS from, m.fromName AS fromName, m.into AS into, m.intoName AS intoName,
       m.reason AS reason, coalesce(m.apart, false) AS apart, m.by AS by
ORDER BY m.seq, m.from`, nil)
		if err != nil {
			return nil, err
		}
		var out []MergeRecord
		for res.Next(ctx) {
			r := res.Record()
			get := func(k string) string { v, _ := r.Get(k); return str(v) }
			apart, _ := r.Get("apart")
			a, _ := apart.(bool)
			out = append(out, MergeRecord{From: get("from"), FromName: get("fromName"), Into: get("into"), IntoName: get("intoName"),
				Reason: get("reason"), Apart: a, By: get("by")})
		}
		return out, res.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: read merge log: %w", err)
	}
	return out, nil
}

// strs turns a list value of the driver into strings.
func strs(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
