package extract

import (
	"testing"

	"github.com/actorgraph/actorgraph/internal/source"
)

func TestWhen(t *testing.T) {
	tests := []struct {
		name, pub, text string
		date, prec      string
		phrase          string
	}{
		// Published on Tuesday 2 December 2025.
		{"same weekday", "2025-12-02", "Putin met Witkoff on Tuesday.", "2025-12-02", "day", "Tuesday"},
		{"possessive weekday", "2025-12-02", "Witkoff will try to get buy-in from Putin at Tuesday's talks.", "2025-12-02", "day", "Tuesday"},
		{"past weekday", "2025-12-02", "Zelensky met Macron in Paris on Monday.", "2025-12-01", "day", "Monday"},
		{"weekday before", "2025-12-02", "Trump said on Sunday that a deal was near.", "2025-11-30", "day", "Sunday"},
		{"future weekday", "2025-12-02", "Umerov will meet Rubio on Friday.", "2025-12-05", "day", "Friday"},
		{"last weekday", "2025-12-02", "They met last Tuesday.", "2025-11-25", "day", "last Tuesday"},
		{"next weekday", "2025-12-02", "They meet next Monday.", "2025-12-08", "day", "next Monday"},
		{"yesterday", "2025-12-02", "Rubio met Umerov yesterday.", "2025-12-01", "day", "yesterday"},
		{"tomorrow", "2025-12-02", "Rubio meets Umerov tomorrow.", "2025-12-03", "day", "tomorrow"},
		{"today", "2025-12-02", "Putin meets Witkoff today.", "2025-12-02", "day", "today"},
		{"last week", "2025-12-02", "Putin said last week that a meeting was needed.", "2025-11-24", "week", "last week"},
		{"this week", "2025-12-02", "Erdogan met Orban earlier this week.", "2025-12-01", "week", "earlier this week"},
		{"weekend", "2025-12-02", "The delegation flew to Florida over the weekend to meet Rubio.", "2025-11-29", "weekend", "over the weekend"},
		{"day month", "2025-12-02", "Lavrov met Wang on 28 November.", "2025-11-28", "day", "28 November"},
		{"month day", "2025-12-02", "Lavrov met Wang on Nov. 28.", "2025-11-28", "day", "Nov. 28"},
		{"ordinal", "2025-12-02", "Lavrov met Wang on the 28th of November.", "2025-11-28", "day", "28th of November"},
		{"day month year", "2025-12-02", "They first met on 5 March 2019.", "2019-03-05", "day", "5 March 2019"},
		{"month day year", "2025-12-02", "They first met on March 5, 2019, in Geneva.", "2019-03-05", "day", "March 5, 2019"},
		{"in month past", "2025-12-02", "Putin met Trump in March.", "2025-03", "month", "in March"},
		{"in month future", "2025-12-02", "Putin will meet Trump in March.", "2026-03", "month", "in March"},
		{"in month of this year", "2025-12-02", "Putin met Trump in December.", "2025-12", "month", "in December"},
		{"late month", "2025-12-02", "The draft leaked in late November.", "2025-11", "month", "in late November"},
		{"month year", "2025-12-02", "They met in March 2024.", "2024-03", "month", "in March 2024"},
		{"year", "2025-12-02", "They met in 2023 in Minsk.", "2023", "year", "in 2023"},
		{"last month", "2025-12-02", "Xi met Lula last month.", "2025-11", "month", "last month"},
		{"last year", "2025-12-02", "Xi met Lula last year.", "2024", "year", "last year"},
		{"first of two", "2025-12-02", "Rubio met Umerov on Sunday after talks last week.", "2025-11-30", "day", "Sunday"},
		{"no date", "2025-12-02", "Witkoff met Putin in the Kremlin.", "2025-12-02", "day", ""},
		{"no month in Mar-a-Lago", "2025-12-02", "Trump met Orban at Mar-a-Lago.", "2025-12-02", "day", ""},
		{"May the verb", "2025-12-02", "Putin may meet Trump.", "2025-12-02", "day", ""},
		{"no such day", "2025-12-02", "They met on 31 November.", "2025-12-02", "day", ""},
		{"numbers are not dates", "2025-12-02", "The plan has 28 points and 600,000 troops.", "2025-12-02", "day", ""},

		// Month boundaries.
		{"yesterday over a month", "2025-03-01", "They met yesterday.", "2025-02-28", "day", "yesterday"},
		{"yesterday in a leap year", "2024-03-01", "They met yesterday.", "2024-02-29", "day", "yesterday"},
		{"weekday over a month", "2025-03-01", "They met on Friday.", "2025-02-28", "day", "Friday"},
		{"tomorrow over a month", "2025-04-30", "They meet tomorrow.", "2025-05-01", "day", "tomorrow"},
		{"last week over a month", "2025-10-01", "They met last week.", "2025-09-22", "week", "last week"},
		{"last month in January", "2026-01-15", "They met last month.", "2025-12", "month", "last month"},

		// Year boundaries.
		{"day month last year", "2026-01-02", "They met on 30 December.", "2025-12-30", "day", "30 December"},
		{"month last year", "2026-01-02", "They met in December.", "2025-12", "month", "in December"},
		{"weekday last year", "2026-01-02", "They met on Wednesday.", "2025-12-31", "day", "Wednesday"},
		{"last week over a year", "2026-01-02", "They met last week.", "2025-12-22", "week", "last week"},
		{"last year in January", "2026-01-02", "They met last year.", "2025", "year", "last year"},
		{"day month next year", "2025-12-30", "They will meet on 2 January.", "2026-01-02", "day", "2 January"},
		{"next month over a year", "2025-12-30", "They will meet next month.", "2026-01", "month", "next month"},
		{"next week over a year", "2025-12-30", "They will meet next week.", "2026-01-05", "week", "next week"},
		{"next weekday over a year", "2025-12-31", "They will meet on Friday.", "2026-01-02", "day", "Friday"},

		// Without a publication date only a full date is taken.
		{"no pub, full date", "", "They met on 28 November 2025.", "2025-11-28", "day", "28 November 2025"},
		{"no pub, weekday", "", "They met on Tuesday.", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := when(tt.text, tt.pub)
			if got.Date != tt.date || got.Precision != tt.prec || got.Phrase != tt.phrase {
				t.Errorf("when(%q, %q) = %+v, want %s %s %q", tt.text, tt.pub, got, tt.date, tt.prec, tt.phrase)
			}
		})
	}
}

// TestWhenAcrossTimeZones: a publication time is read in the publisher's
// zone, and the event is resolved against that day, not the UTC one.
func TestWhenAcrossTimeZones(t *testing.T) {
	tests := []struct{ stamp, text, want string }{
		{"2025-12-01T23:30:00-05:00", "They met yesterday.", "2025-11-30"}, // 2025-12-02 in UTC
		{"2025-12-02T01:30:00+09:00", "They met yesterday.", "2025-12-01"}, // 2025-12-01 in UTC
		{"2025-12-31T22:00:00-08:00", "They met on 30 December.", "2025-12-30"},
		{"2026-01-01T02:00:00+14:00", "They will meet tomorrow.", "2026-01-02"}, // still 2025 in UTC
		{"Tue, 02 Dec 2025 01:00:00 +0300", "They met today.", "2025-12-02"},
		{"2025-12-31T23:59:59Z", "They met in December.", "2025-12"},
	}
	for _, tt := range tests {
		t.Run(tt.stamp, func(t *testing.T) {
			pub, err := source.ParseDate(tt.stamp)
			if err != nil {
				t.Fatal(err)
			}
			if got := when(tt.text, pub); got.Date != tt.want {
				t.Errorf("published %s (%s): %q is %+v, want %s", tt.stamp, pub, tt.text, got, tt.want)
			}
		})
	}
}
