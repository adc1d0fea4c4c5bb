package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

// The start rule per procedure, with the agency's default (docs/DEADLINES.md): a 3-day dossier
// received after the 15:00 cut-off is due at the closing of the third working day; a procedure
// counting from receipt keeps the receipt time; the rule is kept with the dossier for a resume.
func TestCutoffRulePerProcedure(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	mon1620 := vn(2026, 1, 26, 16, 20)
	// The catalogue edits below are made that day (a change takes effect from the day it is made);
	// the clock runs on again for the steps after.
	realNow := s.now
	s.now = func() time.Time { return vn(2026, 1, 26, 16, 30) }
	d := receive(t, s, intake(t, s, "HT04", mon1620))
	if want := vn(2026, 1, 29, 17, 0); !d.DueAt.Equal(want) || d.Cutoff != CutoffNextDay {
		t.Errorf("HT04 after the cut-off: due %v (%s), want %v, never 07:30 of Friday", d.DueAt, d.Cutoff, want)
	}
	// Same-day results where the procedure says so: after 15:00, the next day's closing.
	if d := receive(t, s, intake(t, s, "CT01", mon1620)); !d.DueAt.Equal(vn(2026, 1, 27, 17, 0)) {
		t.Errorf("CT01 after the cut-off: due %v, want Tue 17:00", d.DueAt)
	}
	p, err := s.Procedure(ctx, "HT04")
	if err != nil {
		t.Fatal(err)
	}
	p.Cutoff = CutoffReceipt
	if _, err := s.SaveProcedure(ctx, "admin", p); err != nil {
		t.Fatal(err)
	}
	in := intake(t, s, "HT04", mon1620)
	due, _, err := s.Preview(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	r := receive(t, s, in)
	if want := vn(2026, 1, 29, 16, 20); !r.DueAt.Equal(want) || !due.Equal(want) || r.Cutoff != CutoffReceipt {
		t.Errorf("HT04 from receipt: due %v (preview %v, %s), want %v", r.DueAt, due, r.Cutoff, want)
	}
	// The agency's default applies to procedures without their own rule.
	a, _ := s.Agency(ctx)
	a.DefaultCutoff = CutoffReceipt
	if err := s.SaveAgency(ctx, "admin", a); err != nil {
		t.Fatal(err)
	}
	if d := receive(t, s, intake(t, s, "HT07", mon1620)); !d.DueAt.Equal(vn(2026, 1, 29, 16, 20)) {
		t.Errorf("HT07 under the agency's receipt rule: due %v", d.DueAt)
	}
	p.Cutoff = "later"
	var ve *ValidationError
	if _, err := s.SaveProcedure(ctx, "admin", p); !errors.As(err, &ve) || ve.Field != "cutoff" {
		t.Errorf("bad rule saved: %v", err)
	}
	s.now = realNow
	// The rule of the dossier, not the catalogue's now, restarts its clock: d (next_day) resumed
	// on Friday 30/1 at 15:30 counts Mon 2, Tue 3, Wed 4/2.
	if _, err := s.Handover(ctx, Action{Code: d.Code, By: "tiepnhan1", At: mon1620.Add(time.Hour)}, "tuphap"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RequestSupplement(ctx, Action{Code: d.Code, By: "tiepnhan1", At: mon1620.Add(2 * time.Hour)},
		Supplement{Missing: []ReceivedDocument{{Name: "Giấy xác nhận cư trú"}}, Reason: "Thiếu giấy"}); err != nil {
		t.Fatal(err)
	}
	back, err := s.Resume(ctx, Action{Code: d.Code, By: "tiepnhan1", At: vn(2026, 1, 30, 15, 30)})
	if err != nil {
		t.Fatal(err)
	}
	if want := vn(2026, 2, 4, 17, 0); !back.DueAt.Equal(want) {
		t.Errorf("resumed after the cut-off: due %v, want %v", back.DueAt, want)
	}
}
