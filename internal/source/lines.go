package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// readLines reads JSON Lines of {"url", "title", "published", "text"}; other
// fields are kept as the article's properties. A bad line is a problem of
// its own, named by its line number.
func readLines(source string, data []byte, yield func(*Article, error) bool) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), len(data)+1)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", source, n)
		a, err := readRecord(line)
		if err != nil {
			if !yield(nil, &Problem{Source: where, Err: err}) {
				return false
			}
			continue
		}
		a.Source = where
		if !yield(a, nil) {
			return false
		}
	}
	if err := sc.Err(); err != nil {
		return yield(nil, &Problem{Source: source, Err: err})
	}
	return true
}

func readRecord(line []byte) (*Article, error) {
	var rec map[string]any
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	a := &Article{Kind: Lines}
	for k, v := range rec {
		s, ok := v.(string)
		switch k {
		case "url", "title", "published", "text":
			if !ok && v != nil {
				return nil, fmt.Errorf("%q is not a string", k)
			}
		}
		switch k {
		case "url":
			a.URL = s
		case "title":
			a.Title = strings.TrimSpace(s)
		case "published":
			d, err := ParseDate(s)
			if err != nil {
				return nil, fmt.Errorf("published: %w", err)
			}
			a.Published = d
		case "text":
			a.Text = strings.TrimSpace(s)
		default:
			if a.Props == nil {
				a.Props = map[string]string{}
			}
			if ok {
				a.Props[k] = s
			} else {
				b, _ := json.Marshal(v)
				a.Props[k] = string(b)
			}
		}
	}
	if a.Text == "" {
		return nil, fmt.Errorf(`%w: no "text"`, ErrNotArticle)
	}
	return a, nil
}

// dateLayouts are the forms of a publication date ParseDate takes.
var dateLayouts = []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", time.RFC822Z, time.RFC822, "January 2, 2006", "2 January 2006"}

// ParseDate reads a publication date and returns it as YYYY-MM-DD, in the
// time zone it was written in. An empty date is "".
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("%q is not a date", s)
}
