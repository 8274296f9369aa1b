package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// sniffLen is how much of an input Detect looks at.
const sniffLen = 4096

// Detect tells what data holds by its content: a feed, an HTML page, JSON
// Lines of articles or plain text. Data that is none of them (empty, binary,
// other JSON or XML) is an error that says what it is.
func Detect(data []byte) (Kind, error) {
	head := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 {
		return "", fmt.Errorf("%w: it is empty", ErrNotArticle)
	}
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	low := bytes.ToLower(head)
	switch head[0] {
	case '<':
		feed := firstIndex(low, "<rss", "<feed", "<rdf:rdf")
		page := firstIndex(low, "<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ", "<main", "<title")
		switch {
		case feed >= 0 && (page < 0 || feed < page):
			return Feed, nil
		case page >= 0:
			return HTML, nil
		}
		return "", errors.New("XML that is neither a feed nor a web page")
	case '{':
		if bytes.Contains(low, []byte("jsonfeed.org/version")) {
			return Feed, nil
		}
		line, _, _ := bytes.Cut(head, []byte("\n"))
		var rec map[string]json.RawMessage
		if json.Unmarshal(line, &rec) == nil {
			if _, ok := rec["text"]; ok {
				return Lines, nil
			}
			if _, ok := rec["url"]; ok {
				return Lines, nil
			}
		}
		return "", errors.New(`JSON, but not JSON Lines of articles ({"url", "title", "published", "text"} a line)`)
	case '[':
		return "", errors.New("a JSON array, not JSON Lines of articles")
	}
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(trimCut(data)) {
		return "", fmt.Errorf("%w: it is binary or not UTF-8", ErrBinary)
	}
	return Text, nil
}

// trimCut drops a rune cut at the end of a sniffed prefix.
func trimCut(b []byte) []byte {
	for i := 0; i < utf8.UTFMax && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return b
		}
		b = b[:len(b)-1]
	}
	return b
}

func firstIndex(s []byte, subs ...string) int {
	best := -1
	for _, sub := range subs {
		if i := bytes.Index(s, []byte(sub)); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// peek returns the first bytes of a file.
func peek(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	buf := make([]byte, sniffLen)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return buf[:n], nil
}

// notArticle says why a file of a folder is not read, from its first bytes,
// or "" when it is.
func notArticle(path string, head []byte) string {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".txt" || ext == ".text" {
		return ""
	}
	kind, err := Detect(head)
	if err != nil {
		return err.Error()
	}
	if kind == Text && ext != "" {
		return fmt.Sprintf("text, but not a .txt file (give %s by name to read it)", filepath.Base(path))
	}
	return ""
}

// Sniff tells what the file at path holds from its first bytes, as Detect.
func Sniff(path string) (Kind, error) {
	head, err := peek(path)
	if err != nil {
		return "", err
	}
	return Detect(head)
}
