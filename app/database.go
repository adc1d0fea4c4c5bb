package app

import (
	"context"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// databaseLabel says in the top bar which database and counter this window works on: with
// several counters on one PostgreSQL server, the official sees that this PC writes the shared book.
func databaseLabel(st *store.Store) *widget.Label {
	text := lang.L("CSDL: máy này (SQLite)")
	if st.Backend() == "postgres" {
		text = lang.X("CSDL: máy chủ {{.Where}}", "CSDL: máy chủ {{.Where}}", map[string]any{"Where": st.Where()})
	}
	if counter, err := st.Counter(context.Background()); err == nil && counter != "" {
		text = counter + " · " + text
	}
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	return l
}
