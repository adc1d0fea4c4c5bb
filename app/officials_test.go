package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// blankSelects are the pickers under o that show nothing chosen with Fyne's own, untranslated
// "(Select one)".
func blankSelects(o fyne.CanvasObject) []*widget.Select {
	var out []*widget.Select
	switch w := o.(type) {
	case *widget.Select:
		if w.SelectedIndex() < 0 && (w.PlaceHolder == "" || w.PlaceHolder == "(Select one)") {
			out = append(out, w)
		}
		return out
	case *fyne.Container:
		for _, c := range w.Objects {
			out = append(out, blankSelects(c)...)
		}
		return out
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, blankSelects(c)...)
		}
	}
	return out
}

// Cán bộ with nobody selected: the role picker asks in Vietnamese, not Fyne's "(Select one)".
func TestOfficialsScreenHasNoUntranslatedPicker(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	for i, tab := range u.admin.Items {
		u.showAdmin(i)
		for _, s := range blankSelects(tab.Content) {
			t.Errorf("Quản trị → %s: a picker shows Fyne's untranslated placeholder (options %q)", tab.Text, s.Options)
		}
	}
	// Nor does any other screen, for any role.
	for _, login := range []string{"admin", "chutich", "tiepnhan1"} {
		loginAs(t, u, login)
		for _, id := range []string{secIntake, secReturn, secHandover, secBook, secReports} {
			if b := u.rail[id]; b != nil && b.Visible() {
				u.show(id)
				for _, s := range blankSelects(u.content) {
					t.Errorf("%s, %s: a picker shows Fyne's untranslated placeholder (options %q)", login, b.Text, s.Options)
				}
			}
		}
	}
}
