package postag

import (
	"testing"
)

// BenchmarkLoad measures loading the model: from the embedded binary form,
// and from prose's own model files (gob-encoded maps), dense either way.
func BenchmarkLoad(b *testing.B) {
	b.Run("from=binary", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := New(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("from=prose", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			w, err := loadProseWeights()
			if err != nil {
				b.Fatal(err)
			}
			m, err := buildModel(w.weights, w.dict, w.classes)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := newTagger(m); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkTag measures tokenizing and tagging the lines of the articles in
// the repository, with prose and with postag; an op is all of them.
func BenchmarkTag(b *testing.B) {
	texts := articleLines(b, "../..", "../../testdata/bbc", "../../testdata/moscow-times-2025-12-02-witkoff-kushner-putin.txt")
	var size int64
	for _, x := range texts {
		size += int64(len(x.text))
	}
	b.Run("tagger=prose", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, x := range texts {
				proseTag(b, x.text)
			}
		}
	})
	b.Run("tagger=postag", func(b *testing.B) {
		tg := newTestTagger(b)
		b.SetBytes(size)
		b.ReportAllocs()
		var dst []Token
		for b.Loop() {
			for _, x := range texts {
				dst = tg.Tag(dst[:0], x.text)
			}
		}
	})
}
