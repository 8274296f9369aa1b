package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestModelFlags runs extract with the real extractor and the --model and
// --min-confidence flags.
func TestModelFlags(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "a.txt")
	text := "Anna Berg met Tomas Lind in Oslo on Monday.\n\nTomas Lind was sharply criticised by Anna Berg.\n"
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	notModel := filepath.Join(dir, "model.gz")
	if err := os.WriteFile(notModel, []byte("not a model"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string // in stdout, or in stderr when the code is not 0
	}{
		{"defaults", []string{"extract", article}, exitOK, "MET_WITH"},
		{"the shipped model by path", []string{"extract", "--model", "../../extract/relate/model.gz", article}, exitOK, "CRITICIZED"},
		{"no such model", []string{"extract", "--model", filepath.Join(dir, "nope.gz"), article}, exitInput, "nope.gz: no such file or directory"},
		{"not a model", []string{"extract", "--model", notModel, article}, exitInput, "model.gz: not a relation model"},
		{"confidence above 1", []string{"extract", "--min-confidence", "2", article}, exitUsage, "--min-confidence 2: must be between 0 and 1"},
		{"confidence not a number", []string{"extract", "--min-confidence", "high", article}, exitUsage, "min-confidence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			c.f.Model = ModelOptions{MinConfidence: -1}
			c.f.Extractor = onceExtractor(&c.f.Model)
			code := c.run(tt.args...)
			got := c.out.String()
			if code != exitOK {
				got = c.errOut.String()
			}
			if code != tt.code || !strings.Contains(got, tt.want) {
				t.Errorf("exit %d, output %q; want exit %d and %q", code, got, tt.code, tt.want)
			}
		})
	}
}
