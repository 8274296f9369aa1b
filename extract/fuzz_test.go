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
)

// slowInput is how long one extraction may take in the fuzzer. The test
// articles take milliseconds.
const slowInput = 10 * time.Second

// FuzzExtract feeds Extract arbitrary text: it must not panic, it may fail
// only with ErrEmpty or ErrBinary, and what it returns must be a well-formed
// graph, the same every time.
func FuzzExtract(f *testing.F) {
	for _, path := range articles(f) {
		text, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(text)
	}
	for _, s := range []string{
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
	} {
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
		again, err := x.Extract("fuzz", text)
		if err != nil {
			t.Fatalf("second Extract(%q) failed: %v", text, err)
		}
		if !reflect.DeepEqual(g, again) {
			t.Errorf("Extract(%q) gave two different graphs", text)
		}
	})
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
