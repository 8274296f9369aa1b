package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZExplore(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile("/tmp/explore/cases.txt")
	for _, c := range strings.Split(string(data), "\n===\n") {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		g, err := x.Extract("x", []byte(c))
		fmt.Printf("### %q\n", c)
		if err != nil {
			fmt.Println("ERR", err)
			continue
		}
		for _, e := range g.Entities {
			fmt.Printf("  E %s %v %v\n", e.ID, e.Aliases, e.Roles)
		}
		for _, r := range g.Relations {
			fmt.Printf("  R %s %s -> %s [%s]\n", r.Type, r.Source, r.Target, r.Evidence[0].Rule)
		}
	}
}
