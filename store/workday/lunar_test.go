package workday

import (
	"strings"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, Loc) }

// Tết (lunar 1/1) as printed on Vietnamese calendars. 1968 is the year North Vietnam moved to UTC+7
// and held Tết on 29/1 while the Chinese calendar (and the South) had 30/1. 1985, 2007 and 2030 are
// the years where Vietnam and China differ today: China had 20/2/1985 (Vietnam a month earlier, 21/1,
// as Vietnam's leap month came in 1985 rather than late 1984), 18/2/2007 and 3/2/2030 (Vietnam a day
// earlier: the new moon falls between 23:00 and 24:00 UTC+7, which is after midnight in China).
var tetDates = []struct {
	year int
	date time.Time
}{
	{1900, day(1900, 1, 31)},
	{1901, day(1901, 2, 19)},
	{1902, day(1902, 2, 8)},
	// Before 1968 the calendar was reckoned at UTC+8 (issue 15): UTC+7 would give 28/1/1903,
	// 3/2/1935 and 1/2/1965.
	{1903, day(1903, 1, 29)},
	{1925, day(1925, 1, 24)},
	{1935, day(1935, 2, 4)},
	{1965, day(1965, 2, 2)},
	{1910, day(1910, 2, 10)},
	{1930, day(1930, 1, 30)},
	{1945, day(1945, 2, 13)},
	{1954, day(1954, 2, 3)},
	{1960, day(1960, 1, 28)},
	{1968, day(1968, 1, 29)},
	{1975, day(1975, 2, 11)},
	{1976, day(1976, 1, 31)},
	{1979, day(1979, 1, 28)},
	{1984, day(1984, 2, 2)},
	{1985, day(1985, 1, 21)},
	{1986, day(1986, 2, 9)},
	{1987, day(1987, 1, 29)},
	{1988, day(1988, 2, 17)},
	{1989, day(1989, 2, 6)},
	{1990, day(1990, 1, 27)},
	{1999, day(1999, 2, 16)},
	{2000, day(2000, 2, 5)},
	{2001, day(2001, 1, 24)},
	{2004, day(2004, 1, 22)},
	{2005, day(2005, 2, 9)},
	{2006, day(2006, 1, 29)},
	{2007, day(2007, 2, 17)},
	{2008, day(2008, 2, 7)},
	{2010, day(2010, 2, 14)},
	{2012, day(2012, 1, 23)},
	{2015, day(2015, 2, 19)},
	{2017, day(2017, 1, 28)},
	{2019, day(2019, 2, 5)},
	{2020, day(2020, 1, 25)},
	{2021, day(2021, 2, 12)},
	{2022, day(2022, 2, 1)},
	{2023, day(2023, 1, 22)},
	{2024, day(2024, 2, 10)},
	{2025, day(2025, 1, 29)},
	{2026, day(2026, 2, 17)},
	{2027, day(2027, 2, 6)},
	{2028, day(2028, 1, 26)},
	{2030, day(2030, 2, 2)},
	{2033, day(2033, 1, 31)},
	{2040, day(2040, 2, 12)},
	{2100, day(2100, 2, 9)},
}

func TestTet(t *testing.T) {
	for _, tc := range tetDates {
		got, err := ToSolar(LunarDate{Day: 1, Month: 1, Year: tc.year})
		if err != nil {
			t.Errorf("ToSolar(1/1/%d): %v", tc.year, err)
			continue
		}
		if !got.Equal(tc.date) {
			t.Errorf("Tết %d = %s, want %s", tc.year, got.Format(time.DateOnly), tc.date.Format(time.DateOnly))
		}
		if l := ToLunar(tc.date); l != (LunarDate{Day: 1, Month: 1, Year: tc.year}) {
			t.Errorf("ToLunar(%s) = %s, want 1/1/%d", tc.date.Format(time.DateOnly), l, tc.year)
		}
		// The eve is the last day of the previous lunar year's 12th month.
		if eve := ToLunar(tc.date.AddDate(0, 0, -1)); eve.Month != 12 || eve.Year != tc.year-1 || eve.Day < 29 {
			t.Errorf("day before Tết %d is %s, want 29 or 30/12/%d", tc.year, eve, tc.year-1)
		}
	}
}

// Giỗ Tổ Hùng Vương 1939 (10/3 âm lịch) was on 29/4/1939 at UTC+8 (UTC+7 gives 28/4), and the
// year's days off follow it.
func TestBefore1968IsUTC8(t *testing.T) {
	got, err := ToSolar(LunarDate{Day: 10, Month: 3, Year: 1939})
	if err != nil || !got.Equal(day(1939, 4, 29)) {
		t.Errorf("Giỗ Tổ 1939 = %s, %v; want 1939-04-29", got.Format(time.DateOnly), err)
	}
	if l := ToLunar(day(1965, 2, 1)); l != (LunarDate{Day: 30, Month: 12, Year: 1964}) {
		t.Errorf("ToLunar(1965-02-01) = %s, want 30/12/1964 (the eve of Tết 1965)", l)
	}
	found := false
	for _, d := range StatutoryDays(1939) {
		if strings.Contains(d.Name, "Giỗ Tổ") && d.Kind == Statutory {
			found = d.Date.Equal(day(1939, 4, 29))
		}
	}
	if !found {
		t.Error("the statutory days of 1939 do not hold Giỗ Tổ on 29/4/1939")
	}
}

// Other dates well known in Vietnam: Giỗ Tổ Hùng Vương (10/3), Trung thu (15/8), the month lengths
// that decide whether there is a "30 Tết", the leap months of recent years.
func TestKnownLunarDates(t *testing.T) {
	tests := []struct {
		lunar LunarDate
		solar time.Time
	}{
		{LunarDate{10, 3, 2023, false}, day(2023, 4, 29)}, // Giỗ Tổ on a Saturday
		{LunarDate{10, 3, 2024, false}, day(2024, 4, 18)},
		{LunarDate{10, 3, 2025, false}, day(2025, 4, 7)},
		{LunarDate{10, 3, 2026, false}, day(2026, 4, 26)},
		{LunarDate{15, 8, 2023, false}, day(2023, 9, 29)},
		{LunarDate{15, 8, 2024, false}, day(2024, 9, 17)},
		{LunarDate{15, 8, 2025, false}, day(2025, 10, 6)},
		{LunarDate{30, 12, 2023, false}, day(2024, 2, 9)},  // Tết Giáp Thìn had a 30 Tết
		{LunarDate{29, 12, 2024, false}, day(2025, 1, 28)}, // Tết Ất Tỵ had none
		{LunarDate{1, 2, 2023, false}, day(2023, 2, 20)},
		{LunarDate{1, 2, 2023, true}, day(2023, 3, 22)}, // 2023: leap 2nd month
		{LunarDate{1, 3, 2023, false}, day(2023, 4, 20)},
		{LunarDate{1, 6, 2025, false}, day(2025, 6, 25)},
		{LunarDate{1, 6, 2025, true}, day(2025, 7, 25)}, // 2025: leap 6th month
		{LunarDate{1, 7, 2025, false}, day(2025, 8, 23)},
		{LunarDate{1, 4, 2020, true}, day(2020, 5, 23)}, // 2020: leap 4th month
		{LunarDate{1, 6, 2017, true}, day(2017, 7, 23)}, // 2017: leap 6th month
	}
	for _, tc := range tests {
		got, err := ToSolar(tc.lunar)
		if err != nil || !got.Equal(tc.solar) {
			t.Errorf("ToSolar(%s) = %s, %v; want %s", tc.lunar, got.Format(time.DateOnly), err, tc.solar.Format(time.DateOnly))
		}
		if l := ToLunar(tc.solar); l != tc.lunar {
			t.Errorf("ToLunar(%s) = %s, want %s", tc.solar.Format(time.DateOnly), l, tc.lunar)
		}
	}
}

// Each of these years has exactly the one leap month given (0: none).
func TestLeapMonths(t *testing.T) {
	tests := []struct{ year, leap int }{
		{2017, 6}, {2018, 0}, {2020, 4}, {2021, 0}, {2023, 2}, {2024, 0}, {2025, 6}, {2026, 0},
	}
	for _, tc := range tests {
		for m := 1; m <= 12; m++ {
			_, err := ToSolar(LunarDate{Day: 1, Month: m, Year: tc.year, Leap: true})
			if (err == nil) != (m == tc.leap) {
				t.Errorf("ToSolar(1/%d nhuận/%d) error = %v; year's leap month is %d", m, tc.year, err, tc.leap)
			}
		}
	}
}

func TestToSolarRejectsMissingDates(t *testing.T) {
	tests := []struct {
		l    LunarDate
		want string // part of the message
	}{
		{LunarDate{1, 3, 2023, true}, "không có tháng 3 nhuận"},
		{LunarDate{1, 6, 2026, true}, "không có tháng 6 nhuận"},
		{LunarDate{30, 12, 2024, false}, "chỉ có 29 ngày"}, // no 30 Tết in 2025
		{LunarDate{31, 1, 2026, false}, "ngày phải từ 1 đến 30"},
		{LunarDate{0, 1, 2026, false}, "ngày phải từ 1 đến 30"},
		{LunarDate{1, 13, 2026, false}, "tháng phải từ 1 đến 12"},
		{LunarDate{1, 1, 1700, false}, "ngoài phạm vi"},
	}
	for _, tc := range tests {
		_, err := ToSolar(tc.l)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ToSolar(%+v) error = %v, want one saying %q", tc.l, err, tc.want)
		}
	}
}

// Every day from Tết 1900 to the end of 2100 converts to lunar and back, and consecutive days are
// consecutive lunar days: the next day is day+1 of the same month or day 1 of the next month (after
// a 29- or 30-day month), the leap month following its namesake.
func TestRoundTripEveryDay(t *testing.T) {
	prev := ToLunar(day(1900, 1, 30))
	if prev != (LunarDate{30, 12, 1899, false}) {
		t.Fatalf("ToLunar(1900-01-30) = %s, want 30/12/1899", prev)
	}
	end := day(2100, 12, 31)
	months := 0
	for d := day(1900, 1, 31); !d.After(end); d = addDays(d, 1) {
		l := ToLunar(d)
		back, err := ToSolar(l)
		if err != nil || !back.Equal(d) {
			t.Fatalf("%s → %s → %s, %v", d.Format(time.DateOnly), l, back.Format(time.DateOnly), err)
		}
		if l.Day == 1 {
			months++
			if prev.Day < 29 {
				t.Fatalf("%s: month before %s had %d days", d.Format(time.DateOnly), l, prev.Day)
			}
			var next LunarDate
			switch {
			case l.Leap:
				next = LunarDate{1, prev.Month, prev.Year, true}
			case prev.Month == 12:
				next = LunarDate{1, 1, prev.Year + 1, false}
			default:
				next = LunarDate{1, prev.Month + 1, prev.Year, false}
			}
			if l != next || (l.Leap && prev.Leap) {
				t.Fatalf("%s: %s follows %s", d.Format(time.DateOnly), l, prev)
			}
		} else if l != (LunarDate{prev.Day + 1, prev.Month, prev.Year, prev.Leap}) {
			t.Fatalf("%s: %s follows %s", d.Format(time.DateOnly), l, prev)
		}
		prev = l
	}
	// 201 years hold about 201 × 365.2425 / 29.530589 ≈ 2486 lunations.
	if months < 2480 || months > 2490 {
		t.Errorf("%d lunar months between 1900 and 2100", months)
	}
}

func TestLunarStringAndParse(t *testing.T) {
	tests := []struct {
		in   string
		want LunarDate
		out  string
	}{
		{"1/1/2026", LunarDate{1, 1, 2026, false}, "1/1/2026"},
		{"10/3/2026", LunarDate{10, 3, 2026, false}, "10/3/2026"},
		{" 10/03/2026 ", LunarDate{10, 3, 2026, false}, "10/3/2026"},
		{"1/2 nhuận/2023", LunarDate{1, 2, 2023, true}, "1/2 nhuận/2023"},
		{"1/2 NHUẬN/2023", LunarDate{1, 2, 2023, true}, "1/2 nhuận/2023"},
		{"1/2 nhua\u0302\u0323n/2023", LunarDate{1, 2, 2023, true}, "1/2 nhuận/2023"}, // decomposed (VNI/Telex)
		{"15/6 nhuan/2025", LunarDate{15, 6, 2025, true}, "15/6 nhuận/2025"},
		{"15/6n/2025", LunarDate{15, 6, 2025, true}, "15/6 nhuận/2025"},
		{"15/6/2025 nhuận", LunarDate{15, 6, 2025, true}, "15/6 nhuận/2025"},
	}
	for _, tc := range tests {
		got, err := ParseLunar(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseLunar(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
			continue
		}
		if s := got.String(); s != tc.out {
			t.Errorf("%+v.String() = %q, want %q", got, s, tc.out)
		}
	}
	for _, bad := range []string{"", "10/3", "10-3-2026", "a/3/2026", "1/2 nhuận/2023 nhuận", "30/12/2024",
		"1/3 nhuận/2023", "1/+2/2023", "1//2023", "99999/1/2026"} {
		if l, err := ParseLunar(bad); err == nil {
			t.Errorf("ParseLunar(%q) = %s, want an error", bad, l)
		}
	}
}

func FuzzToSolar(f *testing.F) {
	f.Add(1, 1, 2026, false)
	f.Add(1, 2, 2023, true)
	f.Add(30, 12, 2024, false)
	f.Add(-5, 0, 99999, true)
	f.Fuzz(func(t *testing.T, d, m, y int, leap bool) {
		l := LunarDate{Day: d, Month: m, Year: y, Leap: leap}
		s, err := ToSolar(l)
		if err != nil {
			return
		}
		if got := ToLunar(s); got != l {
			t.Errorf("ToSolar(%s) = %s, which is %s", l, s.Format(time.DateOnly), got)
		}
		if s.Location() != Loc || s.Hour() != 0 {
			t.Errorf("ToSolar(%s) = %s, not midnight in Loc", l, s)
		}
	})
}

func FuzzParseLunar(f *testing.F) {
	for _, s := range []string{"10/3/2026", "1/2 nhuận/2023", "15/6n/2025", "1/2/2023 nhuan", "//", "nhuận"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLunar(s)
		if err != nil {
			return
		}
		again, err := ParseLunar(l.String())
		if err != nil || again != l {
			t.Errorf("ParseLunar(%q) = %s, but reading that back gives %s, %v", s, l, again, err)
		}
	})
}
