package workday

import (
	"testing"
	"time"
)

func TestDueHours(t *testing.T) {
	c := New(nil)
	h := DefaultHours() // 07:30–11:30, 13:30–17:00, cut-off 15:00
	vn := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, Loc)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		recv  string
		hours int
		want  string
	}{
		{"2026-03-10 08:00", 2, "2026-03-10 10:00"},  // inside the morning
		{"2026-03-10 10:00", 4, "2026-03-10 16:00"},  // 1 h 30 before lunch, 2 h 30 after
		{"2026-03-10 09:30", 2, "2026-03-10 11:30"},  // ends on the lunch break: stays at 11:30
		{"2026-03-10 12:00", 1, "2026-03-10 14:30"},  // received at lunch: counts from 13:30
		{"2026-03-10 06:00", 8, "2026-03-11 08:00"},  // 7 h 30 in a day: 30 min the next morning
		{"2026-03-10 14:00", 8, "2026-03-11 14:30"},  // 3 h today, 4 h + 1 h tomorrow
		{"2026-03-10 15:30", 1, "2026-03-11 08:30"},  // after the cut-off: next working day
		{"2026-03-13 14:00", 4, "2026-03-16 08:30"},  // Friday afternoon: 3 h, then 1 h on Monday
		{"2026-04-29 14:00", 8, "2026-05-04 14:30"},  // 30/4, 1/5 off, then the weekend
		{"2026-03-10 10:00", 0, "2026-03-10 17:00"},  // same day
		{"2026-03-10 10:00", 15, "2026-03-12 10:00"}, // 5 h + 7 h 30 + 2 h 30
	} {
		if got := c.DueHours(vn(tc.recv), tc.hours, h, true); !got.Equal(vn(tc.want)) {
			t.Errorf("DueHours(%s, %d h) = %s, want %s", tc.recv, tc.hours, got.Format("2006-01-02 15:04"), tc.want)
		}
	}
	// Without the cut-off a dossier received at 16:00 starts at once: 1 h to 17:00.
	if got := c.DueHours(vn("2026-03-10 16:00"), 1, h, false); !got.Equal(vn("2026-03-10 17:00")) {
		t.Errorf("DueHours without cut-off = %s, want 17:00 the same day", got)
	}
}
