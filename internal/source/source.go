// Package source turns the arguments of a command into a stream of articles.
// An argument is a file, a folder, an http(s) URL or "-" for standard input,
// and what it holds is told by its content, not its name: an HTML page, an
// RSS, Atom or JSON feed (whose items' pages are fetched and read), JSON Lines
// of articles, or plain text.
package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/actorgraph/actorgraph/graph"
)

// Kind is what an input holds.
type Kind string

// The kinds of input.
const (
	Text  Kind = "text"
	HTML  Kind = "html"
	Feed  Kind = "feed"
	Lines Kind = "jsonl"
)

// Article is one article read from an input, with what is known about it.
type Article struct {
	Source    string            // the path, URL or "-" it was read from
	URL       string            // the article's own address, when known
	Title     string            // empty when unknown
	Published string            // YYYY-MM-DD, empty when unknown
	Site      string            // the site's name or host, when known
	Text      string            // the article's text: paragraphs apart by blank lines
	Kind      Kind              // what it was read from
	Props     map[string]string // other fields of a JSON Lines record
}

// Body is the text the extractor reads: the title and the publication date
// on lines of their own, then the text. It is also what the article's id is
// the hash of.
func (a *Article) Body() []byte {
	var b strings.Builder
	if a.Kind == Text {
		return []byte(a.Text)
	}
	if a.Title != "" && !strings.HasPrefix(strings.TrimSpace(a.Text), a.Title) {
		b.WriteString(a.Title + "\n\n")
	}
	if a.Published != "" {
		b.WriteString(a.Published + "\n\n")
	}
	b.WriteString(a.Text)
	return []byte(b.String())
}

// ID is the article's stable id, the hash of its Body.
func (a *Article) ID() string { return graph.ArticleID(a.Body()) }

// Describe puts what is known of the article on its node in g, the graph
// extracted from its Body: the URL, the site, the title and date when the
// text gave none, and the other fields of its record.
func (a *Article) Describe(g *graph.Graph) {
	id := a.ID()
	for i := range g.Articles {
		art := &g.Articles[i]
		if art.ID != id {
			continue
		}
		art.URL, art.Site = a.URL, a.Site
		if art.Title == "" {
			art.Title = a.Title
		}
		if art.Published == "" {
			art.Published = a.Published
		}
		if len(a.Props) > 0 {
			art.Props = a.Props
		}
	}
}

// Problem is an input that gave no article: it is reported and skipped, and
// the other inputs are read on.
type Problem struct {
	Source string // path or URL
	Err    error
}

func (p *Problem) Error() string { return p.Source + ": " + p.Err.Error() }
func (p *Problem) Unwrap() error { return p.Err }

// Errors of inputs that are not articles.
var (
	// ErrNotArticle is the error of a page or record with no article text.
	ErrNotArticle = errors.New("no article text")
	// ErrBinary is the error of an input that is not text.
	ErrBinary = errors.New("not text")
	// ErrTooLarge is the error of a body larger than the size limit.
	ErrTooLarge = errors.New("larger than the size limit")
)

// Known tells which articles are already stored, so that reloading a feed
// fetches only what is new. Either function may be nil.
type Known struct {
	URL  func(url string) bool // by the article's address, before it is fetched
	Hash func(id string) bool  // by the article's id (its content hash), after
}

// Reader reads inputs. The zero value reads folders recursively, fetches with
// the default Fetcher and knows no article; it is not safe for concurrent use.
type Reader struct {
	Fetcher  *Fetcher  // nil: NewFetcher()
	TopLevel bool      // read only the files directly in a folder
	Stdin    io.Reader // nil: os.Stdin
	Known    Known
	// Skipped is called for each file of a folder that is not read, and why.
	Skipped func(path, why string)

	fetched, known atomic.Int64
}

// Stats is what a Reader did.
type Stats struct {
	Fetched int // article pages fetched over the network (feeds not counted)
	Known   int // feed items skipped as already stored
}

// Stats returns how many pages were fetched and how many items skipped.
func (r *Reader) Stats() Stats {
	return Stats{Fetched: int(r.fetched.Load()), Known: int(r.known.Load())}
}

func (r *Reader) fetcher() *Fetcher {
	if r.Fetcher == nil {
		r.Fetcher = NewFetcher()
	}
	return r.Fetcher
}

// Articles reads every argument in order and yields its articles. An input
// that gives none yields a *Problem and reading goes on; the sequence stops
// early only when ctx is done or the caller stops.
func (r *Reader) Articles(ctx context.Context, args []string) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		for _, arg := range args {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			if !r.read(ctx, arg, yield) {
				return
			}
		}
	}
}

func (r *Reader) read(ctx context.Context, arg string, yield func(*Article, error) bool) bool {
	switch {
	case arg == "-":
		in := r.Stdin
		if in == nil {
			in = os.Stdin
		}
		data, err := readLimited(in, r.fetcher().MaxBytes)
		if err != nil {
			return yield(nil, &Problem{Source: "-", Err: err})
		}
		return r.content(ctx, "-", "", data, yield)
	case isURL(arg):
		data, final, err := r.fetcher().Fetch(ctx, arg)
		if err != nil {
			return yield(nil, &Problem{Source: arg, Err: err})
		}
		return r.content(ctx, arg, final, data, yield)
	}
	fi, err := os.Stat(arg)
	if err != nil {
		return yield(nil, &Problem{Source: arg, Err: unwrapPath(err)})
	}
	if fi.IsDir() {
		return r.folder(ctx, arg, yield)
	}
	return r.file(ctx, arg, yield)
}

func (r *Reader) file(ctx context.Context, path string, yield func(*Article, error) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(nil, &Problem{Source: path, Err: unwrapPath(err)})
	}
	defer f.Close()
	data, err := readLimited(f, r.fetcher().MaxBytes)
	if err != nil {
		return yield(nil, &Problem{Source: path, Err: err})
	}
	return r.content(ctx, path, "", data, yield)
}

// folder reads the article files of a folder (see Files).
func (r *Reader) folder(ctx context.Context, dir string, yield func(*Article, error) bool) bool {
	files, err := r.Files(dir)
	if err != nil {
		return yield(nil, &Problem{Source: dir, Err: err})
	}
	for _, f := range files {
		if !r.file(ctx, f, yield) {
			return false
		}
	}
	return true
}

// Files returns the article files of a folder in name order, and those of
// its subfolders unless TopLevel. Hidden files and folders are skipped, and
// so are files that are not articles by their content (binary, other JSON
// or XML) and text files that do not end in .txt or .text or have no
// extension (notes.md, data.csv), each passed to Skipped with its reason.
// A file that ends in .txt or .text is always taken: if it is no article,
// reading it says so. A folder without article files is an error that
// says what was skipped.
func (r *Reader) Files(dir string) ([]string, error) {
	var files, skipped []string
	skip := func(path, why string) {
		skipped = append(skipped, path, why)
	}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			skip(path, unwrapPath(err).Error())
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if path == dir {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			skip(path, "hidden")
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if r.TopLevel {
				skip(path, "a subfolder (without --top-level subfolders are read too)")
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			skip(path, "not a regular file")
			return nil
		}
		head, err := peek(path)
		if err != nil {
			skip(path, err.Error())
			return nil
		}
		if why := notArticle(path, head); why != "" {
			skip(path, why)
			return nil
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	if len(files) == 0 {
		var whys []string
		for i := 0; i < len(skipped); i += 2 {
			rel, err := filepath.Rel(dir, skipped[i])
			if err != nil {
				rel = skipped[i]
			}
			if len(whys) == 3 {
				whys = append(whys, fmt.Sprintf("and %d more", (len(skipped)-i)/2))
				break
			}
			whys = append(whys, rel+": "+skipped[i+1])
		}
		if len(whys) == 0 {
			return nil, errors.New("no article files in this directory")
		}
		return nil, fmt.Errorf("no article files in this directory (skipped %s)", strings.Join(whys, "; "))
	}
	for i := 0; i < len(skipped); i += 2 {
		r.skip(skipped[i], skipped[i+1])
	}
	return files, nil
}

func (r *Reader) skip(path, why string) {
	if r.Skipped != nil {
		r.Skipped(path, why)
	}
}

// Content yields the articles of data read from name, a file: by what it
// holds, a page, a feed (whose items are fetched), JSON Lines or text.
func (r *Reader) Content(ctx context.Context, name string, data []byte) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		r.content(ctx, name, "", data, yield)
	}
}

// content reads data by what it is. final is the address it was fetched
// from after redirects, or "" for a file.
func (r *Reader) content(ctx context.Context, source, final string, data []byte, yield func(*Article, error) bool) bool {
	kind, err := Detect(data)
	if err != nil {
		return yield(nil, &Problem{Source: source, Err: err})
	}
	if final != "" && kind != Feed {
		r.fetched.Add(1) // a page given by its URL; a feed is not counted
	}
	switch kind {
	case HTML:
		a, err := ReadHTML(data, final)
		if err != nil {
			return yield(nil, &Problem{Source: source, Err: err})
		}
		a.Source = source
		return yield(a, nil)
	case Feed:
		return r.feed(ctx, source, final, data, yield)
	case Lines:
		return readLines(source, data, yield)
	}
	return yield(&Article{Source: source, URL: final, Text: string(data), Kind: Text}, nil)
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// unwrapPath drops the path from an *os.PathError: the Problem names it.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w of %d bytes", ErrTooLarge, limit)
	}
	return data, nil
}
