package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/internal/source"
)

// The input seam.
//
// Commands never read files themselves: they take an ArticleSource and pull
// articles from it one at a time (see stream in pipeline.go), so at most one
// batch of texts is held in memory whatever the size of the corpus. A source
// for another kind of input (HTML pages, feeds, JSON Lines, an archive)
// implements ArticleSource and is chosen in newArticleSource; the rest of the
// pipeline, from extraction to the Neo4j write, does not change.
//
// A source reports a bad input as an *InputError from Articles, with the
// input's name, and goes on with the next one: the pipeline writes nothing of
// a bad input and reports every bad input together at the end.

// Input is one article as a source yields it, before extraction.
type Input struct {
	// Name says where the article came from (a path or URL); it becomes the
	// article's source.
	Name string
	// Text is the article, UTF-8, title on the first line when there is one.
	Text []byte
	// Title and Published (YYYY-MM-DD) are what the source knows of the
	// article besides its text, such as a feed's item title and date; empty
	// when it knows nothing. They fill in what extraction did not find.
	Title, Published string
	// URL, Site and Props are the article's address, its site and the other
	// fields of its JSON Lines record, when the source knows them.
	URL, Site string
	Props     map[string]string
}

// ArticleSource yields the articles to extract.
type ArticleSource interface {
	// Total is how many inputs Articles will yield, or -1 when that is not
	// known in advance. It serves the progress bar only.
	Total() int
	// Articles yields every input in a stable order: an article, or the
	// error of an input that could not be read (its article is then zero).
	// It stops when yield returns false or ctx is done.
	Articles(ctx context.Context) iter.Seq2[Input, error]
}

// ReadLimits bound what reading one input may cost.
type ReadLimits struct {
	// MaxBytes is the largest file read; a larger one is an input error.
	MaxBytes int64
	// Timeout bounds the reading of one file.
	Timeout time.Duration
}

// Default reading limits.
const (
	defaultMaxFileSize = 10 << 20
	defaultReadTimeout = 30 * time.Second
)

// DefaultReadLimits are the limits when no flag changes them.
var DefaultReadLimits = ReadLimits{MaxBytes: defaultMaxFileSize, Timeout: defaultReadTimeout}

// fileSource yields the articles in a list of files, URLs and "-" (standard
// input). A file is read by what it holds: text as it is; a web page, a feed
// or JSON Lines by reader, which also fetches URLs.
type fileSource struct {
	files  []string
	limits ReadLimits
	reader *source.Reader
}

// newFileSource returns the source of the files and directories in args:
// files stay as they are, a directory becomes the .txt files in it, sorted.
// dirs reports how many files each directory gave. Every file is checked
// with stat first (it exists, is a regular file, is neither empty nor over
// the size limit), so most bad inputs are reported before anything is read
// or written; the problems of all files come back together. With n > 0 the
// source holds shard i of n (i from 1): every n-th file from the i-th, so n
// sources with the same args share the files without overlap.
func newFileSource(args []string, limits ReadLimits, i, n int, reader *source.Reader) (src *fileSource, dirs map[string]int, err error) {
	if reader == nil {
		reader = &source.Reader{}
	}
	files, dirs, err := articleFiles(args, reader)
	if err != nil {
		return nil, nil, err
	}
	if n > 0 {
		var mine []string
		for k, path := range files {
			if k%n == i-1 {
				mine = append(mine, path)
			}
		}
		files = mine
	}
	var errs InputErrors
	for _, path := range files {
		if remote(path) {
			continue
		}
		if _, err := statArticle(path, limits); err != nil {
			errs = append(errs, asInputError(path, err))
		}
	}
	if err := errs.Err(); err != nil {
		return nil, nil, err
	}
	return &fileSource{files: files, limits: limits, reader: reader}, dirs, nil
}

// Total is the number of files when each is at most one article; with a
// URL, standard input, a feed or JSON Lines, which may hold any number, it
// is -1. Only files that do not end in .txt or .text are looked into.
func (s *fileSource) Total() int {
	for _, path := range s.files {
		if remote(path) {
			return -1
		}
		if ext := strings.ToLower(filepath.Ext(path)); ext == ".txt" || ext == ".text" {
			continue
		}
		if kind, _ := source.Sniff(path); kind == source.Feed || kind == source.Lines {
			return -1
		}
	}
	return len(s.files)
}

func (s *fileSource) Articles(ctx context.Context) iter.Seq2[Input, error] {
	return func(yield func(Input, error) bool) {
		for _, path := range s.files {
			if ctx.Err() != nil {
				return
			}
			if remote(path) {
				if !s.yieldAll(s.reader.Articles(ctx, []string{path}), yield) {
					return
				}
				continue
			}
			text, err := readArticle(ctx, path, s.limits)
			if ctx.Err() != nil {
				return
			}
			if err != nil {
				err = asInputError(path, err)
			}
			if kind, _ := source.Detect(text); err == nil && kind != source.Text {
				if !s.yieldAll(s.reader.Content(ctx, path, text), yield) {
					return
				}
				continue
			}
			if !yield(Input{Name: path, Text: text}, err) {
				return
			}
		}
	}
}

// remote reports whether an argument is read by the source reader rather
// than as a file: a URL, or "-" for standard input.
func remote(arg string) bool {
	return arg == "-" || strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://")
}

// yieldAll hands on the articles of a page, feed or JSON Lines input, and
// its problems as input errors, one each.
func (s *fileSource) yieldAll(arts iter.Seq2[*source.Article, error], yield func(Input, error) bool) bool {
	for a, err := range arts {
		if err != nil {
			var p *source.Problem
			if errors.As(err, &p) {
				err = &InputError{Path: p.Source, Err: readerProblem{p.Err}}
			}
			if !yield(Input{}, err) {
				return false
			}
			continue
		}
		in := Input{Name: a.Source, Text: a.Body(), Title: a.Title, Published: a.Published, URL: a.URL, Site: a.Site, Props: a.Props}
		if !yield(in, nil) {
			return false
		}
	}
	return true
}

// readerProblem is why a page, a feed item or a JSON Lines record gave no
// article. It is left out and the rest goes on, in extract as in load:
// one bad page of a feed does not spoil the others.
type readerProblem struct{ error }

func (p readerProblem) Unwrap() error { return p.error }

// leftOut reports whether every error of l is a readerProblem.
func leftOut(l InputErrors) bool {
	for _, e := range l {
		var p readerProblem
		if !errors.As(e.Err, &p) {
			return false
		}
	}
	return true
}

// asInputError returns err as an *InputError about path.
func asInputError(path string, err error) *InputError {
	var ierr *InputError
	if errors.As(err, &ierr) {
		return ierr
	}
	return &InputError{Path: path, Err: err}
}

// articleFiles expands the arguments of load: files, URLs and "-" stay as
// they are, a directory becomes the article files in it and, unless
// reader.TopLevel, in its subfolders, sorted (see source.Reader.Files: what
// is skipped is passed to reader.Skipped with the reason). dirs reports how
// many files each directory gave. A directory without article files is an
// input error.
func articleFiles(args []string, reader *source.Reader) (files []string, dirs map[string]int, err error) {
	dirs = map[string]int{}
	var errs InputErrors
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if remote(arg) || err != nil || !fi.IsDir() {
			files = append(files, arg) // readArticle reports what is wrong
			continue
		}
		found, err := reader.Files(arg)
		if err != nil {
			errs = append(errs, &InputError{Path: arg, Err: err})
			continue
		}
		dirs[arg] = len(found)
		files = append(files, found...)
	}
	return files, dirs, errs.Err()
}

// Reading errors, each naming the limit or rule it enforces.
var (
	// ErrNotRegular is wrapped when an input is a FIFO, a device, a socket
	// or anything else but a regular file (symbolic links are followed).
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge is wrapped when an input is over the size limit.
	ErrTooLarge = errors.New("file too large")
	// ErrReadTimeout is wrapped when reading an input takes longer than the
	// read timeout.
	ErrReadTimeout = errors.New("read timed out")
)

// statArticle checks what can be known of an article without reading it.
func statArticle(path string, limits ReadLimits) (fs.FileInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &InputError{Path: path, Err: err}
	}
	return fi, checkFileInfo(path, fi, limits)
}

func checkFileInfo(path string, fi fs.FileInfo, limits ReadLimits) error {
	switch m := fi.Mode(); {
	case m.IsDir():
		return &InputError{Path: path, Err: errors.New("is a directory, not an article")}
	case !m.IsRegular():
		return &InputError{Path: path, Err: fmt.Errorf("%w (%s): only regular files are read", ErrNotRegular, fileKind(m))}
	case limits.MaxBytes > 0 && fi.Size() > limits.MaxBytes:
		return &InputError{Path: path, Err: fmt.Errorf("%w: %s is over the %s limit (raise it with --max-file-size)", ErrTooLarge, byteSize(fi.Size()), byteSize(limits.MaxBytes))}
	case fi.Size() == 0:
		return &InputError{Path: path, Err: fmt.Errorf("%w: the file is empty", extract.ErrEmpty)}
	}
	return nil
}

// fileKind names the type of a file that is not regular.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a file"
}

// byteSize writes n in MB (of 2^20 bytes, as --max-file-size takes them)
// or in bytes.
func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

// readArticle reads one article within limits and checks that it is text
// with something in it, so no bad file reaches the extractor or the
// database. The file is opened without blocking and checked again once open,
// so a FIFO put in its place is refused rather than waited on; a read that
// outlasts the timeout, or ctx, is abandoned.
func readArticle(ctx context.Context, path string, limits ReadLimits) ([]byte, error) {
	if _, err := statArticle(path, limits); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &InputError{Path: path, Err: err}
	}
	fi, err := f.Stat()
	if err == nil {
		err = checkFileInfo(path, fi, limits)
	}
	if err != nil {
		f.Close()
		return nil, asInputError(path, err)
	}
	type result struct {
		text []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		defer f.Close()
		max := limits.MaxBytes
		if max <= 0 {
			max = fi.Size()
		}
		text, err := io.ReadAll(io.LimitReader(f, max+1))
		done <- result{text, err}
	}()
	var timeout <-chan time.Time
	if limits.Timeout > 0 {
		t := time.NewTimer(limits.Timeout)
		defer t.Stop()
		timeout = t.C
	}
	var text []byte
	select {
	case r := <-done:
		if r.err != nil {
			return nil, &InputError{Path: path, Err: r.err}
		}
		text = r.text
	case <-timeout:
		return nil, &InputError{Path: path, Err: fmt.Errorf("%w: reading took longer than the %s limit (raise it with --read-timeout)", ErrReadTimeout, limits.Timeout)}
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	switch {
	case limits.MaxBytes > 0 && int64(len(text)) > limits.MaxBytes:
		return nil, &InputError{Path: path, Err: fmt.Errorf("%w: it grew over the %s limit while it was read (raise it with --max-file-size)", ErrTooLarge, byteSize(limits.MaxBytes))}
	case len(bytes.TrimSpace(text)) == 0:
		return nil, &InputError{Path: path, Err: fmt.Errorf("%w: the file is empty", extract.ErrEmpty)}
	case bytes.IndexByte(text, 0) >= 0 || !utf8.Valid(text):
		return nil, &InputError{Path: path, Err: fmt.Errorf("%w: it is binary or not UTF-8", extract.ErrBinary)}
	}
	return text, nil
}
