package app

import (
	"strings"
	"testing"
	"time"

	"motcua/store/workday"
)

// TestTodayFollowsIntakesAndTheClock: "Việc hôm nay" counts the dossier just received at once,
// and counts it overdue on the clock's tick once its time has passed.
func TestTodayFollowsIntakesAndTheClock(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	before := u.today.desk.DueTodayCount + u.today.desk.DueTomorrowCount
	receive(t, u) // chứng thực: due today
	after := u.today.desk.DueTodayCount + u.today.desk.DueTomorrowCount
	if after != before+1 {
		t.Fatalf("after an intake the strip counts %d due, want %d", after, before+1)
	}
	// The afternoon passes with nobody touching the window: the dossier due today falls overdue.
	now = func() time.Time { return monday0815.Add(10 * time.Hour) }
	u.tick()
	if u.today.desk.OverdueCount == 0 || !strings.HasPrefix(u.today.overBtn.Text, "1 quá hạn") {
		t.Errorf("after the clock passed the due time the strip says %q", u.today.overBtn.Text)
	}
}

// TestNextWorkingDayIsNotTomorrowOnFriday: on Friday the next working day is Monday; the strip
// names it and does not say "ngày mai".
func TestNextWorkingDayIsNotTomorrowOnFriday(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	now = func() time.Time { return time.Date(2026, 1, 30, 9, 0, 0, 0, workday.Loc) } // Friday
	u.today.load()
	txt := u.today.nextBtn.Text
	if strings.Contains(txt, "ngày mai") || !strings.Contains(txt, "thứ Hai 02/02") {
		t.Errorf("on Friday the strip says %q, want Monday named", txt)
	}
	now = func() time.Time { return time.Date(2026, 1, 27, 9, 0, 0, 0, workday.Loc) } // Tuesday
	u.today.load()
	if txt := u.today.nextBtn.Text; !strings.Contains(txt, "ngày mai") {
		t.Errorf("on Tuesday the strip says %q, want ngày mai", txt)
	}
}
