package namekey

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Vladimir Putin", "vladimir putin"},
		{"VLADIMIR PUTIN", "vladimir putin"},
		{"  Vladimir   Putin ", "vladimir putin"},
		{"Vl\u0430dimir Putin", "vladimir putin"},      // Cyrillic а
		{"\u0420utin", "putin"},                        // Cyrillic Р
		{"Vladimir P\u0443tin", "vladimir pytin"},      // у looks like y, not u
		{"Владимир Путин", "владимир путин"},           // all Cyrillic: kept
		{"Zel\u00e9nsky", "zelensky"},                  // NFC é
		{"Zele\u0301nsky", "zelensky"},                 // NFD é
		{"Putin\u202e", "putin"},                       // bidi override
		{"\ufeffPutin", "putin"},                       // byte-order mark
		{"Pu\u200btin", "putin"},                       // zero-width space
		{"Putin's", "putin"},                           // possessive
		{"Putin\u2019s aides", "putin aides"},          // curly possessive
		{"Bill O'Reilly", "bill o reilly"},             // apostrophe
		{"The U.S.", "u s"},                            // leading the, dots
		{"Jean-Claude Juncker", "jean claude juncker"}, // hyphen
		{"Ὀδυσσεύς", "οδυσσευς"},                       // Greek without Latin: kept
		{"", ""},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStrip(t *testing.T) {
	if got := Strip("\ufeffA\u202eB\u2066C\u00adD"); got != "ABCD" {
		t.Errorf("Strip = %q", got)
	}
	for _, r := range "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" {
		if !IsBidiControl(r) {
			t.Errorf("IsBidiControl(%U) = false", r)
		}
	}
	if IsBidiControl('a') {
		t.Error("IsBidiControl('a')")
	}
}

// FuzzKey checks that Key gives one key for the NFC and NFD forms of a
// name, and that a key holds no upper-case letter, format character or
// Cyrillic look-alike next to a Latin letter, and folds to itself.
func FuzzKey(f *testing.F) {
	for _, s := range []string{"Vladimir Putin", "Vl\u0430dimir", "The U.S.", "O'Reilly's", "\ufeff\u202e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if nfd := Key(norm.NFD.String(s)); nfd != k {
			t.Errorf("Key(%q) = %q but Key of its NFD form = %q", s, k, nfd)
		}
		if nfc := Key(norm.NFC.String(s)); nfc != k {
			t.Errorf("Key(%q) = %q but Key of its NFC form = %q", s, k, nfc)
		}
		for _, r := range k {
			if isFormat(r) || unicode.IsUpper(r) && unicode.ToLower(r) != r {
				t.Fatalf("Key(%q) = %q holds %U", s, k, r)
			}
		}
		// A key is already folded, but for a leading "the" it may repeat.
		if kk := Key(k); kk != k && !strings.HasPrefix(k, "the ") {
			t.Errorf("Key(Key(%q)) = %q, want %q", s, kk, k)
		}
	})
}
