package postag

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jdkato/prose/v2"
)

// The reference: prose's own tokenizer and tagger.

var proseDocModel = sync.OnceValues(func() (*prose.Model, error) {
	doc, err := prose.NewDocument("Load the model.", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil, err
	}
	return doc.Model, nil
})

// proseTag tags text with prose, as extract did before postag.
func proseTag(t testing.TB, text string) []Token {
	t.Helper()
	model, err := proseDocModel()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := prose.NewDocument(text, prose.UsingModel(model), prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		t.Fatal(err)
	}
	var out []Token
	for _, tok := range doc.Tokens() {
		out = append(out, Token{Text: tok.Text, Tag: tok.Tag})
	}
	return out
}

// proseTokens tokenizes text with prose, or returns ok false if prose
// panics on it.
func proseTokens(text string) (words []string, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return nil, false
	}
	for _, tok := range doc.Tokens() {
		words = append(words, tok.Text)
	}
	return words, true
}

func newTestTagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// tieChoice is a token where prose's tag differs from ours because the two
// tags score the same: which of them prose picks depends on Go's map order.
type tieChoice struct {
	pos        int
	word       string
	ours, ref  string
	candidates []string
}

// mismatch compares our tagging of text with a reference tagging (prose's,
// now or in a golden file). It returns "" when they are the same, or when
// choosing differently at tied scores (as prose may on another run) gives
// the reference, listing those choices; else a description of the
// difference.
func mismatch(tg *Tagger, text string, ref []Token) (ties []tieChoice, diff string) {
	s := &scratch{spans: map[string]tokenRange{}, choose: map[int]int32{}}
	got := tg.tag(nil, text, s)
	if slices.Equal(got, ref) {
		return nil, ""
	}
	first := describe(got, ref)
	// Try other choices at the tied tokens, left to right, a few deep.
	var search func(depth int) bool
	search = func(depth int) bool {
		s.ties = s.ties[:0]
		got := tg.tag(nil, text, s)
		if slices.Equal(got, ref) {
			return true
		}
		if depth == 0 || len(got) != len(ref) {
			return false
		}
		for _, tie := range slices.Clone(s.ties) {
			if _, fixed := s.choose[tie.pos]; fixed {
				continue
			}
			for _, c := range tie.tags {
				s.choose[tie.pos] = c
				if search(depth - 1) {
					return true
				}
			}
			delete(s.choose, tie.pos)
		}
		return false
	}
	if !search(3) {
		return nil, first
	}
	s.ties = s.ties[:0]
	tg.tag(nil, text, s) // the ties under the choices found
	plain := tg.tag(nil, text, &scratch{spans: map[string]tokenRange{}, choose: map[int]int32{}})
	for _, pos := range sortedKeys(s.choose) {
		if ref[pos] == plain[pos] {
			continue
		}
		var cands []string
		for _, tie := range s.ties {
			if tie.pos == pos {
				for _, c := range tie.tags {
					cands = append(cands, tg.m.tags[c])
				}
			}
		}
		ties = append(ties, tieChoice{pos: pos, word: ref[pos].Text, ours: plain[pos].Tag, ref: ref[pos].Tag, candidates: cands})
	}
	return ties, ""
}

func sortedKeys(m map[int]int32) []int {
	var out []int
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// describe says where two taggings first differ.
func describe(got, want []Token) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			lo, hi := max(i-3, 0), min(i+4, len(got), len(want))
			return fmt.Sprintf("token %d: got %s, want %s (around: got %s, want %s)",
				i, show(got[i:i+1]), show(want[i:i+1]), show(got[lo:hi]), show(want[lo:hi]))
		}
	}
	return fmt.Sprintf("got %d tokens, want %d: got %s, want %s", len(got), len(want), show(got), show(want))
}

func show(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text + "/" + t.Tag)
	}
	return b.String()
}

// text is one input of the comparisons: a line of an article.
type text struct {
	source string // file:line
	text   string
}

// articleLines returns the non-blank lines of the .txt files in dirs (and
// in their subdirectories), named relative to base.
func articleLines(t testing.TB, base string, dirs ...string) []text {
	t.Helper()
	var out []text
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(base, path)
			for i, line := range strings.Split(string(b), "\n") {
				if strings.TrimSpace(line) != "" {
					out = append(out, text{source: fmt.Sprintf("%s:%d", filepath.ToSlash(rel), i+1), text: line})
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// compareAll holds our tagger to reference taggings of texts: the same tags,
// except where prose's own choice between tied scores went the other way.
// It reports every token whose best scores tie, with the tags prose gives it
// over several runs: where that is more than one, prose itself is not
// deterministic.
func compareAll(t *testing.T, tg *Tagger, texts []text, ref func(int) []Token) {
	t.Helper()
	tokens, differ := 0, 0
	type tiedToken struct {
		source, text, word string
		pos                int
		tags               []int32
	}
	type result struct {
		ties  []tieChoice
		diff  string
		tied  []tiedToken
		count int
	}
	// Texts are compared on every CPU, and reported in order.
	results := make([]result, len(texts))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(texts); i = int(next.Add(1) - 1) {
				x, want := texts[i], ref(i)
				r := &results[i]
				r.count = len(want)
				if r.ties, r.diff = mismatch(tg, x.text, want); r.diff != "" {
					continue
				}
				s := &scratch{spans: map[string]tokenRange{}, choose: map[int]int32{}}
				got := tg.tag(nil, x.text, s)
				for _, tie := range s.ties {
					r.tied = append(r.tied, tiedToken{x.source, x.text, got[tie.pos].Text, tie.pos, tie.tags})
				}
			}
		})
	}
	wg.Wait()
	var tied []tiedToken
	for i, r := range results {
		x := texts[i]
		tokens += r.count
		if r.diff != "" {
			t.Errorf("%s: %s", x.source, r.diff)
			continue
		}
		differ += len(r.ties)
		tied = append(tied, r.tied...)
		for _, c := range r.ties {
			t.Logf("%s: token %d %q: the reference has %s, postag %s (tied)", x.source, c.pos, c.word, c.ref, c.ours)
		}
	}
	varies := 0
	for _, x := range tied {
		var cands []string
		for _, c := range x.tags {
			cands = append(cands, tg.m.tags[c])
		}
		runs := proseRuns(t, x.text, x.pos)
		if len(runs) > 1 {
			varies++
		}
		t.Logf("%s: token %d %q: tied scores among %v; prose's tags in %d runs: %v", x.source, x.pos, x.word, cands, reruns, runs)
	}
	t.Logf("%d texts, %d tokens: %d with tied scores, %d of them tagged differently by prose from run to run; %d tagged differently by the reference",
		len(texts), tokens, len(tied), varies, differ)
}

// reruns is how many times proseRuns tags a text.
const reruns = 50

// proseRuns tags text with prose again and again and counts the tags it gives
// token pos: more than one shows that prose itself is not deterministic there.
func proseRuns(t *testing.T, text string, pos int) map[string]int {
	n := map[string]int{}
	for range reruns {
		if toks := proseTag(t, text); pos < len(toks) {
			n[toks[pos].Tag]++
		}
	}
	return n
}
