package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/store"
)

// TestIntakeShowsEveryErrorAtOnce: Ctrl+Enter on a half-filled form names every wrong field
// under that field at once (not one per try), puts the cursor in the first, and stores nothing.
func TestIntakeShowsEveryErrorAtOnce(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	i := u.intake
	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")
	i.idno.entry.SetText("123")
	i.phone.entry.SetText("12")
	u.hot.shortcut(ctrl(fyne.KeyReturn)) // Ctrl+Enter
	for _, f := range []*field{i.name, i.idno, i.phone, i.address} {
		if !f.err.Visible() || f.err.Text == "" {
			t.Errorf("no message under %q; shown: %q", f.label, errorsShown(i))
		}
	}
	if !i.docsErr.Visible() {
		t.Error("no message under the documents checklist")
	}
	if i.email.err.Visible() {
		t.Errorf("a message under the empty optional email: %q", i.email.err.Text)
	}
	if u.win.Canvas().Focused() != i.name.entry {
		t.Errorf("focus on %T, want the first wrong field (name)", u.win.Canvas().Focused())
	}
	if n, _ := s.BookCount(context.Background(), store.BookFilter{}); n != 0 {
		t.Errorf("%d dossiers stored from a bad form", n)
	}
}

// TestIntakeChecksAFieldWhenLeavingIt: a wrong CCCD is named as soon as the cursor leaves it,
// and the message goes once it is right.
func TestIntakeChecksAFieldWhenLeavingIt(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	i := u.intake
	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")
	c := u.win.Canvas()
	c.Focus(i.idno.entry)
	typeFocused(t, c, "12345")
	c.Focus(i.phone.entry)
	if !i.idno.err.Visible() {
		t.Fatal("leaving a 5-digit CCCD shows no message")
	}
	if i.phone.err.Visible() || i.name.err.Visible() {
		t.Error("fields not yet filled already show messages")
	}
	i.idno.entry.SetText("001203004567")
	c.Focus(i.idno.entry)
	c.Focus(i.address.entry)
	if i.idno.err.Visible() {
		t.Errorf("the corrected CCCD still shows %q", i.idno.err.Text)
	}
}

// TestANewDossierClearsTheLastBanner: the green "Đã tiếp nhận …" of the last citizen goes as
// soon as the official starts the next dossier, so no error shows under it.
func TestANewDossierClearsTheLastBanner(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	receive(t, u)
	if !u.intake.notice.Visible() {
		t.Fatal("no banner after a receipt")
	}
	c := u.win.Canvas()
	c.Focus(u.intake.procEntry)
	typeFocused(t, c, "khai")
	if u.intake.notice.Visible() {
		t.Error("the last dossier's banner stays while the next one is started")
	}
	test.Tap(u.rail[secIntake])
}
