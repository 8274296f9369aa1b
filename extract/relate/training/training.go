// Package training builds the relation model of package relate from
// annotated articles: it reads gold graphs and their texts, labels every
// candidate pair of actors with what the gold graph says of it, learns the
// weights, and picks on the dev articles the confidence threshold that
// extraction uses by default.
package training

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/extract/evaluate"
	"github.com/actorgraph/actorgraph/extract/relate"
	"github.com/actorgraph/actorgraph/graph"
)

// Article is an annotated article: its gold graph and its text.
type Article struct {
	GoldPath string
	Gold     *evaluate.Gold
	TextPath string
	Text     []byte
}

// Source names where an article comes from, for scores per source: the
// corpus folder ("bbc/politics") or "modern".
func (a Article) Source() string {
	parts := strings.Split(filepath.ToSlash(a.Gold.Article), "/")
	switch {
	case len(parts) >= 3 && parts[0] == "bbc":
		return "bbc/" + parts[len(parts)-2]
	case len(parts) >= 2:
		return parts[0]
	}
	return "other"
}

// TextPath returns where the text of a gold graph's article is kept under
// testdata: BBC articles ("bbc/news/politics/x.txt") in testdata/bbc/,
// modern ones ("modern/x.txt") in testdata/modern/, others in testdata/.
func TextPath(testdata, article string) string {
	article = filepath.ToSlash(article)
	switch {
	case strings.HasPrefix(article, "bbc/"):
		return filepath.Join(testdata, "bbc", filepath.Base(article))
	case strings.HasPrefix(article, "modern/"):
		return filepath.Join(testdata, "modern", filepath.Base(article))
	}
	return filepath.Join(testdata, filepath.FromSlash(article))
}

// LoadDir reads every *.gold.json in dir (not in sub-folders) and the text of
// its article, found under testdata; the articles come sorted by gold path.
func LoadDir(dir, testdata string) ([]Article, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no .gold.json files", dir)
	}
	sort.Strings(paths)
	var out []Article
	var errs []error
	for _, p := range paths {
		a, err := LoadArticle(p, testdata)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, a)
	}
	return out, errors.Join(errs...)
}

// LoadArticle reads one gold graph and the text of its article.
func LoadArticle(goldPath, testdata string) (Article, error) {
	g, err := evaluate.LoadGold(goldPath)
	if err != nil {
		return Article{}, err
	}
	tp := TextPath(testdata, g.Article)
	text, err := os.ReadFile(tp)
	if err != nil {
		return Article{}, fmt.Errorf("gold graph %s: article text: %w", goldPath, err)
	}
	return Article{GoldPath: goldPath, Gold: g, TextPath: tp, Text: text}, nil
}

// Labeled is one article read up to the relation decision, with every
// candidate labelled from the gold graph.
type Labeled struct {
	Article    Article
	Graph      *graph.Graph // entities, no relations
	Candidates []extract.Candidate
	Examples   []relate.Example // one per candidate
	// Reachable counts the required gold relations that some candidate in
	// one of their evidence sentences could give; Required counts them all.
	Reachable, Required int
}

// Label reads an article with x and labels its candidates: a label holds
// when the gold graph has that relationship between the two actors and
// lists the sentence as its evidence. It is left out of training when the
// relationship is optional, or when the gold graph gives one sentence of
// evidence that is not this one (the reference files give only one).
func Label(x *extract.Extractor, a Article) (*Labeled, error) {
	g, cands, err := x.Candidates(a.TextPath, a.Text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.TextPath, err)
	}
	match := evaluate.Matches(a.Gold, g.Entities)
	gindex := map[string]int{}
	for i, e := range a.Gold.Entities {
		gindex[fold(e.Name)] = i
	}
	out := &Labeled{Article: a, Graph: g, Candidates: cands, Examples: make([]relate.Example, len(cands))}
	reached := map[int]bool{}
	for ci, c := range cands {
		ex := &out.Examples[ci]
		ex.Features = c.Features
		ga, okA := match[c.A]
		gb, okB := match[c.B]
		if !okA || !okB || ga == gb {
			continue
		}
		for ri, r := range a.Gold.Relations {
			src, dst := gindex[fold(r.Source)], gindex[fold(r.Target)]
			if !(src == ga && dst == gb || src == gb && dst == ga) {
				continue
			}
			l := relate.LabelOf(r.Type, src, ga)
			if r.Type.Symmetric() {
				l = relate.MetWith
			}
			stated := states(r.Evidence.List, c.Sentence)
			switch {
			case stated && r.Required():
				ex.Labels[l] = 1
				reached[ri] = true
			case ex.Labels[l] == 1:
			case !r.Required() || !stated && !r.Evidence.All:
				ex.Labels[l] = relate.Unknown
			}
		}
	}
	for ri, r := range a.Gold.Relations {
		if r.Required() {
			out.Required++
			if reached[ri] {
				out.Reachable++
			}
		}
	}
	return out, nil
}

// states reports whether a sentence of the article is one of the evidence
// sentences, allowing for different sentence splitting and punctuation.
func states(evidence []string, sentence string) bool {
	s := fold(sentence)
	for _, e := range evidence {
		e := fold(e)
		switch {
		case e == s:
			return true
		case len(e) >= 20 && strings.Contains(s, e), len(s) >= 20 && strings.Contains(e, s):
			return true
		}
	}
	return false
}

// fold lower-cases text and keeps only letters and digits, one space apart.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
			continue
		}
		space = true
	}
	return b.String()
}
