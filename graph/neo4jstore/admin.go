package neo4jstore

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// AdminImport writes graphs as the CSV files of `neo4j-admin database import
// full`, the bulk path for a first load of a large corpus into an empty
// database. The files hold what Write stores, with the same properties:
// articles, actors (labelled with their type and :Actor), the relationships
// with their evidence lists, and MENTIONS.
//
// Articles are written as they come; actors, relationships and mentions,
// which the import needs once each with the actors joined across articles,
// are merged in memory and written by Close. So memory grows with the graph,
// not with the text of the articles.
type AdminImport struct {
	dir      string
	articles *csvFile
	mentions *csvFile
	seen     map[string]bool // article ids written
	// propped are the articles with other fields (JSON Lines): written by
	// Close to a file of their own, whose header names every field.
	propped []graph.Article
	merged  graph.Graph
}

// AdminFiles are the files an AdminImport wrote, in the order the import
// takes them.
type AdminFiles struct {
	Nodes, Relationships []string
	// Rows counts the rows written: articles, actors, relationships
	// between actors, mentions.
	Articles, Actors, Relations, Mentions int
}

// adminArrayDelimiter separates the elements of a list in a CSV field. It is
// the ASCII unit separator, which no text of an article keeps (the cleaner
// drops control characters; AdminImport refuses one that is left).
const adminArrayDelimiter = '\x1f'

// NewAdminImport creates dir if needed and starts the files in it.
func NewAdminImport(dir string) (*AdminImport, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("neo4jstore: admin import: %w", err)
	}
	x := &AdminImport{dir: dir, seen: map[string]bool{}}
	var err error
	if x.articles, err = newCSVFile(filepath.Join(dir, "articles.csv"), "id:ID(Article)", ":LABEL", "source", "title", "published", "url", "site"); err != nil {
		return nil, err
	}
	if x.mentions, err = newCSVFile(filepath.Join(dir, "mentions.csv"), ":START_ID(Article)", ":END_ID(Actor)", ":TYPE"); err != nil {
		x.articles.abort()
		return nil, err
	}
	return x, nil
}

// Add adds graphs, each checked as Write checks it. An article already added
// is skipped with its mentions.
func (x *AdminImport) Add(gs ...*graph.Graph) error {
	fresh := make([]*graph.Graph, 0, len(gs))
	for _, g := range gs {
		if err := Check(g); err != nil {
			return fmt.Errorf("neo4jstore: admin import: %w", err)
		}
		var m graph.Graph
		m.Merge(g)
		newArticle := map[string]bool{}
		for _, a := range m.Articles {
			if x.seen[a.ID] {
				continue
			}
			x.seen[a.ID] = true
			newArticle[a.ID] = true
			if len(a.Props) > 0 {
				x.propped = append(x.propped, a)
				continue
			}
			if err := x.articles.row(articleFields(a)...); err != nil {
				return err
			}
		}
		// Articles are written; the mentions of those new here wait for
		// Close with the actors.
		m.Articles = nil
		var kept []graph.Mention
		for _, mention := range m.Mentions {
			if newArticle[mention.Article] {
				kept = append(kept, mention)
			}
		}
		m.Mentions = kept
		// Every spelling of an actor is kept, as Write keeps it.
		c := m
		c.Entities = make([]graph.Entity, len(m.Entities))
		for i, e := range m.Entities {
			e.Aliases = append(append([]string(nil), e.Aliases...), e.Name)
			c.Entities[i] = e
		}
		fresh = append(fresh, &c)
	}
	x.merged.Merge(fresh...)
	return nil
}

// Close writes the actors, relationships and mentions and closes the files.
// resolve, when not nil, gets the merged graph of every article first and
// returns the graph to write: load joins actors across batches once all are
// in (see identity), and so does export here.
func (x *AdminImport) Close(resolve func(*graph.Graph) (*graph.Graph, error)) (AdminFiles, error) {
	fail := func(err error) (AdminFiles, error) {
		x.articles.abort()
		x.mentions.abort()
		return AdminFiles{}, err
	}
	g := &x.merged
	if resolve != nil {
		r, err := resolve(g)
		if err != nil {
			return fail(err)
		}
		var m graph.Graph
		m.Merge(r)
		g = &m
	}
	for _, row := range mentionRows(g) {
		r := row.(map[string]any)
		if err := x.mentions.row(r["article"].(string), r["entity"].(string), "MENTIONS"); err != nil {
			return fail(err)
		}
	}
	actors, err := newCSVFile(filepath.Join(x.dir, "actors.csv"), "id:ID(Actor)", ":LABEL", "name", "aliases:string[]", "roles:string[]", "names:string[]")
	if err != nil {
		return fail(err)
	}
	for _, t := range graph.EntityTypes {
		for _, row := range actorRows(g.Entities, t) {
			r := row.(map[string]any)
			if err := actors.row(r["id"].(string), list([]string{string(t), "Actor"}), r["name"].(string),
				list(r["aliases"].([]string)), list(r["roles"].([]string)), list(r["names"].([]string))); err != nil {
				actors.abort()
				return fail(err)
			}
		}
	}
	rels, err := newCSVFile(filepath.Join(x.dir, "relationships.csv"), ":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "count:long", "articles:string[]", "sentences:string[]", "rules:string[]",
		"dates:string[]", "precisions:string[]", "places:string[]", "venues:string[]", "countries:string[]")
	if err != nil {
		actors.abort()
		return fail(err)
	}
	for _, t := range graph.RelationTypes {
		for _, row := range relationRows(g.Relations, t) {
			r := row.(map[string]any)
			var articles, sentences, rules []string
			when := map[string][]string{}
			for _, e := range r["evidence"].([]any) {
				ev := e.(map[string]any)
				articles = append(articles, ev["article"].(string))
				sentences = append(sentences, ev["sentence"].(string))
				rules = append(rules, ev["rule"].(string))
				for _, k := range []string{"date", "precision", "place", "venue", "country"} {
					when[k] = append(when[k], ev[k].(string))
				}
			}
			if err := rels.row(r["source"].(string), r["target"].(string), string(t), count(len(sentences)),
				list(articles), list(sentences), list(rules),
				list(when["date"]), list(when["precision"]), list(when["place"]), list(when["venue"]), list(when["country"])); err != nil {
				actors.abort()
				rels.abort()
				return fail(err)
			}
		}
	}
	propped, err := x.writePropped()
	if err != nil {
		actors.abort()
		rels.abort()
		return fail(err)
	}
	for _, f := range []*csvFile{x.articles, actors, x.mentions, rels} {
		if err := f.close(); err != nil {
			return AdminFiles{}, err
		}
	}
	files := AdminFiles{
		Nodes:         []string{x.articles.path, actors.path},
		Relationships: []string{rels.path, x.mentions.path},
		Articles:      x.articles.rows, Actors: actors.rows, Relations: rels.rows, Mentions: x.mentions.rows,
	}
	if propped != nil {
		files.Nodes = []string{x.articles.path, propped.path, actors.path}
		files.Articles += propped.rows
	}
	return files, nil
}

// articleFields are the fields of an article's row in articles.csv; an
// article without an address or a site has no such property, as after Write.
func articleFields(a graph.Article) []any {
	return []any{a.ID, "Article", a.Source, a.Title, a.Published, orAbsent(a.URL), orAbsent(a.Site)}
}

// writePropped writes the articles that have other fields to
// articles-props.csv, one column for each field any of them has, and
// returns the file (nil when there is none). A field an article lacks is
// left empty: no property.
func (x *AdminImport) writePropped() (*csvFile, error) {
	if len(x.propped) == 0 {
		return nil, nil
	}
	keys := map[string]bool{}
	for _, a := range x.propped {
		for k := range props(a.Props) {
			keys[k] = true
		}
	}
	columns := make([]string, 0, len(keys))
	for k := range keys {
		columns = append(columns, k)
	}
	sort.Strings(columns)
	header := append([]string{"id:ID(Article)", ":LABEL", "source", "title", "published", "url", "site"}, columns...)
	f, err := newCSVFile(filepath.Join(x.dir, "articles-props.csv"), header...)
	if err != nil {
		return nil, err
	}
	for _, a := range x.propped {
		p := props(a.Props)
		fields := articleFields(a)
		for _, k := range columns {
			v, ok := p[k]
			if !ok {
				fields = append(fields, absent{})
				continue
			}
			fields = append(fields, v)
		}
		if err := f.row(fields...); err != nil {
			f.abort()
			return nil, err
		}
	}
	if err := f.close(); err != nil {
		return nil, err
	}
	return f, nil
}

// ImportArgs are the arguments of neo4j-admin that import the files into
// database (which must not exist yet, or be given --overwrite-destination).
func (f AdminFiles) ImportArgs(database string) []string {
	// The database goes first: each --nodes and --relationships takes
	// every word after it that is not an option.
	args := []string{"database", "import", "full", database,
		"--id-type=string",
		fmt.Sprintf("--array-delimiter=U+%04X", adminArrayDelimiter),
		"--multiline-fields=true",
	}
	for _, n := range f.Nodes {
		args = append(args, "--nodes="+n)
	}
	for _, r := range f.Relationships {
		args = append(args, "--relationships="+r)
	}
	return args
}

// count is an integer field.
type count int

// list is a field holding a list of strings.
type list []string

// absent is an empty field: the node has no such property.
type absent struct{}

// orAbsent is s, or absent for "".
func orAbsent(s string) any {
	if s == "" {
		return absent{}
	}
	return s
}

// csvFile is one CSV file of the import: every string quoted, quotes
// doubled, so an empty string stays an empty string and a comma or a line
// break inside a sentence is kept.
type csvFile struct {
	path string
	f    *os.File
	w    *bufio.Writer
	line strings.Builder
	rows int
}

func newCSVFile(path string, header ...string) (*csvFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: admin import: %w", err)
	}
	c := &csvFile{path: path, f: f, w: bufio.NewWriterSize(f, 1<<16)}
	c.w.WriteString(strings.Join(header, ",") + "\n")
	return c, nil
}

// row writes one row; fields are strings, lists or counts.
func (c *csvFile) row(fields ...any) error {
	c.line.Reset()
	for i, field := range fields {
		if i > 0 {
			c.line.WriteByte(',')
		}
		switch v := field.(type) {
		case string:
			if err := c.quoted(v); err != nil {
				return err
			}
		case list:
			if len(v) == 0 {
				continue // no property, as no list: see the README
			}
			for _, s := range v {
				if strings.ContainsRune(s, adminArrayDelimiter) {
					return fmt.Errorf("neo4jstore: admin import: %s: a value holds the list delimiter U+%04X: %q", filepath.Base(c.path), adminArrayDelimiter, s)
				}
			}
			if err := c.quoted(strings.Join(v, string(adminArrayDelimiter))); err != nil {
				return err
			}
		case count:
			c.line.WriteString(strconv.Itoa(int(v)))
		case absent:
			// nothing between the commas
		default:
			return fmt.Errorf("neo4jstore: admin import: no CSV field for %T", field)
		}
	}
	c.line.WriteByte('\n')
	if _, err := c.w.WriteString(c.line.String()); err != nil {
		return fmt.Errorf("neo4jstore: admin import: %w", err)
	}
	c.rows++
	return nil
}

func (c *csvFile) quoted(s string) error {
	c.line.WriteByte('"')
	c.line.WriteString(strings.ReplaceAll(s, `"`, `""`))
	c.line.WriteByte('"')
	return nil
}

func (c *csvFile) close() error {
	if err := c.w.Flush(); err != nil {
		c.f.Close()
		return fmt.Errorf("neo4jstore: admin import: %w", err)
	}
	if err := c.f.Close(); err != nil {
		return fmt.Errorf("neo4jstore: admin import: %w", err)
	}
	return nil
}

func (c *csvFile) abort() { c.f.Close() }
