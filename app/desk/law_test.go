package desk

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/store"
)

// A refusal at the counter gives Mẫu 03 and no Mẫu 01: nothing archived or printed as an
// appointment, no fee, no due time; the book notes it without timeliness (issue 15).
func TestRefuseIntakeMakesNoReceipt(t *testing.T) {
	d, p := lifeDesk(t)
	ctx := context.Background()
	var sent []string
	d.SetSender(func(_ context.Context, path, _ string) error { sent = append(sent, path); return nil })
	in := intake(p, "Nguyễn Văn An")
	in.Documents = nil
	r, err := d.RefuseIntake(ctx, in, "Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường")
	if err != nil {
		t.Fatal(err)
	}
	if r.PrintErr != nil || !strings.HasSuffix(r.SlipPath, "-mau03.pdf") || len(sent) != 1 || sent[0] != r.SlipPath {
		t.Fatalf("refusal: %+v, sent %v; want Mẫu 03 printed", r, sent)
	}
	wantText(t, "03", pdfText(t, r.SlipPath), r.Dossier.Code, "không thuộc thẩm quyền")
	slips, err := d.Store.Slips(ctx, "", r.Dossier.Code)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range slips {
		if s.Form == "01" {
			t.Errorf("a Mẫu 01 is on record: %+v", s)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(d.Dir, "archive", "*", "*mau01*")); len(m) != 0 {
		t.Errorf("Mẫu 01 files in the archive: %v", m)
	}
	for _, f := range []func() (string, error){
		func() (string, error) { return d.Slip(ctx, "", r.Dossier.Code) },
		func() (string, error) { return d.Form(ctx, "", r.Dossier.Code, "01") },
	} {
		if path, err := f(); !errors.Is(err, store.ErrNotFound) || path != "" {
			t.Errorf("Mẫu 01 of a refusal: %q, %v; want none", path, err)
		}
	}
	row := BookRow(r.Dossier, "UBND phường Hoài Đức", time.Now())
	if !r.Dossier.DueAt.IsZero() || r.Dossier.Fee != 0 || !row.DueAt.IsZero() || !strings.Contains(row.Note, "từ chối tiếp nhận") ||
		strings.Contains(row.Note, "hạn") {
		t.Errorf("book row %+v", row)
	}
}

// Withdrawn, refused or stopped: no timeliness in the book's note nor in the control slip's rows.
func TestEndedHaveNoTimelinessOnPaper(t *testing.T) {
	d, p := lifeDesk(t)
	ctx := context.Background()
	dos := receiveAt(t, d, p, "Trần Văn Bình", vn(2026, 1, 5, 9, 0))
	ok(t)(d.Store.Handover(ctx, store.Action{Code: dos.Code, By: "tiepnhan1", At: vn(2026, 1, 5, 10, 0)}, "tuphap"))
	ok(t)(d.Store.ConfirmHandover(ctx, store.Action{Code: dos.Code, By: "tuphap", At: vn(2026, 1, 5, 10, 5)}))
	w, err := d.Store.Withdraw(ctx, store.Action{Code: dos.Code, By: "tiepnhan1", At: vn(2026, 1, 6, 9, 0)}, "Công dân xin rút")
	if err != nil {
		t.Fatal(err)
	}
	row := BookRow(w, "UBND phường Hoài Đức", vn(2026, 2, 1, 0, 0))
	for _, word := range []string{"Trước hạn", "Đúng hạn", "Quá hạn", "Trong hạn"} {
		if strings.Contains(row.Note, word) {
			t.Errorf("book note %q says %q", row.Note, word)
		}
	}
	events, err := d.Store.Events(ctx, "", w.Code)
	if err != nil {
		t.Fatal(err)
	}
	steps := ControlSteps(w, events, func(string) string { return "UBND phường Hoài Đức" })
	if len(steps) == 0 {
		t.Fatal("no control rows")
	}
	for _, s := range steps {
		if s.Result != "" {
			t.Errorf("control row %+v has a timeliness", s)
		}
	}
}

// After a supplement the clock restarts: a new Mẫu 01 with the new due time is printed and kept
// beside the first one; the book, the slip and the dossier agree on the due time at every moment.
func TestResumeReissuesTheReceipt(t *testing.T) {
	d, p := lifeDesk(t)
	ctx := context.Background()
	var sent []string
	d.SetSender(func(_ context.Context, path, _ string) error { sent = append(sent, path); return nil })
	r, err := d.Receive(ctx, func() store.Intake {
		in := intake(p, "Lê Thị Cúc")
		in.ReceivedAt = vn(2026, 1, 5, 9, 0)
		return in
	}())
	if err != nil {
		t.Fatal(err)
	}
	first := r.SlipPath
	agree := func(when string, dos store.Dossier) {
		t.Helper()
		slip, err := d.Slip(ctx, "", dos.Code)
		if err != nil {
			t.Fatal(err)
		}
		row := BookRow(dos, "UBND phường Hoài Đức", time.Now())
		if !row.DueAt.Equal(dos.DueAt) {
			t.Errorf("%s: book due %v, dossier %v", when, row.DueAt, dos.DueAt)
		}
		wantText(t, "01 ("+when+")", pdfText(t, slip), dt(dos.DueAt))
	}
	agree("at intake", r.Dossier)
	code := r.Dossier.Code
	ok(t)(d.Store.Handover(ctx, store.Action{Code: code, By: "tiepnhan1", At: vn(2026, 1, 5, 10, 0)}, "tuphap"))
	ok(t)(d.Store.ConfirmHandover(ctx, store.Action{Code: code, By: "tuphap", At: vn(2026, 1, 5, 10, 5)}))
	sup, err := d.Store.RequestSupplement(ctx, store.Action{Code: code, By: "tuphap", At: vn(2026, 1, 6, 9, 0)},
		store.Supplement{Missing: []store.ReceivedDocument{{Name: "Giấy xác nhận cư trú"}}, Reason: "Thiếu giấy"})
	if err != nil {
		t.Fatal(err)
	}
	agree("waiting for papers", sup)
	sent = nil
	res, err := d.Resume(ctx, store.Action{Code: code, By: "tiepnhan1", At: vn(2026, 1, 12, 14, 20)})
	if err != nil || res.PrintErr != nil {
		t.Fatalf("Resume: %v, %v", err, res.PrintErr)
	}
	if res.SlipPath == first || len(sent) != 1 || sent[0] != res.SlipPath || !strings.HasSuffix(res.SlipPath, "-mau01-bs1.pdf") {
		t.Errorf("reissued slip %q (first %q), sent %v", res.SlipPath, first, sent)
	}
	if _, err := os.Stat(first); err != nil {
		t.Errorf("the first Mẫu 01 is gone: %v", err)
	}
	if !res.Dossier.DueAt.Equal(vn(2026, 1, 15, 14, 20)) {
		t.Errorf("new due %v", res.Dossier.DueAt)
	}
	text := pdfText(t, res.SlipPath)
	wantText(t, "01 (reissued)", text, dt(res.Dossier.DueAt), dt(vn(2026, 1, 12, 14, 20)))
	if strings.Contains(text, dt(r.Dossier.DueAt)) {
		t.Errorf("the reissued Mẫu 01 shows the old due time %s", dt(r.Dossier.DueAt))
	}
	wantText(t, "01 (first)", pdfText(t, first), dt(r.Dossier.DueAt))
	agree("after resume", res.Dossier)
	slips, _ := d.Store.Slips(ctx, "", code)
	n := 0
	for _, s := range slips {
		if s.Form == "01" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d Mẫu 01 on record, want 2: %+v", n, slips)
	}
}
