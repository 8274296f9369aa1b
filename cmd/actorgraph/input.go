package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph"
)

// articleFiles expands the arguments of load: files stay as they are, a
// directory becomes the .txt files in it, sorted. dirs reports how many files
// each directory gave. A directory without .txt files is an input error.
func articleFiles(args []string) (files []string, dirs map[string]int, err error) {
	dirs = map[string]int{}
	var errs InputErrors
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if err != nil || !fi.IsDir() {
			files = append(files, arg) // readArticle reports what is wrong
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			errs = append(errs, &InputError{Path: arg, Err: err})
			continue
		}
		var txt []string
		for _, e := range entries {
			if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".txt") {
				txt = append(txt, filepath.Join(arg, e.Name()))
			}
		}
		if len(txt) == 0 {
			errs = append(errs, &InputError{Path: arg, Err: errors.New("no .txt files in this directory")})
			continue
		}
		sort.Strings(txt)
		dirs[arg] = len(txt)
		files = append(files, txt...)
	}
	return files, dirs, errs.Err()
}

// readArticle reads one article and checks that it is text with something in
// it, so no bad file reaches the extractor or the database.
func readArticle(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &InputError{Path: path, Err: err}
	}
	if fi.IsDir() {
		return nil, &InputError{Path: path, Err: errors.New("is a directory, not an article")}
	}
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, &InputError{Path: path, Err: err}
	}
	switch {
	case len(bytes.TrimSpace(text)) == 0:
		return nil, &InputError{Path: path, Err: fmt.Errorf("%w: the file is empty", extract.ErrEmpty)}
	case bytes.IndexByte(text, 0) >= 0 || !utf8.Valid(text):
		return nil, &InputError{Path: path, Err: fmt.Errorf("%w: it is binary or not UTF-8", extract.ErrBinary)}
	}
	return text, nil
}

// extractFiles reads and extracts every file and merges the graphs. Every
// file is tried; the problems of all files come back together, so nothing is
// used unless everything is good.
func extractFiles(f *Factory, files []string) (*graph.Graph, error) {
	var errs InputErrors
	texts := make([][]byte, len(files))
	for i, path := range files {
		text, err := readArticle(path)
		if err != nil {
			var ierr *InputError
			if !errors.As(err, &ierr) {
				ierr = &InputError{Path: path, Err: err}
			}
			errs = append(errs, ierr)
			continue
		}
		texts[i] = text
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	x, err := f.Extractor()
	if err != nil {
		return nil, fmt.Errorf("load the extractor: %w", err)
	}
	graphs := make([]*graph.Graph, 0, len(files))
	for i, r := range extractAll(x, files, texts, runtime.GOMAXPROCS(0)) {
		switch path := files[i]; {
		case errors.Is(r.Err, extract.ErrEmpty), errors.Is(r.Err, extract.ErrBinary):
			errs = append(errs, &InputError{Path: path, Err: r.Err})
			continue
		case r.Err != nil:
			return nil, fmt.Errorf("extract %s: %w", path, r.Err)
		}
		graphs = append(graphs, r.Graph)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return resolveIdentities(f, graphs)
}

// extracted is the outcome of extracting one article.
type extracted struct {
	Graph *graph.Graph
	Err   error
}

// extractAll extracts the texts on up to workers goroutines (at least one)
// and returns the results in the order of files. The extractor must be safe
// for concurrent use, as extract.Extractor is.
func extractAll(x Extractor, files []string, texts [][]byte, workers int) []extracted {
	out := make([]extracted, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(workers, len(files))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i].Graph, out[i].Err = x.Extract(files[i], texts[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
