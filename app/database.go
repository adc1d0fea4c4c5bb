package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// placeLabel says (under the rail) which database and counter this window works on: with several
// counters on one PostgreSQL server, the official sees that this PC writes the shared book, and
// as which counter its kiosk prompts go out.
type placeLabel struct {
	*widget.Label
	u *ui
}

func newPlaceLabel(u *ui) *placeLabel {
	l := &placeLabel{Label: widget.NewLabel(""), u: u}
	l.Importance = widget.LowImportance
	l.update()
	return l
}

// update shows the counter this PC is now (after the kiosk settings are saved, at once).
func (l *placeLabel) update() {
	text := lang.L("CSDL: máy này (SQLite)")
	if l.u.st.Backend() == "postgres" {
		text = lang.X("CSDL: máy chủ {{.Where}}", "CSDL: máy chủ {{.Where}}", map[string]any{"Where": l.u.st.Where()})
	}
	counter := l.u.counterName()
	if counter == "" {
		counter, _ = l.u.st.Counter(context.Background())
	}
	if counter != "" {
		text = counter + " · " + text
	}
	l.SetText(text)
}

// counterName is this PC's counter (the kiosk.counter preference, shared by the officials' window
// and the kiosk of this PC): the prompts of "Mời đánh giá" go to the kiosk of this counter. ""
// means the store's default name, which a one-PC ward keeps.
func (u *ui) counterName() string {
	return counterPref(u.app)
}

func counterPref(a fyne.App) string {
	return strings.TrimSpace(a.Preferences().String(prefKioskCounter))
}
