package store

import (
	"context"
	"testing"
	"time"
)

func TestTimelinessAtTheMinute(t *testing.T) {
	due := vn(2026, 1, 8, 9, 0)
	for _, c := range []struct {
		end  time.Time
		want string
	}{
		{vn(2026, 1, 7, 16, 59), TimelyEarly},
		{vn(2026, 1, 8, 0, 0), TimelyOnTime},
		{vn(2026, 1, 8, 8, 59), TimelyOnTime},
		{due, TimelyOnTime},
		{due.Add(59*time.Second + 999*time.Millisecond), TimelyOnTime}, // still the due minute
		{due.Add(time.Minute), TimelyLate},
		{vn(2026, 1, 9, 8, 0), TimelyLate},
	} {
		if got := TimelinessAt(c.end, due); got != c.want {
			t.Errorf("ended %v, due %v: %s, want %s", c.end, due, got, c.want)
		}
	}
	if TimelinessName(TimelyEarly) != "Trước hạn" || TimelinessName(TimelyOnTime) != "Đúng hạn" ||
		TimelinessName(TimelyLate) != "Quá hạn" || TimelinessName(TimelyWithin) != "Trong hạn" || TimelinessName(TimelyOverdue) != "Quá hạn" {
		t.Error("timeliness names differ from FORMS.md")
	}
}

// TestResolvedTimeliness resolves dossiers at times around the due minute (3 working days:
// due Thursday 8 January 09:00) and around a rescheduled due (Monday 12 January 09:00).
func TestResolvedTimeliness(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for _, c := range []struct {
		name       string
		reschedule bool
		resolved   time.Time
		want       string
	}{
		{"day before due", false, vn(2026, 1, 7, 16, 0), TimelyEarly},
		{"due day, earlier", false, vn(2026, 1, 8, 8, 0), TimelyOnTime},
		{"the due minute", false, vn(2026, 1, 8, 9, 0), TimelyOnTime},
		{"one minute late", false, vn(2026, 1, 8, 9, 1), TimelyLate},
		{"rescheduled, late for the old due, early for the new", true, vn(2026, 1, 9, 10, 0), TimelyEarly},
		{"rescheduled, the new due minute", true, vn(2026, 1, 12, 9, 0), TimelyOnTime},
		{"rescheduled, a minute after the new due", true, vn(2026, 1, 12, 9, 1), TimelyLate},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := receive(t, s, lifeIntake(t, s, monday))
			if _, err := s.Handover(ctx, Action{Code: d.Code, By: "tiepnhan1", At: monday.Add(time.Hour)}, "tuphap"); err != nil {
				t.Fatal(err)
			}
			if c.reschedule {
				if _, err := s.Reschedule(ctx, Action{Code: d.Code, At: vn(2026, 1, 7, 8, 0)}, 2, "Chờ xác minh", ""); err != nil {
					t.Fatal(err)
				}
			}
			if d.Timeliness(vn(2026, 1, 8, 9, 0)) != TimelyWithin || d.Timeliness(vn(2026, 1, 8, 9, 1)) != TimelyOverdue {
				t.Errorf("open dossier at the due minute / a minute later: %s / %s",
					d.Timeliness(vn(2026, 1, 8, 9, 0)), d.Timeliness(vn(2026, 1, 8, 9, 1)))
			}
			d, err := s.Resolve(ctx, Action{Code: d.Code, By: "tuphap", At: c.resolved, Note: "Đã cấp giấy xác nhận"})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Timeliness(time.Now()); got != c.want {
				t.Errorf("timeliness = %s, want %s (due %v, resolved %v)", got, c.want, d.DueAt, d.ResolvedAt)
			}
			if d.ResultNote != "Đã cấp giấy xác nhận" {
				t.Errorf("result note = %q", d.ResultNote)
			}
			// Returning later does not change it: the end is the resolution.
			d, err = s.Return(ctx, Action{Code: d.Code, At: c.resolved.Add(72 * time.Hour)}, Recipient{})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Timeliness(time.Now()); got != c.want {
				t.Errorf("after return: timeliness = %s, want %s", got, c.want)
			}
			n, err := s.BookCount(ctx, BookFilter{Query: d.Code, LateOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			if (n == 1) != (c.want == TimelyLate) {
				t.Errorf("LateOnly finds it %d times, timeliness %s", n, c.want)
			}
		})
	}
}
