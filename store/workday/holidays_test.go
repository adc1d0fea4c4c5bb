package workday

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// listing writes days one per line as "2006-01-02 Mon kind name", for readable diffs.
func listing(days []Day) string {
	var b strings.Builder
	for _, d := range days {
		fmt.Fprintf(&b, "%s %s %s %s\n", d.Date.Format(time.DateOnly), d.Date.Format("Mon"), d.Kind, d.Name)
	}
	return b.String()
}

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// The years below are worked out by hand from a wall calendar: the weekday of each fixed date, the
// lunar dates from TestKnownLunarDates / TestTet, and art. 111(3): a day off on Saturday or Sunday
// gives the next Monday–Friday that is not already off, taking the weekend days in date order.
func TestStatutoryDays(t *testing.T) {
	tests := []struct {
		year int
		want string
	}{
		// 2023: 1/1 is a Sunday → Mon 2/1. Tết Quý Mão 22/1 is a Sunday, its eve 21/1 (30 Chạp, Chạp of
		// Nhâm Dần has 30 days) a Saturday; 23–25/1 are already off, so the eve's day is Thu 26/1 and
		// mùng 1's Fri 27/1. Giỗ Tổ 29/4 is a Saturday and 30/4 a Sunday; Mon 1/5 is itself a holiday,
		// so they are compensated on Tue 2/5 and Wed 3/5. 2/9 is a Saturday → 1/9 (Fri) is the
		// adjacent day and 2/9 is compensated on Mon 4/9.
		{2023, lines(
			"2023-01-01 Sun statutory Tết Dương lịch",
			"2023-01-02 Mon compensatory Nghỉ bù Tết Dương lịch",
			"2023-01-21 Sat tet Tết Nguyên đán (30 tháng Chạp)",
			"2023-01-22 Sun tet Tết Nguyên đán (mùng 1)",
			"2023-01-23 Mon tet Tết Nguyên đán (mùng 2)",
			"2023-01-24 Tue tet Tết Nguyên đán (mùng 3)",
			"2023-01-25 Wed tet Tết Nguyên đán (mùng 4)",
			"2023-01-26 Thu compensatory Nghỉ bù Tết Nguyên đán (30 tháng Chạp)",
			"2023-01-27 Fri compensatory Nghỉ bù Tết Nguyên đán (mùng 1)",
			"2023-04-29 Sat statutory Giỗ Tổ Hùng Vương (10/3 âm lịch)",
			"2023-04-30 Sun statutory Ngày Chiến thắng",
			"2023-05-01 Mon statutory Ngày Quốc tế Lao động",
			"2023-05-02 Tue compensatory Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)",
			"2023-05-03 Wed compensatory Nghỉ bù Ngày Chiến thắng",
			"2023-09-01 Fri statutory Quốc khánh (ngày liền kề)",
			"2023-09-02 Sat statutory Quốc khánh",
			"2023-09-04 Mon compensatory Nghỉ bù Quốc khánh",
		)},
		// 2025: Tết Ất Tỵ 29/1 (Wed); Chạp of Giáp Thìn has 29 days, so the eve is 29 Chạp (Tue 28/1);
		// mùng 4 is Sat 1/2 → Mon 3/2. Giỗ Tổ Mon 7/4; 30/4 Wed, 1/5 Thu; 2/9 is a Tuesday → 1/9.
		{2025, lines(
			"2025-01-01 Wed statutory Tết Dương lịch",
			"2025-01-28 Tue tet Tết Nguyên đán (29 tháng Chạp)",
			"2025-01-29 Wed tet Tết Nguyên đán (mùng 1)",
			"2025-01-30 Thu tet Tết Nguyên đán (mùng 2)",
			"2025-01-31 Fri tet Tết Nguyên đán (mùng 3)",
			"2025-02-01 Sat tet Tết Nguyên đán (mùng 4)",
			"2025-02-03 Mon compensatory Nghỉ bù Tết Nguyên đán (mùng 4)",
			"2025-04-07 Mon statutory Giỗ Tổ Hùng Vương (10/3 âm lịch)",
			"2025-04-30 Wed statutory Ngày Chiến thắng",
			"2025-05-01 Thu statutory Ngày Quốc tế Lao động",
			"2025-09-01 Mon statutory Quốc khánh (ngày liền kề)",
			"2025-09-02 Tue statutory Quốc khánh",
		)},
		// 2026: Tết Bính Ngọ 17/2 (Tue), eve 29 Chạp Mon 16/2, all five on weekdays. Giỗ Tổ is Sun 26/4
		// → Mon 27/4. 30/4 Thu, 1/5 Fri. 2/9 is a Wednesday → 1/9.
		{2026, lines(
			"2026-01-01 Thu statutory Tết Dương lịch",
			"2026-02-16 Mon tet Tết Nguyên đán (29 tháng Chạp)",
			"2026-02-17 Tue tet Tết Nguyên đán (mùng 1)",
			"2026-02-18 Wed tet Tết Nguyên đán (mùng 2)",
			"2026-02-19 Thu tet Tết Nguyên đán (mùng 3)",
			"2026-02-20 Fri tet Tết Nguyên đán (mùng 4)",
			"2026-04-26 Sun statutory Giỗ Tổ Hùng Vương (10/3 âm lịch)",
			"2026-04-27 Mon compensatory Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)",
			"2026-04-30 Thu statutory Ngày Chiến thắng",
			"2026-05-01 Fri statutory Ngày Quốc tế Lao động",
			"2026-09-01 Tue statutory Quốc khánh (ngày liền kề)",
			"2026-09-02 Wed statutory Quốc khánh",
		)},
		// 2027: Tết Đinh Mùi 6/2 is a Saturday, mùng 2 a Sunday; eve 29 Chạp Fri 5/2; mùng 3–4 are
		// Mon–Tue, so the weekend days are compensated on Wed 10/2 and Thu 11/2. Giỗ Tổ Fri 16/4.
		// 1/5 is a Saturday → Mon 3/5. 2/9 is a Thursday → 3/9 (Fri).
		{2027, lines(
			"2027-01-01 Fri statutory Tết Dương lịch",
			"2027-02-05 Fri tet Tết Nguyên đán (29 tháng Chạp)",
			"2027-02-06 Sat tet Tết Nguyên đán (mùng 1)",
			"2027-02-07 Sun tet Tết Nguyên đán (mùng 2)",
			"2027-02-08 Mon tet Tết Nguyên đán (mùng 3)",
			"2027-02-09 Tue tet Tết Nguyên đán (mùng 4)",
			"2027-02-10 Wed compensatory Nghỉ bù Tết Nguyên đán (mùng 1)",
			"2027-02-11 Thu compensatory Nghỉ bù Tết Nguyên đán (mùng 2)",
			"2027-04-16 Fri statutory Giỗ Tổ Hùng Vương (10/3 âm lịch)",
			"2027-04-30 Fri statutory Ngày Chiến thắng",
			"2027-05-01 Sat statutory Ngày Quốc tế Lao động",
			"2027-05-03 Mon compensatory Nghỉ bù Ngày Quốc tế Lao động",
			"2027-09-02 Thu statutory Quốc khánh",
			"2027-09-03 Fri statutory Quốc khánh (ngày liền kề)",
		)},
	}
	for _, tc := range tests {
		if got := listing(StatutoryDays(tc.year)); got != tc.want {
			t.Errorf("StatutoryDays(%d):\n%s\nwant:\n%s", tc.year, got, tc.want)
		}
		// Without overrides the calendar lists exactly the statutory days.
		if got := listing(New(nil).Holidays(tc.year)); got != tc.want {
			t.Errorf("New(nil).Holidays(%d):\n%s\nwant:\n%s", tc.year, got, tc.want)
		}
	}
}

// The day beside 2/9 by its weekday (art. 112(1)(đ)): Mon → 3/9; Tue, Wed, Fri, Sat → 1/9;
// Thu, Sun → 3/9.
// 1947 (anachronistic, but the rule applied): Giỗ Tổ 10/3 fell on 30/4, a Wednesday, after a leap 2nd
// month. The two share one line and the second gets the next free weekday, Friday 2/5.
func TestCoincidingStatutoryDays(t *testing.T) {
	var got []string
	for _, d := range StatutoryDays(1947) {
		if d.Date.Month() == time.April || d.Date.Month() == time.May {
			got = append(got, d.Date.Format("2006-01-02 Mon ")+string(d.Kind)+" "+d.Name)
		}
	}
	want := []string{
		"1947-04-30 Wed statutory Ngày Chiến thắng; Giỗ Tổ Hùng Vương (10/3 âm lịch)",
		"1947-05-01 Thu statutory Ngày Quốc tế Lao động",
		"1947-05-02 Fri compensatory Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("1947 April–May:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNationalDayPair(t *testing.T) {
	tests := []struct {
		year    int
		weekday time.Weekday // of 2/9, from a wall calendar
		other   int          // day of September
	}{
		{2024, time.Monday, 3},
		{2025, time.Tuesday, 1},
		{2026, time.Wednesday, 1},
		{2027, time.Thursday, 3},
		{2022, time.Friday, 1},
		{2023, time.Saturday, 1},
		{2029, time.Sunday, 3},
	}
	for _, tc := range tests {
		if w := day(tc.year, 9, 2).Weekday(); w != tc.weekday {
			t.Fatalf("2/9/%d is a %s, test table says %s", tc.year, w, tc.weekday)
		}
		var got []int
		for _, d := range StatutoryDays(tc.year) {
			if d.Date.Month() == time.September && d.Kind == Statutory {
				got = append(got, d.Date.Day())
			}
		}
		want := []int{tc.other, 2}
		if tc.other > 2 {
			want = []int{2, tc.other}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%d (2/9 %s): September days off %v, want %v", tc.year, tc.weekday, got, want)
		}
	}
}

// Every year 1900–2100 has its eleven statutory days (1/1, 5 Tết, Giỗ Tổ, 30/4, 1/5, 2/9 and its
// neighbour), one compensatory day per weekend one, none on a weekend, none twice.
func TestStatutoryDaysEveryYear(t *testing.T) {
	for y := 1900; y <= 2100; y++ {
		days := StatutoryDays(y)
		seen := map[time.Time]bool{}
		var fixed, weekend, comp int // counted per statutory day, also when two share a date
		for i, d := range days {
			if d.Date.Year() != y || seen[d.Date] || (i > 0 && !days[i-1].Date.Before(d.Date)) {
				t.Fatalf("%d: bad or unsorted entry %s %s", y, d.Date.Format(time.DateOnly), d.Name)
			}
			seen[d.Date] = true
			switch d.Kind {
			case Compensatory:
				comp++
				if isWeekend(d.Date) {
					t.Errorf("%d: compensatory day on a weekend: %s", y, d.Date.Format(time.DateOnly))
				}
			default:
				n := strings.Count(d.Name, "; ") + 1
				fixed += n
				if isWeekend(d.Date) {
					weekend += n
				} else {
					weekend += n - 1 // the second of two on one date is compensated too
				}
			}
		}
		// A compensatory day of 2/9 or 1/1 may not leave its year; none of them does in this range
		// (the latest holiday is 3/9), so the counts must match exactly.
		if fixed != 11 || comp != weekend {
			t.Errorf("%d: %d statutory days (want 11), %d on weekends, %d compensatory", y, fixed, weekend, comp)
		}
	}
}

// The Government's 2025 decisions as an admin would enter them: Tết 2025 ran to Sunday 2/2, so Monday
// 3/2 was worked (NotOff); 30/4–1/5 were joined by swapping Friday 2/5 (Extra) with Saturday 26/4
// (Workday).
var overrides2025 = []Override{
	{Date: day(2025, 2, 3), Kind: NotOff},
	{Date: day(2025, 5, 2), Kind: Extra, Name: "Nghỉ hoán đổi (làm bù thứ Bảy 26/4)"},
	{Date: time.Date(2025, 4, 26, 9, 15, 0, 0, time.UTC), Kind: Workday, Name: "Làm bù cho ngày 2/5"}, // any time that day
}

func TestHolidaysWithOverrides(t *testing.T) {
	c := New(overrides2025)
	want := lines(
		"2025-01-01 Wed statutory Tết Dương lịch",
		"2025-01-28 Tue tet Tết Nguyên đán (29 tháng Chạp)",
		"2025-01-29 Wed tet Tết Nguyên đán (mùng 1)",
		"2025-01-30 Thu tet Tết Nguyên đán (mùng 2)",
		"2025-01-31 Fri tet Tết Nguyên đán (mùng 3)",
		"2025-02-01 Sat tet Tết Nguyên đán (mùng 4)",
		"2025-04-07 Mon statutory Giỗ Tổ Hùng Vương (10/3 âm lịch)",
		"2025-04-26 Sat workday Làm bù cho ngày 2/5",
		"2025-04-30 Wed statutory Ngày Chiến thắng",
		"2025-05-01 Thu statutory Ngày Quốc tế Lao động",
		"2025-05-02 Fri extra Nghỉ hoán đổi (làm bù thứ Bảy 26/4)",
		"2025-09-01 Mon statutory Quốc khánh (ngày liền kề)",
		"2025-09-02 Tue statutory Quốc khánh",
	)
	if got := listing(c.Holidays(2025)); got != want {
		t.Errorf("Holidays(2025):\n%s\nwant:\n%s", got, want)
	}
	// The caller's copy is its own.
	h := c.Holidays(2025)
	h[0].Name = "changed"
	if c.Holidays(2025)[0].Name != "Tết Dương lịch" {
		t.Error("changing the returned slice changed the calendar")
	}
	// Overrides of another year do not leak.
	if got, want := listing(c.Holidays(2026)), listing(StatutoryDays(2026)); got != want {
		t.Errorf("Holidays(2026) with 2025 overrides:\n%s\nwant:\n%s", got, want)
	}
}

func TestIsWorkingDay(t *testing.T) {
	c := New(append([]Override{
		{Date: day(2026, 4, 27), Kind: Workday, Name: "Làm việc dù là ngày nghỉ bù"},
		{Date: day(2026, 3, 7), Kind: NotOff}, // a Saturday: "not off" does not make it a working day
	}, overrides2025...))
	tests := []struct {
		d    time.Time
		want bool
	}{
		{day(2025, 3, 12), true},                                // ordinary Wednesday
		{day(2025, 3, 15), false},                               // Saturday
		{day(2025, 3, 16), false},                               // Sunday
		{day(2025, 1, 29), false},                               // Tết
		{day(2025, 2, 3), true},                                 // compensatory day taken back (NotOff)
		{day(2025, 4, 26), true},                                // make-up Saturday
		{day(2025, 5, 2), false},                                // extra day off
		{day(2025, 9, 1), false},                                // 1/9 beside Quốc khánh
		{day(2026, 4, 27), true},                                // Workday override beats a compensatory day
		{day(2026, 3, 7), false},                                // NotOff Saturday
		{time.Date(2025, 4, 29, 17, 30, 0, 0, time.UTC), false}, // 00:30 on 30/4 in Vietnam
		{time.Date(2025, 4, 29, 16, 59, 0, 0, time.UTC), true},  // 23:59 on 29/4 in Vietnam
		{time.Date(2023, 5, 3, 10, 0, 0, 0, Loc), false},        // 2023's second compensatory day
		{time.Date(2023, 5, 4, 10, 0, 0, 0, Loc), true},         // the day after it
		{time.Date(2100, 12, 31, 10, 0, 0, 0, Loc), true},       // a Friday
		{time.Date(1900, 1, 31, 10, 0, 0, 0, Loc), false},       // Tết Canh Tý 1900
		{time.Date(2024, 12, 31, 23, 0, 0, 0, time.UTC), false}, // 06:00 on 1/1/2025 in Vietnam
		{time.Date(2026, 2, 16, 0, 0, 0, 0, Loc), false},        // 29 Tết Bính Ngọ
		{time.Date(2026, 2, 23, 0, 0, 0, 0, Loc), true},         // first working day after Tết 2026
		{time.Date(2026, 2, 13, 0, 0, 0, 0, Loc), true},         // last working day before it
		{time.Date(2026, 2, 14, 0, 0, 0, 0, Loc), false},        // Saturday
	}
	for _, tc := range tests {
		if got := c.IsWorkingDay(tc.d); got != tc.want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tc.d.Format(time.RFC3339), got, tc.want)
		}
	}
}

func TestNextAndAddWorkingDays(t *testing.T) {
	c := New(overrides2025)
	tests := []struct {
		from time.Time
		n    int
		want time.Time
	}{
		{time.Date(2025, 3, 12, 16, 0, 0, 0, Loc), 1, day(2025, 3, 13)},
		{day(2025, 3, 14), 1, day(2025, 3, 17)},   // Friday → Monday
		{day(2025, 3, 14), 0, day(2025, 3, 14)},   // n = 0: the date itself
		{day(2025, 3, 14), -3, day(2025, 3, 14)},  // negative n: the date itself
		{day(2025, 1, 24), 1, day(2025, 1, 27)},   // Fri before Tết → Mon 27/1
		{day(2025, 1, 27), 1, day(2025, 2, 3)},    // Tết 28/1–1/2, 3/2 worked (NotOff)
		{day(2025, 4, 25), 1, day(2025, 4, 26)},   // make-up Saturday
		{day(2025, 4, 29), 1, day(2025, 5, 5)},    // 30/4, 1/5, extra 2/5, weekend
		{day(2025, 4, 24), 5, day(2025, 5, 5)},    // 25, 26 (Sat), 28, 29, then 5/5
		{day(2025, 12, 31), 1, day(2026, 1, 2)},   // over the year end and 1/1
		{day(2025, 12, 30), 10, day(2026, 1, 14)}, // 31, 2, 5–9, 12–14
	}
	for _, tc := range tests {
		if got := c.AddWorkingDays(tc.from, tc.n); !got.Equal(tc.want) || got.Location() != Loc {
			t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tc.from.Format(time.RFC3339), tc.n, got, tc.want)
		}
		if tc.n == 1 {
			if got := c.NextWorkingDay(tc.from); !got.Equal(tc.want) {
				t.Errorf("NextWorkingDay(%s) = %s, want %s", tc.from.Format(time.RFC3339), got, tc.want)
			}
		}
	}
}

// The calendar is shared by the intake form's goroutines: concurrent first use of a year must be safe
// (run with -race) and give one answer.
func TestCalendarConcurrentUse(t *testing.T) {
	c := New(overrides2025)
	var wg sync.WaitGroup
	results := make([]string, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for y := 2024; y <= 2027; y++ {
				c.IsWorkingDay(day(y, 6, 1))
			}
			results[i] = listing(c.Holidays(2025))
		}()
	}
	wg.Wait()
	for i := range results {
		if results[i] != results[0] {
			t.Fatalf("goroutine %d saw\n%s\nothers\n%s", i, results[i], results[0])
		}
	}
}
