package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pinScreen guards the way out of the kiosk: an active official types their own PIN
// (store.CheckKioskPIN, throttled like a login).
type pinScreen struct {
	k    *kiosk
	kb   *keyboard
	msg  *widget.Label
	ok   *widget.Button
	back *widget.Button
	root fyne.CanvasObject
}

func newPinScreen(k *kiosk) *pinScreen {
	p := &pinScreen{k: k}
	p.kb = newKeyboard(k, kbPIN, 12, nil)
	p.msg = kioskText("", fyne.TextAlignCenter, true)
	p.msg.Importance = widget.DangerImportance
	p.ok = kioskButton(lang.L("Thoát màn hình"), theme.LogoutIcon(), widget.HighImportance, k.tap(p.submit))
	p.back = kioskButton(lang.L("Quay lại"), theme.NavigateBackIcon(), widget.MediumImportance, k.tap(func() { k.show(kWelcome) }))
	p.kb.display.Alignment = fyne.TextAlignCenter
	// The words and the PIN beside the keypad in landscape (a 600-line screen has no room for
	// them above it), above it in portrait.
	left := container.NewVBox(layout.NewSpacer(), kioskTitle(lang.L("Dành cho cán bộ")),
		kioskText(lang.L("Nhập mã PIN để thoát màn hình đánh giá."), fyne.TextAlignCenter, false),
		container.NewStack(canvasBox(), p.kb.display), p.msg, layout.NewSpacer())
	right := container.NewBorder(nil, container.NewGridWithColumns(2, k.tall(p.back, 84), k.tall(p.ok, 84)), nil, nil,
		container.NewVBox(layout.NewSpacer(), p.kb.root))
	p.root = k.capWidth(1100, container.New(sideBySide{k: k, weights: []float32{1, 1.2}}, left, right))
	return p
}

func (p *pinScreen) open() {
	p.kb.set("")
	p.msg.SetText("")
	p.msg.Hide()
	p.ok.Enable()
	p.k.show(kExit)
}

func (p *pinScreen) submit() {
	pin := p.kb.Text()
	p.ok.Disable()
	goAsync(func() {
		ok, err := p.k.st.CheckKioskPIN(context.Background(), pin)
		fyne.Do(func() {
			p.kb.set("")
			p.ok.Enable()
			switch {
			case err != nil:
				p.msg.SetText(err.Error())
				p.msg.Show()
			case !ok:
				p.msg.SetText(lang.L("Mã PIN không đúng."))
				p.msg.Show()
			default:
				p.k.exit()
			}
		})
	})
}
