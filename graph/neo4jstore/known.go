package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Stored is what the store holds of the articles it has: their ids (the
// hash of their text) and their addresses (URL or source).
type Stored struct {
	IDs  map[string]bool
	URLs map[string]bool
}

// StoredArticles returns the ids and addresses of every stored article, so
// that a reload fetches only what is new.
func (s *Store) StoredArticles(ctx context.Context) (Stored, error) {
	out := Stored{IDs: map[string]bool{}, URLs: map[string]bool{}}
	session := s.session(ctx, neo4j.AccessModeRead)
	defer session.Close(ctx)
	_, err := session.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		clear(out.IDs)
		clear(out.URLs)
		res, err := tx.Run(ctx, `MATCH (a:Article) RETURN a.id AS id, a.url AS url, a.source AS source`, nil)
		if err != nil {
			return nil, err
		}
		for res.Next(ctx) {
			rec := res.Record()
			for i, v := range rec.Values {
				str, ok := v.(string)
				if !ok || str == "" {
					continue
				}
				if i == 0 {
					out.IDs[str] = true
				} else {
					out.URLs[str] = true
				}
			}
		}
		return nil, res.Err()
	})
	if err != nil {
		return Stored{}, fmt.Errorf("neo4jstore: stored articles: %w", err)
	}
	return out, nil
}
