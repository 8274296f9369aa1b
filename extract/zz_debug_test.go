package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	text := os.Getenv("DBG")
	if text == "" {
		t.Skip()
	}
	x, _ := New()
	a, err := x.analyze("d", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range a.sents {
		for _, tk := range s.Tokens {
			q := ""
			if tk.Quoted {
				q = "Q"
			}
			fmt.Printf("%s/%s%s ", tk.Text, tk.Tag, q)
		}
		fmt.Println()
		for _, f := range a.views[i].Frames {
			fmt.Printf("  frame %+v\n", f)
		}
		for _, m := range a.views[i].Mentions {
			fmt.Printf("  mention %+v\n", m)
		}
	}
}
