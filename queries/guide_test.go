package queries

import (
	"bytes"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestParamsCommand(t *testing.T) {
	tests := []struct {
		name   string
		header string
		body   string
		want   string
	}{
		{"no parameters", "", "RETURN 1", ""},
		{"actor", "// param: name = Putin (actor)\n", "RETURN $name", ":params {name: 'Putin'}"},
		{"integer", "// param: limit = 10\n", "RETURN $limit", ":params {limit: 10}"},
		{"two, in header order", "// param: to = Vladimir Putin (actor)\n// param: from = Don Bacon (actor)\n", "RETURN $from, $to", ":params {to: 'Vladimir Putin', from: 'Don Bacon'}"},
		{"quote and backslash", "// param: name = O'Brien \\ Co\n", "RETURN $name", `:params {name: 'O\'Brien \\ Co'}`},
		{"negative integer", "// param: n = -3\n", "RETURN $n", ":params {n: -3}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse("t.cypher", "// name: t\n// description: A test.\n"+tt.header+tt.body)
			if err != nil {
				t.Fatal(err)
			}
			if got := ParamsCommand(q); got != tt.want {
				t.Errorf("ParamsCommand = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBody(t *testing.T) {
	q, err := Parse("t.cypher", "// name: t\n// description: A test.\n// a plain comment\nMATCH (n)\n// inside\nRETURN n\n")
	if err != nil {
		t.Fatal(err)
	}
	if want := "MATCH (n)\n// inside\nRETURN n"; q.Body() != want {
		t.Errorf("Body = %q, want %q", q.Body(), want)
	}
}

var (
	slideRE = regexp.MustCompile(`(?s)<slide [^>]*data-query="([^"]+)"[^>]*>(.*?)</slide>`)
	blockRE = regexp.MustCompile(`(?s)<pre [^>]*data-block="(params|query)">(.*?)</pre>`)
	linkRE  = regexp.MustCompile(`<a exec-topic="([^"]+)"><b>([^<]+)</b></a>`)
)

// TestGuide checks the guide of every saved query: a slide each, in order,
// whose blocks hold, once unescaped, exactly the :params command and the
// query, and a link from the first slide that opens it.
func TestGuide(t *testing.T) {
	all := All()
	var buf bytes.Buffer
	const url = "http://127.0.0.1:7474/actorgraph/guide.html"
	if err := Guide(&buf, all, GuideOptions{URL: url, StyleURL: "http://127.0.0.1:7474/actorgraph/actorgraph.grass"}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	slides := slideRE.FindAllStringSubmatch(page, -1)
	links := linkRE.FindAllStringSubmatch(page, -1)
	if len(slides) != len(all) || len(links) != len(all) {
		t.Fatalf("guide has %d slides and %d links for %d queries", len(slides), len(links), len(all))
	}
	for i, q := range all {
		t.Run(q.Name, func(t *testing.T) {
			if slides[i][1] != q.Name {
				t.Fatalf("slide %d is %s", i+1, slides[i][1])
			}
			blocks := map[string]string{}
			for _, b := range blockRE.FindAllStringSubmatch(slides[i][2], -1) {
				blocks[b[1]] = html.UnescapeString(b[2])
			}
			if blocks["params"] != ParamsCommand(q) {
				t.Errorf("params block %q, want %q", blocks["params"], ParamsCommand(q))
			}
			if blocks["query"] != q.Body() {
				t.Errorf("query block %q, want %q", blocks["query"], q.Body())
			}
			// Slide 0 is the list, so the query's slide is i+1.
			if want := "guide " + url + "#slide-" + strconv.Itoa(i+1); html.UnescapeString(links[i][1]) != want || links[i][2] != q.Name {
				t.Errorf("link %q to %q, want %q to %s", links[i][2], links[i][1], want, q.Name)
			}
		})
	}
	if !strings.Contains(page, ":style http://127.0.0.1:7474/actorgraph/actorgraph.grass") {
		t.Error("no :style block")
	}
}

func TestGuideWithoutURLHasNoLinks(t *testing.T) {
	var buf bytes.Buffer
	if err := Guide(&buf, All(), GuideOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "exec-topic") || strings.Contains(buf.String(), ":style") {
		t.Errorf("guide without URL and style links to slides or styles:\n%s", buf.String())
	}
}
