package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden with the current output")

// TestGolden pins the output of extract, whose JSON is a contract, with the
// fake extractor so it changes only when the command does.
func TestGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"extract-table.golden", []string{"extract", "testdata/articles/a.txt", "testdata/articles/b.txt"}},
		{"extract-explain.golden", []string{"extract", "--explain", "testdata/articles/a.txt", "testdata/articles/b.txt"}},
		{"extract-json.golden", []string{"extract", "--format", "json", "testdata/articles/a.txt", "testdata/articles/b.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			c := newCLI(t)
			if code := c.run(tt.args...); code != 0 {
				t.Fatalf("exit code %d; stderr:\n%s", code, c.errOut)
			}
			path := filepath.Join("testdata", tt.golden)
			if *update {
				if err := os.WriteFile(path, c.out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test -update writes it)", err)
			}
			if c.out.String() != string(want) {
				t.Errorf("output differs from %s (go test -update rewrites it):\n%s", path, c.out)
			}
		})
	}
}
