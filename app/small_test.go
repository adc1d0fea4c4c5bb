package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/app/desk"
	"motcua/store"
)

// TestAStepSaysWhatItDid: after a handover the dossier says it was handed over and to whom,
// not "Đã ghi: Đang xử lý."; the receiver's confirmation says so too.
func TestAStepSaysWhatItDid(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	now = func() time.Time { return monday0815.Add(time.Hour) }
	d := receiveDirect(t, s, "Phạm Thị Hoa")
	u.openDossier(d)
	test.Tap(u.detail.actions[store.ActHandover])
	sels := allSelects(u.win.Canvas().Overlays().Top())
	if len(sels) == 0 {
		t.Fatal("no receiver to choose in the handover dialog")
	}
	for i, o := range sels[0].Options {
		if strings.Contains(o, "Lê Văn Hùng") || strings.Contains(o, "tuphap") {
			sels[0].SetSelectedIndex(i)
		}
	}
	test.Tap(u.detail.step.ok)
	msg := u.detail.status.Text
	if strings.HasPrefix(msg, "Đã ghi") || !strings.Contains(msg, "Đã bàn giao hồ sơ "+d.Code) {
		t.Errorf("after a handover the dossier says %q", msg)
	}
	loginAs(t, u, "tuphap")
	d, _ = s.Dossier(t.Context(), "tuphap", d.Code)
	u.openDossier(d)
	test.Tap(u.detail.actions[store.ActConfirm])
	if msg := u.detail.status.Text; !strings.Contains(msg, "Đã xác nhận nhận hồ sơ") {
		t.Errorf("after confirming the dossier says %q", msg)
	}
}

// TestFailedPrintIsNotCalledPrinted: a slip that could not be printed is listed as made, never
// under "Phiếu đã in", and the status says it was not printed.
func TestFailedPrintIsNotCalledPrinted(t *testing.T) {
	u, s, _ := newTestUI(t, errors.New("máy in chưa bật"))
	d := receiveDirect(t, s, "Phạm Thị Hoa")
	u.openDossier(d)
	u.detail.reprint()
	if containsText(u.detail.body, "Phiếu đã in") {
		t.Error("the dossier lists its slips under “Phiếu đã in” although printing failed")
	}
	if !strings.Contains(u.detail.status.Text, "Chưa in được") {
		t.Errorf("status = %q", u.detail.status.Text)
	}
}

// TestOneSpellingOfXoa: the window writes "Xóa" (the new-style tone mark) everywhere.
func TestOneSpellingOfXoa(t *testing.T) {
	for _, f := range []string{"../assets/translations/vi.json", "../assets/help/vi.md", "../docs/USER_GUIDE.md"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(string(b)), "xoá") {
			t.Errorf("%s spells “Xoá”; the window uses “Xóa”", f)
		}
	}
}

// TestHelpHasNoLineStartingWithAComma: Fyne wraps the help's rich text between segments, so a
// comma after bold text ("**Rút hồ sơ**, **Dừng xử lý**") could start a line: ", Dừng xử lý".
func TestHelpHasNoLineStartingWithAComma(t *testing.T) {
	for _, f := range []string{"../assets/help/vi.md", "../assets/help/en.md"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "**,") {
			t.Errorf("%s has a comma right after bold text", f)
		}
	}
}

// TestReportFileNamesSpeakOneLanguage: "bao-cao-hai-long-…", not "bao-cao-satisfaction-…".
func TestReportFileNamesSpeakOneLanguage(t *testing.T) {
	syncAsync(t)
	if err := loadTranslations("vi"); err != nil {
		t.Fatal(err)
	}
	from, to := monday0815, monday0815.AddDate(0, 1, 0)
	for kind, want := range map[string]string{desk.ReportSatisfaction: "bao-cao-hai-long-", desk.ReportOfficials: "bao-cao-can-bo-", desk.ReportII06a: "bao-cao-ii06a-"} {
		got := filepath.Base(reportFileName(kind, from, to, ".pdf"))
		if !strings.HasPrefix(got, want) {
			t.Errorf("%s report file = %q, want %s…", kind, got, want)
		}
	}
}

// allSelects finds every dropdown under o.
func allSelects(o fyne.CanvasObject) []*widget.Select {
	var out []*widget.Select
	if s, ok := o.(*widget.Select); ok {
		return append(out, s)
	}
	var kids []fyne.CanvasObject
	if c, ok := o.(*fyne.Container); ok {
		kids = c.Objects
	} else if w, ok := o.(fyne.Widget); ok {
		kids = test.WidgetRenderer(w).Objects()
	}
	for _, k := range kids {
		out = append(out, allSelects(k)...)
	}
	return out
}

// TestBookExtractFileName: an export narrowed by the filters is named as an extract.
func TestBookExtractFileName(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	if p := u.book.exportPath(store.BookFilter{Year: 2026}, ".pdf"); strings.Contains(p, "ban-trich") {
		t.Errorf("the whole year's file is named %q", p)
	}
	if p := u.book.exportPath(store.BookFilter{Year: 2026, Query: "Nguyen"}, ".pdf"); !strings.Contains(filepath.Base(p), "so-theo-doi-2026-ban-trich-") {
		t.Errorf("a filtered export is named %q", p)
	}
}

// TestCtrlDTicksEveryDocument: "Nhận đủ" from the keyboard.
func TestCtrlDTicksEveryDocument(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")
	u.hot.shortcut(ctrl(fyne.KeyD))
	for _, r := range u.intake.docs {
		if !r.check.Checked {
			t.Errorf("%q is not ticked after Ctrl+D", r.doc.Name)
		}
	}
}
