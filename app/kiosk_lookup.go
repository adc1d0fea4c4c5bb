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

	// The answer's lines, made once and filled for each code.
	problem                           *widget.Label // not found, or the store's error
	code, name, proc, plain, due      *widget.Label
	status, missingHead, missing      *widget.Label
	late                              *widget.Label
	codeRow, nameRow, procRow, dueRow fyne.CanvasObject
}

func newLookup(k *kiosk) *lookupScreen {
	l := &lookupScreen{k: k}
	row := func(label string, bold bool) (*widget.Label, fyne.CanvasObject) {
		// The value under its name: a code is one long word, it needs the column's width.
		v := kioskText("", fyne.TextAlignLeading, bold)
		return v, container.NewVBox(widget.NewLabel(label), v)
	}
	l.problem = kioskText("", fyne.TextAlignLeading, true)
	l.code, l.codeRow = row(lang.L("Mã hồ sơ:"), true)
	l.name, l.nameRow = row(lang.L("Người nộp:"), true)
	l.proc, l.procRow = row(lang.L("Thủ tục:"), false)
	l.status = kioskTitle("")
	l.status.SizeName = theme.SizeNameSubHeadingText
	l.status.Alignment = fyne.TextAlignLeading
	l.plain = kioskText("", fyne.TextAlignLeading, false)
	l.due, l.dueRow = row(lang.L("Hẹn trả kết quả:"), true)
	l.missingHead = kioskText(lang.L("Cần bổ sung giấy tờ:"), fyne.TextAlignLeading, true)
	l.missing = kioskText("", fyne.TextAlignLeading, false)
	l.late = kioskText(lang.L("Hồ sơ đã quá thời hạn hẹn trả. Bộ phận một cửa sẽ xin lỗi và hẹn lại thời gian trả kết quả; xin Ông/Bà hỏi tại quầy."), fyne.TextAlignLeading, true)
	l.late.Importance = widget.DangerImportance
	l.result = container.NewVBox(l.problem, l.codeRow, l.nameRow, l.procRow, l.status, l.plain, l.dueRow, l.missingHead, l.missing, l.late)
	l.clear()
	l.kb = newKeyboard(k, kbCode, 30, nil)
	l.find1 = kioskButton(lang.L("Tra cứu"), theme.SearchIcon(), widget.SuccessImportance, k.tap(func() { l.find(l.kb.Text()) }))
	home := kioskButton(lang.L("Về trang chính"), theme.HomeIcon(), widget.MediumImportance, k.tap(func() { k.show(kWelcome) }))
	left := container.NewVBox(
		kioskText(lang.L("Nhập mã hồ sơ ghi trên giấy hẹn, hoặc đưa mã QR vào máy quét:"), fyne.TextAlignLeading, false),
		container.NewStack(canvasBox(), container.NewPadded(l.kb.display)),
		l.kb.root,
		container.NewGridWithColumns(2, k.tall(home, 80), k.tall(l.find1, 80)),
	)
	// The keys take two thirds of a landscape screen (ten keys a row, each a fingertip wide); the
	// answer can be long (missing papers): it scrolls in the last third, never off the screen.
	right := container.NewVScroll(container.NewPadded(l.result))
	l.root = container.NewBorder(kioskTitle(lang.L("Tra cứu hồ sơ")), nil, nil, nil,
		container.New(sideBySide{k: k, weights: []float32{2, 1}}, left, right))
	return l
}

// open shows the keypad with the agency's code already typed: most codes start with it.
func (l *lookupScreen) open() {
	prefix := ""
	if l.k.agency.Code != "" {
		prefix = l.k.agency.Code + "-"
	}
	l.kb.set(prefix)
	l.clear()
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

// clear hides the last answer: the next citizen must not see it.
func (l *lookupScreen) clear() {
	for _, o := range l.result.Objects {
		o.Hide()
	}
}

func (l *lookupScreen) show(code string, p store.PublicStatus, err error) {
	l.clear()
	switch {
	case errors.Is(err, store.ErrNotFound):
		l.problem.SetText(lang.L("Không tìm thấy hồ sơ mã {{.C}}. Xin kiểm tra lại mã trên giấy hẹn.", map[string]string{"C": strings.ToUpper(code)}))
		l.problem.Show()
	case err != nil:
		l.problem.SetText(err.Error())
		l.problem.Show()
	default:
		for _, v := range []struct {
			l    *widget.Label
			row  fyne.CanvasObject
			text string
		}{{l.code, l.codeRow, p.Code}, {l.name, l.nameRow, p.Name}, {l.proc, l.procRow, p.Procedure},
			{l.status, l.status, p.StatusName}, {l.plain, l.plain, p.Plain}, {l.due, l.dueRow, dueText(p.DueAt)}} {
			v.l.SetText(v.text)
			v.row.Show()
		}
		if p.NeedsDocuments {
			var lines []string
			for _, m := range p.Missing {
				lines = append(lines, "• "+m)
			}
			l.missing.SetText(strings.Join(lines, "\n"))
			l.missingHead.Show()
			l.missing.Show()
		}
		showIf(l.late, p.Late)
	}
	l.result.Refresh()
	l.k.show(kLookup)
}
