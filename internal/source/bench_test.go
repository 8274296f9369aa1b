package source

import (
	"os"
	"testing"
)

// BenchmarkReadHTML reads the saved mission page, with trafilatura's
// fallback extractors (the default) and without, in pages per second.
func BenchmarkReadHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/moscow-times-2025-12-02.html")
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name     string
		fallback bool
	}{{"fallback", true}, {"trafilatura-only", false}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := readHTML(data, "", bc.fallback); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
