package extract

// When an event happened: the date a sentence gives, resolved against the
// article's publication date, with its precision.

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Precisions of an event date.
const (
	PrecisionDay     = "day"
	PrecisionWeekend = "weekend" // the date is the Saturday
	PrecisionWeek    = "week"    // the date is the Monday
	PrecisionMonth   = "month"   // YYYY-MM
	PrecisionYear    = "year"    // YYYY
)

// eventDate is when the event of a sentence happened.
type eventDate struct {
	Date      string // YYYY-MM-DD, YYYY-MM or YYYY
	Precision string
	Phrase    string // the words that gave it, or "" when it is the publication date
}

const (
	reMonth = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	// Without a day, only full names: "in Mar-a-Lago" is no month.
	reMonthName = `(January|February|March|April|May|June|July|August|September|October|November|December)`
	reWeekday   = `(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
)

// dateExprs are the date expressions a sentence may hold, each with how it
// resolves. The first in the sentence is taken.
var dateExprs = []struct {
	re      *regexp.Regexp
	resolve func(m []string, pub time.Time, future bool) (time.Time, string, bool)
}{
	{regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`), func(m []string, _ time.Time, _ bool) (time.Time, string, bool) {
		t, err := time.Parse("2006-01-02", m[0])
		return t, PrecisionDay, err == nil
	}},
	{regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + reMonth + `(?:,?\s+(\d{4}))?\b`), func(m []string, pub time.Time, future bool) (time.Time, string, bool) {
		return dayMonth(m[1], m[2], m[3], pub, future)
	}},
	{regexp.MustCompile(`\b` + reMonth + `\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b(?:[^:\d]|$)`), func(m []string, pub time.Time, future bool) (time.Time, string, bool) {
		return dayMonth(m[2], m[1], m[3], pub, future)
	}},
	{regexp.MustCompile(`\b(?:in|since|during|until|last|this|next|early|late|mid-|in early|in late|in mid-|earlier in|later in)\s*` + reMonthName + `(?:\s+(\d{4}))?(?:[^-\w]|$)`), func(m []string, pub time.Time, future bool) (time.Time, string, bool) {
		mon, ok := month(m[1])
		if !ok {
			return time.Time{}, "", false
		}
		if m[2] != "" {
			y, _ := strconv.Atoi(m[2])
			return time.Date(y, mon, 1, 0, 0, 0, 0, time.UTC), PrecisionMonth, true
		}
		t := time.Date(pub.Year(), mon, 1, 0, 0, 0, 0, time.UTC)
		thisMonth := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)
		switch {
		case future && t.Before(thisMonth):
			t = t.AddDate(1, 0, 0)
		case !future && t.After(thisMonth):
			t = t.AddDate(-1, 0, 0)
		}
		return t, PrecisionMonth, true
	}},
	{regexp.MustCompile(`\b(?:in|since|during|until|by|of|from|early|late|mid-)\s+((?:19|20)\d{2})\b`), func(m []string, _ time.Time, _ bool) (time.Time, string, bool) {
		y, _ := strconv.Atoi(m[1])
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), PrecisionYear, true
	}},
	{regexp.MustCompile(`(?i)\b(today|tonight|this morning|this afternoon|this evening|earlier today|yesterday|last night|tomorrow)\b`), func(m []string, pub time.Time, _ bool) (time.Time, string, bool) {
		switch strings.ToLower(m[1]) {
		case "yesterday", "last night":
			return pub.AddDate(0, 0, -1), PrecisionDay, true
		case "tomorrow":
			return pub.AddDate(0, 0, 1), PrecisionDay, true
		}
		return pub, PrecisionDay, true
	}},
	{regexp.MustCompile(`\b(?:([Ll]ast|[Nn]ext|[Tt]his)\s+)?` + reWeekday + `\b`), func(m []string, pub time.Time, future bool) (time.Time, string, bool) {
		wd := weekdays[m[2]]
		switch strings.ToLower(m[1]) {
		case "last":
			return onOrBefore(pub.AddDate(0, 0, -1), wd), PrecisionDay, true
		case "next":
			return onOrAfter(pub.AddDate(0, 0, 1), wd), PrecisionDay, true
		}
		if future {
			return onOrAfter(pub, wd), PrecisionDay, true
		}
		return onOrBefore(pub, wd), PrecisionDay, true
	}},
	{regexp.MustCompile(`(?i)\b(?:(last|next|this|over the|at the|on the)\s+)(weekend)\b`), func(m []string, pub time.Time, future bool) (time.Time, string, bool) {
		switch strings.ToLower(m[1]) {
		case "last":
			return onOrBefore(pub.AddDate(0, 0, -1), time.Saturday), PrecisionWeekend, true
		case "next":
			return onOrAfter(pub.AddDate(0, 0, 1), time.Saturday), PrecisionWeekend, true
		}
		if future {
			return onOrAfter(pub, time.Saturday), PrecisionWeekend, true
		}
		return onOrBefore(pub, time.Saturday), PrecisionWeekend, true
	}},
	{regexp.MustCompile(`(?i)\b(last|next|this|earlier this|later this)\s+(week|month|year)\b`), func(m []string, pub time.Time, _ bool) (time.Time, string, bool) {
		step := 0
		switch strings.ToLower(m[1]) {
		case "last":
			step = -1
		case "next":
			step = 1
		}
		switch strings.ToLower(m[2]) {
		case "week":
			return onOrBefore(pub, time.Monday).AddDate(0, 0, 7*step), PrecisionWeek, true
		case "month":
			return time.Date(pub.Year(), pub.Month()+time.Month(step), 1, 0, 0, 0, 0, time.UTC), PrecisionMonth, true
		}
		return time.Date(pub.Year()+step, 1, 1, 0, 0, 0, 0, time.UTC), PrecisionYear, true
	}},
}

var weekdays = map[string]time.Weekday{
	"Sunday": time.Sunday, "Monday": time.Monday, "Tuesday": time.Tuesday, "Wednesday": time.Wednesday,
	"Thursday": time.Thursday, "Friday": time.Friday, "Saturday": time.Saturday,
}

// reFuture finds a sentence about what is still to come.
var reFuture = regexp.MustCompile(`(?i)\b(?:will|won't|shall|'ll|is expected to|are expected to|is due to|are due to|is set to|are set to|plans? to|planning to|is scheduled|are scheduled|scheduled for|is going to|are going to|upcoming|ahead of)\b`)

// when returns the date of the event a sentence tells of, resolved against
// the publication date pub (YYYY-MM-DD); without a date in the sentence it
// is the publication date. Without pub, only a date with its year is taken.
func when(text, pub string) eventDate {
	p, err := time.Parse("2006-01-02", pub)
	havePub := err == nil
	future := reFuture.MatchString(text)
	first, best := len(text)+1, eventDate{}
	for _, x := range dateExprs {
		for _, loc := range x.re.FindAllStringSubmatchIndex(text, -1) {
			if loc[0] >= first {
				break
			}
			m := make([]string, len(loc)/2)
			for i := range m {
				if loc[2*i] >= 0 {
					m[i] = text[loc[2*i]:loc[2*i+1]]
				}
			}
			if !havePub && !absolute(m) {
				continue
			}
			t, prec, ok := x.resolve(m, p, future)
			if !ok {
				continue
			}
			first, best = loc[0], eventDate{Date: format(t, prec), Precision: prec, Phrase: strings.TrimRight(strings.TrimSpace(m[0]), ".,;:)'\"")}
			break
		}
	}
	if best.Date == "" && havePub {
		return eventDate{Date: pub, Precision: PrecisionDay}
	}
	return best
}

// absolute reports whether a match names its year: it needs no
// publication date.
func absolute(m []string) bool {
	for _, s := range m[1:] {
		if len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) {
			return true
		}
	}
	return false
}

func format(t time.Time, prec string) string {
	switch prec {
	case PrecisionMonth:
		return t.Format("2006-01")
	case PrecisionYear:
		return t.Format("2006")
	}
	return t.Format("2006-01-02")
}

// dayMonth resolves "28 November" (with or without a year): without one,
// the last such day on or before pub, or for a future event the first on
// or after it.
func dayMonth(day, mon, year string, pub time.Time, future bool) (time.Time, string, bool) {
	d, err := strconv.Atoi(day)
	m, ok := month(mon)
	if err != nil || !ok || d < 1 || d > 31 {
		return time.Time{}, "", false
	}
	y := pub.Year()
	if year != "" {
		y, _ = strconv.Atoi(year)
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, "", false // 31 November
	}
	if year == "" {
		switch {
		case future && t.Before(pub):
			t = t.AddDate(1, 0, 0)
		case !future && t.After(pub):
			t = t.AddDate(-1, 0, 0)
		}
	}
	return t, PrecisionDay, true
}

func month(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if s == name || (len(s) >= 3 && strings.HasPrefix(name, s)) {
			return m, true
		}
	}
	return 0, false
}

func onOrBefore(t time.Time, wd time.Weekday) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) - int(wd) + 7) % 7))
}

func onOrAfter(t time.Time, wd time.Weekday) time.Time {
	return t.AddDate(0, 0, (int(wd)-int(t.Weekday())+7)%7)
}
