package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/graph"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/internal/source"
)

// MergeOptions are the inputs of the merge command.
type MergeOptions struct {
	Factory    *Factory
	From, Into string // actor ids or names
	Reason     string
	Connection ConnectionFlags
}

func newMergeCmd(f *Factory) *cobra.Command {
	opts := &MergeOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "merge ACTOR INTO",
		Short: "Join two actors in Neo4j into one",
		Long: `Merge joins the actor ACTOR into the actor INTO in Neo4j: its relationships
with their evidence, its mentions, aliases and roles move to INTO, and ACTOR is
deleted. The merge goes to the merge log (see: actorgraph merges). Running it
again changes nothing.

An actor is given by id ("person:putin") or by a name or alias that only it
has. Both must be of the same type. To make a merge survive a rebuild of the
database from the articles, put it in an identity file as well (--identity).`,
		Example: `  actorgraph merge person:putin 'person:vladimir putin'
  actorgraph merge 'Vince Cable' 'Vincent Cable' --reason 'same MP'`,
		Args: usageArgs(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.From, opts.Into = args[0], args[1]
			return runMerge(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Reason, "reason", "merged by an analyst", "why the two are one, for the merge log")
	opts.Connection.register(cmd.Flags())
	return cmd
}

// actorResolver is what merge needs to turn a name into an actor.
type actorResolver interface {
	ResolveActor(ctx context.Context, name string) ([]graph.Entity, error)
}

func runMerge(ctx context.Context, opts *MergeOptions) error {
	f := opts.Factory
	cfg := opts.Connection.config(f.Getenv)
	return withStore(ctx, f, cfg, func(store Store) error {
		is, ok := store.(identityStore)
		ar, ok2 := store.(actorResolver)
		if !ok || !ok2 {
			return fmt.Errorf("this store cannot merge actors")
		}
		from, err := actorID(ctx, ar, opts.From)
		if err != nil {
			return err
		}
		into, err := actorID(ctx, ar, opts.Into)
		if err != nil {
			return err
		}
		if from == into {
			return argsErr(fmt.Errorf("%q and %q are one actor already (%s)", opts.From, opts.Into, from))
		}
		sum, err := is.MergeActors(ctx, from, into, opts.Reason, "merge")
		if err != nil {
			return err
		}
		if !sum.Merged {
			fmt.Fprintf(f.IO.Out, "%s was merged into %s before: nothing to do\n", from, into)
			return nil
		}
		fmt.Fprintf(f.IO.Out, "Merged %s into %s: %s and %s moved\n", from, into,
			plural(sum.Relationships, "relationship", "relationships"), plural(sum.Mentions, "mention", "mentions"))
		return nil
	})
}

// actorID returns the id of the one actor s names: an id as it is when a
// stored actor has it, else the one actor with that name or alias. An id of
// an actor merged away already is kept, so that a merge can run twice.
func actorID(ctx context.Context, ar actorResolver, s string) (string, error) {
	actors, err := ar.ResolveActor(ctx, s)
	if err != nil {
		return "", err
	}
	for _, a := range actors {
		if a.ID == s {
			return a.ID, nil
		}
	}
	switch len(actors) {
	case 1:
		return actors[0].ID, nil
	case 0:
		if strings.Contains(s, ":") {
			return s, nil // MergeActors tells whether it was merged before
		}
		return "", fmt.Errorf("%w %q", neo4jstore.ErrNoActor, s)
	}
	var names []string
	for _, a := range actors {
		names = append(names, fmt.Sprintf("%s (%s)", a.Name, a.ID))
	}
	return "", fmt.Errorf("%w %q: it may be %s; give an id", neo4jstore.ErrAmbiguousActor, s, strings.Join(names, ", "))
}

// MergesOptions are the inputs of the merges command.
type MergesOptions struct {
	Factory    *Factory
	Paths      []string
	Connection ConnectionFlags
}

func newMergesCmd(f *Factory) *cobra.Command {
	opts := &MergesOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "merges [FILE|DIR...]",
		Short: "Show the merge log: which actors were joined or kept apart, and why",
		Long: `Merges prints the merge log, one line per entry: the actor, "joined" or "kept
apart from", the other actor, and the reason.

Without arguments it reads the log that load and merge keep in Neo4j. With
articles it extracts them (nothing is written) and prints the merges that
extract and load would make among them.`,
		Example: `  actorgraph merges
  actorgraph merges testdata/bbc/
  actorgraph merges --identity identity.tsv corpus/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			return runMerges(cmd.Context(), opts)
		},
	}
	opts.Connection.register(cmd.Flags())
	return cmd
}

func runMerges(ctx context.Context, opts *MergesOptions) error {
	f := opts.Factory
	var recs []neo4jstore.MergeRecord
	if len(opts.Paths) > 0 {
		files, _, err := articleFiles(opts.Paths, &source.Reader{})
		if err != nil {
			return err
		}
		if _, err := extractFiles(f, files); err != nil {
			return err
		}
		for _, m := range f.merges {
			recs = append(recs, neo4jstore.MergeRecord{From: m.From, FromName: m.FromName, Into: m.Into, IntoName: m.IntoName, Reason: m.Reason, Apart: m.Apart})
		}
	} else {
		cfg := opts.Connection.config(f.Getenv)
		err := withStore(ctx, f, cfg, func(store Store) error {
			is, ok := store.(interface {
				Merges(ctx context.Context) ([]neo4jstore.MergeRecord, error)
			})
			if !ok {
				return fmt.Errorf("this store keeps no merge log")
			}
			var err error
			recs, err = is.Merges(ctx)
			return err
		})
		if err != nil {
			return err
		}
	}
	for _, m := range recs {
		fmt.Fprintln(f.IO.Out, mergeLine(m))
	}
	fmt.Fprintln(f.IO.ErrOut, plural(len(recs), "entry", "entries"))
	return nil
}
