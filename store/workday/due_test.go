package workday

import (
	"strings"
	"testing"
	"time"
)

func at0(y int, m time.Month, d, hh, mm int) time.Time { return time.Date(y, m, d, hh, mm, 0, 0, Loc) }

// Due dates worked out by hand with the default hours (07:30–11:30, 13:30–17:00, cut-off 15:00) on a
// wall calendar; the 2025 calendar carries the Government's swap (Sat 26/4 worked, Fri 2/5 off) and
// Mon 3/2 taken back (see overrides2025).
func TestDue(t *testing.T) {
	with := New(overrides2025)
	plain := New(nil)
	tests := []struct {
		name     string
		c        *Calendar
		received time.Time
		days     int
		want     time.Time
	}{
		{"issue 15: Mon 16:20 after cut-off, whole days Tue Wed Thu → Thu 17:00 (not Fri 07:30)",
			plain, at0(2026, 1, 26, 16, 20), 3, at0(2026, 1, 29, 17, 0)},
		{"at the cut-off 15:00 counts today", plain, at0(2025, 3, 12, 15, 0), 1, at0(2025, 3, 13, 15, 0)},
		{"15:01 counts from tomorrow: its end", plain, at0(2025, 3, 12, 15, 1), 1, at0(2025, 3, 13, 17, 0)},
		{"15:00:01 is after the cut-off", plain, time.Date(2025, 3, 12, 15, 0, 1, 0, Loc), 1, at0(2025, 3, 13, 17, 0)},
		{"in the morning: receipt time kept", plain, at0(2025, 3, 12, 9, 41), 2, at0(2025, 3, 14, 9, 41)},
		{"before opening: the whole day counts", plain, at0(2025, 3, 12, 6, 50), 1, at0(2025, 3, 12, 17, 0)},
		{"at the opening minute: the whole day counts", plain, at0(2025, 3, 12, 7, 30), 2, at0(2025, 3, 13, 17, 0)},
		{"11:29 is before lunch", plain, at0(2025, 3, 12, 11, 29), 1, at0(2025, 3, 13, 11, 29)},
		{"11:30 starts lunch → 13:30", plain, at0(2025, 3, 12, 11, 30), 1, at0(2025, 3, 13, 13, 30)},
		{"inside lunch → 13:30", plain, at0(2025, 3, 12, 12, 45), 2, at0(2025, 3, 14, 13, 30)},
		{"13:30 is the afternoon opening", plain, at0(2025, 3, 12, 13, 30), 1, at0(2025, 3, 13, 13, 30)},
		{"Friday → Monday", plain, at0(2025, 3, 14, 10, 0), 1, at0(2025, 3, 17, 10, 0)},
		{"Saturday: Monday is the day → Mon 17:00", plain, at0(2025, 3, 15, 9, 0), 1, at0(2025, 3, 17, 17, 0)},
		{"Sunday evening, 3 days: Mon Tue Wed", plain, at0(2025, 3, 16, 20, 0), 3, at0(2025, 3, 19, 17, 0)},
		{"Friday after cut-off, 3 days: Mon Tue Wed", plain, at0(2025, 3, 14, 15, 30), 3, at0(2025, 3, 19, 17, 0)},
		{"Fri before Tết 2026: 16/2–20/2 off, +2 → Tue 24/2", plain, at0(2026, 2, 13, 10, 0), 2, at0(2026, 2, 24, 10, 0)},
		{"during Tết 2026: Mon 23/2 is the day", plain, at0(2026, 2, 18, 9, 0), 1, at0(2026, 2, 23, 17, 0)},
		{"Fri 13/2/2026 after cut-off, 3 days across Tết: 23, 24, 25/2", plain, at0(2026, 2, 13, 16, 0), 3, at0(2026, 2, 25, 17, 0)},
		{"Thu 4/2/2027 after cut-off, 2 days: Tết 5–11/2 off → Fri 12/2, Mon 15/2", plain, at0(2027, 2, 4, 16, 0), 2, at0(2027, 2, 15, 17, 0)},
		{"make-up Saturday counts as a working day", with, at0(2025, 4, 25, 10, 0), 1, at0(2025, 4, 26, 10, 0)},
		{"received on the make-up Saturday", with, at0(2025, 4, 26, 9, 0), 1, at0(2025, 4, 28, 9, 0)},
		{"without the swap 25/4 +1 → Mon 28/4", plain, at0(2025, 4, 25, 10, 0), 1, at0(2025, 4, 28, 10, 0)},
		{"extra day off 2/5 skipped", with, at0(2025, 4, 29, 10, 0), 1, at0(2025, 5, 5, 10, 0)},
		{"without it 2/5 is due", plain, at0(2025, 4, 29, 10, 0), 1, at0(2025, 5, 2, 10, 0)},
		{"taken-back compensatory day 3/2/2025 is worked", with, at0(2025, 1, 24, 10, 0), 2, at0(2025, 2, 3, 10, 0)},
		{"…and off without the override", plain, at0(2025, 1, 24, 10, 0), 2, at0(2025, 2, 4, 10, 0)},
		{"year end: 31/12 +2 skips 1/1", plain, at0(2025, 12, 31, 14, 0), 2, at0(2026, 1, 5, 14, 0)},
		{"year end after cut-off: Fri 2/1 is the day", plain, at0(2025, 12, 31, 16, 0), 1, at0(2026, 1, 2, 17, 0)},
		{"30/4 after cut-off on 29/4, 2 days: 30/4 and 1/5 off → Fri 2/5, Mon 5/5", plain, at0(2025, 4, 29, 15, 30), 2, at0(2025, 5, 5, 17, 0)},
		{"N=0: closing time today", plain, at0(2025, 3, 12, 9, 0), 0, at0(2025, 3, 12, 17, 0)},
		{"N=0 at the cut-off", plain, at0(2025, 3, 12, 15, 0), 0, at0(2025, 3, 12, 17, 0)},
		{"N=0 after the cut-off: tomorrow's closing", plain, at0(2025, 3, 12, 16, 0), 0, at0(2025, 3, 13, 17, 0)},
		{"N=0 on a Saturday: Monday's closing", plain, at0(2025, 3, 15, 8, 0), 0, at0(2025, 3, 17, 17, 0)},
		{"received in UTC: 08:30Z is 15:30 in Vietnam", plain, time.Date(2025, 3, 12, 8, 30, 0, 0, time.UTC), 1, at0(2025, 3, 13, 17, 0)},
		{"15 working days across 30/4–1/5", plain, at0(2025, 4, 21, 8, 0), 15, at0(2025, 5, 14, 8, 0)},
	}
	for _, tc := range tests {
		got := tc.c.Due(tc.received, tc.days, DefaultHours())
		if !got.Equal(tc.want) || got.Location() != Loc {
			t.Errorf("%s: Due(%s, %d) = %s, want %s", tc.name, tc.received.Format(time.RFC3339), tc.days,
				got.Format(time.RFC3339), tc.want.Format(time.RFC3339))
		}
	}
}

// Without the cut-off (a procedure whose clock starts at receipt: FORMS-2025.md §3, the 15:00 rule
// governs the transfer, not the result), a dossier received after 15:00 counts from its receipt
// time; after closing or on a day off it still waits for the next opening.
func TestDueWithoutCutoff(t *testing.T) {
	plain := New(nil)
	for _, tc := range []struct {
		name     string
		received time.Time
		days     int
		want     time.Time
	}{
		{"16:20 keeps its time: Mon + 3 → Thu 16:20", at0(2026, 1, 26, 16, 20), 3, at0(2026, 1, 29, 16, 20)},
		{"same day after 15:00: today's closing", at0(2025, 3, 12, 16, 0), 0, at0(2025, 3, 12, 17, 0)},
		{"after closing: next day is whole → its end", at0(2025, 3, 12, 17, 30), 1, at0(2025, 3, 13, 17, 0)},
		{"Saturday → Monday's end", at0(2025, 3, 15, 9, 0), 1, at0(2025, 3, 17, 17, 0)},
		{"Fri 13/2/2026 16:00, 2 days across Tết → Tue 24/2 16:00", at0(2026, 2, 13, 16, 0), 2, at0(2026, 2, 24, 16, 0)},
	} {
		got := plain.DueWith(tc.received, tc.days, DefaultHours(), false)
		if !got.Equal(tc.want) {
			t.Errorf("%s: DueWith(%s, %d, no cut-off) = %s, want %s", tc.name, tc.received.Format(time.RFC3339), tc.days,
				got.Format(time.RFC3339), tc.want.Format(time.RFC3339))
		}
	}
}

// An agency with its own hours: 08:00–12:00, 13:00–16:30, cut-off 16:00.
func TestDueOwnHours(t *testing.T) {
	h := OfficeHours{Open: 8 * 60, LunchStart: 12 * 60, LunchEnd: 13 * 60, Close: 16*60 + 30, Cutoff: 16 * 60}
	c := New(nil)
	tests := []struct {
		received time.Time
		days     int
		want     time.Time
	}{
		{at0(2025, 3, 12, 7, 45), 1, at0(2025, 3, 12, 16, 30)},
		{at0(2025, 3, 12, 12, 30), 1, at0(2025, 3, 13, 13, 0)},
		{at0(2025, 3, 12, 15, 30), 1, at0(2025, 3, 13, 15, 30)}, // after 15:00 but before this cut-off
		{at0(2025, 3, 12, 16, 5), 1, at0(2025, 3, 13, 16, 30)},
		{at0(2025, 3, 12, 16, 5), 0, at0(2025, 3, 13, 16, 30)},
	}
	for _, tc := range tests {
		if got := c.Due(tc.received, tc.days, h); !got.Equal(tc.want) {
			t.Errorf("Due(%s, %d) = %s, want %s", tc.received.Format(time.RFC3339), tc.days, got.Format(time.RFC3339), tc.want.Format(time.RFC3339))
		}
	}
}

func TestClock(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Clock
		out  string
	}{
		{"07:30", 450, "07:30"},
		{"7:30", 450, "07:30"},
		{" 13:05 ", 785, "13:05"},
		{"17h00", 1020, "17:00"},
		{"00:00", 0, "00:00"},
		{"23:59", 1439, "23:59"},
	} {
		got, err := ParseClock(tc.in)
		if err != nil || got != tc.want || got.String() != tc.out {
			t.Errorf("ParseClock(%q) = %d (%s), %v; want %d (%s)", tc.in, got, got, err, tc.want, tc.out)
		}
	}
	for _, bad := range []string{"", "7", "24:00", "12:60", "7:5", "-1:30", "ab:cd", "123:00", "07:30:00"} {
		if k, err := ParseClock(bad); err == nil {
			t.Errorf("ParseClock(%q) = %s, want an error", bad, k)
		}
	}
	if s := DefaultHours().Open.String(); s != "07:30" {
		t.Errorf("default opening prints as %q", s)
	}
}

func TestValidateHours(t *testing.T) {
	if err := DefaultHours().Validate(); err != nil {
		t.Fatalf("default hours rejected: %v", err)
	}
	noLunch := DefaultHours()
	noLunch.LunchEnd = noLunch.LunchStart // an office open through lunch
	if err := noLunch.Validate(); err != nil {
		t.Errorf("no lunch break rejected: %v", err)
	}
	tests := []struct {
		change func(*OfficeHours)
		want   string
	}{
		{func(h *OfficeHours) { h.Open = h.LunchStart }, "Giờ mở cửa buổi sáng phải trước giờ nghỉ trưa"},
		{func(h *OfficeHours) { h.LunchEnd = h.LunchStart - 1 }, "Giờ bắt đầu nghỉ trưa"},
		{func(h *OfficeHours) { h.Close = h.LunchEnd }, "Giờ làm việc buổi chiều phải trước giờ đóng cửa"},
		{func(h *OfficeHours) { h.Cutoff = h.Close + 1 }, "Giờ chốt nhận hồ sơ"},
		{func(h *OfficeHours) { h.Cutoff = h.Open - 1 }, "Giờ chốt nhận hồ sơ"},
		{func(h *OfficeHours) { h.Close = 24 * 60 }, "Giờ đóng cửa không hợp lệ"},
		{func(h *OfficeHours) { h.Open = -5 }, "Giờ mở cửa buổi sáng không hợp lệ"},
	}
	for _, tc := range tests {
		h := DefaultHours()
		tc.change(&h)
		err := h.Validate()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Validate(%+v) = %v, want an error naming %q", h, err, tc.want)
		}
	}
}

// Due never panics, answers in Loc, never before receipt, on a working day, within office hours.
func FuzzDue(f *testing.F) {
	f.Add(int64(1769419200), 3, 450, 690, 810, 1020, 900) // 2026-01-26 16:20 +07
	f.Add(int64(0), 0, 0, 1, 1, 2, 1)
	f.Add(int64(-2208988800), 1, 450, 690, 810, 1020, 900)
	f.Fuzz(func(t *testing.T, unix int64, days, open, ls, le, cl, cut int) {
		h := OfficeHours{Clock(open), Clock(ls), Clock(le), Clock(cl), Clock(cut)}
		if h.Validate() != nil {
			h = DefaultHours()
		}
		// 1900–2100, the calendar's range; up to a year and a half of working days.
		const lo, hi = -2208988800, 4133980799
		unix = lo + (unix%(hi-lo)+(hi-lo))%(hi-lo)
		days = ((days % 400) + 400) % 400
		received := time.Unix(unix, 0)
		c := New(overrides2025)
		due := c.Due(received, days, h)
		if due.Location() != Loc || due.Before(received) {
			t.Fatalf("Due(%s, %d, %+v) = %s", received.In(Loc), days, h, due)
		}
		if !c.IsWorkingDay(due) {
			t.Fatalf("Due(%s, %d) = %s, not a working day", received.In(Loc), days, due)
		}
		if k := Clock(due.Hour()*60 + due.Minute()); k < h.Open || k > h.Close ||
			(k >= h.LunchStart && k < h.LunchEnd) {
			t.Fatalf("Due(%s, %d) = %s, outside office hours %+v", received.In(Loc), days, due, h)
		}
	})
}

func BenchmarkDue(b *testing.B) {
	c := New(overrides2025)
	h := DefaultHours()
	received := at0(2026, 1, 26, 16, 20)
	c.Due(received, 10, h) // years worked out once, as the running app would have them
	b.ReportAllocs()
	for b.Loop() {
		c.Due(received, 10, h)
	}
}
