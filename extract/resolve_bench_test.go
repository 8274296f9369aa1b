package extract

import (
	"bytes"
	"fmt"
	"os"
	"testing"
)

// longArticle builds one article of at least size bytes from the bodies of
// the BBC corpus articles (see corpusDir), read in order and repeated when
// the corpus is shorter. It skips the benchmark without the corpus.
func longArticle(b *testing.B, size int) []byte {
	b.Helper()
	dir := corpusDir()
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no BBC corpus at %s (set ACTORGRAPH_BBC_CORPUS)", dir)
	}
	_, texts := readArticles(b, dir)
	var buf bytes.Buffer
	buf.WriteString("A long article\n\n")
	for i := 0; buf.Len() < size; i++ {
		doc := clean(string(texts[i%len(texts)]))
		for _, p := range doc.Paragraphs {
			buf.WriteString(p)
			buf.WriteString("\n\n")
		}
	}
	return buf.Bytes()
}

// BenchmarkResolveLong measures name resolution (names, then pronouns and
// roles) of one article of 1 MB and one of 10 MB made of corpus text; the
// sentences and mentions are found before the clock starts. With the
// indexes of the resolver the time per byte stays flat; scanning every
// actor for each one-word name made it grow with the article.
func BenchmarkResolveLong(b *testing.B) {
	x := extractor(b)
	for _, mb := range []int{1, 10} {
		b.Run(fmt.Sprintf("size=%dMB", mb), func(b *testing.B) {
			text := longArticle(b, mb<<20)
			sents, err := x.segment(clean(string(text)))
			if err != nil {
				b.Fatal(err)
			}
			finder := &mentionFinder{lx: x.lx, lower: lowerWords(sents)}
			found := make([][]mention, len(sents))
			for i := range sents {
				found[i] = finder.find(&sents[i])
			}
			ms := make([][]mention, len(found))
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				for i := range found {
					ms[i] = append(ms[i][:0], found[i]...)
				}
				res := newResolver(x.lx, sents)
				res.resolveNames(ms)
				res.resolveReferences(ms)
				if ents, _ := res.entities(); len(ents) == 0 {
					b.Fatal("no actors")
				}
			}
		})
	}
}
