package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/queries"
)

func TestQueriesGuide(t *testing.T) {
	const url, style = "http://127.0.0.1:7474/actorgraph/guide.html", "http://127.0.0.1:7474/actorgraph/actorgraph.grass"
	var want bytes.Buffer
	if err := queries.Guide(&want, queries.All(), queries.GuideOptions{URL: url, StyleURL: style}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	notDir := filepath.Join(dir, "plain-file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		file     string // where the guide should land; "" for stdout
		args     []string
		wantCode int
		wantErr  string
	}{
		{name: "file", file: filepath.Join(dir, "sub", "guide.html"), args: []string{filepath.Join(dir, "sub", "guide.html")}},
		{name: "stdout", args: nil},
		{name: "dash is stdout", args: []string{"-"}},
		{name: "unwritable", args: []string{filepath.Join(notDir, "guide.html")}, wantCode: 1, wantErr: "write guide:"},
		{name: "two files", args: []string{"a.html", "b.html"}, wantCode: 2, wantErr: "accepts at most 1 arg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			args := append([]string{"queries", "guide", "--url", url, "--style-url", style}, tt.args...)
			code := c.run(args...)
			if code != tt.wantCode {
				t.Fatalf("exit code %d, want %d; stderr:\n%s", code, tt.wantCode, c.errOut)
			}
			if tt.wantCode != 0 {
				if !strings.Contains(c.errOut.String(), tt.wantErr) {
					t.Errorf("stderr %q, want %q in it", c.errOut, tt.wantErr)
				}
				return
			}
			got := c.out.String()
			if tt.file != "" {
				b, err := os.ReadFile(tt.file)
				if err != nil {
					t.Fatal(err)
				}
				got = string(b)
				if c.out.Len() != 0 || !strings.Contains(c.errOut.String(), "Wrote a guide of") {
					t.Errorf("stdout %q, stderr %q", c.out, c.errOut)
				}
			}
			if got != want.String() {
				t.Errorf("guide differs from queries.Guide:\n%s", got)
			}
		})
	}
}
