package app

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// lookupScreen lets a citizen look up their dossier by the code on their slip: scanned (the
// scanner types it and Enter) or tapped on the keypad. It shows only store.PublicStatus: the name
// masked, never the CCCD, phone or address.
type lookupScreen struct {
	k      *kiosk
	kb     *keyboard
	find1  *widget.Button
	result *fyne.Container
	root   fyne.CanvasObject
}

func newLookup(k *kiosk) *lookupScreen {
	l := &lookupScreen{k: k, result: container.NewVBox()}
	l.kb = newKeyboard(k, kbCode, 30, nil)
	l.find1 = kioskButton(lang.L("Tra cứu"), theme.SearchIcon(), widget.SuccessImportance, k.tap(func() { l.find(l.kb.Text()) }))
	home := kioskButton(lang.L("Về trang chính"), theme.HomeIcon(), widget.MediumImportance, k.tap(func() { k.show(kWelcome) }))
	left := container.NewVBox(
		kioskText(lang.L("Nhập mã hồ sơ ghi trên giấy hẹn, hoặc đưa mã QR vào máy quét:"), fyne.TextAlignLeading, false),
		container.NewStack(canvasBox(), container.NewPadded(l.kb.display)),
		l.kb.root,
		container.NewGridWithColumns(2, tall(home, 90), tall(l.find1, 90)),
	)
	l.root = container.NewBorder(kioskTitle(lang.L("Tra cứu hồ sơ")), nil, nil, nil,
		container.NewGridWithColumns(2, left, container.NewPadded(l.result)))
	return l
}

// open shows the keypad with the agency's code already typed: most codes start with it.
func (l *lookupScreen) open() {
	prefix := ""
	if l.k.agency.Code != "" {
		prefix = l.k.agency.Code + "-"
	}
	l.kb.set(prefix)
	l.result.Objects = nil
	l.result.Refresh()
	l.k.show(kLookup)
}

// find looks code up and shows the public view.
func (l *lookupScreen) find(code string) {
	code = strings.TrimSpace(code)
	if code == "" {
		return
	}
	l.kb.set(strings.ToUpper(code))
	goAsync(func() {
		p, err := l.k.st.PublicStatus(context.Background(), code)
		fyne.Do(func() { l.show(code, p, err) })
	})
}

func (l *lookupScreen) show(code string, p store.PublicStatus, err error) {
	var objs []fyne.CanvasObject
	switch {
	case errors.Is(err, store.ErrNotFound):
		objs = append(objs, kioskText(lang.L("Không tìm thấy hồ sơ mã {{.C}}. Xin kiểm tra lại mã trên giấy hẹn.", map[string]string{"C": strings.ToUpper(code)}), fyne.TextAlignLeading, true))
	case err != nil:
		objs = append(objs, kioskText(err.Error(), fyne.TextAlignLeading, true))
	default:
		row := func(label, value string, bold bool) fyne.CanvasObject {
			v := kioskText(value, fyne.TextAlignLeading, bold)
			return container.NewBorder(nil, nil, widget.NewLabel(label), nil, v)
		}
		status := kioskTitle(p.StatusName)
		status.SizeName = theme.SizeNameSubHeadingText
		status.Alignment = fyne.TextAlignLeading
		objs = append(objs,
			row(lang.L("Mã hồ sơ:"), p.Code, true),
			row(lang.L("Người nộp:"), p.Name, true),
			row(lang.L("Thủ tục:"), p.Procedure, false),
			status,
			kioskText(p.Plain, fyne.TextAlignLeading, false),
			row(lang.L("Hẹn trả kết quả:"), dueText(p.DueAt), true),
		)
		if p.NeedsDocuments {
			objs = append(objs, kioskText(lang.L("Cần bổ sung giấy tờ:"), fyne.TextAlignLeading, true))
			for _, m := range p.Missing {
				objs = append(objs, kioskText("• "+m, fyne.TextAlignLeading, false))
			}
		}
		if p.Late {
			late := kioskText(lang.L("Hồ sơ đã quá thời hạn hẹn trả. Bộ phận một cửa sẽ xin lỗi và hẹn lại thời gian trả kết quả; xin Ông/Bà hỏi tại quầy."), fyne.TextAlignLeading, true)
			late.Importance = widget.DangerImportance
			objs = append(objs, late)
		}
	}
	l.result.Objects = objs
	l.result.Refresh()
	l.k.show(kLookup)
}
