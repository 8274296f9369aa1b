package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/internal/neo4jtest"
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
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*len(files)), "ms/article")
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

// BenchmarkLoadPeakRSS runs the real program's load on the BBC corpus and on
// 16 copies of it (each copy with a line of its own, so every article is
// distinct), one after the other in one run, into an emptied test database,
// and reports the peak resident memory of each. Streaming keeps the two
// alike. The corpus is /work/shared/corpus/bbc/news when it is there, else
// testdata/bbc. Run it with -benchtime 1x: the x16 load takes minutes.
func BenchmarkLoadPeakRSS(b *testing.B) {
	cfg := neo4jtest.Config(b)
	neo4jtest.Lock(b, cfg)
	bin := buildBinary(b)
	src := []string{"../../testdata/bbc"}
	if dirs, _ := filepath.Glob("/work/shared/corpus/bbc/news/*"); len(dirs) > 0 {
		src = dirs
	}
	for _, n := range []int{1, 16} {
		dir := b.TempDir()
		files := 0
		for _, s := range src {
			files += copyCorpus(b, s, dir, n)
		}
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			var rss, wall float64
			for b.Loop() {
				b.StopTimer()
				neo4jtest.Reset(b, cfg)
				b.StartTimer()
				cmd := loadProcess(bin, cfg, "load", "--quiet", dir)
				start := time.Now()
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("load: %v\n%s", err, out)
				}
				wall = time.Since(start).Seconds()
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					rss = max(rss, float64(ru.Maxrss)/1024) // kB on Linux
				}
			}
			b.ReportMetric(rss, "peak-RSS-MB")
			b.ReportMetric(float64(files), "articles")
			b.ReportMetric(wall, "s/load")
		})
	}
}

// copyCorpus writes n copies of the .txt files of src into dst, each copy
// with a line of its own, and returns how many files it wrote.
func copyCorpus(b testing.TB, src, dst string, n int) int {
	b.Helper()
	paths, err := filepath.Glob(filepath.Join(src, "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no articles in %s: %v", src, err)
	}
	prefix := filepath.Base(src)
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		for i := range n {
			name := fmt.Sprintf("%s-%s-%d.txt", prefix, strings.TrimSuffix(filepath.Base(p), ".txt"), i)
			c := append(append([]byte(nil), text...), fmt.Sprintf("\nCopy %d of this report.\n", i)...)
			if err := os.WriteFile(filepath.Join(dst, name), c, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	return len(paths) * n
}
