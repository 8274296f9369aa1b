package source

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// minText is the fewest characters of main text a page needs to be an
// article rather than an index, a login wall or an error page.
const minText = 200

// ReadHTML takes the main text and the metadata of a web page with
// trafilatura: the title, the publication date (JSON-LD,
// article:published_time, <time> and the like), the site and the URL.
// Navigation, banners, "read more" boxes and comments are left out. pageURL
// is the address the page was fetched from, or "" for a file.
func ReadHTML(data []byte, pageURL string) (*Article, error) {
	return readHTML(data, pageURL, true)
}

// readHTML is ReadHTML with trafilatura's fallback extractors (readability
// and the DOM distiller, for pages its own rules miss) on or off.
func readHTML(data []byte, pageURL string, fallback bool) (*Article, error) {
	opts := trafilatura.Options{
		EnableFallback:  fallback,
		ExcludeComments: true,
		Deduplicate:     true,
		HtmlDateMode:    trafilatura.Extensive,
	}
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil {
			opts.OriginalURL = u
		}
	}
	res, err := trafilatura.Extract(bytes.NewReader(data), opts)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotArticle, err)
	}
	text := paragraphs(res.ContentNode)
	if len(text) < minText {
		return nil, fmt.Errorf("%w: the page has %d characters of main text", ErrNotArticle, len(text))
	}
	m := res.Metadata
	a := &Article{URL: m.URL, Title: strings.TrimSpace(m.Title), Site: m.Sitename, Text: text, Kind: HTML}
	if a.URL == "" {
		a.URL = pageURL
	}
	if a.Site == "" {
		a.Site = m.Hostname
	}
	if a.Site == "" && a.URL != "" {
		if u, err := url.Parse(a.URL); err == nil {
			a.Site = u.Hostname()
		}
	}
	if !m.Date.IsZero() {
		// The date as the publisher wrote it, in its own time zone.
		a.Published = m.Date.Format("2006-01-02")
	}
	return a, nil
}

// blocks are the elements of trafilatura's content that make paragraphs.
var blocks = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true,
	"li": true, "item": true, "blockquote": true, "quote": true, "div": true, "section": true,
	"figcaption": true, "pre": true, "tr": true, "table": true, "list": true, "ul": true, "ol": true,
}

// paragraphs returns the text of trafilatura's content with a blank line
// between blocks, so every paragraph of the page is one of the text.
func paragraphs(root *html.Node) string {
	if root == nil {
		return ""
	}
	var out []string
	var cur strings.Builder
	flush := func() {
		if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "br", "lb":
				flush()
				return
			case "script", "style":
				return
			}
		}
		block := n.Type == html.ElementNode && blocks[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(root)
	flush()
	return strings.Join(out, "\n\n")
}
