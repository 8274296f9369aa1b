package main

import (
	"context"
	"fmt"

	"github.com/actorgraph/actorgraph/extract/identity"
	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
)

// identityStore is what load needs of a store to resolve new actors against
// the stored ones and to keep the merge log; neo4jstore.Store has it.
type identityStore interface {
	Actors(ctx context.Context) ([]graph.Entity, map[string]int, error)
	Mentions(ctx context.Context) ([]graph.Article, []graph.Mention, error)
	WriteMerges(ctx context.Context, ms []neo4jstore.MergeRecord) error
	MergeActors(ctx context.Context, from, into, reason, by string) (neo4jstore.MergeSummary, error)
}

var _ identityStore = (*neo4jstore.Store)(nil)

// identityRules reads the identity file named by --identity, if any, once.
func identityRules(f *Factory) (*identity.Rules, error) {
	if f.IdentityFile == "" {
		return nil, nil
	}
	if f.rules == nil {
		r, err := identity.ReadRules(f.IdentityFile)
		if err != nil {
			return nil, &InputError{Path: f.IdentityFile, Err: err}
		}
		f.rules = r
	}
	return f.rules, nil
}

// resolveIdentities merges the graphs of single articles into one, joining
// the actors that are one across articles (see identity.Resolve); the merge
// log is kept in f for the command to report.
func resolveIdentities(f *Factory, graphs []*graph.Graph) (*graph.Graph, error) {
	rules, err := identityRules(f)
	if err != nil {
		return nil, err
	}
	res := identity.Resolve(graphs, identity.Known{}, rules)
	f.merges = append(f.merges, res.Merges...)
	return res.Graph, nil
}

// identityStream resolves the batches of a streamed extraction one after the
// other, each against the actors of the batches before it: a partial name
// joins a full name met earlier, though not one met later.
type identityStream struct {
	f     *Factory
	known identity.Known
}

func newIdentityStream(f *Factory) *identityStream {
	return &identityStream{f: f}
}

func (s *identityStream) batch(b *batch) (*graph.Graph, error) {
	rules, err := identityRules(s.f)
	if err != nil {
		return nil, err
	}
	res := identity.Resolve(b.Graphs, s.known, rules)
	s.f.merges = append(s.f.merges, res.Merges...)
	s.known.Add(res.Graph)
	return res.Graph, nil
}

// resolveBatch resolves the articles of a batch among themselves and against
// the actors the store holds already, so that a new "Putin" joins a stored
// "Vladimir Putin". It returns the graph to write, with every spelling of an
// actor kept (see batch.storeGraph).
func resolveBatch(ctx context.Context, f *Factory, store Store, b *batch) (*graph.Graph, error) {
	if f.NoResolve {
		return b.storeGraph(), nil
	}
	rules, err := identityRules(f)
	if err != nil {
		return nil, err
	}
	var known identity.Known
	if is, ok := store.(identityStore); ok {
		stored, err := storedGraph(ctx, is)
		if err != nil {
			return nil, err
		}
		known.Add(stored)
	}
	res := identity.Resolve(b.spelledGraphs(), known, rules)
	f.merges = append(f.merges, res.Merges...)
	return res.Graph, nil
}

// storeMerges writes the entries of the merge log not written yet.
func storeMerges(ctx context.Context, f *Factory, store Store) error {
	is, ok := store.(identityStore)
	if !ok || f.mergesStored >= len(f.merges) {
		return nil
	}
	var recs []neo4jstore.MergeRecord
	for _, m := range f.merges[f.mergesStored:] {
		recs = append(recs, neo4jstore.MergeRecord{From: m.From, FromName: m.FromName, Into: m.Into, IntoName: m.IntoName,
			Reason: m.Reason, Apart: m.Apart, By: "load"})
	}
	if err := is.WriteMerges(ctx, recs); err != nil {
		return err
	}
	f.mergesStored = len(f.merges)
	return nil
}

// joinStored merges in the store the stored actors that are partial names
// of one full-name actor stored beside them: a "Putin" loaded before
// "Vladimir Putin" was, or in an earlier batch. Each merge goes to the log.
// It returns the number of actors merged.
func joinStored(ctx context.Context, f *Factory, store Store) (int, error) {
	is, ok := store.(identityStore)
	if !ok || f.NoResolve {
		return 0, nil
	}
	rules, err := identityRules(f)
	if err != nil {
		return 0, err
	}
	// The stored actors are read as one graph, with their articles and
	// mentions, so that the dominant full name of a surname is found as in
	// extract and actors with nothing in common stay apart as they do there.
	// First the persons an earlier batch split off that the whole load
	// relates after all are joined back, then the partial names.
	n := 0
	merge := func(ms []identity.Merge) error {
		for _, m := range ms {
			if m.Apart {
				continue
			}
			sum, err := is.MergeActors(ctx, m.From, m.Into, m.Reason, "load")
			if err != nil {
				return err
			}
			if sum.Merged {
				n++
			}
		}
		return nil
	}
	g, err := storedGraph(ctx, is)
	if err != nil {
		return 0, err
	}
	if rejoined := identity.Rejoin(g, rules); len(rejoined) > 0 {
		if err := merge(rejoined); err != nil {
			return n, err
		}
		if g, err = storedGraph(ctx, is); err != nil {
			return n, err
		}
	}
	err = merge(identity.Resolve([]*graph.Graph{g}, identity.Known{}, rules).Merges)
	return n, err
}

// storedGraph returns what the store holds of actors: every actor, and the
// articles (ids and sources) that mention each.
func storedGraph(ctx context.Context, is identityStore) (*graph.Graph, error) {
	actors, _, err := is.Actors(ctx)
	if err != nil {
		return nil, err
	}
	articles, mentions, err := is.Mentions(ctx)
	if err != nil {
		return nil, err
	}
	return &graph.Graph{Articles: articles, Entities: actors, Mentions: mentions}, nil
}

// mergeLine formats one merge log entry for people.
func mergeLine(m neo4jstore.MergeRecord) string {
	verb := "joined"
	if m.Apart {
		verb = "kept apart from"
	}
	return fmt.Sprintf("%s (%s) %s %s (%s): %s", m.FromName, m.From, verb, m.IntoName, m.Into, m.Reason)
}
