package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/store/workday"
)

// errorsShown lists the intake's visible field messages, for failure reports.
func errorsShown(i *intakeScreen) []string {
	var out []string
	if i.procErr.Visible() {
		out = append(out, "procedure: "+i.procErr.Text)
	}
	for k, f := range i.fields {
		if f.err.Visible() {
			out = append(out, string(k)+": "+f.err.Text)
		}
	}
	return out
}

// tapButton taps the button labelled text inside o.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	if b := findButton(o, text); b != nil {
		test.Tap(b)
		return
	}
	t.Fatalf("no button %q", text)
}

func findButton(o fyne.CanvasObject, text string) *widget.Button {
	if b, ok := o.(*widget.Button); ok && b.Text == text {
		return b
	}
	if b, ok := o.(*keyButton); ok && b.Text == text {
		return &b.Button
	}
	var kids []fyne.CanvasObject
	if c, ok := o.(*fyne.Container); ok {
		kids = c.Objects
	} else if w, ok := o.(fyne.Widget); ok {
		kids = test.WidgetRenderer(w).Objects()
	}
	for _, k := range kids {
		if b := findButton(k, text); b != nil {
			return b
		}
	}
	return nil
}

func TestCalendarShowsNamedHolidays(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	u.showAdmin(1)
	if u.calendar.year != 2026 {
		t.Fatalf("calendar opens on %d, want the current year 2026", u.calendar.year)
	}
	for _, want := range []string{"02/09 Thứ Tư — Quốc khánh", "Giỗ Tổ Hùng Vương"} {
		if !containsText(u.calendar.days, want) {
			t.Errorf("the list of days off lacks %q", want)
		}
	}
	if n := len(u.calendar.months.Objects); n != 12 {
		t.Errorf("%d month grids, want 12", n)
	}
	// Another year is recomputed: 2/9/2027 is a Thursday.
	u.calendar.setYear(2027)
	if !containsText(u.calendar.days, "02/09 Thứ Năm — Quốc khánh") {
		t.Error("choosing 2027 does not list its Quốc khánh")
	}
}

func TestCalendarAddAndRemoveOverride(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	u.showAdmin(1)
	c := u.calendar
	test.Type(c.date.entry, "02/01/2026")
	c.kind.SetSelected("Ngày nghỉ thêm")
	test.Type(c.name.entry, "Nghỉ thêm dịp Tết Dương lịch")
	test.Type(c.reason.entry, "Thông báo số 1/TB-VPCP")
	tapButton(t, c.root, "Thêm điều chỉnh")

	ovs, err := s.Overrides(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 1, 2, 0, 0, 0, 0, workday.Loc)
	if len(ovs) != 1 || !ovs[0].Date.Equal(day) || ovs[0].Kind != workday.Extra || ovs[0].Name != "Nghỉ thêm dịp Tết Dương lịch" {
		t.Fatalf("stored overrides = %+v", ovs)
	}
	if !containsText(c.days, "02/01 Thứ Sáu — Nghỉ thêm dịp Tết Dương lịch") || !containsText(c.overrides, "02/01/2026") {
		t.Error("the new day off is not listed")
	}
	cal, _ := s.Calendar(context.Background())
	if cal.IsWorkingDay(day) {
		t.Error("the calendar still counts 02/01/2026 as a working day")
	}

	tapButton(t, c.overrides, "Bỏ")
	if ovs, _ := s.Overrides(context.Background()); len(ovs) != 0 {
		t.Errorf("after Bỏ the store still holds %+v", ovs)
	}
}

func TestCalendarBadDateNamesTheField(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	u.showAdmin(1)
	c := u.calendar
	test.Type(c.date.entry, "31/02/2026")
	tapButton(t, c.root, "Thêm điều chỉnh")
	if !c.date.err.Visible() || !strings.Contains(c.date.err.Text, "ngày/tháng/năm") {
		t.Errorf("date error = %q", c.date.err.Text)
	}
	if ovs, _ := s.Overrides(context.Background()); len(ovs) != 0 {
		t.Errorf("a bad date stored %+v", ovs)
	}
}

func TestSettingsLoadAndSave(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	u.showAdmin(0)
	st := u.settings
	ag, _ := s.Agency(context.Background())
	if st.name.entry.Text != ag.Name || st.code.entry.Text != ag.Code || st.open.entry.Text != "07:30" {
		t.Fatalf("settings show %q %q %q, want the stored agency", st.name.entry.Text, st.code.entry.Text, st.open.entry.Text)
	}

	st.code.entry.SetText("ab-1")
	tapButton(t, st.root, "Lưu thông tin cơ quan")
	if !st.code.err.Visible() || !strings.Contains(st.code.err.Text, "Mã cơ quan") {
		t.Errorf("code error = %q, want a message naming Mã cơ quan", st.code.err.Text)
	}
	if got, _ := s.Agency(context.Background()); got.Code != ag.Code {
		t.Errorf("a bad code was saved: %q", got.Code)
	}

	st.code.entry.SetText("HD2")
	st.cutoff.entry.SetText("7h")
	tapButton(t, st.root, "Lưu thông tin cơ quan")
	if !st.cutoff.err.Visible() {
		t.Error("an unreadable cut-off time shows no error")
	}

	st.cutoff.entry.SetText("16:00")
	st.name.entry.SetText("UBND phường Hoài Đức mới")
	tapButton(t, st.root, "Lưu thông tin cơ quan")
	got, _ := s.Agency(context.Background())
	if got.Code != "HD2" || got.Hours.Cutoff != 16*60 || got.Name != "UBND phường Hoài Đức mới" {
		t.Errorf("saved agency = %+v", got)
	}
	if u.agency.Text != "UBND phường Hoài Đức mới" {
		t.Errorf("top bar still shows %q", u.agency.Text)
	}
}

func TestBookListsAndOpensDossier(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	r := receive(t, u)
	test.Tap(u.rail[secBook])
	b := u.book
	if len(b.rows) != 1 || b.cell(0, 1) != r.Dossier.Code || b.cell(0, 3) != "Nguyễn Văn An" {
		t.Fatalf("book rows = %d, first code %q", len(b.rows), b.cell(0, 1))
	}
	b.table.Select(widget.TableCellID{Row: 0, Col: 2})
	if u.detail == nil || u.detail.d.Code != r.Dossier.Code {
		t.Error("selecting the row did not open the dossier")
	}
}
