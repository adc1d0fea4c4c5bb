package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestF2AndScanWorkWhateverHasTheFocus puts the focus on each kind of widget of the intake and
// handover screens (entry, checkbox, dropdown, list, button): F2 still goes to the search box,
// and a scanner typing a code and Enter still opens that dossier (the README says "from
// anywhere"; the scanner is a keyboard and the official's focus is wherever she last clicked).
func TestF2AndScanWorkWhateverHasTheFocus(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	d := receiveDirect(t, s, "Phạm Thị Hoa")
	c := u.win.Canvas()

	test.Tap(u.rail[secIntake])
	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")
	i := u.intake
	intakeWidgets := map[string]fyne.Focusable{
		"entry": i.name.entry, "check": i.docs[0].check, "dropdown": i.delivery,
		"button": i.submitBtn, "count entry": i.docs[0].count,
	}
	tryAll(t, u, c, "intake", intakeWidgets, d.Code)
	// The procedure list shows while no procedure is chosen.
	i.clear()
	tryAll(t, u, c, "intake", map[string]fyne.Focusable{"list": i.procList, "procedure entry": i.procEntry}, d.Code)

	test.Tap(u.rail[secHandover])
	h := u.handover
	h.todayOnly.SetChecked(false)
	h.all.SetChecked(true) // "Bàn giao" takes the focus once something is picked
	if len(h.held) == 0 {
		t.Fatal("the handover screen holds no dossier")
	}
	tryAll(t, u, c, "handover", map[string]fyne.Focusable{
		"check": h.all, "today check": h.todayOnly, "dropdown": h.receiver, "list": h.heldList,
		"entry": h.note, "button": h.giveBtn,
	}, d.Code)
}

func tryAll(t *testing.T, u *ui, c fyne.Canvas, screen string, ws map[string]fyne.Focusable, code string) {
	t.Helper()
	for kind, w := range ws {
		c.Focus(w)
		if c.Focused() != w {
			t.Fatalf("%s/%s: cannot take the focus", screen, kind)
		}
		press(c, fyne.KeyF2)
		if c.Focused() != u.search {
			t.Errorf("%s: F2 with the focus on a %s leaves the focus on %T", screen, kind, c.Focused())
		}
		c.Focus(w)
		before := ""
		if e, ok := w.(*keyEntry); ok {
			before = e.Text
		}
		if u.detail != nil {
			u.detail.dlg.Hide()
			u.detail = nil
		}
		typeFocused(t, c, code)
		press(c, fyne.KeyReturn)
		if u.detail == nil || !u.detail.open || u.detail.d.Code != code {
			t.Errorf("%s: a scan with the focus on a %s did not open dossier %s", screen, kind, code)
			continue
		}
		if e, ok := w.(*keyEntry); ok && (strings.Contains(e.Text, code) || e.Text != before) {
			t.Errorf("%s: the scanned code stays in the %s: %q", screen, kind, e.Text)
		}
		u.detail.dlg.Hide()
	}
}

// TestTypingInAFieldIsNotAScan: a name typed and Enter moves on; nothing opens.
func TestTypingInAFieldIsNotAScan(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	test.Tap(u.rail[secIntake])
	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")
	c := u.win.Canvas()
	c.Focus(u.intake.name.entry)
	typeFocused(t, c, "Nguyễn Văn An")
	press(c, fyne.KeyReturn)
	if u.detail != nil {
		t.Error("typing a name and Enter opened a dossier")
	}
	if u.intake.name.entry.Text != "Nguyễn Văn An" {
		t.Errorf("name = %q", u.intake.name.entry.Text)
	}
}

// TestEscFromACheckboxClearsTheIntake: Esc works with the focus on a document's checkbox too.
func TestEscFromACheckboxClearsTheIntake(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	test.Tap(u.rail[secIntake])
	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")
	c := u.win.Canvas()
	u.intake.name.entry.SetText("Nguyễn Văn An")
	c.Focus(u.intake.docs[0].check)
	press(c, fyne.KeyEscape)
	if c.Overlays().Top() == nil {
		t.Fatal("Esc on a checkbox did not ask to clear the form")
	}
}
