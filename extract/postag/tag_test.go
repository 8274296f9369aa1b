package postag

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTag(t *testing.T) {
	tg := newTestTagger(t)
	tests := []struct {
		text string
		want string // word/TAG ...
	}{
		// prose's own TestTagSimple.
		{"Pierre Vinken, 61 years old, will join the board as a nonexecutive director Nov. 29.",
			"Pierre/NNP Vinken/NNP ,/, 61/CD years/NNS old/JJ ,/, will/MD join/VB the/DT board/NN as/IN a/DT nonexecutive/JJ director/NN Nov./NNP 29/CD ./."},
		{"Steve Witkoff met Vladimir Putin in Moscow.", "Steve/NNP Witkoff/NNP met/VBD Vladimir/NNP Putin/NNP in/IN Moscow/NNP ./."},
		// Rules before the model: links, e-mail, handles, emoticons, "-".
		{"See www.bbc.co.uk or mail news@bbc.co.uk - @bbc :-)", "See/VB www.bbc.co.uk/NN or/CC mail/NN news@bbc.co.uk/NN -/- @bbc/NN :-)/SYM"},
		// Words prose's dictionary tags without the model.
		{"The", "The/DT"},
		// A repeated span shares its tokens: the first "that" ends with the
		// tag of the second, as in prose.
		{"I said that that was it.", "I/PRP said/VBD that/DT that/DT was/VBD it/PRP ./."},
		{"", ""},
		{"   \n\t ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := show(tg.Tag(nil, tt.text))
			if got != tt.want {
				t.Errorf("Tag(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
			if prose := show(proseTag(t, tt.text)); prose != tt.want {
				t.Errorf("prose tags %q\n as %s\nwant %s", tt.text, prose, tt.want)
			}
		})
	}
}

func TestTagAppends(t *testing.T) {
	tg := newTestTagger(t)
	dst := tg.Tag(nil, "Hello.")
	dst = tg.Tag(dst, "Two words.")
	want := show(append(proseTag(t, "Hello."), proseTag(t, "Two words.")...))
	if got := show(dst); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Hello, world!", []string{"Hello", ",", "world", "!"}},
		{"They'll pay $100 (in cash).", []string{"They", "'ll", "pay", "$", "100", "(", "in", "cash", ")", "."}},
		{"Don't", []string{"Do", "n't"}},
		{"the U.S. and Mr. Smith", []string{"the", "U.S.", "and", "Mr.", "Smith"}},
		{"\u201cQuoted\u201d \u2018too\u2019", []string{`"`, "Quoted", `"`, "'too", "'"}},
		{"Blair&rsquo;s", []string{"Blair", "'s"}},
		{"smile :-) ok", []string{"smile", ":-)", "ok"}},
		{"a\u00a0b\tc\nd", []string{"a", "b", "c", "d"}},
		// prose drops a span that starts with a contraction it cannot split.
		{"'reasonable' 'sup", nil},
		{"'s", []string{"'s"}},
		{"(", []string{"("}},
		{"[[x]]", []string{"[", "[", "x", "]", "]"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			s := &scratch{spans: map[string]tokenRange{}}
			s.tokenize(tt.text)
			if !slices.Equal(s.words, tt.want) {
				t.Errorf("tokenize(%q) = %q, want %q", tt.text, s.words, tt.want)
			}
			if p, _ := proseTokens(tt.text); !slices.Equal(p, tt.want) {
				t.Errorf("prose tokenizes %q as %q, want %q", tt.text, p, tt.want)
			}
		})
	}
}

// Tests of the small functions against what they stand for.

var (
	internalRE = regexp.MustCompile(`^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$`)
	keepRE     = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// checkWord checks the word-level functions on w.
func checkWord(t *testing.T, w string) {
	t.Helper()
	if got, want := isSpecial(w), emoticons[w] || internalRE.MatchString(w); got != want {
		t.Errorf("isSpecial(%q) = %v, want %v", w, got, want)
	}
	if got, want := isBracketTag(w), keepRE.MatchString(w); got != want {
		t.Errorf("isBracketTag(%q) = %v, want %v", w, got, want)
	}
	if !mayBeLink(w) && linkPattern().MatchString(w) {
		t.Errorf("mayBeLink(%q) is false but the link pattern matches", w)
	}
	if w != "" && len(w) < 19 { // isInt is for short words, where nothing overflows
		_, err := strconv.Atoi(w)
		if got := isInt(w); got != (err == nil) {
			t.Errorf("isInt(%q) = %v, strconv.Atoi says %v", w, got, err)
		}
	}
	if got, want := string(appendLower(nil, w)), strings.ToLower(w); got != want {
		t.Errorf("appendLower(%q) = %q, want %q", w, got, want)
	}
	for _, ps := range [][]string{contractions, negations} {
		if got, want := contraction(w, ps), proseIndex(w, ps); got != want {
			t.Errorf("contraction(%q, %q) = %d, want %d", w, ps, got, want)
		}
	}
}

// proseIndex is prose's hasAnyIndex(strings.ToLower(w), ps), except that
// an index past the end of w (where prose panics) is -1.
func proseIndex(w string, ps []string) int {
	lower := strings.ToLower(w)
	for _, p := range ps {
		if idx := strings.Index(lower, p); idx >= 0 && len(lower) > len(p) {
			if idx > len(w) {
				return -1
			}
			return idx
		}
	}
	return -1
}

func TestWordFunctions(t *testing.T) {
	words := []string{
		"", "a", "U.S.", "u.s.", "U.S", "Mr.", "Mrs.", "Mrs", "MR.", "A.", "a.b.", "-LRB-", "-lrb-", "-LRBX-",
		"www.bbc.co.uk", "bbc.com", "3.5bn", "U.S.A", "e.g.", "a.b", "a.bc", "x.()", "1990", "-199", "+123", "+", "-",
		"12a4", "they'll", "THEY'LL", "don't", "DON'T", "İstanbul's", "ȺȺȺ's", "Ⱥ's", "'s", "n't", "'",
		"0", "*", "*T*", "*-12", "*EXP*-1",
	}
	for _, x := range articleLines(t, "../..", "../../testdata") {
		words = append(words, strings.Fields(x.text)...)
	}
	for _, w := range words {
		checkWord(t, w)
	}
}

func FuzzWordFunctions(f *testing.F) {
	for _, w := range []string{"U.S.", "they'll", "www.x.com", "-LRB-", "İ's", "1990", "*T*"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if utf8.ValidString(w) {
			checkWord(t, w)
		}
	})
}

// FuzzTag holds tokenizing and tagging to prose on any text.
func FuzzTag(f *testing.F) {
	for _, s := range []string{"Steve Witkoff met Vladimir Putin.", "\u201cNo,\u201d he said. \u2018Yes\u2019 :-) $5 (x)", "a a a", "I'm - 0 * -LRB- 1999 1990s half-time"} {
		f.Add(s)
	}
	tg := newTestTagger(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		words, ok := proseTokens(text)
		if !ok {
			return // prose panics on it
		}
		s := &scratch{spans: map[string]tokenRange{}}
		s.tokenize(text)
		if !slices.Equal(s.words, words) {
			t.Fatalf("tokenize(%q) = %q, prose %q", text, s.words, words)
		}
		if _, diff := mismatch(tg, text, proseTag(t, text)); diff != "" {
			t.Fatalf("Tag(%q): %s", text, diff)
		}
	})
}

// repoTexts are the lines of the articles in the repository.
func repoTexts(t *testing.T) []text {
	return articleLines(t, "../..", "../../testdata/bbc", "../../testdata/moscow-times-2025-12-02-witkoff-kushner-putin.txt")
}

// TestMatchesProse tags the articles in the repository and the golden
// sample with prose and with postag.
func TestMatchesProse(t *testing.T) {
	tg := newTestTagger(t)
	texts := repoTexts(t)
	for _, g := range readGolden(t) {
		texts = append(texts, g.text)
	}
	compareAll(t, tg, texts, func(i int) []Token { return proseTag(t, texts[i].text) })
}

// corpusDir is the whole BBC corpus, outside the repository: where
// $ACTORGRAPH_BBC_CORPUS says, else ../shared/corpus/bbc/news beside the
// checkout.
func corpusDir() string {
	if d := os.Getenv("ACTORGRAPH_BBC_CORPUS"); d != "" {
		return d
	}
	return "../../../shared/corpus/bbc/news"
}

// TestCorpusMatchesProse tags every line of the whole BBC corpus with prose
// and with postag, when the corpus is there.
func TestCorpusMatchesProse(t *testing.T) {
	dir := corpusDir()
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no BBC corpus at %s (set ACTORGRAPH_BBC_CORPUS)", dir)
	}
	if testing.Short() {
		t.Skip("the whole corpus takes a while")
	}
	tg := newTestTagger(t)
	texts := articleLines(t, dir, dir)
	compareAll(t, tg, texts, func(i int) []Token { return proseTag(t, texts[i].text) })
}

// The golden sample: prose's tags for one article in goldenEvery of the
// whole corpus, in testdata/sample.golden, so that tests without the corpus
// still see much of it. -update rewrites it from prose (it needs the corpus).

const (
	goldenFile  = "testdata/sample.golden"
	goldenEvery = 20
)

type goldenText struct {
	text
	tokens []Token
}

func TestGolden(t *testing.T) {
	if *update {
		writeGolden(t)
	}
	tg := newTestTagger(t)
	g := readGolden(t)
	if len(g) == 0 {
		t.Fatalf("%s holds no texts", goldenFile)
	}
	texts := make([]text, len(g))
	for i := range g {
		texts[i] = g[i].text
	}
	compareAll(t, tg, texts, func(i int) []Token { return g[i].tokens })
}

func writeGolden(t *testing.T) {
	dir := corpusDir()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".txt") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatalf("-update needs the BBC corpus: %v", err)
	}
	slices.Sort(files)
	var b strings.Builder
	b.WriteString("# prose v2.0.0's tokens and tags for the lines of one BBC article in " + strconv.Itoa(goldenEvery) + ".\n")
	b.WriteString("# Each text: a line '# FILE:LINE', the text after '> ', then WORD/TAG ... on one line.\n")
	for i := 0; i < len(files); i += goldenEvery {
		for _, x := range articleLines(t, dir, files[i]) {
			if strings.Contains(x.text, "\r") {
				t.Fatalf("%s: a carriage return would not survive the golden file", x.source)
			}
			fmt.Fprintf(&b, "\n# %s\n> %s\n%s\n", x.source, x.text, show(proseTag(t, x.text)))
		}
	}
	if err := os.WriteFile(goldenFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readGolden(t *testing.T) []goldenText {
	t.Helper()
	f, err := os.Open(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldenText
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	var cur *goldenText
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case l == "" || cur == nil && strings.HasPrefix(l, "# ") && !strings.Contains(l, ".txt:"):
		case strings.HasPrefix(l, "# "):
			out = append(out, goldenText{text: text{source: l[2:]}})
			cur = &out[len(out)-1]
		case strings.HasPrefix(l, "> ") && cur != nil:
			cur.text.text = l[2:]
		case cur != nil:
			for _, wt := range strings.Split(l, " ") {
				i := strings.LastIndexByte(wt, '/')
				if i < 0 {
					t.Fatalf("%s:%d: %q is not WORD/TAG", goldenFile, line, wt)
				}
				cur.tokens = append(cur.tokens, Token{Text: wt[:i], Tag: wt[i+1:]})
			}
			cur = nil
		default:
			t.Fatalf("%s:%d: unexpected line", goldenFile, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
