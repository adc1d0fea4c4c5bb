package app

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
	"motcua/store/workday"
)

// chooseOfficial logs login in at the counter.
func chooseOfficial(t *testing.T, u *ui, login string) {
	t.Helper()
	loginAs(t, u, login)
}

// cellText is what the table shows at row, col.
func cellText(tbl *widget.Table, row, col int) string {
	o := tbl.CreateCell()
	tbl.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	return o.(*widget.Label).Text
}

func TestReportsScreenForTheLeader(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	resolved(t, s, "Trần Văn Bình")   // received and resolved on Monday 26/01/2026, due Thursday: early
	receiveDirect(t, s, "Lê Thị Cúc") // still open
	chooseOfficial(t, u, "chutich")
	test.Tap(u.rail[secReports])
	r := u.reports
	if r.which.Selected != "Quý 1/2026" {
		t.Errorf("period = %q, want this quarter", r.which.Selected)
	}
	if !strings.Contains(r.msg.Text, "từ ngày 01/01/2026 đến ngày 31/03/2026") {
		t.Errorf("message = %q", r.msg.Text)
	}
	// One procedure row and the total: 2 received, 1 resolved early, 1 in progress, 100% on time.
	rows, cols := r.ii06aTable.Length()
	if rows != 2 || cols != 16 {
		t.Fatalf("II.06a table is %d×%d, want 2×16", rows, cols)
	}
	if got := cellText(r.ii06aTable, 0, 2); got != "Cấp Giấy xác nhận tình trạng hôn nhân" {
		t.Errorf("procedure = %q", got)
	}
	for col, want := range map[int]string{3: "2", 7: "1", 8: "1", 11: "1", 15: "100,0%"} {
		if got := cellText(r.ii06aTable, 1, col); got != want {
			t.Errorf("total column %d = %q, want %q", col, got, want)
		}
	}
	if cellText(r.ii06aTable, 1, 1) != "Tổng cộng" {
		t.Errorf("last row is not the total: %q", cellText(r.ii06aTable, 1, 1))
	}
	if !containsText(r.ii06aChart, "01/2026") || !containsText(r.ii06aChart, "100,0%") {
		t.Error("the monthly chart lacks January's bar")
	}

	// Officials side by side, best on-time rate first; selecting one lists what went wrong.
	r.tabs.SelectIndex(1)
	if len(r.off) == 0 {
		t.Fatal("no scorecards")
	}
	if first := cellText(r.offTable, 0, 1); first != "Nguyễn Thị Lan" && first != "Lê Văn Hùng" {
		t.Errorf("first official = %q, want one with 100%% on time", first)
	}
	r.offTable.Select(widget.TableCellID{Row: 0, Col: 1})
	if !strings.Contains(r.offDetail.Text, "Hồ sơ quá hạn: không có") {
		t.Errorf("detail = %q", r.offDetail.Text)
	}

	// Satisfaction: nobody rated yet.
	r.tabs.SelectIndex(2)
	if rows, _ := r.satTable.Length(); rows == 0 || cellText(r.satTable, 0, 2) != "0" {
		t.Errorf("satisfaction table: %d rows, first value %q", rows, cellText(r.satTable, 0, 2))
	}

	// Export of the selected tab.
	test.Tap(r.pdfBtn)
	if !strings.HasPrefix(r.exportMsg.Text, "Đã xuất báo cáo ra tệp ") {
		t.Fatalf("export: %q", r.exportMsg.Text)
	}
	path := strings.TrimPrefix(r.exportMsg.Text, "Đã xuất báo cáo ra tệp ")
	if b, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("exported file %s: %v", path, err)
	}
}

// A counter official may see only their own results (PermReportOwn): they land on the Cán bộ tab
// with their own scorecard, without the leader's tabs, the export or a refusal.
func TestReportsScreenShowsACounterOfficialTheirOwnScorecard(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	resolved(t, s, "Trần Văn Bình") // received by tiepnhan1
	// The leader looked first: all three tabs, everyone's scorecards.
	chooseOfficial(t, u, "chutich")
	test.Tap(u.rail[secReports])
	r := u.reports
	if n := len(r.tabs.Items); n != 3 || r.tabs.SelectedIndex() != 0 || r.current() != "ii06a" {
		t.Errorf("the leader has %d tabs, on %q; want 3, on II.06a", n, r.current())
	}
	if !r.pdfBtn.Visible() || !r.xlsxBtn.Visible() {
		t.Error("the leader cannot export")
	}
	r.tabs.SelectIndex(1)
	if rows, _ := r.offTable.Length(); rows < 2 {
		t.Fatalf("the leader sees %d scorecards", rows)
	}

	for _, c := range []struct{ login, name string }{{"tiepnhan1", "Nguyễn Thị Lan"}, {"admin", ""}} {
		chooseOfficial(t, u, c.login)
		test.Tap(u.rail[secReports])
		if len(r.tabs.Items) != 1 || r.tabs.Selected().Text != "Cán bộ" {
			t.Errorf("%s: tabs %d, selected %q; want only Cán bộ", c.login, len(r.tabs.Items), r.tabs.Selected().Text)
		}
		if r.msg.Importance == widget.DangerImportance || !strings.Contains(r.msg.Text, "từ ngày 01/01/2026 đến ngày 31/03/2026") {
			t.Errorf("%s: message %q", c.login, r.msg.Text)
		}
		if strings.Contains(r.msg.Text, "ô công chức") {
			t.Errorf("%s: the message names a picker that is not there: %q", c.login, r.msg.Text)
		}
		rows, _ := r.offTable.Length()
		if c.name != "" && (rows != 1 || cellText(r.offTable, 0, 1) != c.name || cellText(r.offTable, 0, 2) != "1") {
			t.Errorf("%s: %d rows, first %q received %q; want only their own, 1 received", c.login, rows, cellText(r.offTable, 0, 1), cellText(r.offTable, 0, 2))
		}
		if rows > 1 {
			t.Errorf("%s sees %d scorecards: someone else's too", c.login, rows)
		}
		if c.name != "" && !strings.HasPrefix(r.offDetail.Text, c.name+"\nHồ sơ quá hạn: không có") {
			t.Errorf("%s: detail %q, want their own shown without choosing", c.login, r.offDetail.Text)
		}
		if r.pdfBtn.Visible() || r.xlsxBtn.Visible() || r.offSortBar.Visible() {
			t.Errorf("%s is offered export or sorting of one row", c.login)
		}
		if containsText(r.ii06aChart, "01/2026") {
			t.Errorf("%s: the leader's II.06a chart is still there", c.login)
		}
	}
}

func TestTodayStripCountsEachList(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	ctx := context.Background()
	d := receiveDirect(t, s, "Trần Văn Bình") // HT04 received Monday 08:15, due Thursday
	if _, err := s.RequestSupplement(ctx, store.Action{Code: d.Code, By: counterLogin, At: monday0815},
		store.Supplement{Missing: []store.ReceivedDocument{{Name: "Tờ khai", Kind: "Bản chính", Count: 1}}, Reason: "Thiếu tờ khai"}); err != nil {
		t.Fatal(err)
	}
	u.today.load()
	if u.today.suppBtn.Text != "1 chờ bổ sung" || u.today.suppBtn.Importance == widget.LowImportance {
		t.Errorf("supplement button = %q", u.today.suppBtn.Text)
	}
	if u.today.overBtn.Text != "0 quá hạn" || u.today.nextBtn.Text != "0 đến hạn ngày mai" {
		t.Errorf("overdue %q, tomorrow %q", u.today.overBtn.Text, u.today.nextBtn.Text)
	}
}

// labelsIn are the labels drawn under o showing text.
func labelsIn(o fyne.CanvasObject, text string) []*widget.Label {
	var out []*widget.Label
	switch w := o.(type) {
	case *widget.Label:
		if w.Text == text {
			out = append(out, w)
		}
		return out
	case *fyne.Container:
		for _, c := range w.Objects {
			out = append(out, labelsIn(c, text)...)
		}
		return out
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, labelsIn(c, text)...)
		}
	}
	return out
}

// At 1366×768 the satisfaction table shows its Kết quả column whole: the heading and every
// value within the table's right edge, none cut short.
func TestSatisfactionTableFitsTheWindow(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	resolved(t, s, "Trần Văn Bình")
	// Two ratings, so that values like "1 (50,0%)" are shown; the store dates them by the real
	// clock, so the period runs to today.
	ctx := context.Background()
	for _, lv := range []int{store.LevelVerySatisfied, store.LevelDissatisfied} {
		if _, err := s.Rate(ctx, store.Rating{Level: lv}); err != nil {
			t.Fatal(err)
		}
	}
	chooseOfficial(t, u, "chutich")
	test.Tap(u.rail[secReports])
	r := u.reports
	r.tabs.SelectIndex(2)
	r.kind.SetSelectedIndex(3)
	r.from.SetText("01/01/2026")
	r.to.SetText(time.Now().In(workday.Loc).Format("02/01/2006"))
	r.load()
	if r.sat[1][1] != "1 (50,0%)" {
		t.Fatalf("satisfaction rows: %q", r.sat)
	}
	u.win.Resize(fyne.NewSize(1366, 768))
	d := fyne.CurrentApp().Driver()
	right := d.AbsolutePositionForObject(r.satTable).X + r.satTable.Size().Width
	if r.satTable.Size().Width < 300 {
		t.Fatalf("the table is %v wide", r.satTable.Size())
	}
	drawn := 0
	check := func(text string) {
		ls := labelsIn(r.satTable, text)
		drawn += len(ls)
		for _, l := range ls {
			end := d.AbsolutePositionForObject(l).X + l.Size().Width
			if need := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, l.TextStyle).MinSize().Width; l.Size().Width < need || end > right {
				t.Errorf("%q is %v wide (needs %v) and ends at %v, the table at %v", text, l.Size().Width, need, end, right)
			}
		}
	}
	check("Kết quả")
	if drawn == 0 {
		t.Fatal("the Kết quả heading is not drawn")
	}
	for _, it := range r.sat[:8] { // the rows below are drawn once scrolled to
		check(it[1])
	}
	if drawn < 9 {
		t.Errorf("only %d of the heading and the first 8 values are drawn", drawn)
	}
}
