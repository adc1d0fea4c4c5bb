package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"motcua/store"
)

// counterLogin is the official the test window starts with (the first counter official).
const counterLogin = "tiepnhan1"

// receiveDirect puts a dossier in the store as the counter would, at the pinned clock.
func receiveDirect(t *testing.T, s *store.Store, name string) store.Dossier {
	t.Helper()
	ctx := context.Background()
	ps, err := s.SearchProcedures(ctx, "xac nhan tinh trang hon nhan")
	if err != nil || len(ps) == 0 {
		t.Fatalf("procedure: %v (%d found)", err, len(ps))
	}
	p := ps[0]
	d, err := s.Receive(ctx, store.Intake{
		ProcedureID: p.ID, Name: name, IDNo: "001203004567", Phone: "0912345678",
		Address: "Số 5, tổ dân phố 3", ReceivedAt: monday0815, By: counterLogin,
		Documents: []store.ReceivedDocument{{Name: p.Documents[0].Name, Kind: p.Documents[0].Kind.Label(), Count: 1}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// step runs a store action at the pinned clock plus a few minutes, failing the test on error.
func step(t *testing.T, d store.Dossier, f func(store.Action) (store.Dossier, error), by string, minutes int) store.Dossier {
	t.Helper()
	d, err := f(store.Action{Code: d.Code, By: by, At: monday0815.Add(time.Duration(minutes) * time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// resolved takes a dossier to "Đã xử lý xong": handed to tuphap, confirmed, resolved.
func resolved(t *testing.T, s *store.Store, name string) store.Dossier {
	t.Helper()
	ctx := context.Background()
	d := receiveDirect(t, s, name)
	step(t, d, func(a store.Action) (store.Dossier, error) { return s.Handover(ctx, a, "tuphap") }, counterLogin, 1)
	step(t, d, func(a store.Action) (store.Dossier, error) { return s.ConfirmHandover(ctx, a) }, "tuphap", 2)
	// The GUI records its own steps at the pinned clock, so this one stays at or before it.
	d, err := s.Resolve(ctx, store.Action{Code: d.Code, By: "tuphap", At: monday0815.Add(3 * time.Minute), Note: "Đã ký giấy xác nhận"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestReturnByScanningOpensDossierAndReturnsIt(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	now = func() time.Time { return monday0815.Add(time.Hour) }
	other := resolved(t, s, "Trần Văn Bình")
	d := resolved(t, s, "Nguyễn Thị Mai")

	test.Tap(u.rail[secReturn])
	r := u.ret
	if len(r.waiting) != 2 {
		t.Errorf("waiting for return lists %d dossiers, want 2", len(r.waiting))
	}
	c := u.win.Canvas()
	if c.Focused() != r.scan {
		t.Fatalf("the return screen focuses %T, want the scan box", c.Focused())
	}
	typeFocused(t, c, d.Code) // the scanner types the code and Enter
	press(c, fyne.KeyReturn)
	if r.current == nil || r.current.Code != d.Code {
		t.Fatalf("scanning %s opened %v", d.Code, r.current)
	}
	if r.name.Text != "Nguyễn Thị Mai" || r.idno.Text != "001203004567" {
		t.Errorf("card shows %q / %q, want the applicant's name and CCCD", r.name.Text, r.idno.Text)
	}
	if r.scan.Text != "" || c.Focused() != r.scan {
		t.Error("after a scan the box is not empty and focused for the next one")
	}
	test.Tap(r.returnBtn)

	got, err := s.Dossier(context.Background(), "", d.Code)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != store.StatusReturned || got.Recipient != "Nguyễn Thị Mai" {
		t.Errorf("after return: status %d, recipient %q; want 10 and the applicant", got.Status, got.Recipient)
	}
	if !strings.Contains(r.message.Text, "Đã trả kết quả hồ sơ "+d.Code) {
		t.Errorf("message = %q", r.message.Text)
	}
	if o, _ := s.Dossier(context.Background(), "", other.Code); o.Status != store.StatusResolved {
		t.Errorf("the other dossier changed to status %d", o.Status)
	}
	if len(r.waiting) != 1 || r.waiting[0].Code != other.Code {
		t.Errorf("after the return, waiting = %d dossiers", len(r.waiting))
	}
}

func TestReturnToAnotherPersonNeedsAValidCCCD(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	now = func() time.Time { return monday0815.Add(time.Hour) }
	d := resolved(t, s, "Nguyễn Thị Mai")
	test.Tap(u.rail[secReturn])
	r := u.ret
	r.open(d.Code)
	r.who.SetSelected("Người khác nhận thay")
	r.otherName.entry.SetText("Lê Thị Cúc")
	r.otherIDNo.entry.SetText("12")
	test.Tap(r.returnBtn)
	if !r.otherIDNo.err.Visible() || !strings.Contains(r.otherIDNo.err.Text, "CCCD") {
		t.Errorf("CCCD error = %q (visible %v)", r.otherIDNo.err.Text, r.otherIDNo.err.Visible())
	}
	if got, _ := s.Dossier(context.Background(), "", d.Code); got.Status != store.StatusResolved {
		t.Fatalf("a rejected return changed the status to %d", got.Status)
	}
	r.otherIDNo.entry.SetText("079088001234")
	test.Tap(r.returnBtn)
	got, _ := s.Dossier(context.Background(), "", d.Code)
	if got.Status != store.StatusReturned || got.Recipient != "Lê Thị Cúc" || got.RecipientIDNo != "079088001234" {
		t.Errorf("returned to %q %q, status %d", got.Recipient, got.RecipientIDNo, got.Status)
	}
}

func TestReturnOfUnresolvedDossierShowsStoreMessage(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	d := receiveDirect(t, s, "Nguyễn Thị Mai")
	test.Tap(u.rail[secReturn])
	c := u.win.Canvas()
	typeFocused(t, c, d.Code)
	press(c, fyne.KeyReturn)
	test.Tap(u.ret.returnBtn)

	want := "Hồ sơ " + d.Code + " mới được tiếp nhận, chưa chuyển xử lý, không thể trả kết quả."
	if u.ret.message.Text != want {
		t.Errorf("message = %q, want the store's %q", u.ret.message.Text, want)
	}
	got, _ := s.Dossier(context.Background(), "", d.Code)
	if got.Status != store.StatusReceived || !got.ReturnedAt.IsZero() {
		t.Errorf("a refused return changed the dossier: status %d, returned %v", got.Status, got.ReturnedAt)
	}
	if evs, _ := s.Events(context.Background(), "", d.Code); len(evs) != 1 {
		t.Errorf("a refused return wrote events: %d, want only the intake", len(evs))
	}
}

func TestHandoverOfTwoSelectedDossiers(t *testing.T) {
	u, s, printed := newTestUI(t, nil)
	a := receiveDirect(t, s, "Nguyễn Thị Mai")
	b := receiveDirect(t, s, "Trần Văn Bình")
	test.Tap(u.rail[secHandover])
	h := u.handover
	if len(h.held) != 2 {
		t.Fatalf("the counter official holds %d dossiers today, want 2", len(h.held))
	}
	if !h.giveBtn.Disabled() {
		t.Error("Bàn giao is enabled with nothing ticked")
	}
	test.Tap(h.all)
	for i, o := range h.receivers {
		if o.Login == "tuphap" {
			h.receiver.SetSelectedIndex(i)
		}
	}
	if h.giveBtn.Text != "Bàn giao 2 hồ sơ" {
		t.Errorf("button = %q", h.giveBtn.Text)
	}
	test.Tap(h.giveBtn)

	pend, err := s.PendingHandovers(context.Background(), "", "tuphap", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(pend) != 2 {
		t.Fatalf("tuphap has %d handovers to confirm, want 2 (message %q)", len(pend), h.message.Text)
	}
	for _, d := range []store.Dossier{a, b} {
		evs, _ := s.Events(context.Background(), "", d.Code)
		var n int
		for _, e := range evs {
			var hd store.HandoverData
			if e.Kind == store.ActHandover && e.Decode(&hd) == nil && hd.To == "tuphap" && e.By == counterLogin {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s has %d handovers to tuphap recorded, want 1", d.Code, n)
		}
	}
	if len(*printed) != 1 || filepath.Ext((*printed)[0]) != ".pdf" {
		t.Errorf("printed %q, want one handover list", *printed)
	}
	if len(h.held) != 0 {
		t.Errorf("after the handover the official still holds %d", len(h.held))
	}

	// tuphap sits down later and confirms one. desk.HandoverList records the batch at the store's
	// clock (it takes no time), so the confirmation follows on the real clock too.
	now = time.Now
	h.todayOnly.SetChecked(false)
	loginAs(t, u, "tuphap")
	u.show(secHandover)
	if len(h.pending) != 2 {
		t.Fatalf("tuphap's pending list shows %d", len(h.pending))
	}
	h.confirm(a.Code)
	got, _ := s.Dossier(context.Background(), "", a.Code)
	if got.Holder != "tuphap" || got.PendingTo != "" {
		t.Errorf("after confirming: holder %q, pending %q (message %q)", got.Holder, got.PendingTo, h.message.Text)
	}
	if len(h.pending) != 1 || len(h.held) != 1 {
		t.Errorf("after confirming: pending %d, held %d; want 1 and 1", len(h.pending), len(h.held))
	}
}

func TestSupplementDialogRecordsStatusAndSlip(t *testing.T) {
	u, s, printed := newTestUI(t, nil)
	d := receiveDirect(t, s, "Nguyễn Thị Mai")
	u.openDossier(d)
	v := u.detail
	b := v.actions[store.ActSupplement]
	if b == nil {
		t.Fatal("no Yêu cầu bổ sung button on a received dossier")
	}
	test.Tap(b)
	st := v.step
	if st == nil {
		t.Fatal("no supplement dialog")
	}
	// Nothing chosen: the store's message names the papers and nothing is written.
	test.Tap(st.ok)
	if !st.fields["missing"].err.Visible() {
		t.Error("sending without papers shows no error on the papers")
	}
	check := findCheck(u.win.Canvas().Overlays().Top(), "Tờ khai")
	if check == nil {
		t.Fatal("the procedure's documents are not offered")
	}
	test.Tap(check)
	st.fields["missing"].entry.SetText("Giấy xác nhận cư trú")
	st.fields["reason"].entry.SetText("Thiếu giấy tờ chứng minh nơi cư trú")
	test.Tap(st.ok)

	got, _ := s.Dossier(context.Background(), "", d.Code)
	if got.Status != store.StatusSupplement {
		t.Fatalf("status = %d, want 5 (errors: %q)", got.Status, st.msg.Text)
	}
	slips, _ := s.Slips(context.Background(), "", d.Code)
	var has02 bool
	for _, sl := range slips {
		if sl.Form == "02" {
			_, err := os.Stat(sl.Path)
			has02 = err == nil
		}
	}
	if !has02 {
		t.Errorf("no Mẫu 02 slip recorded: %+v", slips)
	}
	if len(*printed) != 1 {
		t.Errorf("printed %d, want the Mẫu 02 slip", len(*printed))
	}
	evs, _ := s.Events(context.Background(), "", d.Code)
	var sd store.SupplementData
	if err := evs[len(evs)-1].Decode(&sd); err != nil || len(sd.Missing) != 2 {
		t.Errorf("supplement asked for %+v, want the ticked and the typed paper", sd.Missing)
	}
	// The detail now offers to resume.
	if v.actions[store.ActResume] == nil || v.actions[store.ActSupplement] != nil {
		t.Error("after the request the buttons do not follow the status")
	}
	if !containsText(v.history, "Yêu cầu bổ sung") {
		t.Error("the history does not show the request")
	}
}

func TestRescheduleOnlyOnce(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	d := receiveDirect(t, s, "Nguyễn Thị Mai")
	u.openDossier(d)
	v := u.detail
	b := v.actions[store.ActReschedule]
	if b == nil || b.Disabled() {
		t.Fatal("Hẹn lại is not offered on a received dossier")
	}
	test.Tap(b)
	v.step.fields["days"].entry.SetText("2")
	v.step.fields["reason"].entry.SetText("Chờ xác minh")
	test.Tap(v.step.ok)

	got, _ := s.Dossier(context.Background(), "", d.Code)
	if !got.Rescheduled || !got.OriginalDueAt.Equal(d.DueAt) || !got.DueAt.After(d.DueAt) {
		t.Fatalf("after reschedule: %+v", got)
	}
	if b := v.actions[store.ActReschedule]; b != nil {
		t.Error("Hẹn lại is still offered after one reschedule")
	}
	if !containsText(v.body, "hẹn ban đầu: "+dueText(d.DueAt)) {
		t.Error("the detail does not show the original due time")
	}
	// Reopening the dossier does not offer it either.
	u.openDossier(got)
	if b := u.detail.actions[store.ActReschedule]; b != nil {
		t.Error("a reopened rescheduled dossier offers Hẹn lại")
	}
}

func TestTodayStripListsDueSoon(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	receive(t, u) // same-day procedure: due at 17:00 today
	receiveDirect(t, s, "Trần Văn Bình")
	u.today.load()
	if len(u.today.due) != 1 || !strings.HasPrefix(u.today.dueBtn.Text, "1 hồ sơ") {
		t.Errorf("due soon = %d (%q), want the one due today", len(u.today.due), u.today.dueBtn.Text)
	}
}

// findCheck finds a check box whose label starts with prefix inside o.
func findCheck(o fyne.CanvasObject, prefix string) *widget.Check {
	if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text, prefix) {
		return c
	}
	if c, ok := o.(*keyCheck); ok && strings.HasPrefix(c.Text, prefix) {
		return &c.Check
	}
	var kids []fyne.CanvasObject
	if c, ok := o.(*fyne.Container); ok {
		kids = c.Objects
	} else if w, ok := o.(fyne.Widget); ok {
		kids = test.WidgetRenderer(w).Objects()
	}
	for _, k := range kids {
		if c := findCheck(k, prefix); c != nil {
			return c
		}
	}
	return nil
}

// seedBook receives n dossiers: every third one is a Nguyễn.
func seedBook(t *testing.T, s *store.Store, n int) (nguyen int) {
	t.Helper()
	for i := range n {
		name := "Trần Văn Bình"
		if i%3 == 0 {
			name = "Nguyễn Thị Mai"
			nguyen++
		}
		receiveDirect(t, s, name)
	}
	return nguyen
}

func TestBookPagesFromStoreAndFilters(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	nguyen := seedBook(t, s, 250)
	test.Tap(u.rail[secBook])
	b := u.book
	if len(b.rows) != 100 || b.cell(0, 0) != "1" || b.cell(99, 0) != "100" {
		t.Fatalf("page 1 shows %d rows, %q..%q", len(b.rows), b.cell(0, 0), b.cell(len(b.rows)-1, 0))
	}
	if b.pageLabel.Text != "Trang 1/3" || b.count.Text != "250 hồ sơ" || !b.prev.Disabled() {
		t.Errorf("pager = %q, count %q", b.pageLabel.Text, b.count.Text)
	}
	test.Tap(b.next)
	test.Tap(b.next)
	if len(b.rows) != 50 || b.cell(0, 0) != "201" || b.pageLabel.Text != "Trang 3/3" || !b.next.Disabled() {
		t.Errorf("page 3 shows %d rows from %q, %q", len(b.rows), b.cell(0, 0), b.pageLabel.Text)
	}
	// Typing reads nothing until the pause after the last key.
	b.filter.SetText("ngu")
	b.filter.SetText("nguyen")
	if b.total != 250 || b.pageLabel.Text != "Trang 3/3" {
		t.Fatalf("the book was read before the pause: %d rows, %q", b.total, b.pageLabel.Text)
	}
	if !typingPaused(b) {
		t.Fatal("no read waits for the pause after the last key")
	}
	if b.total != nguyen || b.pageLabel.Text != "Trang 1/1" {
		t.Fatalf("“nguyen” selects %d (%q), want %d", b.total, b.pageLabel.Text, nguyen)
	}
	for r := range b.rows {
		if b.cell(r, 3) != "Nguyễn Thị Mai" {
			t.Fatalf("row %d is %q", r, b.cell(r, 3))
		}
	}
	// A bad date is named under its entry and the page stays as it was.
	b.from.entry.SetText("31/02/2026")
	b.from.entry.OnSubmitted("")
	if !b.from.err.Visible() || b.total != nguyen {
		t.Errorf("bad date: error %q, total %d", b.from.err.Text, b.total)
	}
}

func TestBookExportsExcel(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	seedBook(t, s, 12)
	test.Tap(u.rail[secBook])
	b := u.book
	test.Tap(b.xlsxBtn)
	if b.exported == "" || filepath.Ext(b.exported) != ".xlsx" {
		t.Fatalf("export: %q (%q)", b.exported, b.exportMsg.Text)
	}
	f, err := excelize.OpenFile(b.exported)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	first, _ := s.Book(context.Background(), store.BookFilter{}, 0, 1)
	var found bool
	for _, r := range rows {
		for _, c := range r {
			if c == first[0].Code {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("the .xlsx lacks dossier %s", first[0].Code)
	}
	if !b.openBtn.Visible() || b.progress.Visible() {
		t.Error("after the export: no Mở button, or the progress bar still shows")
	}
}

func TestBookShowsStatusBesideDueTimeAndSaysLate(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	seedBook(t, s, 1) // a 3-working-day procedure received Monday 26/01 08:15: due Thursday 08:15
	test.Tap(u.rail[secBook])
	b := u.book
	heads := bookHeads()
	if heads[bookOrder[5]] != "Hẹn trả" || heads[bookOrder[6]] != "Trạng thái" {
		t.Errorf("on screen, column 6 is %q and 7 is %q; want Hẹn trả then Trạng thái", heads[bookOrder[5]], heads[bookOrder[6]])
	}
	if got := b.cell(0, 10); got != "Được tiếp nhận" {
		t.Errorf("status before the due time = %q", got)
	}
	// On Friday it is overdue, and the status says so in words, not only in red.
	now = func() time.Time { return monday0815.AddDate(0, 0, 4) }
	if got := b.cell(0, 10); got != "Được tiếp nhận · trễ hạn" {
		t.Errorf("status of an overdue dossier = %q", got)
	}
}
