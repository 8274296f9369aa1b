// Package extract turns the text of a news article into an actor graph: people,
// countries and organizations, and the MET_WITH, ADVISES and CRITICIZED
// relationships between them, each with the sentences that support it.
package extract

import (
	"errors"

	"github.com/actorgraph/actorgraph/graph"
)

// Errors for input that is not an article.
var (
	// ErrEmpty is returned for input that holds no text once cleaned.
	ErrEmpty = errors.New("no article text")
	// ErrBinary is returned for input that is not UTF-8 text.
	ErrBinary = errors.New("not a text file")
)

// Extractor extracts graphs from articles. It loads its models once; it is
// safe for concurrent use.
type Extractor struct{}

// New returns an Extractor with its lexicons and models loaded.
func New() (*Extractor, error) { return &Extractor{}, nil }

// Extract reads one article. source is where it came from (a path or URL) and
// is recorded on the article; text is its raw content.
func (x *Extractor) Extract(source string, text []byte) (*graph.Graph, error) {
	return nil, errors.New("extract: not implemented yet")
}
