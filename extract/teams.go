package extract

// Sports teams named by a place. In a report of a match, "England beat
// France" names two teams, organizations of the graph, not a country and a
// region; "Parma" in "against Parma" is a club, not a city.

import (
	"slices"
	"strings"
	"unicode"

	"github.com/actorgraph/actorgraph/graph"
)

// sportWords is how many different words of matches and results (class
// sport of cues.tsv) an article holds before its places may name teams:
// politics and awards "win" and "race" too, but seldom with five such words.
const sportWords = 5

// isSport reports whether the sentences read as a report of sport: they
// hold sportWords different words of matches and results, a score counting
// as one.
func (lx *lexicon) isSport(sents []sentence) bool {
	seen := map[string]bool{}
	for _, s := range sents {
		for _, t := range s.Tokens {
			w := t.Lower
			if isScore(w) {
				w = "score"
			} else if !slices.Contains(lx.cues[w], "sport") {
				continue
			}
			if seen[w] = true; len(seen) >= sportWords {
				return true
			}
		}
	}
	return false
}

// teamNames returns the countries and places that an article about sport
// uses as the names of teams: a name with a word of teams after it
// ("England coach", "Wales's backs"), a word of fixtures before it
// ("against France", "v Italy"), a result after it ("Wales beat", "Ireland
// 17-12"). One such use makes every mention of the name in the article the
// team's. When the article is not about sport, only a player's position
// after the name makes it a team's ("Liverpool winger Harry Kewell").
func (f *mentionFinder) teamNames(sents []sentence) map[string]bool {
	sport := f.lx.isSport(sents)
	var out map[string]bool
	for si := range sents {
		s := &sents[si]
		toks := s.Tokens
		for i := 0; i < len(toks); i++ {
			if i > 0 && f.isCapToken(toks[i-1]) || !f.isCapToken(toks[i]) {
				continue // a team's name is a whole run of capitalised words
			}
			k := f.placeEnd(toks, i)
			if k == i || k < len(toks) && f.isCapToken(toks[k]) {
				continue
			}
			if sport && f.teamContext(toks, i, k) || k < len(toks) && positions[toks[k].Lower] {
				if out == nil {
					out = map[string]bool{}
				}
				out[joinTokens(toks[i:k])] = true
			}
			i = k - 1
		}
	}
	return out
}

// placeEnd returns the end of the longest country, region or city name at
// i, or i.
func (f *mentionFinder) placeEnd(toks []token, i int) int {
	for k := min(len(toks), i+f.lx.maxPhrase); k > i; k-- {
		phrase := joinTokens(toks[i:k])
		if e, ok := f.lx.actors[phrase]; ok && e.Type == graph.Country {
			return k
		}
		switch f.lx.nonactors[phrase] {
		case "region", "city":
			return k
		}
	}
	return i
}

// positions are the places of players in a team, words of no other trade:
// a place right before one names a team in any article.
var positions = map[string]bool{"winger": true, "striker": true, "midfielder": true, "defender": true, "goalkeeper": true,
	"full-back": true, "centre-back": true, "fly-half": true, "scrum-half": true, "flanker": true}

// teamContext reports whether the name [i, k) stands where a team's does.
func (f *mentionFinder) teamContext(toks []token, i, k int) bool {
	has := func(at int, where string) bool {
		return at >= 0 && at < len(toks) && slices.Contains(f.lx.teamWords[toks[at].Lower], where)
	}
	after := k
	if after < len(toks) && toks[after].Lower == "'s" {
		if after+1 < len(toks) && f.isCapToken(toks[after+1]) {
			return false // "face France's Cyril Saulnier": a player's country
		}
		after++
	}
	return has(after, "after") || has(k, "verb") || has(i-1, "before") ||
		k < len(toks) && isScore(toks[k].Text) || i > 0 && isScore(toks[i-1].Text)
}

// isScore reports a score or result written with a hyphen: "17-18", "2-0".
func isScore(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	digits := func(s string) bool {
		return s != "" && len(s) <= 3 && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
	}
	return ok && digits(a) && digits(b)
}
