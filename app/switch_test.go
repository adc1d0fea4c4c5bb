package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestNextOfficialStartsClean: after Ctrl+L and another official's login, nothing of the last
// one's work is on the screen: the receipt banner with the citizen's name (nor its Ctrl+P
// reprint), the handover message, the search text, the book's filters.
func TestNextOfficialStartsClean(t *testing.T) {
	u, s, printed := newTestUI(t, nil)
	test.Tap(u.rail[secIntake])
	r := receive(t, u)
	if !u.intake.notice.Visible() || !strings.Contains(u.intake.noticeText.Text, r.Dossier.Name) {
		t.Fatal("no receipt banner to begin with")
	}
	receiveDirect(t, s, "Trần Văn Bình")
	test.Tap(u.rail[secHandover])
	h := u.handover
	test.Tap(h.all)
	for i, o := range h.receivers {
		if o.Login == "tuphap" {
			h.receiver.SetSelectedIndex(i)
		}
	}
	test.Tap(h.giveBtn)
	if !strings.Contains(h.message.Text, "Đã bàn giao") {
		t.Fatalf("handover message = %q", h.message.Text)
	}
	u.search.SetText(r.Dossier.Code)
	test.Tap(u.rail[secBook])
	u.book.filter.SetText("Nguyen")
	u.book.lateOnly.SetChecked(true)

	u.hot.shortcut(ctrl("L")) // Ctrl+L
	if u.me != nil {
		t.Fatal("Ctrl+L did not lock")
	}
	loginAs(t, u, "tiepnhan2")

	if u.intake.notice.Visible() || u.intake.last != nil || strings.Contains(u.intake.noticeText.Text, r.Dossier.Name) {
		t.Errorf("the next official sees the last receipt: %q", u.intake.noticeText.Text)
	}
	n := len(*printed)
	test.Tap(u.rail[secIntake])
	u.reprint() // Ctrl+P
	if len(*printed) != n {
		t.Error("Ctrl+P reprinted the last official's slip")
	}
	if h.message.Text != "" {
		t.Errorf("handover message stays: %q", h.message.Text)
	}
	if u.search.Text != "" {
		t.Errorf("search box stays: %q", u.search.Text)
	}
	if u.book.filter.Text != "" || u.book.lateOnly.Checked {
		t.Errorf("book filter stays: %q, late only %v", u.book.filter.Text, u.book.lateOnly.Checked)
	}

	// The same official coming back after a lock finds her work as she left it.
	test.Tap(u.rail[secIntake])
	r2 := receive(t, u)
	u.lock()
	loginAs(t, u, "tiepnhan2")
	if u.intake.last == nil || u.intake.last.Dossier.Code != r2.Dossier.Code {
		t.Error("locking and unlocking as the same official lost her last receipt")
	}
}
