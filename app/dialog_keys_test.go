package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestEnterConfirmsEscCancels: a confirmation dialog is answered from the keyboard, Enter for
// its button, Esc for cancel; a message closes with either; Esc leaves a step's dialog, then
// the dossier.
func TestEnterConfirmsEscCancels(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	c := u.win.Canvas()
	i := u.intake
	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")

	i.name.entry.SetText("Nguyễn Văn An")
	press(c, fyne.KeyEscape)
	if c.Overlays().Top() == nil {
		t.Fatal("Esc with a typed form asks nothing")
	}
	press(c, fyne.KeyEscape) // cancel
	if c.Overlays().Top() != nil || i.name.entry.Text != "Nguyễn Văn An" {
		t.Fatalf("Esc on the question: dialog open %v, name %q", c.Overlays().Top() != nil, i.name.entry.Text)
	}
	c.Focus(i.name.entry)
	press(c, fyne.KeyEscape)
	press(c, fyne.KeyReturn) // confirm "Xóa"
	if c.Overlays().Top() != nil || i.name.entry.Text != "" {
		t.Fatalf("Enter on the question: dialog open %v, name %q", c.Overlays().Top() != nil, i.name.entry.Text)
	}

	u.inform("Tìm hồ sơ", "Không tìm thấy.")
	press(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil {
		t.Error("Enter does not close a message")
	}

	d := receiveDirect(t, s, "Phạm Thị Hoa")
	u.openDossier(d)
	u.detail.askRefuse()
	press(c, fyne.KeyEscape)
	if !u.detail.open || c.Overlays().Top() == nil {
		t.Fatal("Esc on the step closed the dossier too")
	}
	press(c, fyne.KeyEscape)
	if u.detail.open || c.Overlays().Top() != nil {
		t.Error("Esc does not close the dossier")
	}
}
