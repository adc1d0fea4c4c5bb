package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"motcua/store/workday"
)

// lifeIntake is a 3-working-day procedure (HT04) received on Monday 5 January 2026 at 09:00,
// due Thursday 8 January at 09:00.
func lifeIntake(t testing.TB, s *Store, at time.Time) Intake {
	in := intake(t, s, "HT04", at)
	in.Documents = []ReceivedDocument{{Name: "Tờ khai", Kind: "Bản chính", Count: 1}}
	return in
}

var monday = vn(2026, 1, 5, 9, 0)

// op is one step of a path that brings a dossier to a status.
type op struct {
	action Act
	by, to string
}

// pathTo lists the steps from intake to each status; withPending leaves a handover waiting for
// confirmation where the status allows one (4, 5, 9), so ConfirmHandover has something to confirm.
func pathTo(status Status, withPending bool) []op {
	toTuphap := []op{{ActHandover, "tiepnhan1", "tuphap"}, {ActConfirm, "tuphap", ""}}
	switch status {
	case StatusRegistered, StatusReceived, StatusFinancial:
		return nil
	case StatusRefused:
		return []op{{ActRefuse, "tiepnhan1", ""}}
	case StatusWithdrawn:
		return []op{{ActWithdraw, "tiepnhan1", ""}}
	case StatusProcessing:
		if withPending {
			return toTuphap[:1]
		}
		return toTuphap
	case StatusSupplement:
		if withPending {
			return []op{toTuphap[0], {ActSupplement, "tiepnhan1", ""}}
		}
		return append(toTuphap, op{ActSupplement, "tuphap", ""})
	case StatusStopped:
		return append(toTuphap, op{ActStop, "tuphap", ""})
	case StatusResolved:
		p := append(toTuphap, op{ActResolve, "tuphap", ""})
		if withPending {
			p = append(p, op{ActHandover, "tuphap", "tiepnhan1"})
		}
		return p
	case StatusReturned:
		return append(toTuphap, op{ActResolve, "tuphap", ""}, op{ActReturn, "tiepnhan1", ""})
	}
	panic("no path")
}

// perform runs one action with valid arguments.
func perform(ctx context.Context, s *Store, action Act, a Action, to string) (Dossier, error) {
	switch action {
	case ActHandover:
		return s.Handover(ctx, a, to)
	case ActConfirm:
		return s.ConfirmHandover(ctx, a)
	case ActSupplement:
		return s.RequestSupplement(ctx, a, Supplement{Missing: []ReceivedDocument{{Name: "Sổ hộ khẩu", Kind: "Bản sao", Count: 1}}, Reason: "Thiếu giấy tờ cư trú"})
	case ActResume:
		return s.Resume(ctx, a)
	case ActRefuse:
		return s.Refuse(ctx, a, "Không thuộc thẩm quyền")
	case ActReschedule:
		return s.Reschedule(ctx, a, 2, "Cần xác minh", "Công an phường")
	case ActResolve:
		return s.Resolve(ctx, a)
	case ActReturn:
		return s.Return(ctx, a, Recipient{})
	case ActWithdraw:
		return s.Withdraw(ctx, a, "Công dân xin rút")
	case ActStop:
		return s.Stop(ctx, a, "Người yêu cầu đã mất")
	}
	panic(action)
}

// dossierIn receives a dossier and walks it to status, one hour per step from monday.
func dossierIn(t *testing.T, s *Store, status Status, withPending bool) (Dossier, time.Time) {
	t.Helper()
	ctx := context.Background()
	d := receive(t, s, lifeIntake(t, s, monday))
	at := monday
	for _, o := range pathTo(status, withPending) {
		at = at.Add(time.Hour)
		var err error
		if d, err = perform(ctx, s, o.action, Action{Code: d.Code, By: o.by, At: at}, o.to); err != nil {
			t.Fatalf("path to %d, %s: %v", status, o.action, err)
		}
	}
	if status == StatusRegistered || status == StatusFinancial {
		// Not reachable through the counter's actions; the table must still refuse what they do not allow.
		if _, err := s.w.Exec(`UPDATE dossiers SET status = ? WHERE id = ?`, status, d.ID); err != nil {
			t.Fatal(err)
		}
		d.Status, d.StatusName = status, StatusName(status)
	}
	if d.Status != status {
		t.Fatalf("path gave status %d, want %d", d.Status, status)
	}
	return d, at
}

// rawRow is the dossier's stored row as text, to prove a refused action wrote nothing.
func rawRow(t *testing.T, s *Store, id int64) []string {
	t.Helper()
	rows, err := s.r.Query(`SELECT * FROM dossiers WHERE id = ?`, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if !rows.Next() {
		t.Fatalf("no dossier %d", id)
	}
	if err := rows.Scan(ptrs...); err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(cols))
	for i, v := range vals {
		out[i] = fmt.Sprintf("%s=%v", cols[i], v)
	}
	return out
}

func eventCount(t *testing.T, s *Store, id int64) int {
	t.Helper()
	var n int
	if err := s.r.QueryRow(`SELECT COUNT(*) FROM dossier_events WHERE dossier_id = ?`, id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestEveryActionInEveryStatus checks the lifecycle table against the one in the issue: every
// action in every status, allowed ones change the status as they should and append one event,
// refused ones say why and write nothing.
func TestEveryActionInEveryStatus(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	want := map[Act]map[Status]Status{
		ActHandover:   {2: 4, 4: 4, 9: 9},
		ActConfirm:    {4: 4, 5: 5, 9: 9},
		ActSupplement: {2: 5, 4: 5},
		ActResume:     {5: 4},
		ActRefuse:     {2: 3, 4: 3, 5: 3},
		ActReschedule: {2: 2, 4: 4, 5: 5},
		ActResolve:    {4: 9},
		ActReturn:     {9: 10},
		ActWithdraw:   {2: 7, 4: 7, 5: 7},
		ActStop:       {4: 8, 5: 8},
	}
	for _, action := range Actions {
		for status := Status(1); status <= 10; status++ {
			to, allowed := want[action][status]
			t.Run(string(action)+"/"+StatusName(status), func(t *testing.T) {
				d, last := dossierIn(t, s, status, action == ActConfirm)
				by, target := "tuphap", "chutich"
				if !RoleProcessing.Can(ActPermission(action)) {
					by = "tiepnhan1" // the counter refuses, returns and takes withdrawals
				}
				switch {
				case action == ActConfirm:
					by = d.PendingTo
				case action == ActHandover && d.Holder == "chutich":
					target = "tiepnhan1"
				}
				at := last.Add(30 * time.Minute)
				beforeRow, beforeEvents := rawRow(t, s, d.ID), eventCount(t, s, d.ID)
				got, err := perform(ctx, s, action, Action{Code: d.Code, By: by, At: at, Note: "ghi chú"}, target)
				if !allowed {
					var te *TransitionError
					if !errors.As(err, &te) {
						t.Fatalf("err = %v, want a *TransitionError", err)
					}
					if te.Code != d.Code || te.From != status || te.Action != action || te.Message == "" {
						t.Errorf("TransitionError = %+v", te)
					}
					if n := eventCount(t, s, d.ID); n != beforeEvents {
						t.Errorf("events %d → %d after a refused action", beforeEvents, n)
					}
					if after := rawRow(t, s, d.ID); !reflect.DeepEqual(after, beforeRow) {
						t.Errorf("row changed after a refused action:\n%v\n%v", beforeRow, after)
					}
					return
				}
				if err != nil {
					t.Fatalf("err = %v, want allowed", err)
				}
				if got.Status != to || got.StatusName != StatusName(to) {
					t.Errorf("status = %d %q, want %d", got.Status, got.StatusName, to)
				}
				if n := eventCount(t, s, d.ID); n != beforeEvents+1 {
					t.Errorf("events %d → %d, want one more", beforeEvents, n)
				}
				evs, err := s.Events(ctx, "", d.Code)
				if err != nil {
					t.Fatal(err)
				}
				e := evs[len(evs)-1]
				if e.Kind != action || e.FromStatus != status || e.ToStatus != to || e.By != by || !e.At.Equal(at) || e.Note == "" {
					t.Errorf("event = %+v, want %s %d→%d by %s at %v", e, action, status, to, by, at)
				}
				if e.RecordedAt.Before(e.At) || time.Since(e.RecordedAt) > time.Minute {
					t.Errorf("recorded_at = %v, want the time it was typed (now), after at %v", e.RecordedAt, e.At)
				}
			})
		}
	}
}

func TestHandoverAndConfirm(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := receive(t, s, lifeIntake(t, s, monday))
	if d.Holder != "tiepnhan1" || d.PendingTo != "" || !d.TransferredAt.IsZero() {
		t.Fatalf("after intake: holder %q pending %q transferred %v", d.Holder, d.PendingTo, d.TransferredAt)
	}
	at := monday.Add(time.Hour)
	d, err := s.Handover(ctx, Action{Code: d.Code, By: "tiepnhan1", At: at}, "tuphap")
	if err != nil {
		t.Fatal(err)
	}
	if d.Status != StatusProcessing || d.PendingTo != "tuphap" || d.Holder != "tiepnhan1" || !d.TransferredAt.Equal(at) {
		t.Errorf("after handover: %+v", d)
	}
	if _, err := s.Handover(ctx, Action{Code: d.Code, By: "tiepnhan1", At: at}, "diachinh"); err == nil {
		t.Error("a second handover while the first waits for confirmation was allowed")
	}
	var te *TransitionError
	if _, err := s.ConfirmHandover(ctx, Action{Code: d.Code, By: "diachinh", At: at}); !errors.As(err, &te) {
		t.Errorf("confirm by someone else: err = %v, want a TransitionError", err)
	}
	d, err = s.ConfirmHandover(ctx, Action{Code: d.Code, By: "tuphap", At: at.Add(time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	if d.Holder != "tuphap" || d.PendingTo != "" {
		t.Errorf("after confirm: holder %q pending %q", d.Holder, d.PendingTo)
	}
	d, err = s.Handover(ctx, Action{Code: d.Code, By: "tuphap", At: at.Add(2 * time.Hour)}, "chutich")
	if err != nil {
		t.Fatal(err)
	}
	if !d.TransferredAt.Equal(at) {
		t.Errorf("transferred_at moved to %v; it is the first handover's time %v", d.TransferredAt, at)
	}
	evs, _ := s.Events(ctx, "", d.Code)
	var hd HandoverData
	if err := evs[len(evs)-1].Decode(&hd); err != nil || hd.From != "tuphap" || hd.To != "chutich" || hd.ToName != "Đặng Văn Nam" {
		t.Errorf("handover data = %+v, %v", hd, err)
	}
	pend, err := s.PendingHandovers(ctx, "", "chutich", 0)
	if err != nil || len(pend) != 1 || pend[0].Code != d.Code {
		t.Errorf("PendingHandovers(chutich) = %v, %v", pend, err)
	}
	if pend, _ := s.PendingHandovers(ctx, "", "tuphap", 0); len(pend) != 0 {
		t.Errorf("PendingHandovers(tuphap) = %d dossiers after confirming", len(pend))
	}
	if _, err := s.Handover(ctx, Action{Code: d.Code, By: "tuphap"}, "khongco"); err == nil {
		t.Error("handover to an unknown login was allowed")
	}
}

func TestHandoverAllIsAllOrNothing(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := receive(t, s, lifeIntake(t, s, monday))
	b := receive(t, s, lifeIntake(t, s, monday.Add(time.Minute)))
	c := receive(t, s, lifeIntake(t, s, monday.Add(2*time.Minute)))
	if _, err := s.Refuse(ctx, Action{Code: c.Code, At: monday.Add(time.Hour)}, "Sai thẩm quyền"); err != nil {
		t.Fatal(err)
	}
	at := monday.Add(2 * time.Hour)
	if _, err := s.HandoverAll(ctx, []string{a.Code, b.Code, c.Code}, Action{By: "tiepnhan1", At: at}, "tuphap"); err == nil {
		t.Fatal("a batch with a refused dossier was handed over")
	}
	for _, code := range []string{a.Code, b.Code} {
		if d, _ := s.Dossier(ctx, "", code); d.Status != StatusReceived || d.PendingTo != "" {
			t.Errorf("%s changed by a failed batch: %d %q", code, d.Status, d.PendingTo)
		}
	}
	ds, err := s.HandoverAll(ctx, []string{a.Code, b.Code}, Action{By: "tiepnhan1", At: at}, "tuphap")
	if err != nil || len(ds) != 2 || ds[0].PendingTo != "tuphap" || ds[1].Status != StatusProcessing {
		t.Fatalf("HandoverAll = %+v, %v", ds, err)
	}
}

func TestActionTimeRules(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := receive(t, s, lifeIntake(t, s, monday))
	var ve *ValidationError
	for _, c := range []struct {
		what string
		at   time.Time
	}{
		{"before the receipt", monday.Add(-time.Minute)},
		{"in the future", time.Now().Add(time.Hour)},
	} {
		if _, err := s.Handover(ctx, Action{Code: d.Code, At: c.at}, "tuphap"); !errors.As(err, &ve) || ve.Field != "at" {
			t.Errorf("%s: err = %v, want a ValidationError on at", c.what, err)
		}
	}
	if _, err := s.Handover(ctx, Action{Code: d.Code, At: monday.Add(3 * time.Hour)}, "tuphap"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ConfirmHandover(ctx, Action{Code: d.Code, By: "tuphap", At: monday.Add(2 * time.Hour)}); !errors.As(err, &ve) || ve.Field != "at" {
		t.Errorf("a step before the last recorded one: err = %v, want a ValidationError on at", err)
	}
	// Zero At is now; the event records now as both at and recorded_at.
	d, err := s.ConfirmHandover(ctx, Action{Code: d.Code, By: "tuphap"})
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := s.Events(ctx, "", d.Code)
	e := evs[len(evs)-1]
	if time.Since(e.At) > time.Minute || e.RecordedAt.Sub(e.At) > time.Second {
		t.Errorf("zero At: event at %v recorded %v, want now", e.At, e.RecordedAt)
	}
}

func TestResumeRestartsTheClock(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := receive(t, s, lifeIntake(t, s, monday))
	if want := vn(2026, 1, 8, 9, 0); !d.DueAt.Equal(want) {
		t.Fatalf("due = %v, want %v", d.DueAt, want)
	}
	sup := Supplement{Missing: []ReceivedDocument{{Name: "Giấy xác nhận cư trú", Count: 1}}, Reason: "Thiếu xác nhận cư trú", Guide: "tuphap"}
	d, err := s.RequestSupplement(ctx, Action{Code: d.Code, By: "tiepnhan1", At: vn(2026, 1, 6, 10, 0)}, sup)
	if err != nil {
		t.Fatal(err)
	}
	if d.Status != StatusSupplement || d.Supplements != 1 || d.Timeliness(vn(2026, 2, 1, 0, 0)) != TimelyWithin {
		t.Errorf("after the request: status %d supplements %d timeliness %s; waiting for papers stops the clock",
			d.Status, d.Supplements, d.Timeliness(vn(2026, 2, 1, 0, 0)))
	}
	evs, _ := s.Events(ctx, "", d.Code)
	var sd SupplementData
	if err := evs[len(evs)-1].Decode(&sd); err != nil || sd.GuideName != "Lê Văn Hùng" || sd.Missing[0].Kind != "Bản chính" || sd.Reason != sup.Reason || sd.Count != 1 {
		t.Errorf("supplement data = %+v, %v", sd, err)
	}
	// The Government adds a day off on Tuesday 13 January before the papers come back: the new
	// due time uses the calendar in force at resumption.
	if err := s.AddOverride(ctx, "admin", workday.Override{Date: vn(2026, 1, 13, 0, 0), Kind: workday.Extra, Name: "Nghỉ thêm"}, ""); err != nil {
		t.Fatal(err)
	}
	resumed := vn(2026, 1, 12, 14, 20)
	d, err = s.Resume(ctx, Action{Code: d.Code, By: "tiepnhan1", At: resumed})
	if err != nil {
		t.Fatal(err)
	}
	// Mon 12 14:20 + 3 working days, skipping Tue 13 → Fri 16 at 14:20.
	if want := vn(2026, 1, 16, 14, 20); !d.DueAt.Equal(want) || d.Status != StatusProcessing {
		t.Errorf("after resume: due %v status %d, want %v and Đang xử lý", d.DueAt, d.Status, want)
	}
	if want := vn(2026, 1, 8, 9, 0); !d.OriginalDueAt.Equal(want) {
		t.Errorf("original due = %v, want the intake's %v", d.OriginalDueAt, want)
	}
	// A second request is allowed, counted and flagged.
	d, err = s.RequestSupplement(ctx, Action{Code: d.Code, At: resumed.Add(time.Hour)}, Supplement{Missing: sup.Missing, Reason: "Bản sao không rõ", Guide: "Trần Thị Bình", GuidePhone: "0987654321"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Supplements != 2 {
		t.Errorf("supplements = %d, want 2 (flagged)", d.Supplements)
	}
	evs, _ = s.Events(ctx, "", d.Code)
	sd = SupplementData{}
	if err := evs[len(evs)-1].Decode(&sd); err != nil || sd.Count != 2 || sd.GuideName != "Trần Thị Bình" || sd.GuidePhone != "0987654321" {
		t.Errorf("second supplement data = %+v, %v", sd, err)
	}
}

func TestRescheduleOnce(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := receive(t, s, lifeIntake(t, s, monday))
	d, err := s.Reschedule(ctx, Action{Code: d.Code, By: "chutich", At: vn(2026, 1, 7, 9, 0)}, 2, "Chờ xác minh", "Công an phường")
	if err != nil {
		t.Fatal(err)
	}
	// Thu 8 09:00 + 2 working days → Mon 12 09:00.
	if want := vn(2026, 1, 12, 9, 0); !d.DueAt.Equal(want) || !d.Rescheduled {
		t.Errorf("due = %v rescheduled %v, want %v", d.DueAt, d.Rescheduled, want)
	}
	if want := vn(2026, 1, 8, 9, 0); !d.OriginalDueAt.Equal(want) {
		t.Errorf("original due = %v, want %v kept", d.OriginalDueAt, want)
	}
	evs, _ := s.Events(ctx, "", d.Code)
	var rd RescheduleData
	if err := evs[len(evs)-1].Decode(&rd); err != nil || rd.FaultUnit != "Công an phường" || !rd.OldDue.Equal(vn(2026, 1, 8, 9, 0)) || !rd.NewDue.Equal(d.DueAt) || rd.Days != 2 {
		t.Errorf("reschedule data = %+v, %v", rd, err)
	}
	row, n := rawRow(t, s, d.ID), eventCount(t, s, d.ID)
	_, err = s.Reschedule(ctx, Action{Code: d.Code, By: "chutich", At: vn(2026, 1, 9, 9, 0)}, 1, "Lần nữa", "")
	var te *TransitionError
	if !errors.As(err, &te) || te.Action != ActReschedule {
		t.Fatalf("second reschedule: err = %v, want a TransitionError", err)
	}
	if !reflect.DeepEqual(row, rawRow(t, s, d.ID)) || eventCount(t, s, d.ID) != n {
		t.Error("the refused second reschedule wrote something")
	}
}

func TestRefusedReturnMessage(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d, _ := dossierIn(t, s, StatusRefused, false)
	_, err := s.Return(ctx, Action{Code: d.Code}, Recipient{})
	if err == nil || err.Error() != "Hồ sơ "+d.Code+" đã bị từ chối tiếp nhận, không thể trả kết quả." {
		t.Errorf("err = %v", err)
	}
	d, _ = dossierIn(t, s, StatusReturned, false)
	_, err = s.Handover(ctx, Action{Code: d.Code}, "tuphap")
	if err == nil || err.Error() != "Hồ sơ "+d.Code+" đã trả kết quả, không thể bàn giao." {
		t.Errorf("err = %v", err)
	}
}

func TestReturnRecordsTheRecipient(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d, at := dossierIn(t, s, StatusResolved, false)
	if d.ResolvedAt.IsZero() {
		t.Error("resolved_at not set")
	}
	got, err := s.Return(ctx, Action{Code: d.Code, At: at.Add(time.Hour)}, Recipient{Name: "Trần Văn Bình", IDNo: "001090009999"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Recipient != "Trần Văn Bình" || got.RecipientIDNo != "001090009999" || !got.ReturnedAt.Equal(at.Add(time.Hour)) {
		t.Errorf("recipient %q %q returned %v", got.Recipient, got.RecipientIDNo, got.ReturnedAt)
	}
	evs, _ := s.Events(ctx, "", d.Code)
	var rd ReturnData
	if err := evs[len(evs)-1].Decode(&rd); err != nil || !rd.Other {
		t.Errorf("return data = %+v, %v: another person collecting must be recorded", rd, err)
	}
	d2, at2 := dossierIn(t, s, StatusResolved, false)
	got, err = s.Return(ctx, Action{Code: d2.Code, At: at2.Add(time.Hour)}, Recipient{})
	if err != nil || got.Recipient != d2.Name || got.RecipientIDNo != d2.IDNo {
		t.Errorf("empty recipient: %q %q %v, want the applicant", got.Recipient, got.RecipientIDNo, err)
	}
	if _, err := s.Return(ctx, Action{Code: d.Code}, Recipient{Name: "A", IDNo: "123"}); err == nil {
		t.Error("a bad recipient CCCD was accepted")
	}
}
