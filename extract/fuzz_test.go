package extract

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// slowInput is how long one extraction may take in the fuzzer. The test
// articles take milliseconds.
const slowInput = 10 * time.Second

// FuzzExtract feeds Extract arbitrary text: it must not panic, it may fail
// only with ErrEmpty or ErrBinary, and what it returns must be a well-formed
// graph, the same every time.
func FuzzExtract(f *testing.F) {
	for _, text := range seedArticles(f) {
		f.Add(text)
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	x := extractor(f)
	f.Fuzz(func(t *testing.T, text []byte) {
		// A slow input would stall the fuzzer without a report: crash
		// instead, so that the input is saved.
		watchdog := time.AfterFunc(slowInput, func() {
			panic(fmt.Sprintf("Extract took more than %v on %d bytes: %q", slowInput, len(text), text))
		})
		defer watchdog.Stop()
		g, err := x.Extract("fuzz", text)
		if errors.Is(err, ErrBinary) {
			// Most mutations break UTF-8: go on with the text they leave, so
			// that the fuzzer reaches the pipeline.
			text = []byte(asText(text))
			g, err = x.Extract("fuzz", text)
			if errors.Is(err, ErrBinary) {
				t.Fatalf("Extract(%q): %v, want text", text, err)
			}
		}
		if err != nil {
			if !errors.Is(err, ErrEmpty) {
				t.Fatalf("Extract(%q): unexpected error %v", text, err)
			}
			if g != nil {
				t.Fatalf("Extract(%q) returned a graph and error %v", text, err)
			}
			return
		}
		for _, e := range checkInvariants(g) {
			t.Error(e)
		}
		for _, e := range g.Entities {
			if bad := strings.IndexFunc(e.Name, hiddenRune); bad >= 0 {
				t.Errorf("Extract(%q): actor name %q holds a control or format character", text, e.Name)
			}
		}
		again, err := x.Extract("fuzz", text)
		if err != nil {
			t.Fatalf("second Extract(%q) failed: %v", text, err)
		}
		if !reflect.DeepEqual(g, again) {
			t.Errorf("Extract(%q) gave two different graphs", text)
		}
	})
}

// seedArticles are the fuzz seeds from the shared articles: the mission
// article and every 20th BBC article (all of them would take the first
// seconds of every fuzz run to replay).
func seedArticles(f *testing.F) [][]byte {
	var out [][]byte
	for i, path := range articles(f) {
		if strings.Contains(path, "bbc") && i%20 != 0 {
			continue
		}
		text, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, text)
	}
	return out
}

// hiddenRune reports a control or format character (bidi controls, BOM,
// zero-width spaces).
func hiddenRune(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }

// FuzzClean feeds the cleaner arbitrary text: it must not panic, and what
// it returns holds no control or format character, no empty paragraph, is
// valid UTF-8 in NFC, the same every time, and the same with a byte-order
// mark before the text.
func FuzzClean(f *testing.F) {
	for _, text := range seedArticles(f) {
		f.Add(string(text))
	}
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		doc := clean(raw)
		lines := append([]string{doc.Title}, doc.Paragraphs...)
		for i, l := range lines {
			if i > 0 && l == "" {
				t.Errorf("clean(%q): empty paragraph %d", raw, i)
			}
			if strings.IndexFunc(l, hiddenRune) >= 0 {
				t.Errorf("clean(%q): %q holds a control or format character", raw, l)
			}
			if utf8.ValidString(raw) && !norm.NFC.IsNormalString(l) {
				t.Errorf("clean(%q): %q is not NFC", raw, l)
			}
			if l != strings.TrimSpace(l) {
				t.Errorf("clean(%q): %q has spaces around it", raw, l)
			}
		}
		if again := clean(raw); !reflect.DeepEqual(again, doc) {
			t.Errorf("clean(%q) gave two different documents", raw)
		}
		if bom := clean("\ufeff" + raw); !reflect.DeepEqual(bom, doc) && !strings.HasPrefix(raw, "\ufeff") {
			t.Errorf("clean(%q) with a byte-order mark before it differs:\n%+v\n%+v", raw, bom, doc)
		}
	})
}

// fuzzSeeds are small inputs that reach the corners of clean and extract.
var fuzzSeeds = []string{
	"",
	" \n\t",
	"Anna Berg met Tomas Lind.",
	"Title\n\nBy Jane Doe\n\nDecember 2, 2025\n\nAnna Berg met Tomas Lind.",
	"<u>x</u> **y** \\$1 [a](b) ## c",
	"**Kari Nord / POOL / NTB**",
	"From left: A. **B / C**",
	"— The Moscow Times (@MoscowTimes) December 2, 2025",
	"Embed:\nRead more: x\nOriginal url:\nhttps://example.com",
	"\"\"\"“”‘’''``",
	"( ( ( ) ) ) ,,,, ;;; :::",
	"Mr. Dr. U.S. W. 3.5. e.g. i.e.",
	"The the The 's 's '",
	"X, the head of Y, said \"Z\".",
	"Anna Berg's aide's envoy's adviser to the the President Tomas Lind.",
	"talks between",
	"talks with",
	"adviser to",
	"attack on",
	"said",
	"\"It is a disgrace,\" said",
	"The Russian president met the president.",
	"\u00a0\u200b\ufeff",
	"Zel\u0065\u0301nsky met \u00c9lise \u0130stanbul.",
	"A\x01B\x02C",
	"\x00",
	"\xff",
	"\ufeffTitle\n\nVl\u0430dimir Putin met \u202eDonald Trump\u202c.",
	"Ele\u0301onore Berg met To\u200bmas Lind.",
}

// asText makes b valid UTF-8 with no control characters but line breaks,
// tabs and form feeds.
func asText(b []byte) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(string(b), "\uFFFD"))
}
