package extract

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/actorgraph/actorgraph/extract/postag"
	"github.com/actorgraph/actorgraph/extract/relate"
	"github.com/jdkato/prose/v2"
)

// The mission article.
const missionArticle = "../testdata/moscow-times-2025-12-02-witkoff-kushner-putin.txt"

// proseTagger is the tagger extract had before postag: prose's own, with
// its models loaded once. The benchmarks run it beside postag's.
func proseTagger(tb testing.TB) *tagger {
	tb.Helper()
	doc, err := prose.NewDocument("Load the models.", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		tb.Fatal(err)
	}
	model := doc.Model
	return &tagger{tag: func(dst []postag.Token, text string) []postag.Token {
		doc, err := prose.NewDocument(text, prose.UsingModel(model), prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			tb.Error(err)
			return dst
		}
		for _, t := range doc.Tokens() {
			dst = append(dst, postag.Token{Text: t.Text, Tag: t.Tag})
		}
		return dst
	}}
}

// taggers are the two taggers the benchmarks compare, by name.
var taggers = []struct {
	name string
	new  func(testing.TB) *tagger
}{
	{"prose", proseTagger},
	{"postag", func(tb testing.TB) *tagger {
		tg, err := newTagger()
		if err != nil {
			tb.Fatal(err)
		}
		return tg
	}},
}

// withTagger returns a copy of the shared Extractor with tagger tg.
func withTagger(tb testing.TB, tg *tagger) *Extractor {
	x := *extractor(tb)
	x.tg = tg
	return &x
}

// BenchmarkNew measures loading the lexicons and the models, with prose's
// tagger (as before postag) and with postag's.
func BenchmarkNew(b *testing.B) {
	b.Run("tagger=prose", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := loadLexicon(); err != nil {
				b.Fatal(err)
			}
			if _, err := relate.Default(); err != nil {
				b.Fatal(err)
			}
			proseTagger(b)
		}
	})
	b.Run("tagger=postag", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := New(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkExtract measures one extraction of the mission article.
func BenchmarkExtract(b *testing.B) {
	text := readFile(b, missionArticle)
	for _, tg := range taggers {
		b.Run("tagger="+tg.name, func(b *testing.B) {
			x := withTagger(b, tg.new(b))
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := x.Extract(missionArticle, text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkExtractBBC measures extracting all the BBC articles of testdata
// one after the other; an op is the whole set.
func BenchmarkExtractBBC(b *testing.B) {
	paths, texts := readArticles(b, "../testdata/bbc")
	for _, tg := range taggers {
		b.Run("tagger="+tg.name, func(b *testing.B) {
			x := withTagger(b, tg.new(b))
			b.SetBytes(totalSize(texts))
			b.ReportAllocs()
			for b.Loop() {
				for i, text := range texts {
					if _, err := x.Extract(paths[i], text); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkExtractCorpus measures extracting the whole BBC corpus (when it
// is there: see corpusDir) on every CPU, as the extract command does; an op
// is the corpus.
func BenchmarkExtractCorpus(b *testing.B) {
	dir := corpusDir()
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no BBC corpus at %s (set ACTORGRAPH_BBC_CORPUS)", dir)
	}
	paths, texts := readArticles(b, dir)
	for _, tg := range taggers {
		b.Run("tagger="+tg.name, func(b *testing.B) {
			x := withTagger(b, tg.new(b))
			b.SetBytes(totalSize(texts))
			b.ReportAllocs()
			for b.Loop() {
				var next atomic.Int64
				var wg sync.WaitGroup
				for range runtime.GOMAXPROCS(0) {
					wg.Go(func() {
						for i := int(next.Add(1) - 1); i < len(texts); i = int(next.Add(1) - 1) {
							if _, err := x.Extract(paths[i], texts[i]); err != nil {
								b.Error(err)
							}
						}
					})
				}
				wg.Wait()
			}
		})
	}
}

// BenchmarkTokens measures tokenizing and tagging the sentences of the
// BBC articles of testdata; an op is all of them.
func BenchmarkTokens(b *testing.B) {
	_, texts := readArticles(b, "../testdata/bbc")
	var sents []string
	var size int64
	for _, text := range texts {
		doc := clean(string(text))
		sents = append(sents, doc.Title)
		for _, p := range doc.Paragraphs {
			sents = append(sents, splitSentences(p)...)
		}
	}
	for _, s := range sents {
		size += int64(len(s))
	}
	for _, tg := range taggers {
		b.Run("tagger="+tg.name, func(b *testing.B) {
			t := tg.new(b)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, s := range sents {
					if _, _, err := t.tokens(s, false); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// corpusDir is the whole BBC corpus, outside the repository: where
// $ACTORGRAPH_BBC_CORPUS says, else ../shared/corpus/bbc/news beside the
// checkout.
func corpusDir() string {
	if d := os.Getenv("ACTORGRAPH_BBC_CORPUS"); d != "" {
		return d
	}
	return "../../shared/corpus/bbc/news"
}

// readArticles reads the .txt files under dir.
func readArticles(tb testing.TB, dir string) ([]string, [][]byte) {
	tb.Helper()
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".txt") {
			paths = append(paths, path)
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(paths) == 0 {
		tb.Fatalf("no articles in %s", dir)
	}
	texts := make([][]byte, len(paths))
	for i, p := range paths {
		texts[i] = readFile(tb, p)
	}
	return paths, texts
}

func totalSize(texts [][]byte) int64 {
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	return n
}
