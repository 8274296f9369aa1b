package extract

import (
	"path/filepath"
	"testing"
)

// The mission article.
const missionArticle = "../testdata/moscow-times-2025-12-02-witkoff-kushner-putin.txt"

// BenchmarkNew measures loading the lexicons and prose's models.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtract measures one extraction of the mission article.
func BenchmarkExtract(b *testing.B) {
	x := extractor(b)
	text := readFile(b, missionArticle)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := x.Extract(missionArticle, text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractBBC measures extracting all the BBC articles; an op is the
// whole set.
func BenchmarkExtractBBC(b *testing.B) {
	x := extractor(b)
	paths, err := filepath.Glob("../testdata/bbc/*.txt")
	if err != nil {
		b.Fatal(err)
	}
	if len(paths) == 0 {
		b.Fatal("no articles in ../testdata/bbc")
	}
	texts := make([][]byte, len(paths))
	var n int64
	for i, p := range paths {
		texts[i] = readFile(b, p)
		n += int64(len(texts[i]))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for i, text := range texts {
			if _, err := x.Extract(paths[i], text); err != nil {
				b.Fatal(err)
			}
		}
	}
}
