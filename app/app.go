// Package app is the officials' window of Một Cửa: one file per screen (intake, book, settings,
// calendar), the top bar with the scan/search box, the theme and the translations wiring.
// It holds no SQL and draws no PDF: data goes through store, slips through app/desk.
package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"motcua/app/desk"
)

// Options are the window's start-up choices.
type Options struct {
	Lang string // "vi" or "en"; empty: the language chosen in Quản trị → Cơ quan, else "vi"
}

// goAsync runs store and desk calls off the UI thread; widgets are then updated through fyne.Do.
// Tests replace it with a synchronous call so that what they assert has already happened.
var goAsync = func(f func()) { go f() }

// now is the counter's clock; tests may pin it.
var now = time.Now

// Run creates the Fyne app, loads the translations, shows the officials' window and runs until
// it is closed. On an empty database it first offers the demo data.
func Run(d *desk.Desk, o Options) error {
	a := fyneapp.NewWithID("vn.gov.motcua")
	if err := loadTranslations(chooseLang(a.Preferences(), o.Lang)); err != nil {
		return err
	}
	a.SetIcon(appIcon())
	a.Settings().SetTheme(newTheme())
	u := newUI(a, d)
	u.start(context.Background())
	w := u.win
	startupMark(a, u)
	w.Resize(fyne.NewSize(1366, 768))
	w.Show()
	openKioskIfEnabled(a, d.Store) // the citizens' window, when this PC's preferences ask for it
	a.Run()
	return nil
}

// NewMainWindow builds the officials' window on the desk (not yet shown).
func NewMainWindow(a fyne.App, d *desk.Desk) fyne.Window {
	u := newUI(a, d)
	u.start(context.Background())
	return u.win
}
