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
		want Timeliness
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
		want       Timeliness
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

// A refused, withdrawn or stopped dossier has no timeliness (issue 15): not "Trước hạn" nor "Đúng
// hạn" however early it ended, nor "Quá hạn" however late; the late and early columns the book,
// the reports and the scorecards read are 0; the on-time rate counts only resolved dossiers.
func TestEndedDossiersHaveNoTimeliness(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		end  func(a Action) (Dossier, error)
		at   time.Time
	}{
		{"refused early", func(a Action) (Dossier, error) { return s.Refuse(ctx, a, "Không thuộc thẩm quyền") }, vn(2026, 1, 6, 9, 0)},
		{"withdrawn on the due day", func(a Action) (Dossier, error) { return s.Withdraw(ctx, a, "Công dân xin rút") }, vn(2026, 1, 8, 8, 0)},
		{"stopped after the due time", func(a Action) (Dossier, error) {
			a.By = "tuphap"
			return s.Stop(ctx, a, "Công dân đề nghị dừng")
		}, vn(2026, 1, 12, 10, 0)},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := receive(t, s, lifeIntake(t, s, monday))
			if _, err := s.Handover(ctx, Action{Code: d.Code, By: "tiepnhan1", At: monday.Add(time.Hour)}, "tuphap"); err != nil {
				t.Fatal(err)
			}
			if _, err := s.ConfirmHandover(ctx, Action{Code: d.Code, By: "tuphap", At: monday.Add(2 * time.Hour)}); err != nil {
				t.Fatal(err)
			}
			d, err := c.end(Action{Code: d.Code, By: "tiepnhan1", At: c.at})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Timeliness(vn(2026, 3, 1, 0, 0)); got != TimelyNone || TimelinessName(got) != "" {
				t.Errorf("timeliness %q (%q), want none", got, TimelinessName(got))
			}
			var late, early int
			if err := s.r.QueryRow(`SELECT late, early FROM dossiers WHERE id = ?`, d.ID).Scan(&late, &early); err != nil {
				t.Fatal(err)
			}
			if late != 0 || early != 0 {
				t.Errorf("late %d early %d stored, want 0 0", late, early)
			}
			n, err := s.BookCount(ctx, BookFilter{LateOnly: true, Query: d.Code})
			if err != nil || n != 0 {
				t.Errorf("late-only book holds it: %d, %v", n, err)
			}
		})
	}
	rows, total, err := s.ReportII06a(ctx, "chutich", vn(2026, 1, 1, 0, 0), vn(2026, 3, 1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if total.RefusedWithdrawn != 3 || total.ResolvedTotal != 0 || total.ResolvedEarly+total.ResolvedOnTime+total.ResolvedLate != 0 ||
		total.OnTimeRate != 0 || len(rows) != 1 {
		t.Errorf("II.06a total %+v: the three are refused/withdrawn/stopped, none resolved, no on-time rate", total)
	}
}

// TestLateIsOneRule pins the late rule the book, the dossier window, the today strip and the
// public status share: closed after the due minute, or open past it.
func TestLateIsOneRule(t *testing.T) {
	for tl, want := range map[Timeliness]bool{TimelyEarly: false, TimelyOnTime: false, TimelyLate: true, TimelyWithin: false, TimelyOverdue: true} {
		if tl.Late() != want {
			t.Errorf("%s.Late() = %v, want %v", tl, tl.Late(), want)
		}
	}
}
