package source

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"
)

// feedWorkers is how many items of a feed are fetched at once, over all
// hosts; the Fetcher limits each host further.
const feedWorkers = 8

// item is the outcome of reading one feed item.
type item struct {
	a    *Article
	err  error
	done chan struct{}
}

// feed reads an RSS, Atom or JSON feed: every item's page is fetched and
// read, and the item's title and date stand in for the page's when it has
// none. Items whose URL or content is known are skipped and counted.
func (r *Reader) feed(ctx context.Context, source, final string, data []byte, yield func(*Article, error) bool) bool {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return yield(nil, &Problem{Source: source, Err: fmt.Errorf("read the feed: %w", err)})
	}
	base, _ := url.Parse(final)
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() { cancel(); wg.Wait() }() // a caller that stops early stops the fetches
	items := make([]*item, len(f.Items))
	sem := make(chan struct{}, feedWorkers)
	for i, it := range f.Items {
		items[i] = &item{done: make(chan struct{})}
		link := resolve(base, it.Link)
		if link != "" && r.Known.URL != nil && r.Known.URL(link) {
			r.known.Add(1)
			close(items[i].done)
			continue
		}
		wg.Add(1)
		go func(out *item, it *gofeed.Item, link string) {
			defer wg.Done()
			defer close(out.done)
			select {
			case sem <- struct{}{}:
				defer func() { <-sem }()
			case <-ctx.Done():
				out.err = ctx.Err()
				return
			}
			out.a, out.err = r.item(ctx, f, it, link)
		}(items[i], it, link)
	}
	for i, it := range items {
		<-it.done
		switch {
		case it.err != nil:
			where := resolve(base, f.Items[i].Link)
			if where == "" {
				where = fmt.Sprintf("%s item %d", source, i+1)
			}
			if !yield(nil, &Problem{Source: where, Err: it.err}) {
				return false
			}
		case it.a == nil:
		case r.Known.Hash != nil && r.Known.Hash(it.a.ID()):
			r.known.Add(1)
		default:
			if !yield(it.a, nil) {
				return false
			}
		}
	}
	return true
}

// item reads the page of one feed item, or the item's own content when it
// links to no page.
func (r *Reader) item(ctx context.Context, f *gofeed.Feed, it *gofeed.Item, link string) (*Article, error) {
	var a *Article
	if link == "" {
		content := it.Content
		if content == "" {
			content = it.Description
		}
		if strings.TrimSpace(content) == "" {
			return nil, fmt.Errorf("%w: the item has no link and no content", ErrNotArticle)
		}
		var err error
		if a, err = ReadHTML([]byte("<html><body><article>"+content+"</article></body></html>"), ""); err != nil {
			return nil, err
		}
	} else {
		data, final, err := r.fetch(ctx, link)
		if err != nil {
			return nil, err
		}
		kind, err := Detect(data)
		if err != nil {
			return nil, err
		}
		switch kind {
		case HTML:
			if a, err = ReadHTML(data, final); err != nil {
				return nil, err
			}
		case Text:
			a = &Article{Text: string(data), Kind: HTML}
		default:
			return nil, fmt.Errorf("%w: the item's page is a %s, not a page", ErrNotArticle, kind)
		}
		if a.URL == "" {
			a.URL = link // else the page's canonical address
		}
	}
	a.Source = link
	if a.Source == "" {
		a.Source = f.Link
	}
	if a.Title == "" {
		a.Title = strings.TrimSpace(it.Title)
	}
	if a.Published == "" {
		a.Published = itemDate(it)
	}
	if a.Site == "" || isHost(a.Site, link) {
		a.Site = strings.TrimSpace(f.Title)
	}
	return a, nil
}

// itemDate is the item's publication date, else its update date, in the
// time zone the feed writes it in (gofeed's parsed dates are in UTC).
func itemDate(it *gofeed.Item) string {
	for _, d := range []struct {
		text   string
		parsed *time.Time
	}{{it.Published, it.PublishedParsed}, {it.Updated, it.UpdatedParsed}} {
		if s, err := ParseDate(d.text); err == nil && s != "" {
			return s
		}
		if d.parsed != nil {
			return d.parsed.Format("2006-01-02")
		}
	}
	return ""
}

// isHost reports whether site is only the host of addr, not a name.
func isHost(site, addr string) bool {
	u, err := url.Parse(addr)
	return err == nil && (site == u.Host || site == u.Hostname())
}

// resolve makes a link absolute against the feed's address.
func resolve(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" || base == nil {
		return link
	}
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	return base.ResolveReference(u).String()
}
