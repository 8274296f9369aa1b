package postag

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// modelFile is prose's averaged-perceptron model in the dense binary form of
// encode. TestModelFile checks it against prose's own model and rewrites it
// with -update.
//
//go:embed model.bin
var modelFile []byte

// Features that take one string: a word, a suffix or a first byte. Their
// names are those prose gives them in its weights.
const (
	featWord       = iota // "i word": the normalized word
	featPrevWord          // "i-1 word"
	featPrev2Word         // "i-2 word"
	featNextWord          // "i+1 word"
	featNext2Word         // "i+2 word"
	featSuffix            // "i suffix": the last three bytes of the word as written
	featPrevSuffix        // "i-1 suffix": of the previous normalized word
	featNextSuffix        // "i+1 suffix": of the next normalized word
	featPref1             // "i pref1": the first byte of the word, as a rune
	numStringFeatures
)

var stringFeatureNames = [numStringFeatures]string{
	featWord:       "i word",
	featPrevWord:   "i-1 word",
	featPrev2Word:  "i-2 word",
	featNextWord:   "i+1 word",
	featNext2Word:  "i+2 word",
	featSuffix:     "i suffix",
	featPrevSuffix: "i-1 suffix",
	featNextSuffix: "i+1 suffix",
	featPref1:      "i pref1",
}

// Names of the features that take tags (and, for one, a word too).
const (
	featBias        = "bias"
	featPrevTag     = "i-1 tag"        // the previous token's tag
	featPrev2Tag    = "i-2 tag"        // the tag two tokens back
	featTagPair     = "i tag+i-2 tag"  // both of them
	featPrevTagWord = "i-1 tag+i word" // the previous tag and this normalized word
)

// ruleTags are the tags prose gives without its model, and the tags it
// starts a sentence with.
var ruleTags = []string{"-", "SYM", "NN", "-NONE-", "", "-START-", "-START2-"}

// maxLabels is the number of labels a score mask holds.
const maxLabels = 64

// noRow marks a feature that has no weights.
const noRow = -1

// model is prose's tagger model held densely: every feature string of its
// weights is interned to an id once, and every feature to a row of
// (label, weight) pairs.
type model struct {
	// tags are the tag strings: prose's classes first, in prose's order
	// (the first numLabels are the labels scores are kept for), then the
	// other tags that features name, such as "-START-".
	tags      []string
	numLabels int

	// Rows of weights, compressed: row r holds the pairs
	// weightLabel[rowStart[r]:rowStart[r+1]] with their weightValue.
	rowStart    []uint32
	weightLabel []uint8
	weightValue []float64

	// Interned strings (words, suffixes, first bytes and the words of
	// prose's tag dictionary), found through an open-addressing table.
	strData  string
	strStart []uint32
	slots    []uint32 // string id+1, 0 for an empty slot
	// strRows[id*numStringFeatures+f] is the row of feature f for string id.
	strRows []int32
	// lexTag is the tag prose's dictionary gives the word id, or -1.
	lexTag []int16
	// prevTagWord rows of string id: prevTagWordTag[k] (a tag id) with
	// prevTagWordRow[k] for k in prevTagWordStart[id]:prevTagWordStart[id+1].
	prevTagWordStart []uint32
	prevTagWordTag   []uint16
	prevTagWordRow   []int32

	// Rows of the tag features, by tag id.
	bias     int32
	prevTag  []int32
	prev2Tag []int32
	tagPair  []int32 // prev*len(tags) + prev2

	// pref1 is the row of "i pref1" for each first byte.
	pref1 [256]int32
}

// Errors of model files.
var (
	// errModelFormat is returned for a model file that is not one encode wrote.
	errModelFormat = errors.New("not a postag model")
	// errModelCorrupt is returned for a model file whose contents do not add up.
	errModelCorrupt = errors.New("corrupt postag model")
)

// buildModel makes the dense model from prose's: its weights (feature,
// then label), its dictionary of unambiguous words and its classes. The
// result does not depend on map order: strings and features are sorted.
func buildModel(weights map[string]map[string]float64, dict map[string]string, classes []string) (*model, error) {
	m := &model{tags: slices.Clone(classes)}
	tagID := map[string]int{}
	for i, c := range classes {
		if _, dup := tagID[c]; dup {
			return nil, fmt.Errorf("build model: class %q twice", c)
		}
		tagID[c] = i
	}
	addTag := func(t string) int {
		if id, ok := tagID[t]; ok {
			return id
		}
		tagID[t] = len(m.tags)
		m.tags = append(m.tags, t)
		return len(m.tags) - 1
	}

	// Parse every feature; collect the strings and tags they name.
	keys := make([]string, 0, len(weights))
	for k := range weights {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	feats := make([]feature, len(keys))
	strSet := map[string]bool{}
	var extraTags []string
	for i, k := range keys {
		f, err := parseFeature(k)
		if err != nil {
			return nil, fmt.Errorf("build model: %w", err)
		}
		switch f.kind {
		case "":
			strSet[f.str] = true
		case featPrevTagWord:
			strSet[f.str] = true
			extraTags = append(extraTags, f.tag)
		case featPrevTag, featPrev2Tag:
			extraTags = append(extraTags, f.tag)
		case featTagPair:
			extraTags = append(extraTags, f.tag, f.tag2)
		}
		feats[i] = f
	}
	dictWords := make([]string, 0, len(dict))
	for w, t := range dict {
		strSet[w] = true
		dictWords = append(dictWords, w)
		extraTags = append(extraTags, t)
	}
	slices.Sort(dictWords)
	// Labels come first among the extra tags so that they stay below maxLabels.
	var labels []string
	for _, k := range keys {
		for l := range weights[k] {
			labels = append(labels, l)
		}
	}
	slices.Sort(labels)
	for _, l := range slices.Compact(labels) {
		if addTag(l) >= maxLabels {
			return nil, fmt.Errorf("build model: more than %d labels", maxLabels)
		}
	}
	m.numLabels = len(m.tags)
	// The tags of prose's rules and of the sentence start, and "" (prose's
	// tag for a word no feature scores).
	extraTags = append(extraTags, ruleTags...)
	slices.Sort(extraTags)
	for _, t := range slices.Compact(extraTags) {
		addTag(t)
	}
	if len(m.tags) > math.MaxUint16 {
		return nil, fmt.Errorf("build model: %d tags", len(m.tags))
	}

	// Strings, sorted.
	strs := make([]string, 0, len(strSet))
	for s := range strSet {
		strs = append(strs, s)
	}
	slices.Sort(strs)
	strID := make(map[string]int, len(strs))
	var data strings.Builder
	m.strStart = make([]uint32, 0, len(strs)+1)
	for i, s := range strs {
		strID[s] = i
		m.strStart = append(m.strStart, uint32(data.Len()))
		data.WriteString(s)
	}
	m.strStart = append(m.strStart, uint32(data.Len()))
	m.strData = data.String()

	// Rows, in key order; the pairs of a row in label order.
	m.rowStart = make([]uint32, 0, len(feats)+1)
	for _, k := range keys {
		m.rowStart = append(m.rowStart, uint32(len(m.weightLabel)))
		ws := weights[k]
		ls := make([]string, 0, len(ws))
		for l := range ws {
			ls = append(ls, l)
		}
		slices.SortFunc(ls, func(a, b string) int { return tagID[a] - tagID[b] })
		for _, l := range ls {
			m.weightLabel = append(m.weightLabel, uint8(tagID[l]))
			m.weightValue = append(m.weightValue, ws[l])
		}
	}
	m.rowStart = append(m.rowStart, uint32(len(m.weightLabel)))

	// Features to rows.
	nt := len(m.tags)
	m.bias = noRow
	m.prevTag = filled(nt, noRow)
	m.prev2Tag = filled(nt, noRow)
	m.tagPair = filled(nt*nt, noRow)
	m.strRows = filled(len(strs)*numStringFeatures, noRow)
	pairs := make([][]int, len(strs)) // per string: feature indexes
	for r, f := range feats {
		switch f.kind {
		case "":
			m.strRows[strID[f.str]*numStringFeatures+f.strFeat] = int32(r)
		case featBias:
			m.bias = int32(r)
		case featPrevTag:
			m.prevTag[tagID[f.tag]] = int32(r)
		case featPrev2Tag:
			m.prev2Tag[tagID[f.tag]] = int32(r)
		case featTagPair:
			m.tagPair[tagID[f.tag]*nt+tagID[f.tag2]] = int32(r)
		case featPrevTagWord:
			pairs[strID[f.str]] = append(pairs[strID[f.str]], r)
		}
	}
	m.prevTagWordStart = make([]uint32, 0, len(strs)+1)
	for _, rs := range pairs {
		m.prevTagWordStart = append(m.prevTagWordStart, uint32(len(m.prevTagWordTag)))
		slices.SortFunc(rs, func(a, b int) int { return tagID[feats[a].tag] - tagID[feats[b].tag] })
		for _, r := range rs {
			m.prevTagWordTag = append(m.prevTagWordTag, uint16(tagID[feats[r].tag]))
			m.prevTagWordRow = append(m.prevTagWordRow, int32(r))
		}
	}
	m.prevTagWordStart = append(m.prevTagWordStart, uint32(len(m.prevTagWordTag)))
	m.lexTag = make([]int16, len(strs))
	for i := range m.lexTag {
		m.lexTag[i] = -1
	}
	for _, w := range dictWords {
		m.lexTag[strID[w]] = int16(tagID[dict[w]])
	}
	m.index()
	return m, nil
}

// feature is one parsed feature name.
type feature struct {
	kind      string // "" for a string feature, else featBias, featPrevTag, ...
	strFeat   int
	str       string
	tag, tag2 string
}

// parseFeature splits one of prose's feature names into its kind and values:
// prose joins them with spaces ("i-1 tag+i word NNP said"); tags hold none.
func parseFeature(k string) (feature, error) {
	if k == featBias {
		return feature{kind: featBias, strFeat: -1}, nil
	}
	for f, name := range stringFeatureNames {
		if v, ok := strings.CutPrefix(k, name+" "); ok {
			return feature{strFeat: f, str: v}, nil
		}
	}
	if v, ok := strings.CutPrefix(k, featPrevTagWord+" "); ok {
		tag, word, ok := strings.Cut(v, " ")
		if !ok {
			return feature{}, fmt.Errorf("feature %q: no word", k)
		}
		return feature{kind: featPrevTagWord, strFeat: -1, tag: tag, str: word}, nil
	}
	if v, ok := strings.CutPrefix(k, featTagPair+" "); ok {
		tag, tag2, ok := strings.Cut(v, " ")
		if !ok || strings.Contains(tag2, " ") {
			return feature{}, fmt.Errorf("feature %q: not two tags", k)
		}
		return feature{kind: featTagPair, strFeat: -1, tag: tag, tag2: tag2}, nil
	}
	for _, name := range []string{featPrevTag, featPrev2Tag} {
		if v, ok := strings.CutPrefix(k, name+" "); ok {
			if strings.Contains(v, " ") {
				return feature{}, fmt.Errorf("feature %q: not one tag", k)
			}
			return feature{kind: name, strFeat: -1, tag: v}, nil
		}
	}
	return feature{}, fmt.Errorf("feature %q: unknown kind", k)
}

func filled(n int, v int32) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// index builds the string table and the first-byte rows.
func (m *model) index() {
	n := len(m.strStart) - 1
	size := 1
	for size < 2*n {
		size <<= 1
	}
	m.slots = make([]uint32, size)
	mask := uint32(size - 1)
	for id := range n {
		i := hashString(m.str(int32(id))) & mask
		for m.slots[i] != 0 {
			i = (i + 1) & mask
		}
		m.slots[i] = uint32(id) + 1
	}
	var b [4]byte
	for c := range 256 {
		// prose writes string(w[0]): the byte taken as a rune.
		s := string(b[:encodeRune(b[:], rune(c))])
		m.pref1[c] = m.stringRow(lookup(m, s), featPref1)
	}
}

func encodeRune(b []byte, r rune) int {
	if r < 0x80 {
		b[0] = byte(r)
		return 1
	}
	b[0] = 0xC0 | byte(r>>6)
	b[1] = 0x80 | byte(r)&0x3F
	return 2
}

// str returns interned string id.
func (m *model) str(id int32) string {
	return m.strData[m.strStart[id]:m.strStart[id+1]]
}

// stringRow returns the row of feature f for string id, or noRow.
func (m *model) stringRow(id int32, f int) int32 {
	if id < 0 {
		return noRow
	}
	return m.strRows[int(id)*numStringFeatures+f]
}

// prevTagWordRowOf returns the row of "i-1 tag+i word" for tag and word id.
func (m *model) prevTagWordRowOf(tag, word int32) int32 {
	if tag < 0 || word < 0 {
		return noRow
	}
	for k := m.prevTagWordStart[word]; k < m.prevTagWordStart[word+1]; k++ {
		if t := int32(m.prevTagWordTag[k]); t >= tag {
			if t == tag {
				return m.prevTagWordRow[k]
			}
			break
		}
	}
	return noRow
}

// tagID returns the id of tag t, or -1 when no feature names it.
func (m *model) tagID(t string) int32 {
	for i, s := range m.tags {
		if s == t {
			return int32(i)
		}
	}
	return -1
}

// hashString is FNV-1a.
func hashString[S string | []byte](s S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// lookup returns the id of string s, or -1.
func lookup[S string | []byte](m *model, s S) int32 {
	mask := uint32(len(m.slots) - 1)
	for i := hashString(s) & mask; ; i = (i + 1) & mask {
		e := m.slots[i]
		if e == 0 {
			return -1
		}
		if id := int32(e - 1); m.str(id) == string(s) {
			return id
		}
	}
}

// The binary form: a magic line, then sections of little-endian numbers, each
// slice with its length first. Strings and weights are stored as they are
// held, so that decoding is a few copies.
const modelMagic = "actorgraph postag model 1\n"

// encode writes m in the binary form.
func (m *model) encode() []byte {
	var e encoder
	e.b = append(e.b, modelMagic...)
	e.u32(uint32(len(m.tags)))
	for _, t := range m.tags {
		e.str(t)
	}
	e.u32(uint32(m.numLabels))
	e.u32s(m.rowStart)
	e.bytes(m.weightLabel)
	e.u32(uint32(len(m.weightValue)))
	for _, v := range m.weightValue {
		e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v))
	}
	e.str(m.strData)
	e.u32s(m.strStart)
	e.i32s(m.strRows)
	e.u32(uint32(len(m.lexTag)))
	for _, t := range m.lexTag {
		e.b = binary.LittleEndian.AppendUint16(e.b, uint16(t))
	}
	e.u32s(m.prevTagWordStart)
	e.u32(uint32(len(m.prevTagWordTag)))
	for _, t := range m.prevTagWordTag {
		e.b = binary.LittleEndian.AppendUint16(e.b, t)
	}
	e.i32s(m.prevTagWordRow)
	e.i32s([]int32{m.bias})
	e.i32s(m.prevTag)
	e.i32s(m.prev2Tag)
	e.i32s(m.tagPair)
	return e.b
}

type encoder struct{ b []byte }

func (e *encoder) u32(v uint32) { e.b = binary.LittleEndian.AppendUint32(e.b, v) }

func (e *encoder) str(s string) {
	e.u32(uint32(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) bytes(s []byte) {
	e.u32(uint32(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) u32s(s []uint32) {
	e.u32(uint32(len(s)))
	for _, v := range s {
		e.u32(v)
	}
}

func (e *encoder) i32s(s []int32) {
	e.u32(uint32(len(s)))
	for _, v := range s {
		e.u32(uint32(v))
	}
}

// decodeModel reads the binary form and checks that every index in it is in
// range, so that tagging cannot go out of bounds.
func decodeModel(b []byte) (*model, error) {
	d := decoder{b: b}
	if !strings.HasPrefix(string(b), modelMagic) {
		return nil, errModelFormat
	}
	d.b = d.b[len(modelMagic):]
	m := &model{}
	m.tags = make([]string, d.count(4))
	for i := range m.tags {
		m.tags[i] = d.str()
	}
	m.numLabels = int(d.u32())
	m.rowStart = d.u32s()
	m.weightLabel = d.bytes()
	m.weightValue = d.f64s()
	m.strData = d.str()
	m.strStart = d.u32s()
	m.strRows = d.i32s()
	for _, v := range d.u16s() {
		m.lexTag = append(m.lexTag, int16(v))
	}
	m.prevTagWordStart = d.u32s()
	m.prevTagWordTag = d.u16s()
	m.prevTagWordRow = d.i32s()
	bias := d.i32s()
	m.prevTag = d.i32s()
	m.prev2Tag = d.i32s()
	m.tagPair = d.i32s()
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 || len(bias) != 1 {
		return nil, errModelCorrupt
	}
	m.bias = bias[0]
	if err := m.check(); err != nil {
		return nil, err
	}
	m.index()
	return m, nil
}

// check reports whether the tables of a decoded model fit together.
func (m *model) check() error {
	nt, rows, nstr := len(m.tags), len(m.rowStart)-1, len(m.strStart)-1
	ok := m.numLabels > 0 && m.numLabels <= maxLabels && m.numLabels <= nt &&
		rows >= 0 && nstr >= 0 &&
		ascending(m.rowStart, len(m.weightLabel)) && len(m.weightValue) == len(m.weightLabel) &&
		ascending(m.strStart, len(m.strData)) &&
		len(m.strRows) == nstr*numStringFeatures && len(m.lexTag) == nstr &&
		ascending(m.prevTagWordStart, len(m.prevTagWordTag)) && len(m.prevTagWordStart) == nstr+1 &&
		len(m.prevTagWordRow) == len(m.prevTagWordTag) &&
		len(m.prevTag) == nt && len(m.prev2Tag) == nt && len(m.tagPair) == nt*nt
	if !ok {
		return errModelCorrupt
	}
	for _, l := range m.weightLabel {
		if int(l) >= m.numLabels {
			return errModelCorrupt
		}
	}
	for _, t := range m.lexTag {
		if t < -1 || int(t) >= nt {
			return errModelCorrupt
		}
	}
	for _, t := range m.prevTagWordTag {
		if int(t) >= nt {
			return errModelCorrupt
		}
	}
	for _, rs := range [][]int32{m.strRows, m.prevTagWordRow, {m.bias}, m.prevTag, m.prev2Tag, m.tagPair} {
		for _, r := range rs {
			if r < noRow || int(r) >= rows {
				return errModelCorrupt
			}
		}
	}
	return nil
}

// ascending reports whether s starts at 0, never decreases and ends at end.
func ascending(s []uint32, end int) bool {
	if len(s) == 0 || s[0] != 0 || int(s[len(s)-1]) != end {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < s[i-1] {
			return false
		}
	}
	return true
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) take(n int) []byte {
	if d.err != nil || n < 0 || n > len(d.b) {
		d.err = errModelCorrupt
		return make([]byte, max(n, 0))
	}
	s := d.b[:n]
	d.b = d.b[n:]
	return s
}

func (d *decoder) u32() uint32 { return binary.LittleEndian.Uint32(d.take(4)) }

// count reads a length of elements of size bytes each that must fit in
// what is left.
func (d *decoder) count(size int) int {
	n := int(d.u32())
	if d.err == nil && n > len(d.b)/size {
		d.err = errModelCorrupt
	}
	if d.err != nil {
		return 0
	}
	return n
}

func (d *decoder) str() string { return string(d.bytes()) }

func (d *decoder) bytes() []byte { return d.take(d.count(1)) }

// The slices are read whole: one check of the length, then a loop.

func (d *decoder) u32s() []uint32 {
	n := d.count(4)
	b := d.take(4 * n)
	s := make([]uint32, n)
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s
}

func (d *decoder) i32s() []int32 {
	n := d.count(4)
	b := d.take(4 * n)
	s := make([]int32, n)
	for i := range s {
		s[i] = int32(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return s
}

func (d *decoder) u16s() []uint16 {
	n := d.count(2)
	b := d.take(2 * n)
	s := make([]uint16, n)
	for i := range s {
		s[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return s
}

func (d *decoder) f64s() []float64 {
	n := d.count(8)
	b := d.take(8 * n)
	s := make([]float64, n)
	for i := range s {
		s[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return s
}
