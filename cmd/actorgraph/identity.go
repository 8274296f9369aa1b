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
	Actors(ctx context.Context) ([]graph.Entity, error)
	WriteMerges(ctx context.Context, ms []neo4jstore.MergeRecord) error
	MergeActors(ctx context.Context, from, into, reason, by string) (neo4jstore.MergeSummary, error)
}

var _ identityStore = (*neo4jstore.Store)(nil)

// identityRules reads the identity file named by --identity, if any.
func identityRules(f *Factory) (*identity.Rules, error) {
	if f.IdentityFile == "" {
		return nil, nil
	}
	r, err := identity.ReadRules(f.IdentityFile)
	if err != nil {
		return nil, &InputError{Path: f.IdentityFile, Err: err}
	}
	return r, nil
}

// resolveIdentities merges the graphs of single articles into one, joining
// the actors that are one across articles (see identity.Resolve); the merge
// log is kept in f for the command to report or store.
func resolveIdentities(f *Factory, graphs []*graph.Graph) (*graph.Graph, error) {
	rules, err := identityRules(f)
	if err != nil {
		return nil, err
	}
	res := identity.Resolve(graphs, nil, rules)
	f.merges = res.Merges
	return res.Graph, nil
}

// resolveAgainstStore resolves g once more against the actors the store
// holds already, so a new "Putin" joins a stored "Vladimir Putin", and
// joins in the store the stored actors that the rules alias or that the new
// graph's full names now explain. It returns the graph to write.
func resolveAgainstStore(ctx context.Context, f *Factory, store Store, g *graph.Graph) (*graph.Graph, error) {
	is, ok := store.(identityStore)
	if !ok {
		return g, nil
	}
	known, err := is.Actors(ctx)
	if err != nil {
		return nil, err
	}
	rules, err := identityRules(f)
	if err != nil {
		return nil, err
	}
	res := identity.Resolve([]*graph.Graph{g}, known, rules)
	f.merges = append(f.merges, res.Merges...)
	f.known = known
	return res.Graph, nil
}

// joinStored merges in the store the stored actors that, beside the graph
// just written, are partial names of one full-name actor: a "Putin" loaded
// before "Vladimir Putin" was. Each merge goes to the log. It returns the
// number of actors merged.
func joinStored(ctx context.Context, f *Factory, store Store, g *graph.Graph) (int, error) {
	is, ok := store.(identityStore)
	if !ok || len(f.known) == 0 {
		return 0, nil
	}
	rules, err := identityRules(f)
	if err != nil {
		return 0, err
	}
	stored := map[string]bool{}
	for _, e := range f.known {
		stored[e.ID] = true
	}
	all := &graph.Graph{}
	all.Merge(&graph.Graph{Entities: f.known}, &graph.Graph{Entities: g.Entities})
	n := 0
	for _, m := range identity.Resolve([]*graph.Graph{all}, nil, rules).Merges {
		if m.Apart || !stored[m.From] {
			continue
		}
		sum, err := is.MergeActors(ctx, m.From, m.Into, m.Reason, "load")
		if err != nil {
			return n, err
		}
		if sum.Merged {
			n++
		}
	}
	return n, nil
}

// storeMerges writes the merge log of the last resolution to the store.
func storeMerges(ctx context.Context, f *Factory, store Store) error {
	is, ok := store.(identityStore)
	if !ok || len(f.merges) == 0 {
		return nil
	}
	recs := make([]neo4jstore.MergeRecord, len(f.merges))
	for i, m := range f.merges {
		recs[i] = neo4jstore.MergeRecord{From: m.From, FromName: m.FromName, Into: m.Into, IntoName: m.IntoName,
			Reason: m.Reason, Apart: m.Apart, By: "load"}
	}
	return is.WriteMerges(ctx, recs)
}

// mergeLine formats one merge log entry for people.
func mergeLine(m neo4jstore.MergeRecord) string {
	verb := "joined"
	if m.Apart {
		verb = "kept apart from"
	}
	return fmt.Sprintf("%s (%s) %s %s (%s): %s", m.FromName, m.From, verb, m.IntoName, m.Into, m.Reason)
}
