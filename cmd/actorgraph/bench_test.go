package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/actorgraph/actorgraph/extract"
)

// BenchmarkExtractAll extracts the BBC test articles with one worker and
// with one per CPU, in one run so that the two are measured side by side.
func BenchmarkExtractAll(b *testing.B) {
	files, err := filepath.Glob("../../testdata/bbc/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no articles: %v", err)
	}
	texts := make([][]byte, len(files))
	size := 0
	for i, f := range files {
		if texts[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
		size += len(texts[i])
	}
	x, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, r := range extractAll(x, files, texts, workers) {
					if r.Err != nil {
						b.Fatal(r.Err)
					}
				}
			}
		})
	}
}

// TestExtractAllKeepsOrder checks that results come back in the order of the
// files whatever the number of workers.
func TestExtractAllKeepsOrder(t *testing.T) {
	files := []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"}
	texts := make([][]byte, len(files))
	for i := range texts {
		texts[i] = []byte("Steve Witkoff met Vladimir Putin.")
	}
	for _, workers := range []int{0, 1, 3, 10} {
		for i, r := range extractAll(fakeExtractor{}, files, texts, workers) {
			if r.Err != nil {
				t.Fatalf("workers=%d: %v", workers, r.Err)
			}
			if got := r.Graph.Articles[0].Source; got != files[i] {
				t.Errorf("workers=%d: result %d is of %s, want %s", workers, i, got, files[i])
			}
		}
	}
}
