package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"motcua/app/desk"
	"motcua/store"
)

// catalogueTab opens Quản trị → Thủ tục.
func catalogueTab(t *testing.T, u *ui) *catalogueScreen {
	t.Helper()
	for i, tab := range u.admin.Items {
		if tab.Content == u.catalogue.root {
			u.showAdmin(i)
			return u.catalogue
		}
	}
	t.Fatal("Quản trị has no Thủ tục tab")
	return nil
}

// The admin adds a procedure on the catalogue screen at 1366×768, and the counter finds it at
// intake at once, with its documents, time and fee.
func TestCatalogueScreenAddThenIntake(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	u.win.Resize(fyne.NewSize(1366, 768))
	loginAs(t, u, "admin")
	c := catalogueTab(t, u)
	if len(c.all) < 40 || len(c.shown) == 0 {
		t.Fatalf("the list shows %d of %d procedures", len(c.shown), len(c.all))
	}
	// Diacritic-free search and the field filter.
	c.search.SetText("chung thuc ban sao")
	if len(c.shown) != 2 || c.shown[0].Code != "CT01" {
		t.Errorf("search shows %d, first %v", len(c.shown), c.shown)
	}
	c.search.SetText("")
	c.field.SetSelected("Hộ kinh doanh")
	for _, p := range c.shown {
		if p.FieldName != "Hộ kinh doanh" {
			t.Errorf("field filter shows %s (%s)", p.Code, p.FieldName)
		}
	}
	c.field.SetSelectedIndex(0)

	tapButton(t, c.root, "Thêm")
	c.code.entry.SetText("HT77")
	c.national.entry.SetText("1.000000")
	c.name.entry.SetText("Xác nhận thử của phường")
	c.fieldSel.SetSelected("Hộ tịch")
	c.unit.SetSelected("Giờ làm việc")
	c.number.entry.SetText("4")
	c.fee.kind.SetSelected("Cố định")
	c.fee.amount.SetText("12.000")
	c.docs.set(nil)
	tapButton(t, c.docs.root, "Thêm giấy tờ")
	c.docs.docs[0].name.SetText("Đơn đề nghị xác nhận")
	tapButton(t, c.docs.root, "Thêm giấy tờ")
	c.docs.docs[1].name.SetText("Giấy tờ chứng minh")
	c.docs.docs[1].kind.SetSelected("Bản sao có chứng thực")
	c.docs.docs[1].required.SetChecked(false)
	// In force since the start of the year: the counter's clock in these tests is January 2026.
	c.from.entry.SetText("2026-01-01")
	// The preview computes what the intake would: 4 working hours from Monday 14:00 is Tuesday 08:30.
	c.sampleAt.SetText("2026-01-26 14:00")
	tapButton(t, c.root, "Tính thử")
	if !strings.Contains(c.preview.Text, "08 giờ 30 phút, thứ Ba, 27/01/2026") || !strings.Contains(c.preview.Text, "12.000") {
		t.Errorf("preview %q", c.preview.Text)
	}
	tapButton(t, c.root, "Lưu thủ tục")
	if !strings.Contains(c.status.Text, "Đã lưu thủ tục HT77") {
		t.Fatalf("save: %q", c.status.Text)
	}
	p, err := s.Procedure(context.Background(), "HT77")
	if err != nil || p.Hours != 4 || p.Fee.Amount != 12000 || len(p.Documents) != 2 || !p.Documents[1].Optional ||
		p.Documents[1].Kind != store.DocCertifiedCopy || p.NationalCode != "1.000000" {
		t.Fatalf("stored %+v %v", p, err)
	}
	a, _ := s.Audit(context.Background(), "", store.AuditFilter{Entity: "procedure", Official: "admin", Limit: 1})
	if len(a) != 1 || a[0].Key != "HT77" {
		t.Errorf("audit %+v", a)
	}

	// At the counter.
	loginAs(t, u, "tiepnhan1")
	u.show(secIntake)
	pick(t, u, "xac nhan thu", "Xác nhận thử của phường")
	if !strings.Contains(u.intake.procInfo.Text, "4 giờ làm việc") || !strings.Contains(u.intake.procInfo.Text, "12.000") {
		t.Errorf("intake shows %q", u.intake.procInfo.Text)
	}
	if len(u.intake.docs) != 2 || u.intake.docs[0].doc.Name != "Đơn đề nghị xác nhận" {
		t.Errorf("intake checklist %+v", u.intake.docs)
	}
	if !strings.Contains(u.intake.fee.Text, "12.000") {
		t.Errorf("intake fee %q", u.intake.fee.Text)
	}
}

// A bad entry is named beside its field and nothing is saved; an import shows its plan before
// writing, and a bad file is refused with its rows.
func TestCatalogueScreenRefusesAndImports(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	c := catalogueTab(t, u)
	tapButton(t, c.root, "Thêm")
	c.code.entry.SetText("HT78")
	c.name.entry.SetText("")
	c.fieldSel.SetSelected("Hộ tịch")
	tapButton(t, c.docs.root, "Thêm giấy tờ")
	c.docs.docs[0].name.SetText("Tờ khai")
	tapButton(t, c.root, "Lưu thủ tục")
	if !c.name.err.Visible() || !strings.Contains(c.name.err.Text, "Tên thủ tục") {
		t.Errorf("empty name: %q / %q", c.name.err.Text, c.status.Text)
	}
	c.name.entry.SetText("Thủ tục thử")
	c.unit.SetSelected("Giờ làm việc")
	c.number.entry.SetText("0")
	tapButton(t, c.root, "Lưu thủ tục")
	if !c.number.err.Visible() {
		t.Errorf("0 hours: %q", c.status.Text)
	}
	if _, err := s.Procedure(context.Background(), "HT78"); err == nil {
		t.Error("a refused procedure was saved")
	}

	// Export, change a fee in the file, import: the plan is shown, then written.
	path := filepath.Join(t.TempDir(), "danh-muc.json")
	c.exportFile(path)
	f, err := desk.ReadCatalogueFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range f.Catalogue.Procedures {
		if f.Catalogue.Procedures[i].Code == "HT04" {
			f.Catalogue.Procedures[i].Fee.Amount = 20000
		}
	}
	if err := desk.WriteCatalogueFile(path, f.Catalogue); err != nil {
		t.Fatal(err)
	}
	c.importFile(path)
	if c.plan.Count(store.ChangeEdit) != 1 {
		t.Fatalf("plan %+v (%q)", c.plan, c.status.Text)
	}
	if p, _ := s.Procedure(context.Background(), "HT04"); p.Fee.Amount != 15000 {
		t.Error("the import wrote before it was confirmed")
	}
	c.confirmImport()
	if p, _ := s.Procedure(context.Background(), "HT04"); p.Fee.Amount != 20000 {
		t.Errorf("after confirming, HT04 fee %d (%q)", p.Fee.Amount, c.status.Text)
	}
	bad := filepath.Join(t.TempDir(), "hong.json")
	if err := writeFile(bad, `{"procedures": [{"code": "HT01", "phi": 1}]}`); err != nil {
		t.Fatal(err)
	}
	c.importFile(bad)
	if !strings.Contains(c.status.Text, `khóa lạ "phi"`) {
		t.Errorf("bad file: %q", c.status.Text)
	}
}
