package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/assets"
)

// helpText is the help in the window's language (assets/help/vi.md or en.md).
func helpText() string {
	b, err := assets.Help.ReadFile("help/" + uiLang + ".md")
	if err != nil {
		b, _ = assets.Help.ReadFile("help/vi.md")
	}
	return string(b)
}

// showHelp (F1) shows the help over the window: the day at the counter, the keys, the kiosk,
// reports, backups and the yearly calendar. Esc or the button closes it.
func (u *ui) showHelp() {
	if u.help != nil {
		return // already open
	}
	text := widget.NewRichTextFromMarkdown(helpText())
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("Hướng dẫn sử dụng"), lang.L("Đóng"), container.NewVScroll(text), u.win)
	d.SetOnClosed(func() { u.help = nil })
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(max(600, size.Width*0.8), max(400, size.Height*0.85)))
	u.help = d
	d.Show()
}
