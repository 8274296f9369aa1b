package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/actorgraph/actorgraph/graph"
)

// jsonStream writes the document of `extract --format json` batch by batch,
// in the very bytes writeGraphJSON gives for the merged graph of one batch.
// Articles go straight to the output; entities, relations and mentions wait
// in temporary files until the articles are done, so memory holds no more
// than a batch. An actor or relationship found in several batches is written
// once per batch.
type jsonStream struct {
	out    *bufio.Writer
	spools [3]*spool // entities, relations, mentions
	nArts  int
}

// spool is one list of the document held in a temporary file.
type spool struct {
	f *os.File
	w *bufio.Writer
	n int
}

func newJSONStream(w io.Writer) (*jsonStream, error) {
	s := &jsonStream{out: bufio.NewWriter(w)}
	for i := range s.spools {
		f, err := os.CreateTemp("", "actorgraph-extract-*.json")
		if err != nil {
			s.cleanup()
			return nil, fmt.Errorf("json output: %w", err)
		}
		s.spools[i] = &spool{f: f, w: bufio.NewWriter(f)}
	}
	s.out.WriteString("{\n  \"articles\": [")
	return s, nil
}

// element writes v as the next element of a list of n elements so far.
func element(w *bufio.Writer, n int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, b, "    ", "  "); err != nil {
		return err
	}
	if n > 0 {
		w.WriteByte(',')
	}
	w.WriteString("\n    ")
	_, err = w.Write(buf.Bytes())
	return err
}

// add writes the graph of one batch.
func (s *jsonStream) add(g *graph.Graph) error {
	for _, a := range g.Articles {
		if err := element(s.out, s.nArts, a); err != nil {
			return fmt.Errorf("json output: %w", err)
		}
		s.nArts++
	}
	ents, rels, ments := s.spools[0], s.spools[1], s.spools[2]
	for _, e := range g.Entities {
		if e.Aliases == nil {
			e.Aliases = []string{}
		}
		if err := element(ents.w, ents.n, e); err != nil {
			return fmt.Errorf("json output: %w", err)
		}
		ents.n++
	}
	for _, r := range g.Relations {
		if r.Evidence == nil {
			r.Evidence = []graph.Evidence{}
		}
		if err := element(rels.w, rels.n, r); err != nil {
			return fmt.Errorf("json output: %w", err)
		}
		rels.n++
	}
	for _, m := range g.Mentions {
		if err := element(ments.w, ments.n, m); err != nil {
			return fmt.Errorf("json output: %w", err)
		}
		ments.n++
	}
	return nil
}

// close ends the document, appends the spooled lists and removes the
// temporary files.
func (s *jsonStream) close() error {
	defer s.cleanup()
	endList(s.out, s.nArts)
	for i, key := range []string{"entities", "relations", "mentions"} {
		sp := s.spools[i]
		if key == "mentions" && sp.n == 0 {
			break // left out when empty, as in writeGraphJSON
		}
		fmt.Fprintf(s.out, ",\n  %q: [", key)
		if err := sp.w.Flush(); err != nil {
			return fmt.Errorf("json output: %w", err)
		}
		if _, err := sp.f.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("json output: %w", err)
		}
		if _, err := io.Copy(s.out, sp.f); err != nil {
			return fmt.Errorf("json output: %w", err)
		}
		endList(s.out, sp.n)
	}
	s.out.WriteString("\n}\n")
	if err := s.out.Flush(); err != nil {
		return fmt.Errorf("json output: %w", err)
	}
	return nil
}

func endList(w *bufio.Writer, n int) {
	if n > 0 {
		w.WriteString("\n  ")
	}
	w.WriteByte(']')
}

func (s *jsonStream) cleanup() {
	for _, sp := range s.spools {
		if sp != nil {
			sp.f.Close()
			os.Remove(sp.f.Name())
		}
	}
}

// writeGraphJSONLine writes g as one line of JSON, in the schema of the json
// format.
func writeGraphJSONLine(w io.Writer, g *graph.Graph) error {
	c := stableLists(g)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(c)
}
